/**
 * Journal replication, exactly once across a broker restart: `kiosks` kiosks
 * each send a day of session rows (`rowsPerKiosk`) in batches, QoS 1, at
 * random moments over 15 s; the hall's ingest (a persistent MQTT 5 session,
 * clean:false) validates each batch and inserts it with ON CONFLICT DO NOTHING,
 * acknowledging only after the commit. When a third of the batches are
 * acknowledged the broker is stopped (SIGTERM: it saves its persistence) and
 * started again on the same port and folder. A kiosk's batch counts as sent
 * only on its PUBACK; after a reconnect every kiosk re-sends its unacknowledged
 * batches (as its outbox does). At the end the distinct rows stored must equal
 * the rows sent; re-sent rows the database ignored are reported.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { JournalBatch, kioskTopic, parseKioskTopic, type SessionRow } from '../../electron/contract/hall-link';
import type { HallDb } from '../../hall/server/store/hall-db';
import { migrateHallDb } from '../../hall/server/store/migrations';
import { openPostgresDb } from '../../hall/server/store/postgres-db';
import { startLocalPostgres } from '../lib/local-postgres';
import { startBenchBroker } from './broker';
import { currentCommit, round, type HallBenchRow } from './figures';
import { kioskId } from './simulated-kiosk';

export interface ReplicationBenchOptions {
  kiosks: number;
  rowsPerKiosk: number;
  batchSize: number;
  log: (line: string) => void;
}

const JOURNAL_WILDCARD = 'onedoor/v1/kiosk/+/journal';
const SPREAD_MS = 15_000;

export async function benchJournalReplication(options: ReplicationBenchOptions): Promise<HallBenchRow[]> {
  const { log } = options;
  const server = await startLocalPostgres();
  const db = await openPostgresDb({ connectionString: server.connectionString, max: 4 });
  const broker = await startBenchBroker();
  const kiosks: MqttClient[] = [];
  let ingest: MqttClient | null = null;
  try {
    const migrated = await migrateHallDb(db);
    if (!migrated.ok) throw new Error(`migration failed: ${JSON.stringify(migrated.error)}`);
    const counts = { received: 0, inserted: 0, invalid: 0 };
    ingest = await connectIngest(broker.url, db, counts);

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
            log(`  ${acked}/${totalBatches} batches acknowledged: stopping the broker (SIGTERM) and starting it again`);
            await broker.kill('SIGTERM');
            await broker.restart();
            outage = performance.now() - down;
          })();
        }
      };
      for (let k = 0; k < options.kiosks; k += 1) kiosks.push(startKiosk(broker.url, k, options, onAck));
    });
    await withTimeout(allAcked, 180_000, () => `only ${acked}/${totalBatches} batches acknowledged after 3 minutes`);
    await restarted;
    const expected = options.kiosks * options.rowsPerKiosk;
    // The ingest may still be committing the last batches it acknowledged to nobody yet.
    let stored = 0;
    for (let waited = 0; waited < 60_000; waited += 250) {
      stored = await countRows(db);
      if (stored >= expected) break;
      await sleep(250);
    }
    const elapsed = (performance.now() - start) / 1000;
    const duplicates = counts.received - counts.inserted;
    log(`  sent ${sentRows} rows (PUBACKed), stored ${stored} distinct, ${duplicates} re-sent rows ignored, ${counts.invalid} invalid batches; broker down ${(outage / 1000).toFixed(1)} s`);
    log(`  elapsed ${elapsed.toFixed(1)} s, ${Math.round(stored / elapsed)} rows/s (rows spread over ${SPREAD_MS / 1000} s by the kiosks)`);
    if (restarted === null) throw new Error('the broker was never restarted');
    return [
      {
        id: 'hall.journal.rows-lost',
        median: expected - stored,
        unit: 'rows',
        target: 0,
        better: 'lower',
        commit: currentCommit(),
        detail: { kiosks: options.kiosks, rowsExpected: expected, rowsStored: stored, duplicatesIgnored: duplicates, brokerDownMs: Math.round(outage), rowsPerSecond: Math.round(stored / elapsed) },
      },
      { id: 'hall.journal.rows-sent-not-stored', median: sentRows - stored, unit: 'rows', target: 0, better: 'lower', commit: currentCommit() },
      { id: 'hall.journal.elapsed', median: round(elapsed), unit: 's', target: 120, better: 'lower', commit: currentCommit() },
    ];
  } finally {
    await Promise.all(kiosks.map((k) => k.endAsync(true)));
    await ingest?.endAsync(true);
    await broker.stop();
    await db.close();
    await server.stop();
  }
}

/** The hall side: a persistent session; a batch is PUBACKed only after its rows are committed. */
async function connectIngest(url: string, db: HallDb, counts: { received: number; inserted: number; invalid: number }): Promise<MqttClient> {
  const client = await mqtt.connectAsync(url, {
    protocolVersion: 5,
    clientId: 'bench-hall-ingest',
    clean: false,
    reconnectPeriod: 300,
    // MQTT 5: without an expiry the broker drops the session at the disconnect.
    properties: { sessionExpiryInterval: 3600 },
    manualConnect: false,
  });
  client.handleMessage = (packet, done) => {
    const topic = parseKioskTopic(packet.topic);
    const parsed = topic?.kind === 'journal' ? JournalBatch.safeParse(safeJson(packet.payload.toString())) : null;
    if (!topic || !parsed?.success) {
      counts.invalid += 1;
      done();
      return;
    }
    const rows = parsed.data.rows.filter((r): r is SessionRow => r.type === 'session');
    // The kiosk id comes from the topic (the broker's ACL), never from the payload.
    insertSessions(db, topic.kioskId, rows).then(
      (inserted) => {
        counts.received += rows.length;
        counts.inserted += inserted;
        done();
      },
      // Not acknowledged: the broker delivers it again.
      (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
    );
  };
  await client.subscribeAsync(JOURNAL_WILDCARD, { qos: 1 });
  return client;
}

async function insertSessions(db: HallDb, kiosk: string, rows: readonly SessionRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  return db.transaction(async (tx) => {
    const params: unknown[] = [];
    const tuples = rows.map((r) => {
      const base = params.length;
      params.push(kiosk, r.rowId, r.sessionId, r.serviceId, r.category, r.outcome, r.startedAt, r.endedAt, r.lastStep, r.feeFen, r.idNumberMasked);
      return `(${Array.from({ length: 11 }, (_, i) => `$${base + i + 1}`).join(', ')})`;
    });
    const result = await tx.query(
      `INSERT INTO journal_sessions (kiosk_id, row_id, session_id, service_id, category, outcome, started_at, ended_at, last_step, fee_fen, id_number_masked)
       VALUES ${tuples.join(', ')} ON CONFLICT DO NOTHING`,
      params,
    );
    return result.rowCount;
  });
}

/** One kiosk's outbox: batches published at random moments; re-sent after every reconnect until PUBACKed. */
function startKiosk(url: string, index: number, options: ReplicationBenchOptions, onAck: (rows: number) => void): MqttClient {
  const id = kioskId(index);
  const batches = dayOfRows(id, options.rowsPerKiosk, options.batchSize);
  const acked = new Set<string>();
  const published = new Set<string>();
  const client = mqtt.connect(url, { protocolVersion: 5, clientId: `journal-${id}`, clean: true, reconnectPeriod: 500, connectTimeout: 10_000 });
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
  client.on('error', () => undefined); // reconnects on its own
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
  const { rows } = await db.query<{ n: string }>('SELECT count(*)::text AS n FROM journal_sessions');
  return Number(rows[0]?.n ?? 0);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function withTimeout<T>(work: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message())), ms)))]).finally(() => clearTimeout(timer));
}
