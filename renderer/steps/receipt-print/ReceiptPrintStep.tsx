/**
 * A slip on the receipt printer (a collection slip, an acknowledgement):
 * printing… / printed (take it) / not printed. The screen repeats what the
 * slip says, so a citizen whose slip did not print can still note it. One
 * reprint while the host offers it.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepProps } from '../../flows/step-props';
import { useStepVoice } from '../../flows/step-voice';
import { Waiting } from '../../flows/Waiting';
import { TouchButton } from '../../ui/TouchButton';
import { DetailList } from '../details/DetailList';

const VOICE = {
  printing: 'voice.flow.receiptPrinting',
  printed: 'voice.flow.receiptPrinted',
  notPrinted: 'voice.flow.receiptNotPrinted',
} as const;

/** `data-testid="receipt-print-step"` (`data-state`) with `receipt-details`, `receipt-taken`, `receipt-reprint`, `receipt-continue`. */
export function ReceiptPrintStep({ view, data, send, accepts }: StepProps<'receiptPrint'>): ReactElement {
  const { t } = useTranslation();
  useStepVoice(view, VOICE[data.state], data.state === 'printed');
  const reprint = data.reprintAvailable && accepts('REPRINT');
  return (
    <section
      className="step flow-step"
      data-testid="receipt-print-step"
      data-state={data.state}
      aria-labelledby="step-title"
    >
      <h1 id="step-title" className="step__title">
        {t(data.titleKey)}
      </h1>
      {data.state === 'printing' ? <Waiting text={t('flow.receiptPrint.waiting')} /> : null}
      {data.state === 'printed' ? <p className="flow-step__lead">{t('flow.receiptPrint.take')}</p> : null}
      {data.state === 'notPrinted' ? <p className="flow-step__lead">{t('flow.receiptPrint.notPrinted')}</p> : null}
      {data.rows.length > 0 ? <DetailList rows={data.rows} testId="receipt-details" /> : null}
      <div className="flow-actions">
        {data.state === 'printed' && accepts('CONFIRM') ? (
          <TouchButton data-testid="receipt-taken" onPress={() => send({ type: 'CONFIRM' })}>
            {t('flow.receiptPrint.taken')}
          </TouchButton>
        ) : null}
        {reprint ? (
          <TouchButton
            variant={data.state === 'printed' ? 'secondary' : 'primary'}
            data-testid="receipt-reprint"
            onPress={() => send({ type: 'REPRINT' })}
          >
            {t('flow.receiptPrint.reprint')}
          </TouchButton>
        ) : null}
        {data.state === 'notPrinted' && accepts('CONFIRM') ? (
          <TouchButton
            variant={reprint ? 'secondary' : 'primary'}
            data-testid="receipt-continue"
            onPress={() => send({ type: 'CONFIRM' })}
          >
            {t('flow.receiptPrint.continue')}
          </TouchButton>
        ) : null}
      </div>
    </section>
  );
}
