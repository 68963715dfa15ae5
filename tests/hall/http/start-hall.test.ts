import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../../hall/server/auth/first-admin';
import { loadHallConfig, type HallConfig } from '../../../hall/server/config';
import { DEFAULT_KIOSK_ID, provisionDefaultKiosk, startHall, type HallBroker, type HallParts } from '../../../hall/server/main';
import { openPgliteDb } from '../../../hall/server/store/pglite-db';
import { ConsoleClient, fakeLink, fakeStats } from './harness';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'onedoor-hall-'));
}

describe('the hall config', () => {
  it('defaults to the embedded one-machine hall, and keeps the generated staff ID key across starts', () => {
    const dir = tempDir();
    const first = loadHallConfig({ env: { ONEDOOR_HALL_DIR: dir } });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value).toMatchObject({
      dataDir: dir, http: { host: '127.0.0.1', port: 8750, origins: [] }, broker: { port: 8883 }, database: { engine: 'pglite' }, timeZone: 'Asia/Shanghai', configFile: null,
    });
    expect(first.value.staffIdKey).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(join(dir, 'staff-id.key'), 'utf8').trim()).toBe(first.value.staffIdKey);
    const again = loadHallConfig({ env: { ONEDOOR_HALL_DIR: dir } });
    expect(again.ok && again.value.staffIdKey).toBe(first.value.staffIdKey);
  });

  it('reads hall.config.json from the data folder, or the file given', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'hall.config.json'), JSON.stringify({ hallName: '城关派出所', http: { port: 9000 }, database: { engine: 'postgres', connectionString: 'postgres://hall@db/hall' } }));
    const loaded = loadHallConfig({ env: { ONEDOOR_HALL_DIR: dir } });
    expect(loaded.ok && loaded.value).toMatchObject({ hallName: '城关派出所', http: { host: '127.0.0.1', port: 9000 }, database: { engine: 'postgres' } });
    const other = join(tempDir(), 'other.json');
    writeFileSync(other, JSON.stringify({ dataDir: join(dir, 'elsewhere'), timeZone: 'Asia/Urumqi' }));
    const given = loadHallConfig({ configFile: other, env: { ONEDOOR_HALL_DIR: dir } });
    expect(given.ok && given.value).toMatchObject({ dataDir: join(dir, 'elsewhere'), timeZone: 'Asia/Urumqi', configFile: other });
  });

  it('refuses a malformed config naming the field', () => {
    const dir = tempDir();
    const cases: Array<[unknown, string]> = [
      [{ http: { port: 70000 } }, 'http.port'],
      [{ database: { engine: 'postgres' } }, 'database.connectionString'],
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ staffIdKey: 'abc' }, 'staffIdKey'],
      [{ htpp: {} }, '(root)'],
    ];
    for (const [content, field] of cases) {
      const file = join(dir, `${field}.json`);
      writeFileSync(file, JSON.stringify(content));
      const loaded = loadHallConfig({ configFile: file, env: { ONEDOOR_HALL_DIR: dir } });
      expect(loaded.ok ? null : loaded.error.field, JSON.stringify(content)).toBe(field);
    }
    writeFileSync(join(dir, 'broken.json'), '{ "http": ');
    const broken = loadHallConfig({ configFile: join(dir, 'broken.json'), env: { ONEDOOR_HALL_DIR: dir } });
    expect(broken.ok ? null : broken.error).toMatchObject({ field: '(file)', message: expect.stringContaining('not valid JSON') });
  });
});

function fakeParts(log: string[], options: { brokerFails?: boolean } = {}): HallParts {
  return {
    startBroker({ dir, port }) {
      if (options.brokerFails) throw new Error(`port ${port} in use`);
      log.push(`broker ${port}`);
      const broker: HallBroker = {
        url: `mqtts://127.0.0.1:${port}`, caPem: 'CA', hallCredentials: { username: 'hall', password: 'pw' },
        async addKiosk(kioskId) {
          mkdirSync(join(dir, 'kiosks'), { recursive: true });
          writeFileSync(join(dir, 'kiosks', `${kioskId}.json`), '{}');
          log.push(`addKiosk ${kioskId}`);
          return { kioskId, url: broker.url, username: kioskId, password: 'k', caPem: 'CA' };
        },
        async stop() {
          log.push('broker stopped');
        },
      };
      return broker;
    },
    startLink({ username, url }) {
      log.push(`link ${username}@${url}`);
      return { ...fakeLink(), async stop() { log.push('link stopped'); } };
    },
    createStats(_db, { timeZone }) {
      log.push(`stats ${timeZone}`);
      return fakeStats();
    },
  };
}

describe('startHall', () => {
  it('starts database, broker, link, stats and console; first start makes admin and HB-KIOSK-01 once; stop stops all', async () => {
    const dir = tempDir();
    const loaded = loadHallConfig({ env: { ONEDOOR_HALL_DIR: dir } });
    if (!loaded.ok) throw new Error(loaded.error.message);
    const config: HallConfig = { ...loaded.value, http: { ...loaded.value.http, port: 0 }, broker: { port: 18883 } };
    const log: string[] = [];
    // In memory here (the on-disk default is the next test's): PGlite's first start in a folder takes seconds.
    const started = await startHall(config, { ...fakeParts(log), openDb: () => openPgliteDb() });
    if (!started.ok) throw new Error(started.error.message);
    const hall = started.value;
    try {
      expect(hall.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(log).toEqual(['broker 18883', 'link hall@mqtts://127.0.0.1:18883', 'stats Asia/Shanghai']);
      const admin = await ensureFirstAdmin(hall.db);
      expect(admin?.username).toBe('admin');
      expect(await ensureFirstAdmin(hall.db)).toBeNull();
      expect(await provisionDefaultKiosk(hall, dir)).toBe(join(dir, 'broker', 'kiosks', `${DEFAULT_KIOSK_ID}.json`));
      expect(await provisionDefaultKiosk(hall, dir)).toBeNull();
      expect(log.filter((l) => l.startsWith('addKiosk'))).toEqual(['addKiosk HB-KIOSK-01']);
      const client = new ConsoleClient(hall.url.replace(/\/$/, ''));
      expect((await client.login('admin', admin?.password)).body).toMatchObject({ officer: { username: 'admin', role: 'supervisor' } });
    } finally {
      await hall.stop();
    }
    expect(log.slice(-2)).toEqual(['link stopped', 'broker stopped']);
    await expect(fetch(hall.url)).rejects.toThrow();
  }, 60_000);

  it('answers a broker that cannot start with a refusal naming it, and closes the database', async () => {
    const dir = tempDir();
    const loaded = loadHallConfig({ env: { ONEDOOR_HALL_DIR: dir } });
    if (!loaded.ok) throw new Error(loaded.error.message);
    const started = await startHall({ ...loaded.value, http: { ...loaded.value.http, port: 0 } }, fakeParts([], { brokerFails: true }));
    expect(started.ok ? null : started.error).toMatchObject({ stage: 'broker', message: expect.stringContaining('port 8883 in use') });
    // The database was closed: a second start opens the same folder.
    const again = await startHall({ ...loaded.value, http: { ...loaded.value.http, port: 0 } }, fakeParts([]));
    expect(again.ok).toBe(true);
    if (again.ok) await again.value.stop();
  }, 60_000);
});
