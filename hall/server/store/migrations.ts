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
  {
    version: 2,
    name: 'statistics rollups',
    // Why rollups (docs/scale.md): at province scale (10 M rows) a month of
    // sessions is ~300 k rows, too many to aggregate within the console's
    // 300 ms; the rollups hold one row per day × service × category × outcome
    // (a few hundred a day), per day × kiosk, per month × kiosk, and per
    // service × day × step (drop-off).
    // Statement-level triggers see only the rows an INSERT really inserted (a
    // row skipped by ON CONFLICT DO NOTHING is not in the transition table),
    // so a re-sent journal row never counts twice; a batch costs one upsert
    // per key, not per row. Days are the rollup's zone (journal_rollup_zone);
    // a hall in another zone gets the same figures from journal_sessions.
    sql: `
      CREATE FUNCTION journal_rollup_zone() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'Asia/Shanghai'::text $$;
      CREATE TABLE journal_daily (
        day         date NOT NULL,
        service_id  text NOT NULL,
        category    text NOT NULL,
        outcome     text NOT NULL,
        sessions    bigint NOT NULL,
        millis      bigint NOT NULL,
        fee_fen     bigint NOT NULL,
        PRIMARY KEY (day, service_id, category, outcome)
      );
      CREATE TABLE journal_daily_kiosk (
        day         date NOT NULL,
        kiosk_id    text NOT NULL,
        sessions    bigint NOT NULL,
        completed   bigint NOT NULL,
        millis      bigint NOT NULL,
        fee_fen     bigint NOT NULL,
        PRIMARY KEY (day, kiosk_id)
      );
      -- Whole months per kiosk: ranking 2,000 kiosks over a year reads 24 k rows, not 730 k days.
      CREATE TABLE journal_monthly_kiosk (
        month       date NOT NULL,
        kiosk_id    text NOT NULL,
        sessions    bigint NOT NULL,
        completed   bigint NOT NULL,
        millis      bigint NOT NULL,
        fee_fen     bigint NOT NULL,
        PRIMARY KEY (month, kiosk_id)
      );
      CREATE INDEX journal_daily_kiosk_by_kiosk ON journal_daily_kiosk (kiosk_id, day);
      -- Sessions not completed, by the step they ended on.
      CREATE TABLE journal_dropoff (
        service_id  text NOT NULL,
        day         date NOT NULL,
        last_step   text NOT NULL,
        sessions    bigint NOT NULL,
        PRIMARY KEY (service_id, day, last_step)
      );
      -- One kiosk's rows (a kiosk filter with a service or category filter reads the rows themselves).
      CREATE INDEX journal_sessions_kiosk_started ON journal_sessions (kiosk_id, started_at);
      -- Rows arrive roughly in time order: a BRIN index is tiny and prunes date ranges for the other raw queries.
      CREATE INDEX journal_sessions_started_brin ON journal_sessions USING brin (started_at);
      CREATE FUNCTION journal_rollup_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- ORDER BY: concurrent batches lock rollup rows in the same order (no deadlock between two ingest transactions).
        INSERT INTO journal_daily AS r (day, service_id, category, outcome, sessions, millis, fee_fen)
          SELECT (n.started_at AT TIME ZONE journal_rollup_zone())::date, coalesce(n.service_id, ''), coalesce(n.category, ''), n.outcome,
                 count(*), sum(greatest(0, round(extract(epoch FROM n.ended_at - n.started_at) * 1000)))::bigint, sum(n.fee_fen)
          FROM new_rows n GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
          ON CONFLICT (day, service_id, category, outcome) DO UPDATE
            SET sessions = r.sessions + EXCLUDED.sessions, millis = r.millis + EXCLUDED.millis, fee_fen = r.fee_fen + EXCLUDED.fee_fen;
        INSERT INTO journal_daily_kiosk AS r (day, kiosk_id, sessions, completed, millis, fee_fen)
          SELECT (n.started_at AT TIME ZONE journal_rollup_zone())::date, n.kiosk_id, count(*), count(*) FILTER (WHERE n.outcome = 'completed'),
                 sum(greatest(0, round(extract(epoch FROM n.ended_at - n.started_at) * 1000)))::bigint, sum(n.fee_fen)
          FROM new_rows n GROUP BY 1, 2 ORDER BY 1, 2
          ON CONFLICT (day, kiosk_id) DO UPDATE
            SET sessions = r.sessions + EXCLUDED.sessions, completed = r.completed + EXCLUDED.completed, millis = r.millis + EXCLUDED.millis, fee_fen = r.fee_fen + EXCLUDED.fee_fen;
        INSERT INTO journal_monthly_kiosk AS r (month, kiosk_id, sessions, completed, millis, fee_fen)
          SELECT date_trunc('month', n.started_at AT TIME ZONE journal_rollup_zone())::date, n.kiosk_id, count(*), count(*) FILTER (WHERE n.outcome = 'completed'),
                 sum(greatest(0, round(extract(epoch FROM n.ended_at - n.started_at) * 1000)))::bigint, sum(n.fee_fen)
          FROM new_rows n GROUP BY 1, 2 ORDER BY 1, 2
          ON CONFLICT (month, kiosk_id) DO UPDATE
            SET sessions = r.sessions + EXCLUDED.sessions, completed = r.completed + EXCLUDED.completed, millis = r.millis + EXCLUDED.millis, fee_fen = r.fee_fen + EXCLUDED.fee_fen;
        INSERT INTO journal_dropoff AS r (service_id, day, last_step, sessions)
          SELECT coalesce(n.service_id, ''), (n.started_at AT TIME ZONE journal_rollup_zone())::date, coalesce(n.last_step, ''), count(*)
          FROM new_rows n WHERE n.outcome <> 'completed' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
          ON CONFLICT (service_id, day, last_step) DO UPDATE SET sessions = r.sessions + EXCLUDED.sessions;
        RETURN NULL;
      END;
      $$;
      CREATE TRIGGER journal_rollup AFTER INSERT ON journal_sessions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION journal_rollup_insert();
    `,
  },
  {
    version: 3,
    name: 'proxy cases',
    // 可视化代办 (issue 19): one row per case, rewritten on every change. Masked
    // identities only: the principal's full number and mobile never leave the
    // hall server's memory.
    sql: `
      CREATE TABLE proxy_cases (
        case_id                  text PRIMARY KEY,
        kiosk_id                 text NOT NULL,
        service_id               text NOT NULL,
        agent_name_masked        text,
        agent_id_masked          text NOT NULL,
        principal_id_masked      text NOT NULL,
        officer_staff_number     text,
        state                    text NOT NULL,
        end_reason               text,
        principal_signed         boolean NOT NULL DEFAULT false,
        agent_signed             boolean NOT NULL DEFAULT false,
        recording_sha256         text,
        recording_bytes          bigint,
        recording_keep_until     timestamptz,
        decision_approved        boolean,
        decision_reason          text,
        decision_at              timestamptz,
        outcome                  text,
        created_at               timestamptz NOT NULL,
        updated_at               timestamptz NOT NULL
      );
      CREATE INDEX proxy_cases_created ON proxy_cases (created_at);
    `,
  },
  {
    version: 4,
    name: 'kiosk statistics by category and service',
    // Ranking kiosks with a category or service filter (docs/scale.md): no
    // rollup of migration 2 has kiosk and service together, so that query read
    // every row of its range. Whole months per kiosk × category and per
    // kiosk × service answer it; a kiosk has ~5 sessions a day, so a daily
    // grain would be as large as the rows and the days around the whole months
    // are read from the rows (see stats-sql.ts). Category keys its own table:
    // a category filter would otherwise add up every service of the category.
    // Same trigger discipline as migration 2 (statement level, transition
    // table, keys locked in order); existing rows are summed in here.
    sql: `
      CREATE TABLE journal_monthly_kiosk_category (
        category    text NOT NULL,
        month       date NOT NULL,
        kiosk_id    text NOT NULL,
        sessions    bigint NOT NULL,
        completed   bigint NOT NULL,
        millis      bigint NOT NULL,
        fee_fen     bigint NOT NULL,
        PRIMARY KEY (category, month, kiosk_id)
      );
      CREATE TABLE journal_monthly_kiosk_service (
        service_id  text NOT NULL,
        month       date NOT NULL,
        category    text NOT NULL,
        kiosk_id    text NOT NULL,
        sessions    bigint NOT NULL,
        completed   bigint NOT NULL,
        millis      bigint NOT NULL,
        fee_fen     bigint NOT NULL,
        PRIMARY KEY (service_id, month, category, kiosk_id)
      );
      CREATE FUNCTION journal_rollup_kiosk_service_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO journal_monthly_kiosk_category AS r (category, month, kiosk_id, sessions, completed, millis, fee_fen)
          SELECT coalesce(n.category, ''), date_trunc('month', n.started_at AT TIME ZONE journal_rollup_zone())::date, n.kiosk_id,
                 count(*), count(*) FILTER (WHERE n.outcome = 'completed'),
                 sum(greatest(0, round(extract(epoch FROM n.ended_at - n.started_at) * 1000)))::bigint, sum(n.fee_fen)
          FROM new_rows n GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
          ON CONFLICT (category, month, kiosk_id) DO UPDATE
            SET sessions = r.sessions + EXCLUDED.sessions, completed = r.completed + EXCLUDED.completed, millis = r.millis + EXCLUDED.millis, fee_fen = r.fee_fen + EXCLUDED.fee_fen;
        INSERT INTO journal_monthly_kiosk_service AS r (service_id, month, category, kiosk_id, sessions, completed, millis, fee_fen)
          SELECT coalesce(n.service_id, ''), date_trunc('month', n.started_at AT TIME ZONE journal_rollup_zone())::date, coalesce(n.category, ''), n.kiosk_id,
                 count(*), count(*) FILTER (WHERE n.outcome = 'completed'),
                 sum(greatest(0, round(extract(epoch FROM n.ended_at - n.started_at) * 1000)))::bigint, sum(n.fee_fen)
          FROM new_rows n GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
          ON CONFLICT (service_id, month, category, kiosk_id) DO UPDATE
            SET sessions = r.sessions + EXCLUDED.sessions, completed = r.completed + EXCLUDED.completed, millis = r.millis + EXCLUDED.millis, fee_fen = r.fee_fen + EXCLUDED.fee_fen;
        RETURN NULL;
      END;
      $$;
      CREATE TRIGGER journal_rollup_kiosk_service AFTER INSERT ON journal_sessions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION journal_rollup_kiosk_service_insert();
      INSERT INTO journal_monthly_kiosk_category (category, month, kiosk_id, sessions, completed, millis, fee_fen)
        SELECT coalesce(category, ''), date_trunc('month', started_at AT TIME ZONE journal_rollup_zone())::date, kiosk_id,
               count(*), count(*) FILTER (WHERE outcome = 'completed'),
               sum(greatest(0, round(extract(epoch FROM ended_at - started_at) * 1000)))::bigint, sum(fee_fen)
        FROM journal_sessions GROUP BY 1, 2, 3;
      INSERT INTO journal_monthly_kiosk_service (service_id, month, category, kiosk_id, sessions, completed, millis, fee_fen)
        SELECT coalesce(service_id, ''), date_trunc('month', started_at AT TIME ZONE journal_rollup_zone())::date, coalesce(category, ''), kiosk_id,
               count(*), count(*) FILTER (WHERE outcome = 'completed'),
               sum(greatest(0, round(extract(epoch FROM ended_at - started_at) * 1000)))::bigint, sum(fee_fen)
        FROM journal_sessions GROUP BY 1, 2, 3, 4;
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

const DOLLAR_QUOTE = /\$([A-Za-z_][A-Za-z0-9_]*)?\$/y;

/**
 * Splits a migration into statements on `;` outside quotes, comments and
 * dollar-quoted bodies (`$$ … $$`, `$tag$ … $tag$`: function bodies hold
 * their own semicolons); `--` comments are dropped.
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let at = 0;
  const flush = () => {
    const statement = current.trim();
    if (statement.length > 0) statements.push(statement);
    current = '';
  };
  while (at < sql.length) {
    const ch = sql[at]!;
    if (sql.startsWith('--', at)) {
      const end = sql.indexOf('\n', at);
      at = end === -1 ? sql.length : end;
      continue;
    }
    DOLLAR_QUOTE.lastIndex = at;
    const dollar = ch === '$' ? DOLLAR_QUOTE.exec(sql) : null;
    if (dollar) {
      const end = sql.indexOf(dollar[0], at + dollar[0].length);
      const stop = end === -1 ? sql.length : end + dollar[0].length;
      current += sql.slice(at, stop);
      at = stop;
      continue;
    }
    if (ch === "'" || ch === '"') {
      // A doubled quote inside is an escaped one: the scan simply closes and reopens.
      const end = sql.indexOf(ch, at + 1);
      const stop = end === -1 ? sql.length : end + 1;
      current += sql.slice(at, stop);
      at = stop;
      continue;
    }
    if (ch === ';') {
      flush();
      at += 1;
      continue;
    }
    current += ch;
    at += 1;
  }
  flush();
  return statements;
}
