/**
 * 打印: printing… / printed (collect the certificate and the receipt) / not
 * printed (the reason is the view's message). One reprint while the host
 * offers it, and the counter when printing did not work.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepProps } from '../../flows/step-props';
import { Waiting } from '../../flows/Waiting';
import { TouchButton } from '../../ui/TouchButton';
import { useSpeakOnShow } from '../../voice/VoiceContext';

/** `data-testid="print-step"` (`data-state`) with `print-collected`, `print-reprint`, `print-counter`. */
export function PrintStep({ data, send, accepts }: StepProps<'print'>): ReactElement {
  const { t } = useTranslation();
  useSpeakOnShow(
    data.state === 'printing'
      ? 'voice.flow.printing'
      : data.state === 'printed'
        ? 'voice.flow.printed'
        : 'voice.flow.notPrinted',
  );
  const reprint = data.reprintAvailable && accepts('REPRINT');
  return (
    <section className="step flow-step" data-testid="print-step" data-state={data.state} aria-labelledby="step-title">
      <h1 id="step-title" className="step__title">
        {t(`flow.print.title.${data.state}`)}
      </h1>
      {data.state === 'printing' ? (
        <Waiting text={t('flow.print.waiting')} detail={t('flow.print.waitingDetail')} />
      ) : null}
      {data.state === 'printed' ? (
        <>
          <p className="flow-step__lead" data-testid="print-collect">
            {t(data.receipt === 'printed' ? 'flow.print.collectBoth' : 'flow.print.collectCertificate')}
          </p>
          {data.receipt === 'notPrinted' ? <p className="step__note">{t('flow.print.receiptMissing')}</p> : null}
          {data.receipt === 'printing' ? <p className="step__note">{t('flow.print.receiptPrinting')}</p> : null}
          {data.documentNumber ? (
            <dl className="flow-facts">
              <div className="flow-facts__row">
                <dt>{t('flow.print.documentNumber')}</dt>
                <dd data-testid="print-document-number">{data.documentNumber}</dd>
              </div>
              {data.verifyCode ? (
                <div className="flow-facts__row">
                  <dt>{t('flow.print.verifyCode')}</dt>
                  <dd data-testid="print-verify-code">{data.verifyCode}</dd>
                </div>
              ) : null}
            </dl>
          ) : null}
        </>
      ) : null}
      {data.state === 'notPrinted' ? <p className="flow-step__lead">{t('flow.print.notPrintedLead')}</p> : null}
      <div className="flow-actions">
        {data.state === 'printed' && accepts('CONFIRM') ? (
          <TouchButton data-testid="print-collected" onPress={() => send({ type: 'CONFIRM' })}>
            {t('flow.print.collected')}
          </TouchButton>
        ) : null}
        {reprint ? (
          <TouchButton
            variant={data.state === 'printed' ? 'secondary' : 'primary'}
            data-testid="print-reprint"
            onPress={() => send({ type: 'REPRINT' })}
          >
            {t('flow.print.reprint')}
          </TouchButton>
        ) : null}
        {data.state === 'notPrinted' && accepts('CONFIRM') ? (
          <TouchButton
            variant={reprint ? 'secondary' : 'primary'}
            data-testid="print-counter"
            onPress={() => send({ type: 'CONFIRM' })}
          >
            {t('flow.print.toCounter')}
          </TouchButton>
        ) : null}
      </div>
    </section>
  );
}
