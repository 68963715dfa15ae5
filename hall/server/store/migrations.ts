/**
 * The hall database's schema, in order. Each migration runs once, in a
 * transaction, recorded in `schema_migrations`; the same list serves PGlite
 * and PostgreSQL. Add a migration at the end; never edit one that shipped.
 */
import type { HallDb } from './hall-db';

export interface HallMigration {
  version: number;
  name: string;
  sql: string;
}

export const HALL_MIGRATIONS: HallMigration[] = [
  {
    version: 1,
    name: 'hall',
    sql: `
      -- Kiosks as last heard: the retained status and the online flag (last will).
      CREATE TABLE kiosks (
        kiosk_id    text PRIMARY KEY,
        online      boolean NOT NULL DEFAULT false,
        last_seen   timestamptz,
        status      jsonb,
        status_at   timestamptz
      );
      CREATE TABLE alerts (
        id               bigserial PRIMARY KEY,
        kiosk_id         text NOT NULL,
        alert_id         text NOT NULL,
        kind             text NOT NULL,
        message_key      text NOT NULL,
        device_id        text,
        detail           jsonb NOT NULL DEFAULT '{}',
        raised_at        timestamptz NOT NULL,
        state            text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'acknowledged', 'resolved')),
        acknowledged_by  text,
        acknowledged_at  timestamptz,
        resolved_by      text,
        resolved_at      timestamptz,
        UNIQUE (kiosk_id, alert_id)
      );
      CREATE INDEX alerts_open ON alerts (state, raised_at) WHERE state <> 'resolved';
      CREATE TABLE help_calls (
        call_id      text PRIMARY KEY,
        kiosk_id     text NOT NULL,
        reason       text NOT NULL,
        service_id   text,
        step         text,
        queued_at    timestamptz NOT NULL,
        received_at  timestamptz NOT NULL DEFAULT now(),
        state        text NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'claimed', 'resolved', 'withdrawn')),
        claimed_by   text,
        claimed_at   timestamptz,
        eta_minutes  integer,
        resolved_by  text,
        resolved_at  timestamptz
      );
      CREATE INDEX help_calls_open ON help_calls (state, queued_at) WHERE state IN ('waiting', 'claimed');
      -- What each kiosk's citizen is doing now (one row per kiosk; deleted when the session ends).
      CREATE TABLE supervision (
        kiosk_id    text PRIMARY KEY,
        session     jsonb NOT NULL,
        updated_at  timestamptz NOT NULL
      );
      -- Journal rows from the kiosks' outboxes, stored exactly once (kiosk id + row id).
      CREATE TABLE journal_sessions (
        kiosk_id          text NOT NULL,
        row_id            text NOT NULL,
        session_id        text NOT NULL,
        service_id        text,
        category          text,
        outcome           text NOT NULL,
        started_at        timestamptz NOT NULL,
        ended_at          timestamptz NOT NULL,
        last_step         text,
        fee_fen           integer NOT NULL DEFAULT 0,
        id_number_masked  text,
        received_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kiosk_id, row_id)
      );
      CREATE TABLE journal_audit (
        kiosk_id     text NOT NULL,
        row_id       text NOT NULL,
        at           timestamptz NOT NULL,
        actor        text NOT NULL,
        action       text NOT NULL,
        subject      text,
        detail       jsonb NOT NULL DEFAULT '{}',
        received_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kiosk_id, row_id)
      );
      -- Console accounts (argon2id password hashes) and their sessions.
      CREATE TABLE officers (
        username        text PRIMARY KEY,
        display_name    text NOT NULL,
        role            text NOT NULL CHECK (role IN ('officer', 'supervisor')),
        password_hash   text NOT NULL,
        failed_logins   integer NOT NULL DEFAULT 0,
        locked_until    timestamptz,
        created_at      timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE console_sessions (
        token_hash   text PRIMARY KEY,
        username     text NOT NULL REFERENCES officers (username) ON DELETE CASCADE,
        csrf_token   text NOT NULL,
        created_at   timestamptz NOT NULL,
        last_seen    timestamptz NOT NULL,
        expires_at   timestamptz NOT NULL
      );
      -- Officers allowed to sign in at kiosks (published as the allow-list; no ID number in the clear).
      CREATE TABLE kiosk_staff (
        staff_number      text PRIMARY KEY,
        name_masked       text NOT NULL,
        id_digest         text NOT NULL,
        id_number_masked  text NOT NULL,
        role              text NOT NULL CHECK (role IN ('officer', 'supervisor')),
        pin_hash          text NOT NULL,
        updated_at        timestamptz NOT NULL
      );
      CREATE TABLE allow_list_versions (version bigserial PRIMARY KEY, issued_at timestamptz NOT NULL);
      -- What hall staff did in the console (who, what, on which kiosk).
      CREATE TABLE hall_audit (
        id        bigserial PRIMARY KEY,
        at        timestamptz NOT NULL,
        username  text,
        action    text NOT NULL,
        subject   text,
        detail    jsonb NOT NULL DEFAULT '{}'
      );
    `,
  },
];

export type HallMigrationError = { kind: 'databaseTooNew'; version: number; known: number } | { kind: 'migrationFailed'; version: number; message: string };

/** Applies the migrations `db` has not seen; the version reached, or why not. */
export async function migrateHallDb(
  db: HallDb,
  migrations: readonly HallMigration[] = HALL_MIGRATIONS,
): Promise<{ ok: true; version: number } | { ok: false; error: HallMigrationError }> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const { rows } = await db.query<{ v: number }>('SELECT coalesce(max(version), 0)::int AS v FROM schema_migrations');
  const current = rows[0]?.v ?? 0;
  const known = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  if (current > known) return { ok: false, error: { kind: 'databaseTooNew', version: current, known } };
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    try {
      await db.transaction(async (tx) => {
        // Statements one by one: PostgreSQL's extended protocol takes one statement per parameterised query.
        for (const statement of splitStatements(migration.sql)) await tx.query(statement);
        await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      });
    } catch (error) {
      return { ok: false, error: { kind: 'migrationFailed', version: migration.version, message: error instanceof Error ? error.message : String(error) } };
    }
  }
  return { ok: true, version: Math.max(current, known) };
}

/** Splits plain DDL on `;` at line ends (the migrations hold no functions or quoted semicolons). */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s.length > 0);
}
