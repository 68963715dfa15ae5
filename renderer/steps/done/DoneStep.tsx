/** The end of a flow, whatever happened: a word for the outcome and one button that ends the session. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepProps } from '../../flows/step-props';
import { TouchButton } from '../../ui/TouchButton';
import { useSpeakOnShow } from '../../voice/VoiceContext';

/** `data-testid="done-step"` (`data-outcome`) with `done-finish`. */
export function DoneStep({ data, onFinish }: StepProps<'done'>): ReactElement {
  const { t } = useTranslation();
  useSpeakOnShow('voice.flow.done');
  return (
    <section
      className="step flow-step"
      data-testid="done-step"
      data-outcome={data.outcome}
      aria-labelledby="step-title"
    >
      <h1 id="step-title" className="step__title">
        {t('flow.done.title')}
      </h1>
      <p className="flow-step__lead">{t(`flow.done.outcome.${data.outcome}`)}</p>
      <p className="step__note">{t('flow.done.wiped')}</p>
      <div className="flow-actions">
        <TouchButton data-testid="done-finish" onPress={onFinish}>
          {t('flow.done.finish')}
        </TouchButton>
      </div>
    </section>
  );
}
