/**
 * A look-up the host makes for the service (a record, a registration): a
 * calm wait under the service's title; when it failed, the reason (the
 * view's message), a retry while the host allows one, and the counter.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepProps } from '../../flows/step-props';
import { useStepVoice } from '../../flows/step-voice';
import { Waiting } from '../../flows/Waiting';
import { TouchButton } from '../../ui/TouchButton';

/** `data-testid="query-step"` (`data-state`) with `query-retry` and `query-counter` when it failed. */
export function QueryStep({ view, data, send, accepts }: StepProps<'query'>): ReactElement {
  const { t } = useTranslation();
  const failed = data.state === 'failed';
  useStepVoice(view, failed ? 'voice.flow.queryFailed' : 'voice.flow.query', !failed);
  return (
    <section className="step flow-step" data-testid="query-step" data-state={data.state} aria-labelledby="step-title">
      <h1 id="step-title" className="step__title">
        {failed ? t('flow.query.failedTitle') : t(data.titleKey)}
      </h1>
      {failed ? (
        <>
          {data.retriesLeft > 0 && accepts('RETRY') ? (
            <p className="flow-step__lead">{t('flow.query.retriesLeft', { count: data.retriesLeft })}</p>
          ) : null}
          <div className="flow-actions">
            {accepts('RETRY') ? (
              <TouchButton data-testid="query-retry" onPress={() => send({ type: 'RETRY' })}>
                {t('flow.query.retry')}
              </TouchButton>
            ) : null}
            {accepts('CONFIRM') ? (
              <TouchButton
                variant={accepts('RETRY') ? 'secondary' : 'primary'}
                data-testid="query-counter"
                onPress={() => send({ type: 'CONFIRM' })}
              >
                {t('flow.query.toCounter')}
              </TouchButton>
            ) : null}
          </div>
        </>
      ) : (
        <Waiting text={t('flow.query.waiting')} detail={t('flow.query.waitingDetail')} />
      )}
    </section>
  );
}
