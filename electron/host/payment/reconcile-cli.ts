/**
 * `npm run journal -- reconcile --date YYYY-MM-DD`: the day-end
 * reconciliation from the command line, over the station journal and the
 * configured payment service. Prints the mismatches and a summary; each
 * mismatch is recorded in the journal as a staff alert (the audit record a
 * host alert leaves). Exit codes: 0 all match, 1 mismatches, 2 the service
 * could not be reached (or its answer was not signed by it), 64 bad usage.
 */
import type { Database } from 'better-sqlite3';
import { createAuditLog } from '../journal/transactions-audit';
import { runDayEndCheck } from './day-end-check';
import { createPaymentLedger } from './ledger';
import type { PaymentPort } from './payment-port';
import { formatReconciliation } from './reconcile-report';
import { StatementDate } from './wire';

export const RECONCILE_EXIT = { match: 0, mismatches: 1, unreachable: 2, usage: 64 } as const;
export type ReconcileExit = (typeof RECONCILE_EXIT)[keyof typeof RECONCILE_EXIT];

export interface ReconcileCommand {
  /** The journal, writable (the alerts are recorded in it). */
  db: Database;
  port: PaymentPort;
  date: string;
  timeZone: string;
  out: (text: string) => void;
  err: (text: string) => void;
  now?: () => Date;
}

export async function runReconcileCommand(command: ReconcileCommand): Promise<ReconcileExit> {
  const { db, date, out, err } = command;
  if (!StatementDate.safeParse(date).success || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    err(`--date: not a date YYYY-MM-DD: "${date}"\n`);
    return RECONCILE_EXIT.usage;
  }
  const audit = createAuditLog(db, command.now);
  const result = await runDayEndCheck(
    {
      port: command.port,
      ledger: createPaymentLedger(db, command.now),
      timeZone: command.timeZone,
      audit,
      actor: 'staff',
      alert: (orderNo) =>
        audit.record({
          actor: 'staff',
          action: 'staff.alert',
          subject: orderNo,
          detail: { kind: 'payment', paymentIssue: 'reconcileMismatch', messageKey: 'staff.alert.payment.reconcileMismatch', date },
        }),
    },
    date,
  );
  if (!result.ok) {
    err(`The payment service's statement for ${date} could not be had: ${result.error.kind}\n`);
    return RECONCILE_EXIT.unreachable;
  }
  out(formatReconciliation(result.value));
  return result.value.mismatches.length > 0 ? RECONCILE_EXIT.mismatches : RECONCILE_EXIT.match;
}
