/** The flow could not go on (back end down, internal fault): try again when the host allows it, or end. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepProps } from '../../flows/step-props';
import { useStepVoice } from '../../flows/step-voice';
import { TouchButton } from '../../ui/TouchButton';

/** `data-testid="failed-step"` (`data-reason`) with `failed-retry` and `failed-end`. */
export function FailedStep({ view, data, send, accepts }: StepProps<'failed'>): ReactElement {
  const { t } = useTranslation();
  useStepVoice(view, 'voice.flow.failed', true);
  return (
    <section
      className="step flow-step"
      data-testid="failed-step"
      data-reason={data.reason}
      aria-labelledby="step-title"
    >
      <h1 id="step-title" className="step__title">
        {t('flow.failed.title')}
      </h1>
      <p className="flow-step__lead">{t('flow.failed.lead')}</p>
      <div className="flow-actions">
        {data.canRetry && accepts('RETRY') ? (
          <TouchButton data-testid="failed-retry" onPress={() => send({ type: 'RETRY' })}>
            {t('flow.failed.retry')}
          </TouchButton>
        ) : null}
        {accepts('CONFIRM') ? (
          <TouchButton
            variant={data.canRetry ? 'secondary' : 'primary'}
            data-testid="failed-end"
            onPress={() => send({ type: 'CONFIRM' })}
          >
            {t('flow.failed.end')}
          </TouchButton>
        ) : null}
      </div>
    </section>
  );
}
