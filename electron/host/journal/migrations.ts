/**
 * The journal's schema, as numbered migrations applied in order, each in its
 * own transaction and recorded in `schema_migrations`. Later issues append
 * migrations (transactions, outbox, audit events, counters); never edit one
 * that has shipped.
 */
import type { Database } from 'better-sqlite3';
import { err, ok, type Result } from '../../../domain/result';
import { OUTBOX_HELD_MIGRATION, OUTBOX_MIGRATION } from '../outbox/migration';
import { TRANSACTIONS_MIGRATION } from './transactions-migration';
import { FACE_FAILURES_MIGRATION } from './face-failures-migration';
import { FEES_MIGRATION } from './fees-migration';
import { PAYMENT_LEDGER_MIGRATION } from '../payment/ledger-migration';
import { HALL_OUTBOX_MIGRATION } from '../hall-link/outbox-migration';
import { STAFF_MIGRATION } from '../staff/staff-migration';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents',
    sql: `
      CREATE TABLE documents (
        number         TEXT PRIMARY KEY,
        type           TEXT NOT NULL,
        session_id     TEXT NOT NULL,
        status         TEXT NOT NULL CHECK (status IN ('rendered', 'voided')),
        sha256         TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
        pages          INTEGER,
        print_outcome  TEXT NOT NULL DEFAULT 'notAttempted',
        print_job_id   INTEGER,
        reprint_count  INTEGER NOT NULL DEFAULT 0 CHECK (reprint_count BETWEEN 0 AND 1),
        reprint_outcome TEXT,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX documents_by_session ON documents (session_id);
      CREATE TABLE document_numbers (
        type       TEXT NOT NULL,
        year       INTEGER NOT NULL,
        last_value INTEGER NOT NULL CHECK (last_value > 0),
        PRIMARY KEY (type, year)
      ) STRICT;
    `,
  },
  OUTBOX_MIGRATION,
  TRANSACTIONS_MIGRATION,
  FACE_FAILURES_MIGRATION,
  FEES_MIGRATION,
  PAYMENT_LEDGER_MIGRATION,
  OUTBOX_HELD_MIGRATION,
  HALL_OUTBOX_MIGRATION,
  STAFF_MIGRATION,
];

export type MigrationError = { kind: 'journalTooNew'; version: number; known: number } | { kind: 'migrationFailed'; version: number; message: string };

/** Applies the migrations `db` has not seen; returns the schema version reached. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS, now: () => Date = () => new Date()): Result<number, MigrationError> {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const current = (db.prepare('SELECT coalesce(max(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
  const known = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  if (current > known) return err({ kind: 'journalTooNew', version: current, known });
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied = new Map<number, string>();
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    // The same migration listed twice (e.g. MIGRATIONS plus OUTBOX_MIGRATION) is applied once.
    if (applied.get(migration.version) === migration.name) continue;
    applied.set(migration.version, migration.name);
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        record.run(migration.version, migration.name, now().toISOString());
      }).immediate();
    } catch (error) {
      return err({ kind: 'migrationFailed', version: migration.version, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return ok(Math.max(current, known));
}
