/**
 * A fee to pay: the items (收费项目, 标准, 依据, amount; what is due after an
 * exemption, with the rule applied), the total in 元, and the order's QR code,
 * large, for 微信, 支付宝 or 云闪付, with "or show your 付款码 to the scanner"
 * and a countdown to the order's close. The screen never decides that the
 * citizen paid: the host moves on when the payment service confirms it.
 * Cancel is BACK (the host closes the order); after a timeout or a failure,
 * a new QR code (RETRY) or the counter (CONFIRM).
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useIdleHold } from '../../app/idle/IdleContext';
import type { StepProps } from '../../flows/step-props';
import { useStepVoice } from '../../flows/step-voice';
import { Waiting } from '../../flows/Waiting';
import { QrCode } from '../../ui/QrCode';
import { TouchButton } from '../../ui/TouchButton';
import { minutesSeconds, useSecondsLeft } from '../../ui/use-seconds-left';
import './PaymentStep.css';

const amount = (fen: number) => (fen / 100).toFixed(2);

/** `data-testid="payment-step"` (`data-state`), with `payment-total`, `payment-qr`, `payment-countdown`, `payment-cancel`, `payment-retry`, `payment-counter`, `payment-continue`. */
export function PaymentStep({ view, data, send, accepts, elderMode }: StepProps<'payment'>): ReactElement {
  const { t } = useTranslation();
  const paying = data.state === 'waiting' || data.state === 'charging';
  const stopped = data.state === 'expired' || data.state === 'failed';
  const seconds = useSecondsLeft(paying ? data.expiresAt : null);
  // The citizen is busy with a phone: the session must not time out under them.
  useIdleHold(paying);
  useStepVoice(view, stopped ? 'voice.flow.paymentFailed' : data.state === 'exempt' ? 'voice.flow.paymentExempt' : 'voice.flow.payment', paying);
  const yuan = (fen: number) => t('flow.payment.yuan', { amount: amount(fen) });
  const time = seconds === null ? '' : minutesSeconds(seconds);

  return (
    <section className={`step flow-step payment-step${elderMode ? ' payment-step--elder' : ''}`} data-testid="payment-step" data-state={data.state} aria-labelledby="step-title">
      <h1 id="step-title" className="step__title">
        {data.state === 'exempt' ? t('flow.payment.exemptTitle') : t(data.titleKey)}
      </h1>
      <div className="payment-step__body">
        <div className="payment-step__bill">
          <table className="payment-step__items">
            <thead>
              <tr>
                <th scope="col">{t('flow.payment.item')}</th>
                <th scope="col">{t('flow.payment.standard')}</th>
                <th scope="col">{t('flow.payment.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={item.nameKey}>
                  <th scope="row">
                    {t(item.nameKey)}
                    <span className="payment-step__basis">
                      {t('flow.payment.basis')}：{item.basis}
                    </span>
                  </th>
                  <td>{item.standard}</td>
                  <td>
                    {item.dueFen !== item.amountFen ? <s className="payment-step__was">{yuan(item.amountFen)}</s> : null}
                    {yuan(item.dueFen)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.exemption ? (
            <p className="payment-step__exemption" data-testid="payment-exemption">
              {t('flow.payment.exemption', { name: t(data.exemption.nameKey), basis: data.exemption.basis })}
            </p>
          ) : null}
          <p className="payment-step__total" data-testid="payment-total">
            {t('flow.payment.total')} <strong>{yuan(data.totalFen)}</strong>
          </p>
        </div>
        <div className="payment-step__pay">
          {paying && data.qrText ? (
            <>
              <div className="payment-step__qr" data-testid="payment-qr">
                <QrCode text={data.qrText} label={t('flow.payment.scan')} size={elderMode ? 360 : 300} />
              </div>
              <p className="payment-step__scan">{t('flow.payment.scan')}</p>
              <p className="payment-step__code">{t('flow.payment.orShowCode')}</p>
              {seconds !== null ? (
                <p className="payment-step__countdown" data-testid="payment-countdown" role="timer">
                  {t('flow.payment.countdown', { time })}
                </p>
              ) : null}
              {data.state === 'charging' ? <Waiting text={t('flow.payment.charging')} /> : null}
            </>
          ) : null}
          {data.state === 'creating' ? <Waiting text={t('flow.payment.creating')} /> : null}
          {data.state === 'confirming' ? <Waiting text={t('flow.payment.confirming')} /> : null}
          {view.messageKey && (stopped || data.failure) ? (
            <p className="payment-step__message" role="alert">
              {t(view.messageKey)}
            </p>
          ) : null}
        </div>
      </div>
      <div className="flow-actions">
        {data.state === 'exempt' && accepts('CONFIRM') ? (
          <TouchButton data-testid="payment-continue" onPress={() => send({ type: 'CONFIRM' })}>
            {t('flow.payment.exemptContinue')}
          </TouchButton>
        ) : null}
        {stopped && accepts('RETRY') ? (
          <TouchButton data-testid="payment-retry" onPress={() => send({ type: 'RETRY' })}>
            {t('flow.payment.retry')}
          </TouchButton>
        ) : null}
        {stopped && accepts('CONFIRM') ? (
          <TouchButton variant="secondary" data-testid="payment-counter" onPress={() => send({ type: 'CONFIRM' })}>
            {t('flow.payment.toCounter')}
          </TouchButton>
        ) : null}
        {accepts('BACK') && data.state !== 'confirming' ? (
          <TouchButton variant="secondary" data-testid="payment-cancel" onPress={() => send({ type: 'BACK' })}>
            {t('flow.payment.cancel')}
          </TouchButton>
        ) : null}
      </div>
    </section>
  );
}
