/** What will happen, and consent to the face check (the hall learns only yes or no). */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

export interface IntroScreenProps {
  onAnswer: (granted: boolean) => Promise<void>;
}

const STEPS = ['face', 'call', 'read', 'sign'] as const;

/** `data-testid="intro-screen"` with `consent-agree` and `consent-decline`. */
export function IntroScreen({ onAnswer }: IntroScreenProps): ReactElement {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const answer = (granted: boolean): void => {
    if (busy) return;
    setBusy(true);
    void onAnswer(granted).finally(() => setBusy(false));
  };
  return (
    <section className="screen" data-testid="intro-screen">
      <h1 className="screen__title">{t('intro.title')}</h1>
      <p className="screen__lead">{t('intro.lead')}</p>
      <ol className="intro__steps">
        {STEPS.map((step) => (
          <li key={step}>{t(`intro.steps.${step}`)}</li>
        ))}
      </ol>
      <p className="screen__note">{t('intro.privacy')}</p>
      <button type="button" className="button" data-testid="consent-agree" disabled={busy} onClick={() => answer(true)}>
        {t('intro.agree')}
      </button>
      <button type="button" className="button button--quiet" data-testid="consent-decline" disabled={busy} onClick={() => answer(false)}>
        {t('intro.decline')}
      </button>
    </section>
  );
}
