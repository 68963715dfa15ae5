/** 核对信息: what the certificate will say (name, number, purpose, query date) before it prints. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepProps } from '../../flows/step-props';
import { TouchButton } from '../../ui/TouchButton';
import { useSpeakOnShow } from '../../voice/VoiceContext';

/** `data-testid="review-step"` with `review-confirm`. */
export function ReviewStep({ data, send, accepts }: StepProps<'review'>): ReactElement {
  const { t } = useTranslation();
  useSpeakOnShow('voice.flow.review');
  return (
    <section className="step flow-step" data-testid="review-step" aria-labelledby="step-title">
      <h1 id="step-title" className="step__title">
        {t('flow.review.title')}
      </h1>
      <p className="flow-step__lead">{t('flow.review.lead')}</p>
      <dl className="flow-facts" data-testid="review-facts">
        <div className="flow-facts__row">
          <dt>{t('flow.review.name')}</dt>
          <dd data-testid="review-name">{data.name ?? t('flow.review.noName')}</dd>
        </div>
        <div className="flow-facts__row">
          <dt>{t('flow.review.number')}</dt>
          <dd className="flow-facts__number" data-testid="review-number">
            {data.idNumberMasked}
          </dd>
        </div>
        <div className="flow-facts__row">
          <dt>{t('flow.review.purpose')}</dt>
          <dd data-testid="review-purpose">{t(`flow.purpose.options.${data.purpose}`)}</dd>
        </div>
        {data.queryDate ? (
          <div className="flow-facts__row">
            <dt>{t('flow.review.queryDate')}</dt>
            <dd data-testid="review-date">{data.queryDate}</dd>
          </div>
        ) : null}
      </dl>
      <p className="step__note">{t('flow.review.paper')}</p>
      <div className="flow-actions">
        {accepts('CONFIRM') ? (
          <TouchButton data-testid="review-confirm" onPress={() => send({ type: 'CONFIRM' })}>
            {t('flow.review.confirm')}
          </TouchButton>
        ) : null}
      </div>
    </section>
  );
}
