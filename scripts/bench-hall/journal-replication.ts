/**
 * Journal replication, exactly once, through the real hall path across a
 * broker restart: the hall broker (`startHallBroker`: Mosquitto with TLS,
 * per-kiosk passwords, ACL, persistence on), the hall's own MQTT ingest
 * (`startHallLink`: a persistent session; a batch is PUBACKed to the broker
 * only after its rows are committed) into a real PostgreSQL server.
 *
 * `kiosks` kiosks, each with its own login and the real kiosk's MQTT options
 * (TLS, persistent session), send a day of session rows (`rowsPerKiosk`) as
 * `JournalBatch`es of `batchSize`, QoS 1, at random moments over 15 s, with
 * the outbox's discipline: a batch is done only on its PUBACK, and after every
 * reconnect the kiosk re-sends each batch it published without a PUBACK.
 * When a third of the batches are acknowledged the broker is stopped
 * (SIGTERM: it saves its persistence) and started again on the same folder
 * and port. At the end: distinct rows stored = rows sent, the duplicates the
 * ingest ignored (`link.stats()`), elapsed and rows/s, and the statistics
 * rollups (kept by the trigger) equal a direct count over the rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { JournalBatch, kioskTopic, type SessionRow } from '../../electron/contract/hall-link';
import { mqttOptions } from '../../electron/host/hall-link/mqtt-options';
import { startHallBroker, type HallBroker } from '../../hall/server/broker/hall-broker';
import type { KioskCredentials } from '../../hall/server/broker/credentials';
import { startHallLink } from '../../hall/server/link/hall-link-server';
import type { HallLinkServer } from '../../hall/server/link/types';
import type { HallDb } from '../../hall/server/store/hall-db';
import { migrateHallDb } from '../../hall/server/store/migrations';
import { openPostgresDb } from '../../hall/server/store/postgres-db';
import { freePort, startLocalPostgres } from '../lib/local-postgres';
import { currentCommit, round, type HallBenchRow } from './figures';
import { provisionKiosks } from './real-hall';
import { kioskId } from './simulated-kiosk';

export interface ReplicationBenchOptions {
  kiosks: number;
  rowsPerKiosk: number;
  batchSize: number;
  log: (line: string) => void;
}

const SPREAD_MS = 15_000;
const STAFF_ID_KEY = 'b'.repeat(64);

export async function benchJournalReplication(options: ReplicationBenchOptions): Promise<HallBenchRow[]> {
  const { log } = options;
  const server = await startLocalPostgres();
  const db = await openPostgresDb({ connectionString: server.connectionString, max: 4 });
  const dir = mkdtempSync(join(tmpdir(), 'onedoor-bench-broker-'));
  const port = await freePort();
  let broker: HallBroker | null = null;
  let link: HallLinkServer | null = null;
  const kiosks: MqttClient[] = [];
  try {
    const migrated = await migrateHallDb(db);
    if (!migrated.ok) throw new Error(`migration failed: ${JSON.stringify(migrated.error)}`);
    broker = await startHallBroker({ dir, port, staffIdKey: STAFF_ID_KEY });
    const credentials = await provisionKiosks(broker, dir, Array.from({ length: options.kiosks }, (_, i) => kioskId(i)));
    link = await startHallLink({ db, url: broker.url, ...broker.hallCredentials, caPem: broker.caPem });

    const totalBatches = options.kiosks * Math.ceil(options.rowsPerKiosk / options.batchSize);
    let acked = 0;
    let sentRows = 0;
    let restarted: Promise<void> | null = null;
    let outage = 0;
    const start = performance.now();
    const allAcked = new Promise<void>((resolve) => {
      const onAck = (rows: number) => {
        acked += 1;
        sentRows += rows;
        if (acked === totalBatches) resolve();
        if (restarted === null && acked >= totalBatches / 3) {
          restarted = (async () => {
            const down = performance.now();
            log(`  ${acked}/${totalBatches} batches acknowledged: stopping the hall broker (SIGTERM) and starting it again on the same folder and port`);
            await broker?.stop();
            broker = await startHallBroker({ dir, port, staffIdKey: STAFF_ID_KEY });
            outage = performance.now() - down;
          })();
        }
      };
      for (const c of credentials) kiosks.push(startKiosk(c, options, onAck));
    });
    await withTimeout(allAcked, 300_000, () => `only ${acked}/${totalBatches} batches acknowledged after 5 minutes`);
    await restarted;
    const expected = options.kiosks * options.rowsPerKiosk;
    // The broker PUBACKs the kiosk on receipt; the hall's session may still hold batches to commit.
    let stored = 0;
    for (let waited = 0; waited < 120_000; waited += 250) {
      stored = await countRows(db);
      if (stored >= expected) break;
      await sleep(250);
    }
    const elapsed = (performance.now() - start) / 1000;
    const stats = link.stats();
    const mismatches = await rollupMismatches(db);
    log(`  sent ${sentRows} rows (PUBACKed), stored ${stored} distinct (ingest counted ${stats.journalRowsStored}), ${stats.duplicatesIgnored} re-sent rows ignored, ${stats.rejected} messages refused; broker down ${(outage / 1000).toFixed(1)} s`);
    log(`  elapsed ${elapsed.toFixed(1)} s, ${Math.round(stored / elapsed)} rows/s (rows spread over ${SPREAD_MS / 1000} s by the kiosks); rollups vs a direct count: ${mismatches} rows differ`);
    if (restarted === null) throw new Error('the broker was never restarted');
    const commit = currentCommit();
    return [
      {
        id: 'hall.journal.rows-lost',
        median: expected - stored,
        unit: 'rows',
        target: 0,
        better: 'lower',
        commit,
        detail: {
          kiosks: options.kiosks, rowsExpected: expected, rowsStored: stored, ingestStored: stats.journalRowsStored, duplicatesIgnored: stats.duplicatesIgnored,
          refused: stats.rejected, brokerDownMs: Math.round(outage), rowsPerSecond: Math.round(stored / elapsed),
        },
      },
      { id: 'hall.journal.rows-sent-not-stored', median: sentRows - stored, unit: 'rows', target: 0, better: 'lower', commit },
      { id: 'hall.journal.rows-stored-twice', median: stats.journalRowsStored - stored, unit: 'rows', target: 0, better: 'lower', commit },
      { id: 'hall.journal.rollup-mismatches', median: mismatches, unit: 'rows', target: 0, better: 'lower', commit },
      { id: 'hall.journal.elapsed', median: round(elapsed), unit: 's', target: 120, better: 'lower', commit },
    ];
  } finally {
    await Promise.all(kiosks.map((k) => k.endAsync(true).catch(() => undefined)));
    await link?.stop().catch(() => undefined);
    await (broker as HallBroker | null)?.stop();
    rmSync(dir, { recursive: true, force: true });
    await db.close();
    await server.stop();
  }
}

/** One kiosk's outbox: batches published at random moments; re-sent after every reconnect until PUBACKed. */
function startKiosk(credentials: KioskCredentials, options: ReplicationBenchOptions, onAck: (rows: number) => void): MqttClient {
  const id = credentials.kioskId;
  const batches = dayOfRows(id, options.rowsPerKiosk, options.batchSize);
  const acked = new Set<string>();
  const published = new Set<string>();
  const client = mqtt.connect(credentials.url, mqttOptions(id, {
    url: credentials.url, username: credentials.username, password: credentials.password, caPem: credentials.caPem,
    statusIntervalSeconds: 10, keepaliveSeconds: 30, source: null, staffIdKey: null,
  }));
  const send = (batch: JournalBatch) => {
    published.add(batch.batchId);
    client.publish(kioskTopic.journal(id), JSON.stringify(batch), { qos: 1 }, (error) => {
      if (error || acked.has(batch.batchId)) return;
      acked.add(batch.batchId);
      onAck(batch.rows.length);
    });
  };
  let connects = 0;
  client.on('connect', () => {
    connects += 1;
    if (connects === 1) {
      for (const batch of batches) setTimeout(() => send(batch), Math.random() * SPREAD_MS);
      return;
    }
    for (const batch of batches) if (published.has(batch.batchId) && !acked.has(batch.batchId)) send(batch);
  });
  client.on('error', () => undefined); // reconnects on its own, as the kiosk does
  return client;
}

function dayOfRows(id: string, count: number, batchSize: number): JournalBatch[] {
  const rows: SessionRow[] = [];
  const day = Date.parse('2026-12-01T01:00:00Z');
  for (let i = 0; i < count; i += 1) {
    const started = day + i * 9 * 60_000;
    const completed = i % 4 !== 3;
    rows.push({
      type: 'session',
      rowId: `${id}-${i}`,
      sessionId: `${id}-s${i}`,
      serviceId: i % 2 ? 'id.renewal' : 'traffic.points',
      category: i % 2 ? 'huzheng' : 'traffic',
      outcome: completed ? 'completed' : 'abandoned',
      startedAt: new Date(started).toISOString(),
      endedAt: new Date(started + 240_000).toISOString(),
      lastStep: completed ? 'receipt' : 'photo',
      feeFen: completed && i % 2 ? 2000 : 0,
      idNumberMasked: '4104**********1230',
    });
  }
  const batches: JournalBatch[] = [];
  for (let at = 0; at < rows.length; at += batchSize) batches.push(JournalBatch.parse({ batchId: `${id}-b${at / batchSize}`, rows: rows.slice(at, at + batchSize) }));
  return batches;
}

async function countRows(db: HallDb): Promise<number> {
  const { rows } = await db.query<{ n: string }>('SELECT count(DISTINCT (kiosk_id, row_id))::text AS n FROM journal_sessions');
  return Number(rows[0]?.n ?? 0);
}

/** Rollup rows (per day and kiosk; per day, service and outcome) that differ from a direct count over journal_sessions. */
async function rollupMismatches(db: HallDb): Promise<number> {
  const day = `(started_at AT TIME ZONE journal_rollup_zone())::date`;
  const { rows } = await db.query<{ n: string }>(
    `WITH direct_kiosk AS (
       SELECT ${day} AS day, kiosk_id, count(*) AS sessions, count(*) FILTER (WHERE outcome = 'completed') AS completed, sum(fee_fen) AS fee_fen
       FROM journal_sessions GROUP BY 1, 2
     ), direct_service AS (
       SELECT ${day} AS day, coalesce(service_id, '') AS service_id, outcome, count(*) AS sessions, sum(fee_fen) AS fee_fen
       FROM journal_sessions GROUP BY 1, 2, 3
     ), kiosk_diff AS (
       SELECT 1 FROM direct_kiosk d FULL JOIN journal_daily_kiosk r USING (day, kiosk_id)
       WHERE d.sessions IS DISTINCT FROM r.sessions OR d.completed IS DISTINCT FROM r.completed OR d.fee_fen IS DISTINCT FROM r.fee_fen
     ), service_diff AS (
       SELECT 1 FROM direct_service d
       FULL JOIN (SELECT day, service_id, outcome, sum(sessions) AS sessions, sum(fee_fen) AS fee_fen FROM journal_daily GROUP BY 1, 2, 3) r USING (day, service_id, outcome)
       WHERE d.sessions IS DISTINCT FROM r.sessions OR d.fee_fen IS DISTINCT FROM r.fee_fen
     )
     SELECT ((SELECT count(*) FROM kiosk_diff) + (SELECT count(*) FROM service_diff))::text AS n`,
  );
  return Number(rows[0]?.n ?? 0);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function withTimeout<T>(work: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message())), ms)))]).finally(() => clearTimeout(timer));
}
