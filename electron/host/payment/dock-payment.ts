/**
 * The dock's "手机扫码支付" (simulation only): stands in for the citizen's
 * phone scanning the QR code the current payment step shows. The host pays
 * that order in its embedded payment sandbox; the step learns it as it
 * learns any payment, from the payment service's signed answer when it
 * polls. The renderer never reaches the sandbox, and names no order: the
 * host pays only the order on the kiosk's own screen.
 */
import type { CallHandlers, HandlerOutcome } from '../api/dispatch';
import { flowOf } from '../flows/session-flow';
import type { Logger } from '../log/logger';
import type { SessionStore } from '../session/session-store';
import type { SandboxPaymentHandler } from './sandbox-payment-server';

export interface DockPaymentDeps {
  /** The embedded sandbox (absent on a real kiosk or with a payment service over HTTP). */
  sandbox: SandboxPaymentHandler | undefined;
  /** Whether the dock is open (a simulated kiosk). */
  enabled: boolean;
  /** The QR code text of the order the current session's payment step shows, or null. */
  shownQr: () => string | null;
  logger: Logger;
}

/** The order number in a sandbox QR code (`…/sandbox/scan/<orderNo>`). */
export function orderNoOfQr(qrText: string): string | null {
  const match = /\/sandbox\/scan\/([A-Za-z0-9_-]{1,64})$/.exec(qrText);
  return match ? match[1]! : null;
}

export function dockPaymentHandler(deps: DockPaymentDeps): CallHandlers['dock.pay'] {
  const refused = (reasonKey: string): HandlerOutcome<'dock.pay'> => ({ ok: true, value: { outcome: 'refused', reasonKey } });
  return ({ channel }) => {
    if (!deps.enabled || !deps.sandbox) return refused('dock.pay.notSimulation');
    const qr = deps.shownQr();
    const orderNo = qr === null ? null : orderNoOfQr(qr);
    if (orderNo === null) return refused('dock.pay.noOrder');
    const paid = deps.sandbox.payment.payByPhone(orderNo, channel);
    deps.logger.info({ orderNo, channel, paid: paid.ok }, 'dock: order paid by phone in the sandbox');
    return paid.ok ? { ok: true, value: { outcome: 'paid' } } : refused('dock.pay.refused');
  };
}

/** The QR code the current session's payment step shows (an order waiting to be paid), or null. */
export function shownPaymentQr(sessions: SessionStore): string | null {
  const session = sessions.current();
  const data = session ? flowOf(session)?.view().data : undefined;
  return data?.step === 'payment' && data.state === 'waiting' ? data.qrText : null;
}
