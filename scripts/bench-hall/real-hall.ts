/**
 * The hall the benchmarks measure: the real one, composed by `startHall` with
 * the parts `npm run hall` uses (Mosquitto with TLS, passwords and the ACL;
 * the MQTT ingest; the statistics; the HTTP API and `/api/live`), on a real
 * PostgreSQL server started here. Kiosks are provisioned in one go: their
 * credential files are written with the broker module's own function and the
 * broker reloads once (through `addKiosk` of the last one), instead of 2,000
 * SIGHUPs that each rebuild the whole password file.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHallBroker, type HallBroker } from '../../hall/server/broker/hall-broker';
import { ensureKioskCredentials, type KioskCredentials } from '../../hall/server/broker/credentials';
import { HallConfigFile, type HallConfig } from '../../hall/server/config';
import { startHallLink } from '../../hall/server/link/hall-link-server';
import type { HallLinkServer } from '../../hall/server/link/types';
import { startHall, type RunningHall } from '../../hall/server/main';
import { createHallStats } from '../../hall/server/stats/hall-stats';
import { freePort, startLocalPostgres, type LocalPostgres } from '../lib/local-postgres';

export interface BenchHall {
  readonly hall: RunningHall;
  readonly broker: HallBroker;
  /** The link as started (with its counters), the same object the hall runs. */
  readonly link: HallLinkServer;
  readonly brokerDir: string;
  readonly postgres: LocalPostgres;
  /** The console's origin, `http://127.0.0.1:PORT`. */
  readonly origin: string;
  stop(): Promise<void>;
}

const STAFF_ID_KEY = 'b'.repeat(64);

export async function startBenchHall(): Promise<BenchHall> {
  const dataDir = mkdtempSync(join(tmpdir(), 'onedoor-bench-hall-'));
  const consoleDir = join(dataDir, 'console'); // not served here: the bench's console is a WebSocket client
  mkdirSync(consoleDir);
  const postgres = await startLocalPostgres();
  let broker: HallBroker | null = null;
  let link: HallLinkServer | null = null;
  const config: HallConfig = {
    dataDir,
    configFile: null,
    http: { host: '127.0.0.1', port: 0, origins: [] },
    broker: { port: await freePort() },
    database: { engine: 'postgres', connectionString: postgres.connectionString },
    hallName: '模拟大厅 Bench hall',
    timeZone: 'Asia/Shanghai',
    staffIdKey: STAFF_ID_KEY,
    consoleDir,
    proxy: HallConfigFile.shape.proxy.parse(undefined),
    phone: HallConfigFile.shape.phone.parse(undefined),
  };
  const started = await startHall(config, {
    startBroker: async (options) => (broker = await startHallBroker(options)),
    startLink: async (options) => (link = await startHallLink(options)),
    createStats: createHallStats,
  });
  if (!started.ok || broker === null || link === null) {
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(started.ok ? 'the hall started without its broker or link' : `the hall did not start (${started.error.stage}): ${started.error.message}`);
  }
  const hall = started.value;
  const running: { broker: HallBroker; link: HallLinkServer } = { broker, link };
  return {
    hall,
    ...running,
    brokerDir: join(dataDir, 'broker'),
    postgres,
    origin: hall.url.replace(/\/$/, ''),
    async stop() {
      await hall.stop();
      await postgres.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Gives `ids` their logins: each credential file written as `addKiosk` writes
 * it, then one `addKiosk` (the last id) rebuilds the password file, reloads
 * the broker and waits until it accepts that login.
 */
export async function provisionKiosks(broker: Pick<HallBroker, 'addKiosk' | 'port' | 'caPem'>, brokerDir: string, ids: readonly string[]): Promise<KioskCredentials[]> {
  const url = `mqtts://127.0.0.1:${broker.port}`;
  const made = ids.slice(0, -1).map((id) => ensureKioskCredentials(brokerDir, id, url, broker.caPem, STAFF_ID_KEY));
  const last = ids.at(-1);
  if (last !== undefined) made.push(await broker.addKiosk(last));
  return made;
}
