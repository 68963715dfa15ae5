/**
 * Kiosk journal migration 8: the hall link's outbox. `hall_outbox` holds
 * journal rows (finished sessions, audit events) until the hall's broker
 * acknowledged them (PUBACK); `hall_outbox_cursor` remembers how far the
 * audit log has been copied in, so rows are enqueued without hooks in the
 * code that journals them, and each once (`row_id` is unique).
 */
import type { Migration } from '../journal/migrations';

export const HALL_OUTBOX_SQL = `
  CREATE TABLE hall_outbox (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    row_id     TEXT NOT NULL UNIQUE,
    payload    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sent_at    TEXT
  ) STRICT;
  CREATE INDEX hall_outbox_unsent ON hall_outbox (sent_at, seq);
  CREATE TABLE hall_outbox_cursor (
    source  TEXT PRIMARY KEY,
    last_id INTEGER NOT NULL
  ) STRICT;
`;

export const HALL_OUTBOX_MIGRATION: Migration = { version: 8, name: 'hall-outbox', sql: HALL_OUTBOX_SQL };
