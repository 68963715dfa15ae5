/**
 * submit: the application goes to the back-end (a wait the host bounds), or
 * the back-end refused it: why, in its words, and what happened to the fee
 * (refunded, or staff will refund it at the counter). The host decides both;
 * the screen only says so.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepProps } from '../../flows/step-props';
import { useStepVoice } from '../../flows/step-voice';
import { Waiting } from '../../flows/Waiting';
import { TouchButton } from '../../ui/TouchButton';

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** `data-testid="submit-step"` (`data-state`), with `submit-reason`, `submit-refund` and `submit-confirm` when refused. */
export function SubmitStep({ view, data, send, accepts }: StepProps<'submit'>): ReactElement {
  const { t } = useTranslation();
  useStepVoice(view, data.state === 'rejected' ? 'voice.flow.submitRejected' : 'voice.flow.submitting', data.state === 'sending');
  return (
    <section className="step flow-step" data-testid="submit-step" data-state={data.state} aria-labelledby="step-title">
      <h1 id="step-title" className="step__title">
        {t(data.state === 'rejected' ? 'flow.submit.rejectedTitle' : 'flow.submit.title')}
      </h1>
      {data.state === 'sending' ? <Waiting text={t('flow.submit.sending')} /> : null}
      {data.state === 'rejected' ? (
        <>
          <p className="flow-step__lead" data-testid="submit-reason">
            {t(`flow.submit.reason.${data.reason ?? 'other'}`)}
          </p>
          <p className="flow-step__lead" data-testid="submit-refund" data-refund={data.refund ?? ''}>
            {t(`flow.submit.refund.${data.refund ?? 'nothingPaid'}`, { amount: yuan(data.refundedFen ?? 0) })}
          </p>
        </>
      ) : null}
      <div className="flow-actions">
        {data.state === 'rejected' && accepts('CONFIRM') ? (
          <TouchButton data-testid="submit-confirm" onPress={() => send({ type: 'CONFIRM' })}>
            {t('flow.submit.confirm')}
          </TouchButton>
        ) : null}
      </div>
    </section>
  );
}
