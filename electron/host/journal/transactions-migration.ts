/**
 * The journal's accounting tables (issue #7 item 5), as one migration after
 * the documents (1) and the outbox (2):
 * - `transactions`: one row per session, written when it ends, whatever the
 *   end (the session id is the key, so a session is journaled exactly once);
 *   masked identity and a keyed hash of the ID number, never the number;
 * - `audit_events`: who did what and when, without personal data;
 * - `counters`: per day, service and outcome, updated with each transaction;
 * - `queue_numbers` and `queue_tickets`: counter-window queue numbers per
 *   window and day, allocated transactionally and never repeated;
 * - `document_backend_numbers`: the back-end's number of a document the
 *   kiosk numbered itself (see documents/document-desk.ts).
 */
import type { Migration } from './migrations';

export const TRANSACTIONS_SQL = `
  CREATE TABLE transactions (
    session_id        TEXT PRIMARY KEY,
    service_id        TEXT,
    flow_id           TEXT,
    started_at        TEXT NOT NULL,
    ended_at          TEXT,
    end_reason        TEXT,
    outcome           TEXT NOT NULL,
    last_step         TEXT,
    identity_source   TEXT,
    card_type         TEXT,
    name_masked       TEXT,
    id_number_masked  TEXT,
    id_hash           TEXT CHECK (id_hash IS NULL OR length(id_hash) = 64),
    fee_fen           INTEGER NOT NULL DEFAULT 0 CHECK (fee_fen >= 0),
    documents         TEXT NOT NULL DEFAULT '[]',
    print_outcome     TEXT,
    ticket_number     TEXT,
    ticket_outcome    TEXT
  ) STRICT;
  CREATE INDEX transactions_by_end ON transactions (ended_at);
  CREATE INDEX transactions_by_id_hash ON transactions (id_hash);
  CREATE TABLE audit_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL CHECK (actor IN ('citizen', 'staff', 'host', 'backend')),
    action     TEXT NOT NULL,
    session_id TEXT,
    subject    TEXT,
    detail     TEXT
  ) STRICT;
  CREATE INDEX audit_events_by_at ON audit_events (at);
  CREATE TABLE counters (
    day        TEXT NOT NULL,
    service_id TEXT NOT NULL,
    outcome    TEXT NOT NULL,
    count      INTEGER NOT NULL CHECK (count > 0),
    PRIMARY KEY (day, service_id, outcome)
  ) STRICT;
  CREATE TABLE queue_numbers (
    day        TEXT NOT NULL,
    counter_window TEXT NOT NULL,
    last_value INTEGER NOT NULL CHECK (last_value > 0),
    PRIMARY KEY (day, counter_window)
  ) STRICT;
  CREATE TABLE queue_tickets (
    ticket_number TEXT NOT NULL,
    day           TEXT NOT NULL,
    counter_window TEXT NOT NULL,
    session_id    TEXT NOT NULL,
    service_id    TEXT NOT NULL,
    issued_at     TEXT NOT NULL,
    outcome       TEXT NOT NULL DEFAULT 'allocated',
    PRIMARY KEY (day, counter_window, ticket_number)
  ) STRICT;
  CREATE INDEX queue_tickets_by_session ON queue_tickets (session_id);
  CREATE TABLE document_backend_numbers (
    number         TEXT PRIMARY KEY,
    backend_number TEXT NOT NULL
  ) STRICT;
`;

/** Migration 3; registered in the journal's MIGRATIONS. */
export const TRANSACTIONS_MIGRATION: Migration = { version: 3, name: 'transactions', sql: TRANSACTIONS_SQL };
