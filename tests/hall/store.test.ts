import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallDb } from '../../hall/server/store/hall-db';
import { HALL_MIGRATIONS, migrateHallDb } from '../../hall/server/store/migrations';
import { openPgliteDb } from '../../hall/server/store/pglite-db';
import { openPostgresDb } from '../../hall/server/store/postgres-db';
import { startLocalPostgres, type LocalPostgres } from '../../scripts/lib/local-postgres';

let server: LocalPostgres;
beforeAll(async () => {
  server = await startLocalPostgres();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

const engines: Array<[string, () => Promise<HallDb>]> = [
  ['PGlite (embedded)', () => openPgliteDb()],
  ['PostgreSQL server', () => openPostgresDb({ connectionString: server.connectionString })],
];

describe.each(engines)('the hall database on %s', (_name, open) => {
  it('takes the same migrations, once, and keeps journal rows exactly once', async () => {
    const db = await open();
    try {
      expect(await migrateHallDb(db)).toEqual({ ok: true, version: HALL_MIGRATIONS.length });
      // Again: nothing to do, same version.
      expect(await migrateHallDb(db)).toEqual({ ok: true, version: HALL_MIGRATIONS.length });
      const insert = `INSERT INTO journal_sessions (kiosk_id, row_id, session_id, outcome, started_at, ended_at) VALUES ($1, $2, $3, 'completed', now(), now()) ON CONFLICT DO NOTHING`;
      expect((await db.query(insert, ['k1', 'r1', 's1'])).rowCount).toBe(1);
      expect((await db.query(insert, ['k1', 'r1', 's1'])).rowCount).toBe(0);
      expect((await db.query(insert, ['k2', 'r1', 's2'])).rowCount).toBe(1);
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM journal_sessions');
      expect(rows[0]?.n).toBe(2);
    } finally {
      await db.close();
    }
  });

  it('refuses a database newer than the code, and rolls back a failing migration', async () => {
    const db = await open();
    try {
      await migrateHallDb(db);
      const broken = [...HALL_MIGRATIONS, { version: 999, name: 'broken', sql: 'CREATE TABLE half_done (x int);\nSELECT no_such_column FROM kiosks;' }];
      const failed = await migrateHallDb(db, broken);
      expect(failed.ok).toBe(false);
      const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'half_done'`);
      expect(rows[0]?.n).toBe(0);
      await db.query(`INSERT INTO schema_migrations (version, name) VALUES (50, 'from the future')`);
      expect(await migrateHallDb(db)).toEqual({ ok: false, error: { kind: 'databaseTooNew', version: 50, known: HALL_MIGRATIONS.length } });
    } finally {
      await db.close();
    }
  });
});
