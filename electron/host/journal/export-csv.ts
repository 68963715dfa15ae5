/**
 * The station's statistics export: the transactions (or the daily counters)
 * of a date range as CSV (RFC 4180, UTF-8 with a BOM so spreadsheet programs
 * read the Chinese text). Only what the journal holds goes out: masked
 * names and ID numbers, keyed hashes, never a full ID number or name.
 */
import type { Database } from 'better-sqlite3';
import { err, ok, type Result } from '../../../domain/result';
import type { TransactionDocument, TransactionFeeItem, TransactionRow } from './transactions-repo';
import { parseCompactDate, zonedDayStart } from '../../../domain/calendar-date';

export type ExportKind = 'transactions' | 'counters';

export interface ExportRange {
  /** First day, `YYYY-MM-DD` in the kiosk's configured zone, inclusive. */
  from: string;
  /** Last day, inclusive. */
  to: string;
  /** The configured zone whose midnights bound the days (default Asia/Shanghai, never the machine's zone). */
  timeZone?: string;
}

export type ExportError = { kind: 'badDate'; field: 'from' | 'to'; value: string } | { kind: 'emptyRange' };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `day` when it is a real date `YYYY-MM-DD`. */
function realDay(day: string): string | undefined {
  const match = DAY.exec(day);
  return match && parseCompactDate(`${match[1]}${match[2]}${match[3]}`) ? day : undefined;
}

/** The day after `day` (`YYYY-MM-DD`). */
function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** One CSV field: quoted when needed; a leading =, +, - or @ is defused for spreadsheets. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const toCsv = (header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string =>
  `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;

export const TRANSACTION_COLUMNS = [
  'session_id',
  'service_id',
  'started_at',
  'ended_at',
  'end_reason',
  'outcome',
  'last_step',
  'last_step_kind',
  'identity_source',
  'card_type',
  'name_masked',
  'id_number_masked',
  'id_hash',
  'visit_number',
  'fee_fen',
  'fee_items',
  'payment',
  'document_numbers',
  'backend_numbers',
  'document_sha256',
  'print_outcome',
  'ticket_number',
  'ticket_outcome',
] as const;

export const COUNTER_COLUMNS = ['day', 'service_id', 'outcome', 'count'] as const;

/** A JSON array column's items; a row that does not hold one exports as none. */
function parseList<T>(text: string): T[] {
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? (parsed as T[]) : [];
  } catch {
    return [];
  }
}

/** The fee items as `code:amountFen` joined by `;` (`temporary-id:1000`): the legal basis is the service's, not the visit's. */
export function feeItemsField(text: string): string {
  return parseList<TransactionFeeItem>(text)
    .map((item) => `${item.code}:${item.amountFen}`)
    .join(';');
}

/** The CSV of `kind` for the days `range.from`…`range.to`. */
export function exportJournalCsv(db: Database, kind: ExportKind, range: ExportRange): Result<{ csv: string; rows: number }, ExportError> {
  const first = realDay(range.from);
  if (!first) return err({ kind: 'badDate', field: 'from', value: range.from });
  const last = realDay(range.to);
  if (!last) return err({ kind: 'badDate', field: 'to', value: range.to });
  if (last < first) return err({ kind: 'emptyRange' });
  // Instants in the journal are UTC; the days are the hall's, from its midnight to the next.
  const from = zonedDayStart(first, range.timeZone);
  switch (kind) {
    case 'transactions': {
      const end = zonedDayStart(nextDay(last), range.timeZone);
      const rows = db
        .prepare(
          `SELECT t.*, (SELECT count(*) FROM transactions p WHERE p.id_hash = t.id_hash AND p.started_at <= t.started_at) AS visit_number
           FROM transactions t WHERE t.ended_at >= ? AND t.ended_at < ? ORDER BY t.ended_at, t.session_id`,
        )
        .all(from.toISOString(), end.toISOString()) as Array<TransactionRow & { visit_number: number }>;
      const lines = rows.map((row) => {
        const documents = parseList<TransactionDocument>(row.documents);
        return [
          row.session_id,
          row.service_id,
          row.started_at,
          row.ended_at,
          row.end_reason,
          row.outcome,
          row.last_step,
          row.last_step_kind,
          row.identity_source,
          row.card_type,
          row.name_masked,
          row.id_number_masked,
          row.id_hash,
          row.id_hash ? row.visit_number : null,
          row.fee_fen,
          feeItemsField(row.fee_items),
          // Order and receipt references as journaled (JSON), empty while the kiosk takes no payment.
          row.payment,
          documents.map((d) => d.number).join(';'),
          documents.map((d) => d.backendNumber ?? '').join(';'),
          documents.map((d) => d.sha256 ?? '').join(';'),
          row.print_outcome,
          row.ticket_number,
          row.ticket_outcome,
        ];
      });
      return ok({ csv: toCsv(TRANSACTION_COLUMNS, lines), rows: lines.length });
    }
    case 'counters': {
      const rows = db
        .prepare('SELECT day, service_id, outcome, count FROM counters WHERE day >= ? AND day <= ? ORDER BY day, service_id, outcome')
        .all(range.from, range.to) as Array<{ day: string; service_id: string; outcome: string; count: number }>;
      return ok({ csv: toCsv(COUNTER_COLUMNS, rows.map((r) => [r.day, r.service_id, r.outcome, r.count])), rows: rows.length });
    }
    default: {
      const unknown: never = kind;
      return unknown;
    }
  }
}
