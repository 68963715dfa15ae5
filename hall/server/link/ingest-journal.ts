/**
 * A journal batch from a kiosk's outbox, stored exactly once: one transaction,
 * one set-based INSERT per table, `ON CONFLICT DO NOTHING` on (kiosk id, row
 * id). The kiosk re-sends a batch it has no PUBACK for; the repeat inserts
 * nothing and is counted as duplicates. A row the database refuses is
 * dropped alone (counted as refused), never with the batch around it.
 */
import { err, ok } from '../../../domain/result';
import { JournalBatch, type AuditRow, type JournalRow, type SessionRow } from '../../../electron/contract/hall-link';
import { isPayloadError } from './db-errors';
import type { IngestContext, IngestResult } from './ingest-types';

const INSERT_SESSIONS = `
  INSERT INTO journal_sessions (kiosk_id, row_id, session_id, service_id, category, outcome, started_at, ended_at, last_step, fee_fen, id_number_masked, received_at)
  SELECT $1, r.row_id, r.session_id, r.service_id, r.category, r.outcome, r.started_at, r.ended_at, r.last_step, r.fee_fen, r.id_number_masked, $3
  FROM jsonb_to_recordset($2::jsonb) AS r(row_id text, session_id text, service_id text, category text, outcome text,
       started_at timestamptz, ended_at timestamptz, last_step text, fee_fen integer, id_number_masked text)
  ON CONFLICT (kiosk_id, row_id) DO NOTHING`;

const INSERT_AUDIT = `
  INSERT INTO journal_audit (kiosk_id, row_id, at, actor, action, subject, detail, received_at)
  SELECT $1, r.row_id, r.at, r.actor, r.action, r.subject, r.detail, $3
  FROM jsonb_to_recordset($2::jsonb) AS r(row_id text, at timestamptz, actor text, action text, subject text, detail jsonb)
  ON CONFLICT (kiosk_id, row_id) DO NOTHING`;

const sessionRecord = (r: SessionRow) => ({
  row_id: r.rowId, session_id: r.sessionId, service_id: r.serviceId, category: r.category, outcome: r.outcome,
  started_at: r.startedAt, ended_at: r.endedAt, last_step: r.lastStep, fee_fen: r.feeFen, id_number_masked: r.idNumberMasked,
});
const auditRecord = (r: AuditRow) => ({ row_id: r.rowId, at: r.at, actor: r.actor, action: r.action, subject: r.subject, detail: r.detail });

export async function ingestJournal(ctx: IngestContext, body: unknown): Promise<IngestResult> {
  const parsed = JournalBatch.safeParse(body);
  if (!parsed.success) return err('schema');
  const rows = parsed.data.rows;
  try {
    const stored = await storeRows(ctx, rows);
    return ok({ changes: [], journal: { stored, duplicates: rows.length - stored, refused: 0 } });
  } catch (error) {
    if (!isPayloadError(error)) throw error;
  }
  // One row the database refuses (a fee past its integer, a year it cannot hold) must not lose the
  // others: the kiosk marks the whole batch sent on our PUBACK. Row by row, only the refused rows are dropped.
  let stored = 0;
  let refused = 0;
  for (const row of rows) {
    try {
      stored += await storeRows(ctx, [row]);
    } catch (error) {
      if (!isPayloadError(error)) throw error;
      refused += 1;
    }
  }
  return ok({ changes: [], journal: { stored, duplicates: rows.length - stored - refused, refused } });
}

/** One transaction, one set-based INSERT per table; the rows inserted (repeats are not). */
async function storeRows(ctx: IngestContext, rows: readonly JournalRow[]): Promise<number> {
  const sessions = rows.filter((r): r is SessionRow => r.type === 'session').map(sessionRecord);
  const audit = rows.filter((r): r is AuditRow => r.type === 'audit').map(auditRecord);
  return ctx.db.transaction(async (tx) => {
    let inserted = 0;
    if (sessions.length > 0) inserted += (await tx.query(INSERT_SESSIONS, [ctx.kioskId, JSON.stringify(sessions), ctx.now])).rowCount;
    if (audit.length > 0) inserted += (await tx.query(INSERT_AUDIT, [ctx.kioskId, JSON.stringify(audit), ctx.now])).rowCount;
    return inserted;
  });
}
