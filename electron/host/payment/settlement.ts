/**
 * The payment settlement: what makes sure money is never lost or taken twice
 * when a run does not finish its own business with it.
 * - `recover()` at host start (after the journal opens, before the outbox
 *   sender starts): every ledger order still `open` is asked about. Paid: its
 *   held application is released (the sender delivers it, once, by its key),
 *   settled `delivered`, and staff are told (`paidNotDelivered`: the citizen
 *   left without the 受理编号). Unpaid: closed (a close that answers paid is
 *   taken as paid). Closed: the held application is discarded (`abandoned`).
 *   Refunded: `refunded`. A service that does not answer: left open and asked
 *   again on a timer. Held entries no open order waits for are discarded.
 *   Then the orders given up (`abandoned`) in the last day are asked about:
 *   one paid after its close is refunded as a late payment (late-payment.ts).
 * - `sessionEnded()`: a session that ended with a paid order still open (the
 *   citizen walked away between paying and submitting): the application is
 *   released, staff are told (`walkedAwayAfterPaying`) and a slip printed;
 *   the order is settled `alerted` (WALKED_AWAY_QUEUED) so a restart before
 *   delivery does not tell staff again, and `delivered` once it is delivered.
 * - `outboxEvent()`: the sender's word: delivered settles the order
 *   `delivered`; refused for good refunds it (shared with the submit step).
 */
import type { OutboxEvent, OutboxStore } from '../outbox';
import type { TicketPrinter } from '../flows/ports';
import type { Logger } from '../log/logger';
import { APPLICATION_QUEUED, WALKED_AWAY_QUEUED, type LedgerOrder, type PaymentLedger } from './ledger';
import type { LatePayments } from './late-payment';
import type { PaymentDesk } from './payment-desk';
import type { OrderState } from './payment-port';
import type { StaffAlerts } from '../staff/alerts';

export interface PaymentSettlementDeps {
  desk: PaymentDesk;
  ledger: PaymentLedger;
  outbox: Pick<OutboxStore, 'release' | 'discard' | 'held' | 'has'>;
  alerts: Pick<StaffAlerts, 'paymentNeedsStaff'>;
  /** The walk-away slip (masked, no personal data); absent: no slip. */
  slips?: Pick<TicketPrinter, 'printInfoSlip'>;
  logger: Logger;
  /** How soon orders the service did not answer about are asked again (default 60 s). */
  retryMs?: number;
  /** Late payments: at start, the orders given up in the last day are asked about again and a payment on one refunded. */
  late?: Pick<LatePayments, 'recheck'>;
  now?: () => Date;
}

/** How far back the recovery looks for given-up orders a late payment may have reached. */
export const LATE_PAYMENT_WINDOW_MS = 24 * 3600_000;

export interface PaymentSettlement {
  /** Settles what a stopped host left open, and refunds late payments on orders given up lately; resolves with the orders still open (the service did not answer). */
  recover(): Promise<number>;
  sessionEnded(sessionId: string): Promise<void>;
  outboxEvent(event: OutboxEvent): void;
  /** Stops the retry timer. */
  stop(): void;
}

export function createPaymentSettlement(deps: PaymentSettlementDeps): PaymentSettlement {
  const { desk, ledger, outbox, alerts, logger } = deps;
  const log = logger.child({ component: 'payment-settlement' });
  const retryMs = deps.retryMs ?? 60_000;
  let retry: NodeJS.Timeout | undefined;
  let stopped = false;
  /** Orders left open at start because the service did not answer: only these are asked again (a live run owns the others). */
  const unanswered = new Set<string>();

  function settlePaid(order: LedgerOrder, issue: 'paidNotDelivered' | 'walkedAwayAfterPaying'): void {
    const key = order.applicationKey;
    const queued = key !== null && outbox.has(key);
    if (key) outbox.release(key);
    alerts.paymentNeedsStaff({ orderNo: order.orderNo, issue });
    // Still in the outbox: settled when the sender delivers it; gone: it was delivered before the stop.
    // A walk-away's alert is recorded (`alerted`): a restart before delivery must not raise paidNotDelivered for it too.
    if (queued) desk.settled(order.orderNo, issue === 'walkedAwayAfterPaying' ? 'alerted' : 'open', issue === 'walkedAwayAfterPaying' ? WALKED_AWAY_QUEUED : APPLICATION_QUEUED);
    else desk.settled(order.orderNo, key ? 'delivered' : 'alerted', issue);
    log.warn({ orderNo: order.orderNo, issue, queued }, 'paid order settled without its run');
  }

  function settleUnpaid(order: LedgerOrder, settlement: 'abandoned' | 'refunded', note: string): void {
    if (order.applicationKey) outbox.discard(order.applicationKey);
    desk.settled(order.orderNo, settlement, note);
  }

  async function recoverOne(order: LedgerOrder): Promise<boolean> {
    if (order.note === APPLICATION_QUEUED) {
      if (order.applicationKey && !outbox.has(order.applicationKey)) desk.settled(order.orderNo, 'delivered', 'delivered before the restart');
      return true;
    }
    const asked = await desk.port.queryOrder(order.orderNo);
    if (!asked.ok) return false;
    desk.observed(asked.value);
    let state: OrderState = asked.value;
    if (state.status === 'unpaid') {
      const closed = await desk.port.closeOrder(order.orderNo);
      if (!closed.ok) return false;
      desk.observed(closed.value);
      state = closed.value;
    }
    switch (state.status) {
      case 'paid':
        settlePaid({ ...order, status: 'paid' }, 'paidNotDelivered');
        return true;
      case 'closed':
      case 'unpaid':
        settleUnpaid(order, 'abandoned', 'closed unpaid after a restart');
        return true;
      case 'refunded':
        settleUnpaid(order, 'refunded', 'refunded before the restart');
        return true;
      default: {
        const never: never = state.status;
        return never;
      }
    }
  }

  /** A poll of the orders given up lately: one paid after its close is refunded (late-payment.ts), as a notification would have had it. */
  async function recheckAbandoned(): Promise<void> {
    if (!deps.late) return;
    const to = new Date((deps.now ?? (() => new Date()))().getTime() + 1);
    const given = ledger.between(new Date(to.getTime() - LATE_PAYMENT_WINDOW_MS), to).filter((order) => order.settlement === 'abandoned');
    for (const order of given) {
      const outcome = await deps.late.recheck(order.orderNo).catch((error: unknown) => {
        log.error({ err: error, orderNo: order.orderNo }, 'given-up order not asked about');
        return 'unanswered' as const;
      });
      if (outcome !== 'notLate') log.info({ orderNo: order.orderNo, outcome }, 'given-up order asked about at start');
      // A service that does not answer would hold up the start once per order: the day-end reconciliation asks again.
      if (outcome === 'unanswered') return;
    }
  }

  async function recoverAll(orders: LedgerOrder[]): Promise<number> {
    let open = 0;
    for (const order of orders) {
      const settled = await recoverOne(order).catch((error: unknown) => {
        log.error({ err: error, orderNo: order.orderNo }, 'order not settled');
        return false;
      });
      if (settled) unanswered.delete(order.orderNo);
      else {
        unanswered.add(order.orderNo);
        open += 1;
      }
    }
    if (open > 0 && !stopped) {
      clearTimeout(retry);
      retry = setTimeout(() => void recoverAll(ledger.open().filter((o) => unanswered.has(o.orderNo))), retryMs);
      retry.unref?.();
    }
    return open;
  }

  return {
    async recover() {
      const open = await recoverAll(ledger.open());
      // Held for an order that was never made (a stop between the two), or one settled without it: never to be sent.
      for (const entry of outbox.held()) {
        const order = ledger.byApplicationKey(entry.idempotencyKey);
        if (!order || order.settlement === 'abandoned' || order.settlement === 'refunded') outbox.discard(entry.idempotencyKey);
      }
      await recheckAbandoned();
      return open;
    },
    async sessionEnded(sessionId) {
      for (const order of ledger.ofSession(sessionId)) {
        if (order.settlement !== 'open' || order.status !== 'paid' || order.note === APPLICATION_QUEUED) continue;
        settlePaid(order, 'walkedAwayAfterPaying');
        const printed = await deps.slips
          ?.printInfoSlip({
            sessionId,
            // The application is only queued (the outbox sends it when the back-end answers): say so, not 已提交.
            title: '缴费凭证（申请排队待提交）',
            lines: [
              { label: '订单号', value: order.orderNo },
              { label: '金额', value: `${(order.amountFen / 100).toFixed(2)}元` },
            ],
            code: order.orderNo,
            notes: [
              '已缴费。申请已排队，将自动提交，尚未受理。',
              '请凭此凭证到窗口查询受理结果、领取受理回执；申请未被受理的，费用原路退回。',
            ],
          })
          .catch(() => ({ kind: 'notPrinted' as const }));
        log.info({ orderNo: order.orderNo, slip: printed?.kind ?? 'none' }, 'walked away after paying');
      }
    },
    outboxEvent(event) {
      if (event.kind !== 'delivered' && event.kind !== 'rejected') return;
      const order = ledger.byApplicationKey(event.idempotencyKey);
      const walkedAway = order?.settlement === 'alerted' && order.note === WALKED_AWAY_QUEUED;
      if (!order || (order.settlement !== 'open' && order.settlement !== 'delivered' && !walkedAway)) return;
      if (event.kind === 'delivered') {
        const how = event.receiptNumber ? 'application accepted' : 'application delivered';
        if (order.settlement === 'open' || walkedAway) desk.settled(order.orderNo, 'delivered', walkedAway ? `${how} after a walk-away (staff alerted)` : how);
        return;
      }
      if (order.status === 'paid') void desk.refundRejected(order.sessionId, order.orderNo, event.reason ?? 'other');
    },
    stop() {
      stopped = true;
      clearTimeout(retry);
    },
  };
}
