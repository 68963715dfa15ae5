/**
 * Document numbers: one sequence per document kind and year, advanced in a
 * single statement inside an IMMEDIATE transaction, so two callers (or two
 * processes on the same file) never get the same number. A number whose
 * document then fails to render is voided, never reused.
 */
import type { Database } from 'better-sqlite3';

/**
 * Short codes of the kinds numbered before kinds were open-ended: their
 * numbers keep the form already in journals and on paper (`WF2026-…`).
 * Any other kind is written out in full (`temporaryId-2026-…`).
 */
export const TYPE_CODES: Readonly<Record<string, string>> = {
  noCriminalRecord: 'WF',
  acceptanceReceipt: 'SL',
  paymentVoucher: 'JF',
};

export interface DocumentNumbers {
  /** The next sequence value for `kind` in `year` (1, 2, 3…). */
  next(kind: string, year: number): number;
}

/** Creates the allocator over the journal's `document_numbers` table. */
export function createDocumentNumbers(db: Database): DocumentNumbers {
  const advance = db.prepare(
    `INSERT INTO document_numbers (type, year, last_value) VALUES (?, ?, 1)
     ON CONFLICT (type, year) DO UPDATE SET last_value = last_value + 1
     RETURNING last_value`,
  );
  const next = db.transaction((type: string, year: number) => (advance.get(type, year) as { last_value: number }).last_value);
  return { next: (type, year) => next.immediate(type, year) };
}

/**
 * The journal's number: kind code, year, station and a six-digit sequence,
 * e.g. `WF2026-HB-KIOSK-01-000123` or `temporaryId-2026-HB-KIOSK-01-000001`.
 * The station part keeps numbers unique across kiosks without a central
 * counter; the hyphen after a written-out kind keeps it apart from the codes.
 */
export function formatDocumentNumber(kind: string, year: number, kioskId: string, sequence: number): string {
  const code = Object.hasOwn(TYPE_CODES, kind) ? TYPE_CODES[kind] : `${kind}-`;
  return `${code}${year}-${kioskId}-${String(sequence).padStart(6, '0')}`;
}
