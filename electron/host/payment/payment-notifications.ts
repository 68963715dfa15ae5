/**
 * The kiosk's inbox for the payment service's pushed notifications
 * (`POST /payment/notify`, body and `x-payment-signature`). Nothing is
 * believed before the port verifies the signature: a forged or garbled
 * notification changes nothing and is answered 401 or 400. A verified one
 * updates the ledger and, when it tells of a payment on an order the kiosk
 * already gave up, has it refunded (late-payment.ts). The body is never
 * logged (it is money data; the order number alone identifies it).
 */
import type { Logger } from '../log/logger';
import type { PaymentLedger } from './ledger';
import type { LatePayments } from './late-payment';
import type { PaymentFailureKind, PaymentPort } from './payment-port';

/** What the HTTP endpoint answers: 200 taken, 400 garbled, 401 not signed by the service, 503 the key is not known yet. */
export type NotificationAnswer = { status: 200 | 400 | 401 | 503; body: string };

export interface PaymentNotifications {
  accept(body: string, signature: string | undefined): Promise<NotificationAnswer>;
}

export const NOTIFY_PATH = '/payment/notify';

function refusalStatus(kind: PaymentFailureKind): NotificationAnswer['status'] {
  switch (kind) {
    case 'badSignature':
      return 401;
    case 'timeout':
    case 'unavailable':
      return 503;
    case 'badResponse':
    case 'notFound':
    case 'declined':
    case 'rejected':
      return 400;
    default: {
      const unknown: never = kind;
      return unknown;
    }
  }
}

export function createPaymentNotifications(deps: { port: PaymentPort; ledger: PaymentLedger; late: LatePayments; logger: Logger }): PaymentNotifications {
  const { port, ledger, late, logger } = deps;
  return {
    async accept(body, signature) {
      const decoded = await port.acceptNotification(body, signature ?? '');
      if (!decoded.ok) {
        const status = refusalStatus(decoded.error.kind);
        logger.warn({ failure: decoded.error.kind, status, bytes: body.length }, 'payment notification refused');
        return { status, body: JSON.stringify({ ok: false, error: decoded.error.kind }) };
      }
      const state = decoded.value;
      if (!ledger.get(state.orderNo)) {
        // Not an order this kiosk raised (another kiosk's, or a misrouted one): acknowledged, not acted on.
        logger.warn({ orderNo: state.orderNo, status: state.status }, 'payment notification for an unknown order');
        return { status: 200, body: '{"ok":true}' };
      }
      ledger.observed(state);
      logger.info({ orderNo: state.orderNo, status: state.status }, 'payment notification');
      await late.settle(state);
      return { status: 200, body: '{"ok":true}' };
    },
  };
}
