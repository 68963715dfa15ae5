/**
 * The outbox's table, as a journal migration (electron/host/journal
 * `Migration`). Its SQL is idempotent (IF NOT EXISTS), so it is also safe to
 * apply on its own with {@link ensureOutboxSchema} before the journal registers it.
 */
import type { Database } from 'better-sqlite3';
import type { Migration } from '../journal/migrations';

export const OUTBOX_SQL = `
  CREATE TABLE IF NOT EXISTS outbox (
    idempotency_key TEXT PRIMARY KEY,
    kind            TEXT NOT NULL,
    key_id          TEXT NOT NULL,
    nonce           BLOB NOT NULL,
    ciphertext      BLOB NOT NULL,
    tag             BLOB NOT NULL,
    created_at      TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_failure    TEXT
  ) STRICT;
  CREATE INDEX IF NOT EXISTS outbox_due ON outbox (next_attempt_at);
`;

/** Register in the journal's MIGRATIONS (renumber if 2 is taken; the SQL does not care). */
export const OUTBOX_MIGRATION: Migration = { version: 2, name: 'outbox', sql: OUTBOX_SQL };

/**
 * Migration 7: an entry may be held (`held_for` says for what, e.g. the
 * payment order it waits on). A held entry is kept, encrypted, but never
 * sent until it is released: an application written before the citizen
 * pays survives a killed host and is sent only once the money is in.
 */
export const OUTBOX_HELD_SQL = 'ALTER TABLE outbox ADD COLUMN held_for TEXT;';
export const OUTBOX_HELD_MIGRATION: Migration = { version: 7, name: 'outbox-held', sql: OUTBOX_HELD_SQL };

/** Creates the table (with migration 7's column) if missing, for a database the journal has not migrated yet. */
export function ensureOutboxSchema(db: Database): void {
  db.exec(OUTBOX_SQL);
  const columns = db.prepare('PRAGMA table_info(outbox)').all() as Array<{ name: string }>;
  if (!columns.some((c) => c.name === 'held_for')) db.exec(OUTBOX_HELD_SQL);
}
