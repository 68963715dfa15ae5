/**
 * A payment that arrived after the kiosk closed its order: the citizen's
 * channel raced the close (the callback came late), the run is over and
 * nothing will be delivered, so the money goes back at once. Told by a
 * verified notification, or by a poll (any signed answer to a status query:
 * the desk's, the recovery at start, the day-end reconciliation), saying
 * `paid` for an order the ledger holds as `abandoned`. The refund's
 * idempotency key is stable (`late-${orderNo}`) and one order is refunded by
 * one call at a time: a notification and a poll that both see the payment
 * refund it once.
 */
import type { Logger } from '../log/logger';
import type { AuditLog } from '../journal/transactions-audit';
import type { PaymentLedger } from './ledger';
import type { OrderState, PaymentPort } from './payment-port';

/** `unanswered`: a poll the service did not answer (nothing known, nothing done). */
export type LatePaymentOutcome = 'notLate' | 'refunded' | 'refundFailed' | 'unanswered';

export interface LatePaymentDeps {
  port: PaymentPort;
  ledger: PaymentLedger;
  logger: Logger;
  audit?: AuditLog;
  /** Staff settle by hand a late payment the kiosk could not refund. */
  alert?: (orderNo: string) => void;
}

export const latePaymentKey = (orderNo: string) => `late-${orderNo}`;

export interface LatePayments {
  /** Refunds `state` when it is a payment on an order the kiosk gave up; says what it did. */
  settle(state: OrderState): Promise<LatePaymentOutcome>;
  /** A poll: asks the service about `orderNo`, writes its answer to the ledger, then settles it as above. */
  recheck(orderNo: string): Promise<LatePaymentOutcome>;
}

export function createLatePayments(deps: LatePaymentDeps): LatePayments {
  const { port, ledger, logger } = deps;
  // A notification and a poll may tell of the same payment at once: one refund attempt per order at a time.
  const inFlight = new Set<string>();
  const late: LatePayments = {
    async recheck(orderNo) {
      const asked = await port.queryOrder(orderNo);
      if (!asked.ok) return 'unanswered';
      ledger.observed(asked.value);
      return late.settle(asked.value);
    },
    async settle(state) {
      const known = ledger.get(state.orderNo);
      if (state.status !== 'paid' || known?.settlement !== 'abandoned' || inFlight.has(state.orderNo)) return 'notLate';
      inFlight.add(state.orderNo);
      try {
        const amountFen = state.amountFen - state.refundedFen;
        const refund = await port.refund({ orderNo: state.orderNo, amountFen, reason: 'paid after the order was closed', idempotencyKey: latePaymentKey(state.orderNo) });
        if (refund.ok) {
          logger.warn({ orderNo: state.orderNo, amountFen: refund.value.amountFen }, 'late payment refunded');
          ledger.observed({ ...state, status: 'refunded', refundedFen: state.refundedFen + refund.value.amountFen });
          ledger.settle(state.orderNo, 'refunded', 'paid after the order was closed; refunded');
          deps.audit?.record({
            actor: 'host',
            action: 'payment.lateRefunded',
            sessionId: known.sessionId,
            subject: state.orderNo,
            detail: { amountFen: refund.value.amountFen, refundNo: refund.value.refundNo, channel: state.channel },
          });
          return 'refunded';
        }
        logger.error({ orderNo: state.orderNo, failure: refund.error.kind }, 'late payment not refunded');
        ledger.settle(state.orderNo, 'alerted', `late payment; refund failed: ${refund.error.kind}`);
        deps.audit?.record({ actor: 'host', action: 'payment.lateRefundFailed', sessionId: known.sessionId, subject: state.orderNo, detail: { amountFen, failure: refund.error.kind } });
        deps.alert?.(state.orderNo);
        return 'refundFailed';
      } finally {
        inFlight.delete(state.orderNo);
      }
    },
  };
  return late;
}
