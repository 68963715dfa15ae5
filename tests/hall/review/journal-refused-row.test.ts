/**
 * Review of issue 18: a journal batch with one row the database cannot hold
 * (a fee past PostgreSQL's integer) keeps every other row. The kiosk marks
 * the whole batch sent once the hall acknowledges it, so dropping the batch
 * lost 199 good rows for one bad one. On both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestKioskMessage } from '../../../hall/server/link/ingest';
import type { HallDb } from '../../../hall/server/store/hall-db';
import { migrateHallDb } from '../../../hall/server/store/migrations';
import { openPgliteDb } from '../../../hall/server/store/pglite-db';
import { openPostgresDb } from '../../../hall/server/store/postgres-db';
import { startLocalPostgres, type LocalPostgres } from '../../../scripts/lib/local-postgres';
import * as fx from '../link/fixtures';

let postgres: LocalPostgres;
beforeAll(async () => {
  postgres = await startLocalPostgres();
}, 60_000);
afterAll(async () => {
  await postgres?.stop();
});

const engines: Array<[string, () => Promise<HallDb>]> = [
  ['PGlite (embedded)', () => openPgliteDb()],
  ['PostgreSQL server', () => openPostgresDb({ connectionString: postgres.connectionString })],
];

describe.each(engines)('a journal batch with one row the database refuses, on %s', (_name, open) => {
  let db: HallDb;
  beforeAll(async () => {
    db = await open();
    const migrated = await migrateHallDb(db);
    if (!migrated.ok) throw new Error('migration failed');
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });

  it('stores the good rows, drops only the bad one, and a re-send stores nothing twice', async () => {
    const ctx = { db, kioskId: 'HB-KIOSK-08', now: new Date('2026-12-03T10:00:00.000Z'), retained: false };
    const rows = [fx.sessionRow('s-1'), { ...fx.sessionRow('s-2'), feeFen: 2 ** 31 }, fx.sessionRow('s-3'), fx.auditRow('a-1')];
    const first = await ingestKioskMessage(ctx, 'journal', fx.batch('b-1', rows));
    expect(first).toEqual({ ok: true, value: { changes: [], journal: { stored: 3, duplicates: 0, refused: 1 } } });
    const sessions = await db.query<{ row_id: string }>(`SELECT row_id FROM journal_sessions WHERE kiosk_id = 'HB-KIOSK-08' ORDER BY row_id`);
    expect(sessions.rows.map((r) => r.row_id)).toEqual(['s-1', 's-3']);
    expect((await db.query(`SELECT 1 FROM journal_audit WHERE kiosk_id = 'HB-KIOSK-08'`)).rows).toHaveLength(1);

    const again = await ingestKioskMessage(ctx, 'journal', fx.batch('b-1', rows));
    expect(again).toEqual({ ok: true, value: { changes: [], journal: { stored: 0, duplicates: 3, refused: 1 } } });
  });
});
