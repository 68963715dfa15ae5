import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsQuery } from '../../../hall/contract/console-api';
import type { HallDb } from '../../../hall/server/store/hall-db';
import { HALL_MIGRATIONS, migrateHallDb } from '../../../hall/server/store/migrations';
import { openPgliteDb } from '../../../hall/server/store/pglite-db';
import { openPostgresDb } from '../../../hall/server/store/postgres-db';
import { createHallStats } from '../../../hall/server/stats/hall-stats';
import { rebuildRollups } from '../../../hall/server/stats/rollups';
import { startLocalPostgres, type LocalPostgres } from '../../../scripts/lib/local-postgres';
import { formatChange } from '../../../hall/console/format';
import { generateRows, insertRows, type TestRow } from './journal-rows';

let server: LocalPostgres;
beforeAll(async () => {
  server = await startLocalPostgres();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

/** Each engine: the shared database, and a fresh empty one (a new PGlite, or a new database on the server). */
const engines: Array<[string, () => Promise<HallDb>, (name: string) => Promise<HallDb>]> = [
  ['PGlite (embedded)', () => openPgliteDb(), () => openPgliteDb()],
  [
    'PostgreSQL server',
    () => openPostgresDb({ connectionString: server.connectionString }),
    async (name) => {
      const admin = await openPostgresDb({ connectionString: server.connectionString, max: 1 });
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.close();
      return openPostgresDb({ connectionString: server.connectionString.replace(/\/postgres$/, `/${name}`) });
    },
  ],
];

const ZONE = 'Asia/Shanghai';
const ROLLUP_TABLES = ['journal_daily', 'journal_daily_kiosk', 'journal_monthly_kiosk', 'journal_dropoff', 'journal_monthly_kiosk_category', 'journal_monthly_kiosk_service'];
const JOURNAL_TABLES = ['journal_sessions', ...ROLLUP_TABLES].join(', ');

const row = (over: Partial<TestRow> & Pick<TestRow, 'rowId'>): TestRow => ({
  kioskId: 'kiosk-1',
  serviceId: 'idcard.renewal',
  category: 'huzheng',
  outcome: 'completed',
  startedAt: '2025-03-10T02:00:00Z',
  endedAt: '2025-03-10T02:04:00Z',
  lastStep: 'done',
  feeFen: 0,
  ...over,
});

/**
 * `count` rows spread every 239 minutes from 2023-12-20 (every hour of the day, so local midnights are crossed) over
 * three kiosks, services a/b/c/none and categories huzheng/traffic/none mixed independently, a fifth not completed.
 */
const mixedRowsSql = (count: number) => `
  INSERT INTO journal_sessions (kiosk_id, row_id, session_id, service_id, category, outcome, started_at, ended_at, last_step, fee_fen)
  SELECT 'k' || (g % 3 + 1), 'm' || g, 'ms' || g, (ARRAY['a', 'b', 'c', NULL])[1 + (g * 7) % 4], (ARRAY['huzheng', 'traffic', NULL])[1 + (g * 11) % 3],
         CASE WHEN g % 5 = 0 THEN 'abandoned' ELSE 'completed' END,
         timestamptz '2023-12-20 00:00Z' + g * interval '239 minutes', timestamptz '2023-12-20 00:00Z' + g * interval '239 minutes' + (g % 900) * interval '1 second',
         CASE WHEN g % 5 = 0 THEN 'photo' ELSE 'receipt' END, (g % 4) * 500
  FROM generate_series(1, ${count}) g`;

describe.each(engines)('the hall statistics on %s', (_name, open, openFresh) => {
  // One database per engine (opening PGlite costs seconds); each test starts from empty journal tables.
  let shared: HallDb;
  beforeAll(async () => {
    shared = await open();
    expect((await migrateHallDb(shared)).ok).toBe(true);
  }, 60_000);
  afterAll(async () => {
    await shared?.close();
  });
  const withDb = async (work: (db: HallDb) => Promise<void>) => {
    await shared.query(`TRUNCATE ${JOURNAL_TABLES}`);
    await work(shared);
  };

  it('reproduces the seed report: 7,985 户政 applications in six months, +52.9 % year on year; 2,139 certificates, +171.7 %', async () => {
    await withDb(async (db) => {
      await generateRows(db, { prefix: 'now-', count: 7985, from: '2025-01-01', days: 181, category: 'huzheng', serviceId: 'hz.move', outcome: 'completed', feeFen: 500 });
      await generateRows(db, { prefix: 'now-left-', count: 400, from: '2025-01-01', days: 181, category: 'huzheng', serviceId: 'hz.move', outcome: 'abandoned' });
      await generateRows(db, { prefix: 'now-cert-', count: 2139, from: '2025-01-01', days: 181, category: 'certificates', serviceId: 'cert.none', outcome: 'completed' });
      await generateRows(db, { prefix: 'ago-', count: 5222, from: '2024-01-01', days: 182, category: 'huzheng', serviceId: 'hz.move', outcome: 'completed' });
      await generateRows(db, { prefix: 'prev-', count: 6000, from: '2024-07-04', days: 181, category: 'huzheng', serviceId: 'hz.move', outcome: 'completed' });
      // The certificates a year before: 2,139 − 1,352 (the seed's "同比增加1352份").
      await generateRows(db, { prefix: 'ago-cert-', count: 787, from: '2024-01-01', days: 182, category: 'certificates', serviceId: 'cert.none', outcome: 'completed' });
      const stats = createHallStats(db, { timeZone: ZONE });
      const answer = await stats.summary({ from: '2025-01-01', to: '2025-06-30', groupBy: 'month', category: 'huzheng' });
      expect(answer.total).toEqual({ sessions: 8385, completed: 7985, averageSeconds: 300, feeFen: 7985 * 500 });
      expect(answer.rows.map((r) => r.key)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
      expect(answer.rows.reduce((sum, r) => sum + r.completed, 0)).toBe(7985);
      expect(answer.yearEarlier).toMatchObject({ from: '2024-01-01', to: '2024-06-30', completed: 5222 });
      expect(`+${((answer.yearEarlier.change ?? 0) * 100).toFixed(1)} %`).toBe('+52.9 %');
      expect(answer.previousPeriod).toMatchObject({ from: '2024-07-04', to: '2024-12-31', completed: 6000 });
      expect(answer.previousPeriod.change).toBeCloseTo(7985 / 6000 - 1, 10);
      // By category, without the filter: 户政 first (most completed), then certificates.
      const byCategory = await stats.summary({ from: '2025-01-01', to: '2025-06-30', groupBy: 'category' });
      expect(byCategory.rows.map((r) => [r.key, r.completed])).toEqual([['huzheng', 7985], ['certificates', 2139]]);
      expect(byCategory.yearEarlier.completed).toBe(5222 + 787);
      // The seed's certificates: 2,139 无犯罪记录证明 in the half year, 1,352 more than a year before, written +171.7 %.
      const certificates = await stats.summary({ from: '2025-01-01', to: '2025-06-30', groupBy: 'month', category: 'certificates' });
      expect(certificates.total.completed).toBe(2139);
      expect(certificates.yearEarlier).toMatchObject({ from: '2024-01-01', to: '2024-06-30', completed: 787 });
      expect(certificates.total.completed - certificates.yearEarlier.completed).toBe(1352);
      // As the console writes it (the seed cuts to one decimal: 1.71791… is +171.7 %), and the 户政 figure the same way.
      expect(formatChange(certificates.yearEarlier.change ?? 0)).toBe('+171.7 %');
      expect(formatChange(answer.yearEarlier.change ?? 0)).toBe('+52.9 %');
    });
  });

  it("counts a session on the hall's local day: 23:30 UTC is the next day in Asia/Shanghai", async () => {
    await withDb(async (db) => {
      await insertRows(db, [
        row({ rowId: 'late', startedAt: '2025-03-31T23:30:00Z', endedAt: '2025-03-31T23:40:00Z' }),
        row({ rowId: 'early', startedAt: '2025-03-31T15:59:00Z', endedAt: '2025-03-31T16:01:00Z' }),
      ]);
      const shanghai = createHallStats(db, { timeZone: ZONE });
      const byDay = await shanghai.summary({ from: '2025-03-31', to: '2025-04-01', groupBy: 'day' });
      expect(byDay.rows.map((r) => [r.key, r.sessions])).toEqual([['2025-03-31', 1], ['2025-04-01', 1]]);
      const byMonth = await shanghai.summary({ from: '2025-03-01', to: '2025-04-30', groupBy: 'month' });
      expect(byMonth.rows.map((r) => [r.key, r.sessions])).toEqual([['2025-03', 1], ['2025-04', 1]]);
      // A hall on UTC reads the rows themselves: both sessions fall on 31 March there.
      const utc = createHallStats(db, { timeZone: 'UTC' });
      const utcDays = await utc.summary({ from: '2025-03-31', to: '2025-04-01', groupBy: 'day' });
      expect(utcDays.rows.map((r) => [r.key, r.sessions])).toEqual([['2025-03-31', 2], ['2025-04-01', 0]]);
    });
  });

  it('never counts a re-sent row twice, in the rows or in the rollups', async () => {
    await withDb(async (db) => {
      const batch = [row({ rowId: 'r1', feeFen: 1000 }), row({ rowId: 'r2', outcome: 'abandoned', lastStep: 'photo' }), row({ rowId: 'r1', kioskId: 'kiosk-2' })];
      expect(await insertRows(db, batch)).toBe(3);
      // The kiosk re-sends the whole batch after a reconnect, with one new row.
      expect(await insertRows(db, [...batch, row({ rowId: 'r3' })])).toBe(1);
      expect(await insertRows(db, batch)).toBe(0);
      const stats = createHallStats(db, { timeZone: ZONE });
      const byKiosk = await stats.summary({ from: '2025-03-10', to: '2025-03-10', groupBy: 'kiosk' });
      expect(byKiosk.rows.map((r) => [r.key, r.sessions, r.completed, r.feeFen])).toEqual([['kiosk-1', 3, 2, 1000], ['kiosk-2', 1, 1, 0]]);
      expect(byKiosk.total).toEqual({ sessions: 4, completed: 3, averageSeconds: 240, feeFen: 1000 });
      const byService = await stats.summary({ from: '2025-03-10', to: '2025-03-10', groupBy: 'service' });
      expect(byService.total).toEqual(byKiosk.total);
      expect(await stats.dropOff('idcard.renewal', '2025-03-10', '2025-03-10')).toEqual({ serviceId: 'idcard.renewal', steps: [{ step: 'photo', sessions: 1 }] });
    });
  });

  it('lists drop-off by step, most first, completed sessions and other services left out', async () => {
    await withDb(async (db) => {
      const rows: TestRow[] = [];
      const add = (n: number, over: Partial<TestRow>) => {
        for (let i = 0; i < n; i += 1) rows.push(row({ rowId: `r${rows.length}`, ...over }));
      };
      add(5, { outcome: 'abandoned', lastStep: 'photo' });
      add(3, { outcome: 'timeout', lastStep: 'payment' });
      add(3, { outcome: 'abandoned', lastStep: 'confirm' });
      add(1, { outcome: 'abandoned', lastStep: null });
      add(9, { outcome: 'completed', lastStep: 'receipt' });
      add(7, { serviceId: 'traffic.points', category: 'traffic', outcome: 'abandoned', lastStep: 'licence' });
      add(2, { outcome: 'abandoned', lastStep: 'photo', startedAt: '2025-04-10T02:00:00Z', endedAt: '2025-04-10T02:01:00Z' });
      await insertRows(db, rows);
      const expected = [
        { step: 'photo', sessions: 5 },
        { step: 'confirm', sessions: 3 },
        { step: 'payment', sessions: 3 },
        { step: '', sessions: 1 },
      ];
      expect((await createHallStats(db, { timeZone: ZONE }).dropOff('idcard.renewal', '2025-03-01', '2025-03-31')).steps).toEqual(expected);
      expect((await createHallStats(db, { timeZone: 'Europe/Berlin' }).dropOff('idcard.renewal', '2025-03-01', '2025-03-31')).steps).toEqual(expected);
    });
  });

  it('answers every query the console can ask as the rows themselves do: each grouping and combination of filters, whole months and ragged ranges', async () => {
    await withDb(async (db) => {
      await db.query(mixedRowsSql(3000));
      const fromRollups = createHallStats(db, { timeZone: ZONE });
      const fromRows = createHallStats(db, { timeZone: ZONE, fromRows: true });
      const groupings: StatsQuery['groupBy'][] = ['service', 'category', 'kiosk', 'day', 'month'];
      const filters: Array<Pick<StatsQuery, 'category' | 'serviceId' | 'kioskId'>> = [
        {},
        { category: 'huzheng' },
        { serviceId: 'a' },
        { kioskId: 'k1' },
        { category: 'traffic', serviceId: 'b' },
        { category: 'huzheng', kioskId: 'k2' },
        { serviceId: 'c', kioskId: 'k3' },
        { category: 'traffic', serviceId: 'a', kioskId: 'k1' },
      ];
      const ranges = [
        { from: '2025-01-01', to: '2025-03-31' },
        { from: '2024-12-17', to: '2025-03-14' },
        { from: '2024-12-03', to: '2025-02-27' },
        { from: '2025-02-03', to: '2025-02-26' },
        { from: '2025-02-10', to: '2025-02-10' },
      ];
      let compared = 0;
      for (const groupBy of groupings) {
        for (const filter of filters) {
          for (const range of ranges) {
            const q: StatsQuery = { ...range, groupBy, ...filter };
            const answer = await fromRollups.summary(q);
            expect(answer, JSON.stringify(q)).toEqual(await fromRows.summary(q));
            compared += answer.total.sessions > 0 ? 1 : 0;
          }
        }
      }
      // The comparison means something: most queries found sessions (a single day with three filters may find none).
      expect(compared).toBeGreaterThan((groupings.length * filters.length * ranges.length * 2) / 3);
    });
  }, 120_000);

  it("sums the rows stored before migration 4 into that migration's rollups", async () => {
    const db = await openFresh('stats_backfill');
    try {
      expect((await migrateHallDb(db, HALL_MIGRATIONS.filter((m) => m.version < 4))).ok).toBe(true);
      await db.query(mixedRowsSql(1500));
      expect(await migrateHallDb(db)).toMatchObject({ ok: true });
      const q: StatsQuery = { from: '2024-01-05', to: '2024-09-20', groupBy: 'kiosk', category: 'huzheng' };
      const answer = await createHallStats(db, { timeZone: ZONE }).summary(q);
      expect(answer.total.sessions).toBeGreaterThan(0);
      expect(answer).toEqual(await createHallStats(db, { timeZone: ZONE, fromRows: true }).summary(q));
      // Rows after the migration reach the new rollups through its trigger.
      await insertRows(db, [row({ rowId: 'after', kioskId: 'k9', category: 'huzheng', startedAt: '2024-06-10T02:00:00Z', endedAt: '2024-06-10T02:01:00Z' })]);
      const later = await createHallStats(db, { timeZone: ZONE }).summary(q);
      expect(later.rows.find((r) => r.key === 'k9')).toMatchObject({ sessions: 1, completed: 1 });
      expect(later).toEqual(await createHallStats(db, { timeZone: ZONE, fromRows: true }).summary(q));
    } finally {
      await db.close();
    }
  }, 60_000);

  it('gives the same figures from the rollups as from a direct count over random rows', async () => {
    await withDb(async (db) => {
      const rollups = createHallStats(db, { timeZone: ZONE });
      const localDay = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
      const day = (iso: string) => localDay.format(new Date(iso));
      const arbitraryRow = fc.record({
        kioskId: fc.constantFrom('k1', 'k2', 'k3'),
        rowId: fc.integer({ min: 1, max: 40 }).map(String),
        serviceId: fc.constantFrom('a', 'b', null),
        category: fc.constantFrom('huzheng', 'traffic', null),
        outcome: fc.constantFrom('completed', 'abandoned', 'timeout'),
        // Around two month ends and 29 February, with a few rows further out (whole months in the wider range).
        startedAt: fc
          .oneof(
            fc.integer({ min: Date.parse('2024-02-27T00:00:00Z'), max: Date.parse('2024-03-02T23:59:59Z') }),
            fc.integer({ min: Date.parse('2024-01-25T00:00:00Z'), max: Date.parse('2024-04-05T23:59:59Z') }),
          )
          .map((ms) => new Date(ms).toISOString()),
        seconds: fc.integer({ min: 0, max: 900 }),
        lastStep: fc.constantFrom('photo', 'payment', null),
        feeFen: fc.constantFrom(0, 1000, 2500),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(fc.array(arbitraryRow, { maxLength: 25 }), { maxLength: 4 }), async (batches) => {
          await db.query(`TRUNCATE ${JOURNAL_TABLES}`);
          const stored = new Map<string, TestRow>();
          for (const batch of batches) {
            const rows = batch.map(({ seconds, ...r }) => ({ ...r, endedAt: new Date(Date.parse(r.startedAt) + seconds * 1000).toISOString() }));
            await insertRows(db, rows);
            for (const r of rows) if (!stored.has(`${r.kioskId}/${r.rowId}`)) stored.set(`${r.kioskId}/${r.rowId}`, r);
          }
          const all = [...stored.values()];
          const count = (keep: (r: TestRow) => boolean, key: (r: TestRow) => string) => {
            const out = new Map<string, { sessions: number; completed: number; feeFen: number }>();
            for (const r of all.filter(keep)) {
              const entry = out.get(key(r)) ?? { sessions: 0, completed: 0, feeFen: 0 };
              entry.sessions += 1;
              entry.completed += r.outcome === 'completed' ? 1 : 0;
              entry.feeFen += r.feeFen;
              out.set(key(r), entry);
            }
            return out;
          };
          const between = (from: string, to: string) => (r: TestRow) => day(r.startedAt) >= from && day(r.startedAt) <= to;
          const inRange = between('2024-02-28', '2024-03-01');
          const inWide = between('2024-01-28', '2024-04-02');
          const wide = { from: '2024-01-28', to: '2024-04-02' };
          // Most of January and March: whole months minus the days outside (read from the rows); most of February alone.
          const ragged = { from: '2024-01-03', to: '2024-03-29' };
          const inRagged = between(ragged.from, ragged.to);
          const midFebruary = { from: '2024-02-03', to: '2024-02-27' };
          const inMidFebruary = between(midFebruary.from, midFebruary.to);
          const cases: Array<{ q: Partial<StatsQuery> & Pick<StatsQuery, 'groupBy'>; keep: (r: TestRow) => boolean; key: (r: TestRow) => string }> = [
            { q: { groupBy: 'kiosk', ...wide }, keep: inWide, key: (r) => r.kioskId },
            { q: { groupBy: 'month', kioskId: 'k1', ...wide }, keep: (r) => inWide(r) && r.kioskId === 'k1', key: (r) => day(r.startedAt).slice(0, 7) },
            { q: { groupBy: 'month', ...wide }, keep: inWide, key: (r) => day(r.startedAt).slice(0, 7) },
            { q: { groupBy: 'service' as const }, keep: inRange, key: (r: TestRow) => r.serviceId ?? '' },
            { q: { groupBy: 'category' as const, serviceId: 'a' }, keep: (r: TestRow) => inRange(r) && r.serviceId === 'a', key: (r: TestRow) => r.category ?? '' },
            { q: { groupBy: 'kiosk' as const }, keep: inRange, key: (r: TestRow) => r.kioskId },
            { q: { groupBy: 'kiosk' as const, category: 'traffic' as const }, keep: (r: TestRow) => inRange(r) && r.category === 'traffic', key: (r: TestRow) => r.kioskId },
            { q: { groupBy: 'day' as const, kioskId: 'k2' }, keep: (r: TestRow) => inRange(r) && r.kioskId === 'k2', key: (r: TestRow) => day(r.startedAt) },
            // Kiosks ranked within a category or a service: migration 4's monthly rollups and the rows of the days at the ends.
            { q: { groupBy: 'kiosk', serviceId: 'a' }, keep: (r) => inRange(r) && r.serviceId === 'a', key: (r) => r.kioskId },
            { q: { groupBy: 'kiosk', category: 'traffic', ...wide }, keep: (r) => inWide(r) && r.category === 'traffic', key: (r) => r.kioskId },
            { q: { groupBy: 'kiosk', category: 'huzheng', ...ragged }, keep: (r) => inRagged(r) && r.category === 'huzheng', key: (r) => r.kioskId },
            { q: { groupBy: 'kiosk', serviceId: 'b', ...ragged }, keep: (r) => inRagged(r) && r.serviceId === 'b', key: (r) => r.kioskId },
            {
              q: { groupBy: 'kiosk', serviceId: 'a', category: 'traffic', ...midFebruary },
              keep: (r) => inMidFebruary(r) && r.serviceId === 'a' && r.category === 'traffic',
              key: (r) => r.kioskId,
            },
          ];
          for (const { q, keep, key } of cases) {
            const answer = await rollups.summary({ from: '2024-02-28', to: '2024-03-01', ...q });
            // The totals and their comparisons come from another source than the rows: they must agree.
            expect(answer.total.sessions).toBe(all.filter(keep).length);
            const got = new Map(answer.rows.filter((r) => r.sessions > 0).map((r) => [r.key, { sessions: r.sessions, completed: r.completed, feeFen: r.feeFen }]));
            expect(got).toEqual(count(keep, key));
          }
          const drop = await rollups.dropOff('a', '2024-02-28', '2024-03-01');
          const expectedDrop = count((r) => inRange(r) && r.serviceId === 'a' && r.outcome !== 'completed', (r) => r.lastStep ?? '');
          expect(new Map(drop.steps.map((s) => [s.step, s.sessions]))).toEqual(new Map([...expectedDrop].map(([k, v]) => [k, v.sessions])));
          // The one-pass rebuild (after a bulk load) lands on the trigger's sums.
          const snapshot = async () => Promise.all(ROLLUP_TABLES.map(async (t) => (await db.query(`SELECT * FROM ${t} AS r ORDER BY r::text`)).rows));
          const before = await snapshot();
          await rebuildRollups(db);
          expect(await snapshot()).toEqual(before);
        }),
        { numRuns: 8 },
      );
    });
  }, 50_000);
});
