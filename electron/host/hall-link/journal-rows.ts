/**
 * Journal rows as the hall receives them: a finished session from its
 * `transactions` row, an audit event from its `audit_events` row. Masked
 * identity only; any ID number that slipped into an audit detail or subject
 * is masked here too (the link carries no full number, whatever a caller wrote).
 */
import { maskIdNumber, maskIdNumbersInText } from '../../../domain/mask';
import type { ServiceCategory } from '../../contract';
import { AuditRow, MaskedIdNumber, SessionRow } from '../../contract/hall-link';
import type { TransactionRow } from '../journal/transactions-repo';

export interface AuditEventRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  session_id: string | null;
  subject: string | null;
  detail: string | null;
}

/** The hall's row for a closed transaction; null while it is still open (no end yet). */
export function sessionRowOf(row: TransactionRow, categoryOf: (serviceId: string) => ServiceCategory | null): SessionRow | null {
  if (!row.ended_at) return null;
  return SessionRow.parse({
    type: 'session',
    rowId: `s-${row.session_id}`,
    sessionId: row.session_id.slice(0, 64),
    serviceId: row.service_id?.slice(0, 64) ?? null,
    category: row.service_id ? categoryOf(row.service_id) : null,
    outcome: row.outcome.slice(0, 32),
    startedAt: iso(row.started_at),
    endedAt: iso(row.ended_at),
    lastStep: row.last_step?.slice(0, 64) ?? null,
    feeFen: Math.max(0, Math.trunc(row.fee_fen)),
    idNumberMasked: safeMaskedNumber(row.id_number_masked),
  });
}

/** The hall's row for an audit event (its session id, if any, goes into `detail`). */
export function auditRowOf(row: AuditEventRow): AuditRow {
  const detail = parseDetail(row.detail);
  return AuditRow.parse({
    type: 'audit',
    rowId: `a-${row.id}`,
    at: iso(row.at),
    actor: AUDIT_ACTORS.has(row.actor) ? row.actor : 'host',
    action: row.action.slice(0, 64),
    subject: row.subject === null ? null : maskIdNumbersInText(row.subject).slice(0, 128),
    detail: row.session_id ? { ...detail, sessionId: row.session_id } : detail,
  });
}

const AUDIT_ACTORS = new Set(['citizen', 'staff', 'host', 'backend']);

/** A stored masked number as the contract allows it; a full number (an old row, a bug) is masked, anything else dropped. */
function safeMaskedNumber(value: string | null): string | null {
  if (value === null) return null;
  if (MaskedIdNumber.safeParse(value).success) return value;
  const masked = maskIdNumber(value);
  return MaskedIdNumber.safeParse(masked).success ? masked : null;
}

function parseDetail(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(maskIdNumbersInText(text));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    return { unparsed: true };
  }
}

/** SQLite keeps ISO strings; a value that is not one becomes the epoch rather than a refused row. */
function iso(value: string): string {
  const time = Date.parse(value);
  return new Date(Number.isNaN(time) ? 0 : time).toISOString();
}
