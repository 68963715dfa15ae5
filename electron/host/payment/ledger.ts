/**
 * The payment ledger (table `payment_orders`, migration 6): what the kiosk
 * knows of every order it raised. `settlement` says whether the kiosk is
 * done with the money: `open` while a run (or the recovery after a crash)
 * still owes the citizen something, `delivered` when what was paid for was
 * handed on, `refunded` when the money went back, `abandoned` for an order
 * closed unpaid, `alerted` when staff were told to settle it by hand.
 */
import type { Database } from 'better-sqlite3';
import type { OrderState, OrderStatus } from './payment-port';

export type Settlement = 'open' | 'delivered' | 'refunded' | 'abandoned' | 'alerted';

/**
 * The note on an open order whose application is released to the outbox and
 * whose citizen was told (or a slip says) the 受理编号 follows: nothing is
 * owed to the citizen any more, the order settles when the sender delivers.
 */
export const APPLICATION_QUEUED = 'application queued in the outbox';

/**
 * The note on a paid order whose citizen walked away before submitting: its
 * application is released to the outbox and staff were already alerted
 * (walkedAwayAfterPaying). Settled `alerted`, not `open`, so a restart does
 * not ask about it and alert a second time (paidNotDelivered); it settles
 * `delivered` when the sender delivers (or is refunded if refused).
 */
export const WALKED_AWAY_QUEUED = 'walked away after paying: staff alerted, application queued';

export interface LedgerOrder {
  orderNo: string;
  orderKey: string;
  sessionId: string;
  serviceId: string;
  amountFen: number;
  status: OrderStatus;
  refundedFen: number;
  channel: string | null;
  paidAt: string | null;
  /** The outbox entry this order pays for, when the run holds one. */
  applicationKey: string | null;
  settlement: Settlement;
  /** A few words on how it was settled (no personal data). */
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewLedgerOrder {
  orderNo: string;
  orderKey: string;
  sessionId: string;
  serviceId: string;
  amountFen: number;
  applicationKey?: string | null;
}

export interface PaymentLedger {
  /** Records an order just made (a second call for the same order keeps the first). */
  opened(order: NewLedgerOrder): void;
  /** The service's word on the order (status, refunds, channel). */
  observed(state: Pick<OrderState, 'orderNo' | 'status' | 'refundedFen' | 'channel' | 'paidAt'>): void;
  settle(orderNo: string, settlement: Settlement, note?: string): void;
  get(orderNo: string): LedgerOrder | undefined;
  /** Orders the kiosk still owes something on, oldest first. */
  open(): LedgerOrder[];
  /** The order that pays for an outbox entry. */
  byApplicationKey(applicationKey: string): LedgerOrder | undefined;
  /** A session's orders, oldest first. */
  ofSession(sessionId: string): LedgerOrder[];
  /** Orders made in [from, to), oldest first. */
  between(from: Date, to: Date): LedgerOrder[];
}

interface Row {
  order_no: string;
  order_key: string;
  session_id: string;
  service_id: string;
  amount_fen: number;
  status: OrderStatus;
  refunded_fen: number;
  channel: string | null;
  paid_at: string | null;
  application_key: string | null;
  settlement: Settlement;
  note: string | null;
  created_at: string;
  updated_at: string;
}

const fromRow = (row: Row): LedgerOrder => ({
  orderNo: row.order_no,
  orderKey: row.order_key,
  sessionId: row.session_id,
  serviceId: row.service_id,
  amountFen: row.amount_fen,
  status: row.status,
  refundedFen: row.refunded_fen,
  channel: row.channel,
  paidAt: row.paid_at,
  applicationKey: row.application_key,
  settlement: row.settlement,
  note: row.note,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** The ledger over a journal database that has migration 6. */
export function createPaymentLedger(db: Database, now: () => Date = () => new Date()): PaymentLedger {
  const insert = db.prepare(
    `INSERT INTO payment_orders (order_no, order_key, session_id, service_id, amount_fen, status, application_key, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'unpaid', ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  // A status only moves forward: an older answer arriving late never undoes a payment or a refund.
  const observe = db.prepare(
    `UPDATE payment_orders SET
       status = CASE WHEN status = 'refunded' THEN status WHEN status = 'paid' AND @status IN ('unpaid', 'closed') THEN status ELSE @status END,
       refunded_fen = max(refunded_fen, @refundedFen),
       channel = coalesce(@channel, channel), paid_at = coalesce(@paidAt, paid_at), updated_at = @at
     WHERE order_no = @orderNo`,
  );
  const settleRow = db.prepare('UPDATE payment_orders SET settlement = ?, note = ?, updated_at = ? WHERE order_no = ?');
  const one = db.prepare('SELECT * FROM payment_orders WHERE order_no = ?');
  const openRows = db.prepare(`SELECT * FROM payment_orders WHERE settlement = 'open' ORDER BY created_at, order_no`);
  const byApplication = db.prepare('SELECT * FROM payment_orders WHERE application_key = ? ORDER BY created_at DESC LIMIT 1');
  const bySession = db.prepare('SELECT * FROM payment_orders WHERE session_id = ? ORDER BY created_at, order_no');
  const range = db.prepare('SELECT * FROM payment_orders WHERE created_at >= ? AND created_at < ? ORDER BY created_at, order_no');
  return {
    opened(order) {
      const at = now().toISOString();
      insert.run(order.orderNo, order.orderKey, order.sessionId, order.serviceId, order.amountFen, order.applicationKey ?? null, at, at);
    },
    observed(state) {
      observe.run({ orderNo: state.orderNo, status: state.status, refundedFen: state.refundedFen, channel: state.channel, paidAt: state.paidAt, at: now().toISOString() });
    },
    settle(orderNo, settlement, note) {
      settleRow.run(settlement, note?.slice(0, 200) ?? null, now().toISOString(), orderNo);
    },
    get(orderNo) {
      const row = one.get(orderNo) as Row | undefined;
      return row ? fromRow(row) : undefined;
    },
    open: () => (openRows.all() as Row[]).map(fromRow),
    byApplicationKey(applicationKey) {
      const row = byApplication.get(applicationKey) as Row | undefined;
      return row ? fromRow(row) : undefined;
    },
    ofSession: (sessionId) => (bySession.all(sessionId) as Row[]).map(fromRow),
    between: (from, to) => (range.all(from.toISOString(), to.toISOString()) as Row[]).map(fromRow),
  };
}
