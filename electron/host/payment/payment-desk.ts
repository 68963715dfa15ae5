/**
 * What a flow's payment step uses from the host: the payment port, how long
 * an order stays payable, how often to ask about it, and two duties the step
 * hands over. `abandon`: an order the run gave up on (cancel, timeout, the
 * session ended) is closed; if the citizen's payment beat the close, it is
 * refunded at once (the run will not deliver what was paid for) and the
 * refund is journaled. `paid`: a confirmed payment, for the session's journal.
 */
import type { Logger } from '../log/logger';
import type { LatePayments } from './late-payment';
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
  /** Answers how the order's money was settled (`open` when the close failed: the recovery finishes it). */
  abandon(sessionId: string, orderNo: string): Promise<Settlement>;
  paid(sessionId: string, record: PaymentRecord): void;
  /** An order just made: written to the ledger before its QR code is shown. */
  opened(order: { sessionId: string; serviceId: string; orderKey: string; state: OrderState; applicationKey?: string | null }): void;
  /** The service's latest word on an order, for the ledger (a payment on an order the kiosk gave up is refunded, see late-payment.ts). */
  observed(state: OrderState): void;
  /** The kiosk is done with an order's money (see ledger.ts). */
  settled(orderNo: string, settlement: Settlement, note?: string): void;
  /**
   * The back-end refused what was paid for: the whole payment goes back
   * (idempotent by the order), journaled, the ledger settled `refunded`; a
   * refund that fails is a staff alert and the order `alerted`.
   */
  refundRejected(sessionId: string, orderNo: string, reason: string): Promise<RefundOutcome>;
  /** The ledger, for the settlement after a crash or a walk-away (absent in unit tests without one). */
  readonly ledger?: PaymentLedger;
}

/** What a refund for a refused application came to. */
export type RefundOutcome = { kind: 'refunded'; refundNo: string; amountFen: number } | { kind: 'notRefunded'; failure: string };

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
  /** Where a poll that finds a given-up order paid sends it (the host's one instance, shared with the notifications). */
  late?: Pick<LatePayments, 'settle'>;
}

export function createPaymentDesk(deps: PaymentDeskDeps): PaymentDesk {
  const { port, logger } = deps;
  // The submit step and the outbox's settlement may both hear of one refusal: they share one refund.
  const refunding = new Map<string, Promise<RefundOutcome>>();
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
        return 'open';
      }
      if (closed.value.status !== 'paid') {
        logger.info({ sessionId, orderNo, status: closed.value.status }, 'payment order closed');
        deps.ledger?.settle(orderNo, 'abandoned', 'closed unpaid');
        return 'abandoned';
      }
      // Paid just before the close: the run is not going on, so the money goes back.
      const refund = await port.refund({ orderNo, amountFen: closed.value.amountFen - closed.value.refundedFen, reason: 'paid after the kiosk gave up the order', idempotencyKey: `refund-${orderNo}` });
      const record: PaymentRecord = { orderNo, amountFen: closed.value.amountFen, channel: closed.value.channel, paidAt: closed.value.paidAt, items: [], exemption: null, receipt: null };
      if (refund.ok) {
        logger.warn({ sessionId, orderNo, amountFen: refund.value.amountFen }, 'late payment refunded');
        deps.ledger?.observed({ ...closed.value, status: 'refunded', refundedFen: closed.value.refundedFen + refund.value.amountFen });
        deps.ledger?.settle(orderNo, 'refunded', 'paid after the kiosk gave up the order');
        deps.journal?.(sessionId, { ...record, refunded: { refundNo: refund.value.refundNo, amountFen: refund.value.amountFen } });
        return 'refunded';
      } else {
        logger.error({ sessionId, orderNo, failure: refund.error.kind }, 'late payment not refunded');
        deps.journal?.(sessionId, record);
        deps.alert?.(orderNo, `late payment not refunded (${refund.error.kind})`);
        deps.ledger?.settle(orderNo, 'alerted', `refund failed: ${refund.error.kind}`);
        return 'alerted';
      }
    },
    paid(sessionId, record) {
      logger.info({ sessionId, orderNo: record.orderNo, amountFen: record.amountFen, channel: record.channel }, 'payment confirmed');
      deps.journal?.(sessionId, record);
    },
    opened({ sessionId, serviceId, orderKey, state, applicationKey }) {
      deps.ledger?.opened({ orderNo: state.orderNo, orderKey, sessionId, serviceId, amountFen: state.amountFen, applicationKey: applicationKey ?? null });
    },
    refundRejected(sessionId, orderNo, reason) {
      const earlier = refunding.get(orderNo);
      if (earlier) return earlier;
      const settled = deps.ledger?.get(orderNo);
      if (settled?.settlement === 'refunded') return Promise.resolve({ kind: 'refunded', refundNo: 'earlier', amountFen: settled.refundedFen });
      const work = refundOnce(sessionId, orderNo, reason).finally(() => refunding.delete(orderNo));
      refunding.set(orderNo, work);
      return work;
    },
    ...(deps.ledger ? { ledger: deps.ledger } : {}),
    observed(state) {
      deps.ledger?.observed(state);
      // A status query that finds an order the run gave up paid: the same refund as a late notification.
      if (state.status === 'paid' && deps.late)
        void deps.late.settle(state).catch((error: unknown) => logger.error({ err: error, orderNo: state.orderNo }, 'late payment not settled'));
    },
    settled: (orderNo, settlement, note) => deps.ledger?.settle(orderNo, settlement, note),
  };

  async function refundOnce(sessionId: string, orderNo: string, reason: string): Promise<RefundOutcome> {
      const order = await port.queryOrder(orderNo);
      if (!order.ok) return notRefunded(orderNo, `query failed: ${order.error.kind}`);
      deps.ledger?.observed(order.value);
      const record: PaymentRecord = { orderNo, amountFen: order.value.amountFen, channel: order.value.channel, paidAt: order.value.paidAt, items: [], exemption: null, receipt: null };
      const owed = order.value.amountFen - order.value.refundedFen;
      // The same key as any earlier try: a refund is never made twice.
      const refund = owed > 0 ? await port.refund({ orderNo, amountFen: owed, reason: `application rejected: ${reason}`, idempotencyKey: `refund-${orderNo}` }) : undefined;
      if (refund && !refund.ok) return notRefunded(orderNo, `refund failed: ${refund.error.kind}`);
      const refunded = refund ? { refundNo: refund.value.refundNo, amountFen: refund.value.amountFen } : { refundNo: 'earlier', amountFen: order.value.refundedFen };
      logger.warn({ sessionId, orderNo, amountFen: refunded.amountFen, reason }, 'application rejected: payment refunded');
      deps.ledger?.observed({ ...order.value, status: 'refunded', refundedFen: order.value.amountFen });
      deps.ledger?.settle(orderNo, 'refunded', `application rejected: ${reason}`);
      deps.journal?.(sessionId, { ...record, refunded });
      return { kind: 'refunded', ...refunded };

      function notRefunded(no: string, failure: string): RefundOutcome {
        logger.error({ sessionId, orderNo: no, failure }, 'application rejected: payment not refunded');
        deps.alert?.(no, `application rejected, ${failure}`);
        deps.ledger?.settle(no, 'alerted', `application rejected (${reason}); ${failure}`);
        return { kind: 'notRefunded', failure };
      }
  }
}
