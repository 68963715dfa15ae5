/**
 * What the staff screens read from the journal for one day (the hall's
 * zone): today's sessions masked, the day-end counts and fees, the print
 * failures, and the last document printed. Only columns that are already
 * masked or carry no personal data are read.
 */
import type { Database } from 'better-sqlite3';
import { zonedDayStart, zonedIsoDate } from '../../../domain/calendar-date';
import type { DayEndReport, JournalEntry, StaffDocument } from '../../contract/staff';
import { nextDay } from '../payment/day-end-check';

/** A4 test pages are journaled under this kind; never "the last document". */
export const TEST_PAGE_KIND = 'staff-test-page';

export interface StaffJournal {
  today(): string;
  sessions(): JournalEntry[];
  dayEnd(): Omit<DayEndReport, 'reconciliation'>;
  /**
   * The last document printed at this kiosk today (not a test page), or null;
   * a print that failed counts (a jam or paper out is what a reprint is for).
   */
  lastDocument(): StaffDocument | null;
}

export function createStaffJournal(db: Database, now: () => Date, timeZone: string): StaffJournal {
  const bounds = () => {
    const day = zonedIsoDate(now(), timeZone);
    return {
      day,
      from: zonedDayStart(day, timeZone).toISOString(),
      to: zonedDayStart(nextDay(day), timeZone).toISOString(),
    };
  };
  const sessions = db.prepare(
    `SELECT started_at, service_id, outcome, id_number_masked, fee_fen FROM transactions
     WHERE started_at >= ? AND started_at < ? ORDER BY started_at DESC LIMIT 500`,
  );
  const counts = db.prepare(
    `SELECT coalesce(service_id, '') AS service_id, outcome, count(*) AS n, sum(fee_fen) AS fees FROM transactions
     WHERE started_at >= ? AND started_at < ? GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  // A4 prints journal `completed` (CUPS said the job completed), receipt slips `printed` (ticket-printer.ts): anything else failed.
  const printFailures = db.prepare(
    `SELECT count(*) AS n FROM audit_events WHERE at >= ? AND at < ?
     AND action IN ('document.print', 'document.reprint', 'ticket.print', 'receipt.print', 'slip.print', 'feeSlip.print')
     AND coalesce(json_extract(detail, '$.outcome'), '') NOT IN ('completed', 'printed')`,
  );
  // A failed print counts: the reprint is most wanted then (and it is the one the reprint hold keeps).
  const last = db.prepare(
    `SELECT number, type, updated_at, reprint_count FROM documents
     WHERE status = 'rendered' AND type <> ? AND print_outcome <> 'notAttempted' AND created_at >= ? AND created_at < ?
     ORDER BY created_at DESC, rowid DESC LIMIT 1`,
  );
  return {
    today: () => bounds().day,
    sessions() {
      const { from, to } = bounds();
      return (
        sessions.all(from, to) as Array<{
          started_at: string;
          service_id: string | null;
          outcome: string;
          id_number_masked: string | null;
          fee_fen: number;
        }>
      ).map((row) => ({
        startedAt: row.started_at,
        serviceId: row.service_id,
        outcome: row.outcome,
        idNumberMasked: row.id_number_masked,
        feeFen: row.fee_fen,
      }));
    },
    dayEnd() {
      const { day, from, to } = bounds();
      const rows = counts.all(from, to) as Array<{
        service_id: string;
        outcome: string;
        n: number;
        fees: number | null;
      }>;
      return {
        day,
        byServiceAndOutcome: rows.map((row) => ({ serviceId: row.service_id, outcome: row.outcome, count: row.n })),
        feesFen: rows.reduce((sum, row) => sum + (row.fees ?? 0), 0),
        printFailures: (printFailures.get(from, to) as { n: number }).n,
      };
    },
    lastDocument() {
      const { from, to } = bounds();
      const row = last.get(TEST_PAGE_KIND, from, to) as
        { number: string; type: string; updated_at: string; reprint_count: number } | undefined;
      return row
        ? { number: row.number, type: row.type, printedAt: row.updated_at, reprinted: row.reprint_count > 0 }
        : null;
    },
  };
}
