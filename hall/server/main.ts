/**
 * The hall server, composed: database (PGlite in `dataDir/db` or a PostgreSQL
 * server) → migrations → broker (Mosquitto) → MQTT link → statistics → HTTP.
 * The broker, link and statistics come in through {@link HallParts} (H1's
 * `hall/server/broker/hall-broker.ts` and `hall/server/link/hall-link-server.ts`,
 * H6's `hall/server/stats/hall-stats.ts`; tests pass fakes). A part that fails
 * to start is a refusal value, and what had started is stopped again.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { err, ok, type Result } from '../../domain/result';
import type { HallBrokerBridge } from './broker/bridge-config';
import type { HallConfig } from './config';
import type { HallLinkPort, HallStatsPort } from './http/ports';
import { startHallHttp, type HallHttp } from './http/server';
import type { HallDb } from './store/hall-db';
import { migrateHallDb } from './store/migrations';
import { allowListMembers } from './views/staff-view';
import { openPgliteDb } from './store/pglite-db';
import { openPostgresDb } from './store/postgres-db';
import type { RunningProxy, StartProxyInput } from './proxy/start-proxy';

/** The default kiosk id of a kiosk's config: provisioned on first start so `npm start` on this machine connects. */
export const DEFAULT_KIOSK_ID = 'HB-KIOSK-01';

export interface KioskCredentials { kioskId: string; url: string; username: string; password: string; caPem: string }

/** H1's broker, as `startHall` uses it. */
export interface HallBroker {
  readonly url: string;
  readonly caPem: string;
  readonly hallCredentials: { username: string; password: string };
  addKiosk(kioskId: string): Promise<KioskCredentials>;
  stop(): Promise<void>;
}

/** H1's link server: the HTTP side's {@link HallLinkPort}, and stop. */
export interface HallLinkServer extends HallLinkPort {
  /** Publishes a 可视化代办 message to a kiosk (QoS 1, not retained). */
  publishProxy?(topic: string, payload: string): Promise<void>;
  stop(): Promise<void>;
}

export interface HallParts {
  startBroker(options: { dir: string; port: number; staffIdKey?: string; bridge?: HallBrokerBridge }): Promise<HallBroker> | HallBroker;
  startLink(options: { db: HallDb; url: string; username: string; password: string; caPem: string; onProxyMessage?: (topic: string, payload: Buffer) => void }): Promise<HallLinkServer> | HallLinkServer;
  /** 可视化代办 (proxy/start-proxy.ts); absent: the hall runs without it (tests of other parts). */
  startProxy?(input: StartProxyInput): Promise<Result<RunningProxy, string>>;
  createStats(db: HallDb, options: { timeZone: string }): HallStatsPort;
  /** Default: from `config.database`. */
  openDb?(config: HallConfig): Promise<HallDb>;
}

export interface RunningHall {
  /** The console, `http://127.0.0.1:8750/`. */
  readonly url: string;
  readonly db: HallDb;
  readonly broker: HallBroker;
  readonly link: HallLinkServer;
  readonly http: HallHttp;
  /** 可视化代办, when its part was given. */
  readonly proxy: RunningProxy | null;
  /** Stops HTTP, link, broker and database, in that order (each once). */
  stop(): Promise<void>;
}

export type HallStartRefusal = { stage: 'database' | 'migrations' | 'broker' | 'link' | 'proxy' | 'http'; message: string };

/** `dist/hall-console` of this checkout (H5's `npm run build:hall`). */
export const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../../dist/hall-console', import.meta.url));

export function openConfiguredDb(config: HallConfig): Promise<HallDb> {
  switch (config.database.engine) {
    case 'pglite':
      return openPgliteDb(join(config.dataDir, 'db'));
    case 'postgres':
      return openPostgresDb({ connectionString: config.database.connectionString });
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function startHall(
  config: HallConfig,
  parts: HallParts,
  options: { now?: () => Date; onError?: (error: unknown, where: string) => void; log?: (line: string) => void } = {},
): Promise<Result<RunningHall, HallStartRefusal>> {
  const stops: Array<() => Promise<void>> = [];
  const unwind = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  const fail = async (stage: HallStartRefusal['stage'], message: string) => {
    await unwind();
    return err({ stage, message });
  };

  let db: HallDb;
  try {
    db = await (parts.openDb ?? openConfiguredDb)(config);
  } catch (error) {
    return fail('database', `Cannot open the hall database (${config.database.engine}): ${messageOf(error)}`);
  }
  stops.push(() => db.close());
  const migrated = await migrateHallDb(db);
  if (!migrated.ok) {
    const e = migrated.error;
    return fail('migrations', e.kind === 'databaseTooNew' ? `The database is at version ${e.version}, newer than this hall server (${e.known}): update the server.` : `Migration ${e.version} failed: ${e.message}`);
  }

  let broker: HallBroker;
  try {
    const bridge = config.broker.bridge;
    broker = await parts.startBroker({
      dir: join(config.dataDir, 'broker'),
      port: config.broker.port,
      staffIdKey: config.staffIdKey,
      ...(bridge ? { bridge: { hallId: bridge.hallId, address: bridge.address, caPem: readFileSync(bridge.caFile, 'utf8'), username: bridge.username, password: bridge.password, fromCentral: bridge.fromCentral } } : {}),
    });
  } catch (error) {
    return fail('broker', `Cannot start the hall broker on port ${config.broker.port}: ${messageOf(error)}`);
  }
  stops.push(() => broker.stop());

  // Kiosks' proxy messages reach the proxy part once it has started (none can be for a case before that).
  let proxyReceive: (topic: string, payload: Buffer) => Promise<void> = async () => undefined;
  let link: HallLinkServer;
  try {
    link = await parts.startLink({ db, url: broker.url, ...broker.hallCredentials, caPem: broker.caPem, onProxyMessage: (topic, payload) => void proxyReceive(topic, payload) });
  } catch (error) {
    return fail('link', `Cannot connect the hall server to its broker: ${messageOf(error)}`);
  }
  stops.push(() => link.stop());
  // The allow-list again at every start: a publish that failed after its change was saved reaches the kiosks now.
  await republishAllowList(db, link).catch((error: unknown) => options.onError?.(error, 'allow-list'));

  let proxy: RunningProxy | null = null;
  if (parts.startProxy) {
    const publishProxy = link.publishProxy?.bind(link);
    if (!publishProxy) return fail('proxy', 'The hall link cannot publish proxy messages.');
    const started = await parts.startProxy({ config, db, publish: publishProxy, pkiDir: join(config.dataDir, 'broker'), log: options.log ?? ((line) => void process.stderr.write(`${line}\n`)), onError: options.onError });
    if (!started.ok) return fail('proxy', started.error);
    proxy = started.value;
    const running = started.value;
    proxyReceive = (topic, payload) => running.proxy.kioskLink.receive(topic, payload);
    stops.push(() => running.stop());
  }

  const stats = parts.createStats(db, { timeZone: config.timeZone });
  let tls: { cert: string; key: string } | undefined;
  if (config.http.tls) {
    try {
      tls = { cert: readFileSync(config.http.tls.certFile, 'utf8'), key: readFileSync(config.http.tls.keyFile, 'utf8') };
    } catch (error) {
      return fail('http', `Cannot read http.tls: ${messageOf(error)}`);
    }
  }
  const http = await startHallHttp({
    db, link, stats, staffIdKey: config.staffIdKey, now: options.now ?? (() => new Date()),
    host: config.http.host, port: config.http.port, extraOrigins: config.http.origins, tls,
    consoleDir: config.consoleDir ?? DEFAULT_CONSOLE_DIR,
    onError: options.onError,
    ...(proxy ? { proxy: { registry: proxy.proxy.registry, recordings: proxy.recordings } } : {}),
  });
  if (!http.ok) return fail('http', http.error.message);
  stops.push(() => http.value.close());

  let stopping: Promise<void> | null = null;
  return ok({
    url: http.value.url,
    db, broker, link, http: http.value, proxy,
    stop: () => (stopping ??= unwind()),
  });
}

/** Where H1's `addKiosk` writes a kiosk's connection file. */
export function kioskFilePath(dataDir: string, kioskId: string): string {
  return join(dataDir, 'broker', 'kiosks', `${kioskId}.json`);
}

/** Provisions {@link DEFAULT_KIOSK_ID} once (when its file is absent); the file's path, or null when it was there already. */
export async function provisionDefaultKiosk(hall: Pick<RunningHall, 'broker'>, dataDir: string): Promise<string | null> {
  const path = kioskFilePath(dataDir, DEFAULT_KIOSK_ID);
  if (existsSync(path)) return null;
  await hall.broker.addKiosk(DEFAULT_KIOSK_ID);
  return path;
}

/** Publishes the newest allow-list version the database holds (retained), if one was ever issued. */
export async function republishAllowList(db: Pick<HallDb, 'query'>, link: Pick<HallLinkPort, 'publishAllowList'>): Promise<void> {
  const { rows } = await db.query<{ version: string; issued_at: Date | string }>('SELECT version::text AS version, issued_at FROM allow_list_versions ORDER BY version DESC LIMIT 1');
  const latest = rows[0];
  if (!latest) return;
  await link.publishAllowList({ version: Number(latest.version), issuedAt: new Date(latest.issued_at).toISOString(), staff: await allowListMembers(db) });
}
