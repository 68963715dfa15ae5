/**
 * Runs the day-end reconciliation of one day: the ledger's orders made that
 * day in the hall's zone, the service's statement of it, the comparison.
 * Each mismatch goes to staff (`alert`: a staff alert from the host, an
 * audit record of one from the command line) and the run is audited. The
 * service not answering is a value: nothing is compared, nothing alerted.
 * An order the kiosk gave up (`abandoned`) that the statement shows paid is
 * a late payment: it is asked about and refunded (late-payment.ts) before
 * the comparison, which then reads the statement again.
 */
import { err, ok, type Result } from '../../../domain/result';
import { zonedDayStart } from '../../../domain/calendar-date';
import type { AuditActor, AuditLog } from '../journal/transactions-audit';
import type { LatePayments } from './late-payment';
import type { LedgerOrder, PaymentLedger } from './ledger';
import type { PaymentFailure, PaymentPort, StatementOrder } from './payment-port';
import { reconcile, type Reconciliation } from './reconcile';

export interface DayEndDeps {
  port: PaymentPort;
  ledger: Pick<PaymentLedger, 'between'>;
  timeZone: string;
  audit?: AuditLog;
  /** Who ran it: the host's timer, or staff at the command line. */
  actor?: AuditActor;
  /** Staff hear of an order whose money the two sides disagree on. */
  alert?: (orderNo: string) => void;
  /** Late payments the statement reveals are refunded through this (absent: they are only compared). */
  late?: Pick<LatePayments, 'recheck'>;
}

/** The day after `day` (YYYY-MM-DD). */
export const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The orders the kiosk gave up that the statement shows paid: each is asked about and refunded; says whether any outcome changed. */
async function refundLatePayments(late: Pick<LatePayments, 'recheck'>, ledger: readonly LedgerOrder[], statement: readonly StatementOrder[]): Promise<boolean> {
  const paidAtService = new Set(statement.filter((o) => o.status === 'paid').map((o) => o.orderNo));
  let changed = false;
  for (const order of ledger) {
    if (order.settlement !== 'abandoned' || !paidAtService.has(order.orderNo)) continue;
    const outcome = await late.recheck(order.orderNo);
    if (outcome === 'refunded' || outcome === 'refundFailed') changed = true;
  }
  return changed;
}

export async function runDayEndCheck(deps: DayEndDeps, date: string): Promise<Result<Reconciliation, PaymentFailure>> {
  const day = () => deps.ledger.between(zonedDayStart(date, deps.timeZone), zonedDayStart(nextDay(date), deps.timeZone));
  let statement = await deps.port.statement(date, deps.timeZone);
  if (!statement.ok) {
    deps.audit?.record({ actor: deps.actor ?? 'host', action: 'payment.reconcileFailed', subject: date, detail: { failure: statement.error.kind } });
    return err(statement.error);
  }
  let ledger = day();
  if (deps.late && (await refundLatePayments(deps.late, ledger, statement.value.orders))) {
    // Compared as they stand after the refunds (the first statement still shows them paid).
    const again = await deps.port.statement(date, deps.timeZone);
    if (again.ok) statement = again;
    ledger = day();
  }
  const result = reconcile(date, ledger, statement.value.orders);
  for (const line of result.mismatches) deps.alert?.(line.orderNo);
  deps.audit?.record({
    actor: deps.actor ?? 'host',
    action: 'payment.reconciled',
    subject: date,
    detail: { matched: result.matched, mismatches: result.mismatches.length, notes: result.notes.length, kioskPaidFen: result.kiosk.paidFen, servicePaidFen: result.service.paidFen },
  });
  return ok(result);
}
