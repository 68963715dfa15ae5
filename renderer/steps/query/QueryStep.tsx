/**
 * The record query: a calm wait while the host asks the police back end;
 * when it failed, the reason (the view's message), a retry while the host
 * allows one, and the counter.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepProps } from '../../flows/step-props';
import { Waiting } from '../../flows/Waiting';
import { TouchButton } from '../../ui/TouchButton';
import { useSpeakOnShow } from '../../voice/VoiceContext';

/** `data-testid="query-step"` (`data-state`) with `query-retry` and `query-counter` when it failed. */
export function QueryStep({ data, send, accepts }: StepProps<'query'>): ReactElement {
  const { t } = useTranslation();
  const failed = data.state === 'failed';
  useSpeakOnShow(failed ? 'voice.flow.queryFailed' : 'voice.flow.query');
  return (
    <section className="step flow-step" data-testid="query-step" data-state={data.state} aria-labelledby="step-title">
      <h1 id="step-title" className="step__title">
        {failed ? t('flow.query.failedTitle') : t('flow.query.title')}
      </h1>
      {failed ? (
        <>
          {data.retriesLeft > 0 ? (
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
