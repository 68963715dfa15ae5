import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskTopic } from '../../../electron/contract/hall-link';
import type { HallBroker } from '../../../hall/server/broker/hall-broker';
import { startHallLink } from '../../../hall/server/link/hall-link-server';
import type { HallLinkServer } from '../../../hall/server/link/types';
import type { HallDb } from '../../../hall/server/store/hall-db';
import { migrateHallDb } from '../../../hall/server/store/migrations';
import { openPgliteDb } from '../../../hall/server/store/pglite-db';
import { connectAs, eventually } from '../broker/mqtt-test-clients';
import * as fx from './fixtures';
import { startHallBrokerOnFreePort } from '../broker/broker-on-free-port';

/**
 * The database fails under the hall server (a dropped connection, not a bad
 * payload): the message must not be acknowledged, so the broker delivers it
 * again and no row is lost. A real PGlite with the first journal writes failing.
 */
let dir: string;
let broker: HallBroker;
let db: HallDb;
let link: HallLinkServer;
let failuresLeft = 2;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'onedoor-hall-redelivery-'));
  broker = await startHallBrokerOnFreePort({ dir });
  const real = await openPgliteDb();
  const migrated = await migrateHallDb(real);
  if (!migrated.ok) throw new Error(JSON.stringify(migrated.error));
  db = {
    ...real,
    query: (sql, params) => real.query(sql, params),
    transaction: (work) => {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        return Promise.reject(new Error('Connection terminated unexpectedly'));
      }
      return real.transaction(work);
    },
    exec: (sql) => real.exec(sql),
    close: () => real.close(),
  };
  link = await startHallLink({ db, url: broker.url, caPem: broker.caPem, ...broker.hallCredentials });
}, 60_000);

afterAll(async () => {
  await link?.stop();
  await broker?.stop();
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the hall link when its database fails', () => {
  it('does not acknowledge a batch it could not store, and stores it once when the broker sends it again', async () => {
    const k1 = await connectAs(await broker.addKiosk('k1'));
    try {
      await k1.publishAsync(kioskTopic.journal('k1'), JSON.stringify(fx.batch('b1', [fx.sessionRow('r1'), fx.sessionRow('r2')])), { qos: 1 });
      await k1.publishAsync(kioskTopic.journal('k1'), JSON.stringify(fx.batch('b2', [fx.sessionRow('r3')])), { qos: 1 });
      const stored = await eventually(async () => {
        const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM journal_sessions WHERE kiosk_id = 'k1'`);
        return rows[0]?.n === 3 ? 3 : undefined;
      }, 20_000, 'all rows stored');
      expect(stored).toBe(3);
      expect(failuresLeft).toBe(0);
      expect(link.stats()).toMatchObject({ journalRowsStored: 3, rejected: 0 });
    } finally {
      k1.end(true);
    }
  }, 40_000);
});
