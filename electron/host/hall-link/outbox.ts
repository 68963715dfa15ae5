/**
 * The hall link's outbox over the kiosk journal (migration 8). `collect()`
 * copies new audit events in (cursor on `audit_events.id`), and for each
 * `session.ended`/`session.crashed` event the session's closed transaction:
 * the code that journals needs no hook, and a row is enqueued once
 * (`row_id` unique). Rows leave only when the broker acknowledged them.
 */
import type { Database } from 'better-sqlite3';
import type { ServiceCategory } from '../../contract';
import type { JournalRow } from '../../contract/hall-link';
import type { TransactionRow } from '../journal/transactions-repo';
import { auditRowOf, sessionRowOf, type AuditEventRow } from './journal-rows';

export interface PendingRow {
  seq: number;
  row: JournalRow;
}

export interface HallOutbox {
  /** Enqueues journal rows written since the last call; returns how many were added. */
  collect(): number;
  /** The oldest unsent rows, in order. */
  pending(limit: number): PendingRow[];
  /** Marks rows sent (after the broker's PUBACK). */
  markSent(seqs: readonly number[]): void;
  /** Rows not yet acknowledged. */
  backlog(): number;
}

const SESSION_END_ACTIONS = new Set(['session.ended', 'session.crashed']);
/** Audit events copied per `collect()` (the rest follow on the next call). */
const COLLECT_CHUNK = 1000;
const SENT_KEPT_MS = 7 * 24 * 3600_000;

export function createHallOutbox(db: Database, categoryOf: (serviceId: string) => ServiceCategory | null, now: () => Date = () => new Date()): HallOutbox {
  const cursor = db.prepare<[], { last_id: number }>("SELECT last_id FROM hall_outbox_cursor WHERE source = 'audit'");
  const setCursor = db.prepare("INSERT INTO hall_outbox_cursor (source, last_id) VALUES ('audit', ?) ON CONFLICT (source) DO UPDATE SET last_id = excluded.last_id");
  const auditAfter = db.prepare<[number, number], AuditEventRow>('SELECT id, at, actor, action, session_id, subject, detail FROM audit_events WHERE id > ? ORDER BY id LIMIT ?');
  const transaction = db.prepare<[string], TransactionRow>('SELECT * FROM transactions WHERE session_id = ?');
  const insert = db.prepare('INSERT INTO hall_outbox (row_id, payload, created_at) VALUES (?, ?, ?) ON CONFLICT (row_id) DO NOTHING');
  const unsent = db.prepare<[number], { seq: number; payload: string }>('SELECT seq, payload FROM hall_outbox WHERE sent_at IS NULL ORDER BY seq LIMIT ?');
  const markOne = db.prepare('UPDATE hall_outbox SET sent_at = ? WHERE seq = ? AND sent_at IS NULL');
  const prune = db.prepare('DELETE FROM hall_outbox WHERE sent_at IS NOT NULL AND sent_at < ?');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM hall_outbox WHERE sent_at IS NULL');

  const enqueue = (row: JournalRow): number => insert.run(row.rowId, JSON.stringify(row), now().toISOString()).changes;

  const collectChunk = db.transaction((): { added: number; more: boolean } => {
    const last = cursor.get()?.last_id ?? 0;
    const events = auditAfter.all(last, COLLECT_CHUNK);
    let added = 0;
    for (const event of events) {
      if (SESSION_END_ACTIONS.has(event.action) && event.session_id) {
        const closed = transaction.get(event.session_id);
        const row = closed ? sessionRowOf(closed, categoryOf) : null;
        if (row) added += enqueue(row);
      }
      added += enqueue(auditRowOf(event));
    }
    if (events.length > 0) setCursor.run(events[events.length - 1]!.id);
    return { added, more: events.length === COLLECT_CHUNK };
  });

  return {
    collect() {
      let total = 0;
      for (;;) {
        const { added, more } = collectChunk.immediate();
        total += added;
        if (!more) return total;
      }
    },
    pending: (limit) => unsent.all(limit).map(({ seq, payload }) => ({ seq, row: JSON.parse(payload) as JournalRow })),
    markSent: db.transaction((seqs: readonly number[]) => {
      const at = now();
      for (const seq of seqs) markOne.run(at.toISOString(), seq);
      // Sent rows are kept a week (for diagnosis), then dropped: the audit cursor, not the table, prevents re-enqueueing.
      prune.run(new Date(at.getTime() - SENT_KEPT_MS).toISOString());
    }),
    backlog: () => count.get()?.n ?? 0,
  };
}
