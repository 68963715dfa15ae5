/**
 * Document numbers: one sequence per document type and year, advanced in a
 * single statement inside an IMMEDIATE transaction, so two callers (or two
 * processes on the same file) never get the same number. A number whose
 * document then fails to render is voided, never reused.
 */
import type { Database } from 'better-sqlite3';
import type { DocumentType } from '../documents/document-types';

/** Short code per type in the printed number. */
export const TYPE_CODES: Record<DocumentType, string> = {
  noCriminalRecord: 'WF',
  acceptanceReceipt: 'SL',
  paymentVoucher: 'JF',
};

export interface DocumentNumbers {
  /** The next sequence value for `type` in `year` (1, 2, 3…). */
  next(type: DocumentType, year: number): number;
}

/** Creates the allocator over the journal's `document_numbers` table. */
export function createDocumentNumbers(db: Database): DocumentNumbers {
  const advance = db.prepare(
    `INSERT INTO document_numbers (type, year, last_value) VALUES (?, ?, 1)
     ON CONFLICT (type, year) DO UPDATE SET last_value = last_value + 1
     RETURNING last_value`,
  );
  const next = db.transaction((type: DocumentType, year: number) => (advance.get(type, year) as { last_value: number }).last_value);
  return { next: (type, year) => next.immediate(type, year) };
}

/**
 * The printed number: type code, year, station and a six-digit sequence,
 * e.g. `WF2026-HB-KIOSK-01-000123`. The station part keeps numbers unique
 * across kiosks without a central counter.
 */
export function formatDocumentNumber(type: DocumentType, year: number, kioskId: string, sequence: number): string {
  return `${TYPE_CODES[type]}${year}-${kioskId}-${String(sequence).padStart(6, '0')}`;
}
