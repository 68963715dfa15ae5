/**
 * 到窗口办理: the queue ticket (window and number) in discreet, neutral words.
 * The screen is seen by the hall: it says why only in the reason the host
 * chose (a service keeps it coarse where a reason would reveal something,
 * e.g. whether a record was found).
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatWindow } from '../../app/home/format';
import type { Language } from '../../i18n';
import type { StepProps } from '../../flows/step-props';
import { useStepVoice } from '../../flows/step-voice';
import { Waiting } from '../../flows/Waiting';
import { TouchButton } from '../../ui/TouchButton';
import '../details/facts.css';

/** `data-testid="counter-step"` (`data-ticket`) with `counter-reason`, `counter-window`, `counter-ticket`, `counter-done`. */
export function CounterStep({ view, data, send, accepts }: StepProps<'counter'>): ReactElement {
  const { t, i18n } = useTranslation();
  const window = formatWindow(data.window, i18n.language as Language);
  const ticket = data.ticket;
  const printing = ticket.state === 'printing';
  useStepVoice(view, printing ? 'voice.flow.counterPrinting' : 'voice.flow.counter', !printing);
  return (
    <section
      className="step flow-step"
      data-testid="counter-step"
      data-ticket={ticket.state}
      aria-labelledby="step-title"
    >
      <h1 id="step-title" className="step__title">
        {t('flow.counter.title')}
      </h1>
      <p className="flow-step__lead" data-testid="counter-reason">
        {t(data.reasonKey, data.reasonValues)}
      </p>
      {ticket.state === 'printing' ? <Waiting text={t('flow.counter.printing')} /> : null}
      <dl className="flow-facts flow-facts--large">
        <div className="flow-facts__row">
          <dt>{t('flow.counter.window')}</dt>
          <dd data-testid="counter-window">{window}</dd>
        </div>
        {ticket.number ? (
          <div className="flow-facts__row">
            <dt>{t('flow.counter.ticketNumber')}</dt>
            <dd data-testid="counter-ticket">{ticket.number}</dd>
          </div>
        ) : null}
      </dl>
      {ticket.state === 'printed' ? <p className="flow-step__lead">{t('flow.counter.takeTicket')}</p> : null}
      {ticket.state === 'notPrinted' ? (
        <p className="flow-step__lead">{t('flow.counter.noTicket', { window })}</p>
      ) : null}
      <p className="step__note">{t('flow.counter.bring')}</p>
      <div className="flow-actions">
        {accepts('CONFIRM') ? (
          <TouchButton data-testid="counter-done" onPress={() => send({ type: 'CONFIRM' })}>
            {t('flow.counter.done')}
          </TouchButton>
        ) : null}
      </div>
    </section>
  );
}
