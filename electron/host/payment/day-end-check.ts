/**
 * Runs the day-end reconciliation of one day: the ledger's orders made that
 * day in the hall's zone, the service's statement of it, the comparison.
 * Each mismatch goes to staff (`alert`: a staff alert from the host, an
 * audit record of one from the command line) and the run is audited. The
 * service not answering is a value: nothing is compared, nothing alerted.
 */
import { err, ok, type Result } from '../../../domain/result';
import { zonedDayStart } from '../../../domain/calendar-date';
import type { AuditActor, AuditLog } from '../journal/transactions-audit';
import type { PaymentLedger } from './ledger';
import type { PaymentFailure, PaymentPort } from './payment-port';
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
}

/** The day after `day` (YYYY-MM-DD). */
export const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export async function runDayEndCheck(deps: DayEndDeps, date: string): Promise<Result<Reconciliation, PaymentFailure>> {
  const statement = await deps.port.statement(date, deps.timeZone);
  if (!statement.ok) {
    deps.audit?.record({ actor: deps.actor ?? 'host', action: 'payment.reconcileFailed', subject: date, detail: { failure: statement.error.kind } });
    return err(statement.error);
  }
  const ledger = deps.ledger.between(zonedDayStart(date, deps.timeZone), zonedDayStart(nextDay(date), deps.timeZone));
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
