/**
 * Statistics over a province's three years of journal rows (10 M by default):
 * bulk-loaded server-side with generate_series (trigger off), rollups rebuilt
 * in one pass, ANALYZE, then the console's queries through createHallStats —
 * summary by service/category/kiosk/day/month over 1, 6 and 12 months with
 * their 环比/同比, drop-off, kiosks ranked within a category or a service
 * (aligned and ragged ranges), one kiosk with filters, and the whole
 * history — each ≥ 20 times after a warm-up.
 */
import { createHallStats } from '../../hall/server/stats/hall-stats';
import { rebuildRollups, setRollupTrigger } from '../../hall/server/stats/rollups';
import type { HallDb } from '../../hall/server/store/hall-db';
import { migrateHallDb } from '../../hall/server/store/migrations';
import { openPostgresDb } from '../../hall/server/store/postgres-db';
import type { StatsQuery } from '../../hall/contract/console-api';
import { startLocalPostgres } from '../lib/local-postgres';
import { currentCommit, latencyRow, round, since, type HallBenchRow } from './figures';

export interface StatsBenchOptions {
  rows: number;
  kiosks: number;
  runs: number;
  log: (line: string) => void;
}

const FIRST_DAY = '2023-11-01';
const DAYS = 1096; // to 2026-10-31
const LAST_DAY = '2026-10-31';
const PERIODS = [
  { name: '1m', from: '2026-10-01' },
  { name: '6m', from: '2026-05-01' },
  { name: '12m', from: '2025-11-01' },
] as const;
const GROUPINGS: StatsQuery['groupBy'][] = ['service', 'category', 'kiosk', 'day', 'month'];
/** Filters that rank kiosks within a category or a service (no rollup of migration 2 has both dimensions). */
const KIOSK_FILTERS: Array<[string, Pick<StatsQuery, 'category' | 'serviceId'>]> = [
  ['category', { category: 'huzheng' }],
  ['service', { serviceId: 'id.renewal' }],
  ['category+service', { category: 'huzheng', serviceId: 'id.renewal' }],
];
/** Ranges whose ends are not month ends: the most days read from the rows (about half a month at each end). */
const RAGGED_RANGES = [
  { name: '6m-unaligned', from: '2026-04-16', to: '2026-10-15' },
  { name: '7m-ragged', from: '2026-03-16', to: '2026-10-16' },
  { name: '2m-partial', from: '2026-09-02', to: '2026-10-29' },
] as const;

/** 30 services in 5 categories; popularity falls with the index (r² skew in the generator). */
const SERVICES: Array<[string, string, number]> = [
  ['hz.residence-proof', 'huzheng', 0], ['id.renewal', 'huzheng', 2000], ['id.lost', 'huzheng', 4000], ['hz.move-in', 'huzheng', 0],
  ['hz.birth', 'huzheng', 0], ['id.temporary', 'huzheng', 1000], ['traffic.points', 'traffic', 0], ['traffic.fine', 'traffic', 20000],
  ['traffic.licence-renewal', 'traffic', 1000], ['traffic.plate', 'traffic', 0], ['traffic.inspection', 'traffic', 0], ['ee.endorsement-hk', 'exitEntry', 1500],
  ['ee.endorsement-mo', 'exitEntry', 1500], ['ee.passport', 'exitEntry', 12000], ['ee.photo', 'exitEntry', 3000], ['ee.travel-permit-tw', 'exitEntry', 2500],
  ['cert.no-crime', 'certificates', 0], ['cert.residence', 'certificates', 0], ['cert.kinship', 'certificates', 0], ['cert.death', 'certificates', 0],
  ['proxy.video', 'proxy', 0], ['proxy.phone', 'proxy', 0], ['hz.name-change', 'huzheng', 0], ['hz.move-out', 'huzheng', 0],
  ['traffic.accident', 'traffic', 0], ['ee.residence-permit', 'exitEntry', 0], ['cert.marriage-status', 'certificates', 0], ['id.address', 'huzheng', 0],
  ['hz.split', 'huzheng', 0], ['cert.other', 'certificates', 0],
];

export async function benchHallStats(options: StatsBenchOptions): Promise<HallBenchRow[]> {
  const { log } = options;
  // A production-like server for one machine: big enough buffers for the rollups; fsync off only speeds the load.
  const server = await startLocalPostgres({
    settings: { shared_buffers: '2GB', work_mem: '64MB', maintenance_work_mem: '1GB', max_wal_size: '16GB', checkpoint_timeout: '30min', effective_cache_size: '16GB' },
  });
  const db = await openPostgresDb({ connectionString: server.connectionString, max: 10 });
  try {
    const migrated = await migrateHallDb(db);
    if (!migrated.ok) throw new Error(`migration failed: ${JSON.stringify(migrated.error)}`);
    const phases: Record<string, number> = {};
    let start = performance.now();
    await setRollupTrigger(db, false);
    await generate(db, options);
    await setRollupTrigger(db, true);
    phases.generate = since(start);
    start = performance.now();
    await rebuildRollups(db);
    phases.rollup = since(start);
    start = performance.now();
    await db.query('VACUUM ANALYZE');
    phases.analyze = since(start);
    const sizes = await db.query<{ name: string; rows: string; size: string }>(
      `SELECT relname AS name, reltuples::bigint::text AS rows, pg_size_pretty(pg_total_relation_size(oid)) AS size
       FROM pg_class WHERE relname IN ('journal_sessions', 'journal_daily', 'journal_daily_kiosk', 'journal_monthly_kiosk', 'journal_dropoff',
         'journal_monthly_kiosk_category', 'journal_monthly_kiosk_service') ORDER BY relname`,
    );
    log(`  phases: generate ${s(phases.generate)}, rollup ${s(phases.rollup)}, vacuum analyze ${s(phases.analyze)}`);
    for (const t of sizes.rows) log(`  ${t.name.padEnd(22)} ${t.rows.padStart(10)} rows  ${t.size}`);

    start = performance.now();
    const stats = createHallStats(db, { timeZone: 'Asia/Shanghai' });
    const rows: HallBenchRow[] = [];
    const measure = async (id: string, run: () => Promise<unknown>) => {
      for (let i = 0; i < 2; i += 1) await run(); // warm-up: buffers and plans
      const samples: number[] = [];
      for (let i = 0; i < options.runs; i += 1) {
        const t = performance.now();
        await run();
        samples.push(since(t));
      }
      const row = latencyRow(id, samples, 95, 300);
      log(`  ${row.id.padEnd(48)} p50 ${String(row.p50).padStart(7)} ms  p95 ${String(row.median).padStart(7)} ms`);
      rows.push(row);
    };
    for (const period of PERIODS) {
      for (const groupBy of GROUPINGS) await measure(`hall.stats.${period.name}.${groupBy}`, () => stats.summary({ from: period.from, to: LAST_DAY, groupBy }));
      await measure(`hall.stats.${period.name}.dropoff`, () => stats.dropOff(SERVICES[1]![0], period.from, LAST_DAY));
    }
    // Months not aligned to the calendar: the days around the whole months come from the daily rollups.
    await measure('hall.stats.6m-unaligned.kiosk', () => stats.summary({ from: '2026-04-16', to: '2026-10-15', groupBy: 'kiosk' }));
    await measure('hall.stats.6m-unaligned.service', () => stats.summary({ from: '2026-04-16', to: '2026-10-15', groupBy: 'service' }));
    // Filters the console offers: one kiosk (rollup by kiosk, or its rows through the kiosk index).
    await measure('hall.stats.12m.one-kiosk.day', () => stats.summary({ from: '2025-11-01', to: LAST_DAY, groupBy: 'day', kioskId: 'k0042' }));
    await measure('hall.stats.12m.one-kiosk.service', () => stats.summary({ from: '2025-11-01', to: LAST_DAY, groupBy: 'service', kioskId: 'k0042' }));
    await measure('hall.stats.12m.one-kiosk.category.month', () => stats.summary({ from: '2025-11-01', to: LAST_DAY, groupBy: 'month', kioskId: 'k0042', category: 'huzheng' }));
    // Ranking kiosks within a category or a service (migration 4's monthly rollups, the days at the ends from the rows);
    // huzheng is the biggest category (about half the rows), the worst case for those days.
    for (const [name, filters] of KIOSK_FILTERS) {
      for (const period of PERIODS) await measure(`hall.stats.${period.name}.kiosk.${name}`, () => stats.summary({ from: period.from, to: LAST_DAY, groupBy: 'kiosk', ...filters }));
    }
    for (const range of RAGGED_RANGES) {
      await measure(`hall.stats.${range.name}.kiosk.category`, () => stats.summary({ from: range.from, to: range.to, groupBy: 'kiosk', category: 'huzheng' }));
    }
    // The whole history (the console's dates are free): the longest ranges it can ask.
    await measure('hall.stats.36m.service', () => stats.summary({ from: FIRST_DAY, to: LAST_DAY, groupBy: 'service' }));
    await measure('hall.stats.36m.kiosk', () => stats.summary({ from: FIRST_DAY, to: LAST_DAY, groupBy: 'kiosk' }));
    await measure('hall.stats.36m.kiosk.category', () => stats.summary({ from: FIRST_DAY, to: LAST_DAY, groupBy: 'kiosk', category: 'huzheng' }));
    // The alternative not chosen: the same summaries from journal_sessions through its indexes (what a hall
    // whose zone is not the rollups' reads). Logged for docs/scale.md, not a target.
    const fromRows = createHallStats(db, { timeZone: 'Asia/Shanghai', fromRows: true });
    const withoutRollups = async (name: string, q: StatsQuery) => {
      const samples: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        const t = performance.now();
        await fromRows.summary(q);
        if (i > 0) samples.push(since(t));
      }
      log(`  without rollups (rows + indexes): ${name}, median of 3: ${Math.round(samples.sort((a, b) => a - b)[1]!)} ms`);
    };
    for (const period of PERIODS) await withoutRollups(`${period.name} by service`, { from: period.from, to: LAST_DAY, groupBy: 'service' });
    for (const period of PERIODS) await withoutRollups(`${period.name} by kiosk, category`, { from: period.from, to: LAST_DAY, groupBy: 'kiosk', category: 'huzheng' });
    phases.queries = since(start);
    log(`  queries: ${s(phases.queries)}`);

    // What the trigger costs the ingest: 500-row batches, as the hall's MQTT ingest writes them.
    start = performance.now();
    const batches = 40;
    for (let b = 0; b < batches; b += 1) {
      await db.query(
        `INSERT INTO journal_sessions (kiosk_id, row_id, session_id, service_id, category, outcome, started_at, ended_at, last_step, fee_fen)
         SELECT 'k' || lpad((g % $2)::text, 4, '0'), 'ingest-' || g, 'ingest-s' || g, 'id.renewal', 'huzheng', 'completed',
                timestamptz '2026-11-01 02:00Z' + g * interval '1 second', timestamptz '2026-11-01 02:05Z' + g * interval '1 second', 'done', 2000
         FROM generate_series($1::bigint, $1::bigint + 499) g ON CONFLICT DO NOTHING`,
        [b * 500, options.kiosks],
      );
    }
    const ingestRate = (batches * 500) / (since(start) / 1000);
    log(`  ingest with the rollup trigger: ${Math.round(ingestRate)} rows/s (500-row batches, one connection)`);
    rows.push({ id: 'hall.stats.ingest-with-trigger', median: Math.round(ingestRate), unit: 'rows/s', target: 2000, better: 'higher', commit: currentCommit() });
    rows.push({ id: 'hall.stats.load.generate', median: round(phases.generate / 1000), unit: 's', target: 600, better: 'lower', commit: currentCommit() });
    rows.push({ id: 'hall.stats.load.rollup', median: round(phases.rollup / 1000), unit: 's', target: 300, better: 'lower', commit: currentCommit() });
    return rows;
  } finally {
    await db.close();
    await server.stop();
  }
}

/** Rows ordered by time (as a real journal arrives), in 1 M-row statements; deterministic pseudo-random mix from hashes of the row number. */
async function generate(db: HallDb, options: StatsBenchOptions): Promise<void> {
  // A plain table (a temp one would live on one pooled connection only), dropped after the load.
  await db.query(`CREATE TABLE bench_services (idx int PRIMARY KEY, service_id text, category text, fee int)`);
  for (const [idx, [id, category, fee]] of SERVICES.entries()) await db.query('INSERT INTO bench_services VALUES ($1, $2, $3, $4)', [idx, id, category, fee]);
  const chunk = 1_000_000;
  for (let first = 0; first < options.rows; first += chunk) {
    const last = Math.min(options.rows, first + chunk) - 1;
    const t = performance.now();
    await db.query(
      `WITH r AS (
         SELECT g,
                (abs(hashint8extended(g, 1)) % 1000000) / 1e6 AS r1, (abs(hashint8extended(g, 2)) % 1000000) / 1e6 AS r2,
                (abs(hashint8extended(g, 3)) % 1000000) / 1e6 AS r3, (abs(hashint8extended(g, 4)) % 1000000) / 1e6 AS r4,
                (abs(hashint8extended(g, 5)) % 1000000) / 1e6 AS r5, (abs(hashint8extended(g, 6)) % $4::int) AS kiosk
         FROM generate_series($1::bigint, $2::bigint) g
       ), o AS (
         SELECT r.*, floor(r.r1 * r.r1 * 30)::int AS svc,
                CASE WHEN r2 < 0.70 THEN 'completed' WHEN r2 < 0.86 THEN 'abandoned' WHEN r2 < 0.94 THEN 'timeout' WHEN r2 < 0.98 THEN 'referred' ELSE 'refused' END AS outcome,
                ((date '${FIRST_DAY}' + (g * ${DAYS} / $3::bigint)::int) + time '08:30' + r5 * interval '9 hours') AT TIME ZONE 'Asia/Shanghai' AS started
         FROM r
       )
       INSERT INTO journal_sessions (kiosk_id, row_id, session_id, service_id, category, outcome, started_at, ended_at, last_step, fee_fen)
       SELECT 'k' || lpad(o.kiosk::text, 4, '0'), 'r' || o.g, 's' || o.g, s.service_id, s.category, o.outcome,
              o.started, o.started + (60 + floor(o.r4 * 840)) * interval '1 second',
              CASE WHEN o.outcome = 'completed' THEN 'receipt' ELSE (ARRAY['welcome', 'identity', 'face', 'form', 'photo', 'payment', 'confirm'])[1 + floor(o.r3 * 7)::int] END,
              CASE WHEN o.outcome = 'completed' THEN s.fee ELSE 0 END
       FROM o JOIN bench_services s ON s.idx = o.svc`,
      [first, last, options.rows, options.kiosks],
    );
    options.log(`  generated rows ${first + 1}–${last + 1} in ${s(since(t))}`);
  }
  await db.query('DROP TABLE bench_services');
}

function s(ms: number | undefined): string {
  return `${((ms ?? 0) / 1000).toFixed(1)} s`;
}
