/**
 * What a flow's payment step uses from the host: the payment port, how long
 * an order stays payable, how often to ask about it, and two duties the step
 * hands over. `abandon`: an order the run gave up on (cancel, timeout, the
 * session ended) is closed; if the citizen's payment beat the close, it is
 * refunded at once (the run will not deliver what was paid for) and the
 * refund is journaled. `paid`: a confirmed payment, for the session's journal.
 */
import type { Logger } from '../log/logger';
import type { PaymentLedger, Settlement } from './ledger';
import type { FiscalReceipt, OrderState, PaymentItem, PaymentPort } from './payment-port';

/** What the journal keeps of a payment (the transaction's `payment` column): no personal data. */
export interface PaymentRecord {
  orderNo: string;
  amountFen: number;
  channel: string | null;
  paidAt: string | null;
  items: ReadonlyArray<Pick<PaymentItem, 'code' | 'amountFen' | 'basis'>>;
  exemption: string | null;
  receipt: Pick<FiscalReceipt, 'billCode' | 'billNumber' | 'checkCode' | 'url'> | null;
}

export interface PaymentDesk {
  port: PaymentPort;
  orderTimeoutSeconds: number;
  /** How often a waiting step asks the service about its order. */
  pollMs: number;
  abandon(sessionId: string, orderNo: string): Promise<void>;
  paid(sessionId: string, record: PaymentRecord): void;
  /** An order just made: written to the ledger before its QR code is shown. */
  opened(order: { sessionId: string; serviceId: string; orderKey: string; state: OrderState; applicationKey?: string | null }): void;
  /** The service's latest word on an order, for the ledger. */
  observed(state: OrderState): void;
  /** The kiosk is done with an order's money (see ledger.ts). */
  settled(orderNo: string, settlement: Settlement, note?: string): void;
}

export interface PaymentDeskDeps {
  port: PaymentPort;
  orderTimeoutSeconds: number;
  pollMs?: number;
  logger: Logger;
  /** The session journal's record of a payment (and of its automatic refund). */
  journal?: (sessionId: string, record: PaymentRecord & { refunded?: { refundNo: string; amountFen: number } }) => void;
  /** Staff must hear of a payment the kiosk could neither close nor refund. */
  alert?: (orderNo: string, reason: string) => void;
  /** The durable record of every order (the journal's payment_orders); absent in unit tests that do not need it. */
  ledger?: PaymentLedger;
}

export function createPaymentDesk(deps: PaymentDeskDeps): PaymentDesk {
  const { port, logger } = deps;
  return {
    port,
    orderTimeoutSeconds: deps.orderTimeoutSeconds,
    pollMs: deps.pollMs ?? 2000,
    async abandon(sessionId, orderNo) {
      const closed = await port.closeOrder(orderNo);
      if (closed.ok) deps.ledger?.observed(closed.value);
      if (!closed.ok) {
        // The service closes it at its expiry anyway; a payment made meanwhile shows in the day-end reconciliation.
        logger.warn({ sessionId, orderNo, failure: closed.error.kind }, 'payment order not closed');
        return;
      }
      if (closed.value.status !== 'paid') {
        logger.info({ sessionId, orderNo, status: closed.value.status }, 'payment order closed');
        deps.ledger?.settle(orderNo, 'abandoned', 'closed unpaid');
        return;
      }
      // Paid just before the close: the run is not going on, so the money goes back.
      const refund = await port.refund({ orderNo, amountFen: closed.value.amountFen - closed.value.refundedFen, reason: 'paid after the kiosk gave up the order', idempotencyKey: `refund-${orderNo}` });
      const record: PaymentRecord = { orderNo, amountFen: closed.value.amountFen, channel: closed.value.channel, paidAt: closed.value.paidAt, items: [], exemption: null, receipt: null };
      if (refund.ok) {
        logger.warn({ sessionId, orderNo, amountFen: refund.value.amountFen }, 'late payment refunded');
        deps.ledger?.observed({ ...closed.value, status: 'refunded', refundedFen: closed.value.refundedFen + refund.value.amountFen });
        deps.ledger?.settle(orderNo, 'refunded', 'paid after the kiosk gave up the order');
        deps.journal?.(sessionId, { ...record, refunded: { refundNo: refund.value.refundNo, amountFen: refund.value.amountFen } });
      } else {
        logger.error({ sessionId, orderNo, failure: refund.error.kind }, 'late payment not refunded');
        deps.journal?.(sessionId, record);
        deps.alert?.(orderNo, `late payment not refunded (${refund.error.kind})`);
        deps.ledger?.settle(orderNo, 'alerted', `refund failed: ${refund.error.kind}`);
      }
    },
    paid(sessionId, record) {
      logger.info({ sessionId, orderNo: record.orderNo, amountFen: record.amountFen, channel: record.channel }, 'payment confirmed');
      deps.journal?.(sessionId, record);
    },
    opened({ sessionId, serviceId, orderKey, state, applicationKey }) {
      deps.ledger?.opened({ orderNo: state.orderNo, orderKey, sessionId, serviceId, amountFen: state.amountFen, applicationKey: applicationKey ?? null });
    },
    observed: (state) => deps.ledger?.observed(state),
    settled: (orderNo, settlement, note) => deps.ledger?.settle(orderNo, settlement, note),
  };
}
