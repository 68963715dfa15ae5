/**
 * The day-end reconciliation: the kiosk's ledger of the orders it raised on
 * a day against the payment service's signed statement of that day. Every
 * order either side knows is compared; a difference that involves money
 * (missing on one side, a status, an amount or a refund that differs) is a
 * mismatch for staff. An order nobody paid (unpaid or closed, nothing
 * refunded) that one side has as unpaid and the other as closed, or that
 * only one side knows, is a note: no money is at stake.
 */
import type { LedgerOrder } from './ledger';
import type { OrderStatus, StatementOrder } from './payment-port';

export type MismatchKind = 'missingAtKiosk' | 'missingAtService' | 'statusDiffers' | 'amountDiffers' | 'refundDiffers';

/** One side's view of an order. */
export interface OrderView {
  status: OrderStatus;
  amountFen: number;
  refundedFen: number;
}

export interface ReconcileLine {
  orderNo: string;
  kind: MismatchKind;
  kiosk: OrderView | null;
  service: OrderView | null;
}

export interface SideTotals {
  orders: number;
  /** What was paid (orders paid or refunded), in fen. */
  paidFen: number;
  refundedFen: number;
}

export interface Reconciliation {
  date: string;
  mismatches: ReconcileLine[];
  notes: ReconcileLine[];
  matched: number;
  kiosk: SideTotals;
  service: SideTotals;
}

const hasMoney = (view: OrderView) => view.status === 'paid' || view.status === 'refunded' || view.refundedFen > 0;

function totals(views: OrderView[]): SideTotals {
  const paid = views.filter(hasMoney);
  return { orders: views.length, paidFen: paid.reduce((sum, v) => sum + v.amountFen, 0), refundedFen: views.reduce((sum, v) => sum + v.refundedFen, 0) };
}

/** The first way two views of an order differ, or null when they agree. */
function difference(kiosk: OrderView, service: OrderView): MismatchKind | null {
  if (kiosk.status !== service.status) return 'statusDiffers';
  if (kiosk.amountFen !== service.amountFen) return 'amountDiffers';
  if (kiosk.refundedFen !== service.refundedFen) return 'refundDiffers';
  return null;
}

export function reconcile(date: string, ledger: readonly LedgerOrder[], statement: readonly StatementOrder[]): Reconciliation {
  const view = (o: { status: OrderStatus; amountFen: number; refundedFen: number }): OrderView => ({ status: o.status, amountFen: o.amountFen, refundedFen: o.refundedFen });
  const atKiosk = new Map(ledger.map((o) => [o.orderNo, view(o)]));
  const atService = new Map(statement.map((o) => [o.orderNo, view(o)]));
  const orderNos = [...new Set([...atKiosk.keys(), ...atService.keys()])].sort();
  const mismatches: ReconcileLine[] = [];
  const notes: ReconcileLine[] = [];
  let matched = 0;
  for (const orderNo of orderNos) {
    const kiosk = atKiosk.get(orderNo) ?? null;
    const service = atService.get(orderNo) ?? null;
    const kind: MismatchKind | null = !kiosk ? 'missingAtKiosk' : !service ? 'missingAtService' : difference(kiosk, service);
    if (kind === null) {
      matched += 1;
      continue;
    }
    const line = { orderNo, kind, kiosk, service };
    // Neither side has money on it, and they agree on what it would have cost.
    const moneyless = [kiosk, service].every((v) => v === null || !hasMoney(v)) && kind !== 'amountDiffers';
    (moneyless ? notes : mismatches).push(line);
  }
  return { date, mismatches, notes, matched, kiosk: totals([...atKiosk.values()]), service: totals([...atService.values()]) };
}
