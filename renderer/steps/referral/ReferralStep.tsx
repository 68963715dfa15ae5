/**
 * 请到他处办理: where the citizen can apply instead, when this kiosk may not
 * serve them. Residents registered in another province: their 户籍地 派出所,
 * or a 居住地 派出所 with a 居住证. Foreigners: the 出入境 window.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatWindow } from '../../app/home/format';
import type { Language } from '../../i18n';
import type { StepProps } from '../../flows/step-props';
import { useStepVoice } from '../../flows/step-voice';
import { TouchButton } from '../../ui/TouchButton';
import '../details/facts.css';

/** `data-testid="referral-step"` (`data-to`) with `referral-done`. */
export function ReferralStep({ view, data, send, accepts }: StepProps<'referral'>): ReactElement {
  const { t, i18n } = useTranslation();
  const residence = data.to === 'registeredResidence';
  useStepVoice(view, residence ? 'voice.flow.referralResidence' : 'voice.flow.referralExitEntry', true);
  const place = [data.registeredProvince, data.registeredCity].filter(Boolean).join('');
  return (
    <section className="step flow-step" data-testid="referral-step" data-to={data.to} aria-labelledby="step-title">
      <h1 id="step-title" className="step__title">
        {t('flow.referral.title')}
      </h1>
      {residence ? (
        <ul className="flow-list" data-testid="referral-places">
          <li>{place ? t('flow.referral.homeStationAt', { place }) : t('flow.referral.homeStation')}</li>
          <li>{t('flow.referral.residenceStation')}</li>
        </ul>
      ) : (
        <dl className="flow-facts flow-facts--large">
          <div className="flow-facts__row">
            <dt>{t('flow.referral.exitEntryWindow')}</dt>
            <dd data-testid="referral-window">{formatWindow(data.window, i18n.language as Language)}</dd>
          </div>
        </dl>
      )}
      <p className="step__note">{residence ? t('flow.referral.residenceNote') : t('flow.referral.exitEntryNote')}</p>
      <div className="flow-actions">
        {accepts('CONFIRM') ? (
          <TouchButton data-testid="referral-done" onPress={() => send({ type: 'CONFIRM' })}>
            {t('flow.referral.done')}
          </TouchButton>
        ) : null}
      </div>
    </section>
  );
}
