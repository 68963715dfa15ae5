/**
 * 打印 on A4: printing… / printed (collect the document, and the collection
 * slip printed with it) / not printed (the reason is the view's message).
 * One reprint while the host offers it, and the counter when printing did
 * not work. The document number and verification code are public: the
 * citizen may note them.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepProps } from '../../flows/step-props';
import { useStepVoice } from '../../flows/step-voice';
import { Waiting } from '../../flows/Waiting';
import { TouchButton } from '../../ui/TouchButton';
import { NoteList } from '../details/NoteList';
import '../details/facts.css';

const VOICE = {
  printing: 'voice.flow.a4Printing',
  printed: 'voice.flow.a4Printed',
  notPrinted: 'voice.flow.a4NotPrinted',
} as const;

/** `data-testid="a4-print-step"` (`data-state`) with `print-collected`, `print-reprint`, `print-counter`. */
export function A4PrintStep({ view, data, send, accepts }: StepProps<'a4Print'>): ReactElement {
  const { t } = useTranslation();
  useStepVoice(view, VOICE[data.state], data.state === 'printed');
  const reprint = data.reprintAvailable && accepts('REPRINT');
  return (
    <section className="step flow-step" data-testid="a4-print-step" data-state={data.state} aria-labelledby="step-title">
      <h1 id="step-title" className="step__title">
        {t(`flow.a4Print.title.${data.state}`)}
      </h1>
      {data.state === 'printing' ? (
        <Waiting text={t('flow.a4Print.waiting')} detail={t('flow.a4Print.waitingDetail')} />
      ) : null}
      {data.state === 'printed' ? (
        <>
          <p className="flow-step__lead" data-testid="print-collect">
            {t(data.receipt === 'printed' ? 'flow.a4Print.collectBoth' : 'flow.a4Print.collectDocument')}
          </p>
          {data.receipt === 'notPrinted' ? <p className="step__note">{t('flow.a4Print.receiptMissing')}</p> : null}
          {data.receipt === 'printing' ? <p className="step__note">{t('flow.a4Print.receiptPrinting')}</p> : null}
          {data.documentNumber ? (
            <dl className="flow-facts">
              <div className="flow-facts__row">
                <dt>{t('flow.a4Print.documentNumber')}</dt>
                <dd data-testid="print-document-number">{data.documentNumber}</dd>
              </div>
              {data.verifyCode ? (
                <div className="flow-facts__row">
                  <dt>{t('flow.a4Print.verifyCode')}</dt>
                  <dd data-testid="print-verify-code">{data.verifyCode}</dd>
                </div>
              ) : null}
            </dl>
          ) : null}
          <NoteList keys={data.noteKeys} />
        </>
      ) : null}
      {data.state === 'notPrinted' ? (
        <p className="flow-step__lead">{t(reprint ? 'flow.a4Print.notPrintedLead' : 'flow.a4Print.notPrintedCounter')}</p>
      ) : null}
      <div className="flow-actions">
        {data.state === 'printed' && accepts('CONFIRM') ? (
          <TouchButton data-testid="print-collected" onPress={() => send({ type: 'CONFIRM' })}>
            {t('flow.a4Print.collected')}
          </TouchButton>
        ) : null}
        {reprint ? (
          <TouchButton
            variant={data.state === 'printed' ? 'secondary' : 'primary'}
            data-testid="print-reprint"
            onPress={() => send({ type: 'REPRINT' })}
          >
            {t('flow.a4Print.reprint')}
          </TouchButton>
        ) : null}
        {data.state === 'notPrinted' && accepts('CONFIRM') ? (
          <TouchButton
            variant={reprint ? 'secondary' : 'primary'}
            data-testid="print-counter"
            onPress={() => send({ type: 'CONFIRM' })}
          >
            {t('flow.a4Print.toCounter')}
          </TouchButton>
        ) : null}
      </div>
    </section>
  );
}
