/**
 * The hall's MQTT broker: Debian's Eclipse Mosquitto, run by the hall server
 * as a foreground child process, configured from the files in `dir` (CA and
 * server certificate, password file, ACL, persistence). Everything in `dir`
 * is made on first start and reused after, so kiosks keep their credentials
 * across restarts. Kiosks are added and removed while it runs (a SIGHUP
 * makes mosquitto reread its password file).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { aclFile, configFile, hallBrokerConfig } from './broker-config';
import { hallBridgeConfig, validBridge, type HallBrokerBridge } from './bridge-config';
import { hallBrokerAcl } from './acl';
import {
  checkKioskId, ensureHallCredentials, ensureKioskCredentials, listKioskCredentials, passwordFile, rebuildPasswordFile, removeKioskCredentials,
  type HallCredentials, type KioskCredentials,
} from './credentials';
import { waitForPort } from './wait-for-port';
import { brokerUser, giveToBroker, userDirective, type BrokerUser } from './file-owner';
import { waitForLogin } from './login-probe';
import { ensureBrokerPki } from './pki';
import { isMosquittoProcess, readBrokerRuntime, writeBrokerRuntime } from './runtime-file';

export const MOSQUITTO_BINARY = '/usr/sbin/mosquitto';
export const DEFAULT_BROKER_PORT = 8883;

export interface BrokerLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface HallBrokerOptions {
  /** The broker's folder (created if missing): keys, certificates, password file, ACL, persistence, kiosks' credential files. */
  dir: string;
  /** The hall's staff ID key (hex), written into each kiosk's credential file so officers' cards match the allow-list. */
  staffIdKey?: string;
  /** TLS listener port (default 8883). */
  port?: number;
  /** Address to listen on (default 127.0.0.1; `0.0.0.0` for kiosks on the hall's network). */
  host?: string;
  /** The name or address kiosks reach the hall by: put in their credential files and the server certificate. */
  advertisedHost?: string;
  /** A bridge to the city/province cluster (docs/hall-bridge.md); none by default. */
  bridge?: HallBrokerBridge;
  logger?: BrokerLogger;
}

export interface HallBroker {
  /** `mqtts://127.0.0.1:PORT` (how the hall server on this machine connects). */
  url: string;
  port: number;
  /** The hall CA (PEM) every client must trust. */
  caPem: string;
  hallCredentials: HallCredentials;
  /** Gives a kiosk its login (or answers the one it has); resolves once the broker accepts it. */
  addKiosk(kioskId: string): Promise<KioskCredentials>;
  /** Withdraws a kiosk's login; resolves once the broker refuses it. */
  removeKiosk(kioskId: string): Promise<void>;
  listKiosks(): KioskCredentials[];
  stop(): Promise<void>;
}

/**
 * Log lines that are expected: the all-kiosks read pattern has no `%u` on
 * purpose, and our own port probe closes its TCP connection without TLS.
 */
const HARMLESS = [/does not contain '%c' or '%u'/, /unexpected eof while reading/];
const silent: BrokerLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);

function portIsFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** Writes every file the broker reads; idempotent. */
function prepareFolder(options: HallBrokerOptions, port: number, host: string, advertised: string): { user: BrokerUser; caPem: string; hall: HallCredentials } {
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const names = [advertised, ...(WILDCARD_HOSTS.has(host) ? [] : [host])];
  const pki = ensureBrokerPki(options.dir, names);
  if (!pki.ok) throw new Error(`the hall broker's certificates could not be made: ${pki.error}`);
  const user = brokerUser(options.dir);
  for (const file of [pki.value.caFile, pki.value.certFile, pki.value.keyFile]) giveToBroker(user, file);
  const hall = ensureHallCredentials(options.dir);
  rebuildPasswordFile(options.dir, user);
  writeFileSync(aclFile(options.dir), hallBrokerAcl(), { mode: 0o600 });
  giveToBroker(user, aclFile(options.dir));
  const conf = hallBrokerConfig({
    dir: options.dir, port, host, caFile: pki.value.caFile, certFile: pki.value.certFile, keyFile: pki.value.keyFile,
    passwordFile: passwordFile(options.dir), aclFile: aclFile(options.dir), userLines: userDirective(user),
  });
  const bridgeLines: string[] = [];
  if (options.bridge) {
    const problem = validBridge(options.bridge);
    if (problem) throw new Error(`the hall broker's bridge is misconfigured: ${problem}`);
    const bridgeCa = join(options.dir, 'bridge-ca.crt');
    writeFileSync(bridgeCa, options.bridge.caPem, { mode: 0o644 });
    giveToBroker(user, bridgeCa);
    bridgeLines.push(...hallBridgeConfig(options.bridge, bridgeCa));
  }
  writeFileSync(configFile(options.dir), [conf, ...bridgeLines].join('\n'), { mode: 0o600 });
  giveToBroker(user, configFile(options.dir));
  const db = join(options.dir, 'mosquitto.db');
  if (existsSync(db)) giveToBroker(user, db);
  return { user, caPem: pki.value.caPem, hall };
}

export async function startHallBroker(options: HallBrokerOptions): Promise<HallBroker> {
  const logger = options.logger ?? silent;
  const port = options.port ?? DEFAULT_BROKER_PORT;
  const host = options.host ?? '127.0.0.1';
  const localHost = WILDCARD_HOSTS.has(host) ? '127.0.0.1' : host;
  const advertised = options.advertisedHost ?? localHost;
  if (!existsSync(MOSQUITTO_BINARY)) throw new Error(`mosquitto is not installed (${MOSQUITTO_BINARY}): apt-get install -y mosquitto`);
  if (!(await portIsFree(port, host))) {
    // Most often a broker left running by a hall server that crashed (a child outlives its parent).
    const earlier = readBrokerRuntime(options.dir);
    const leftOver = earlier && earlier.port === port && isMosquittoProcess(earlier.pid) ? ` by an earlier hall broker (mosquitto, pid ${earlier.pid}): stop it with \`kill ${earlier.pid}\`` : '';
    throw new Error(`the hall broker cannot listen on ${host}:${port}: the port is in use${leftOver}`);
  }
  const { user, caPem, hall } = prepareFolder(options, port, host, advertised);
  if (user.kind === 'root') logger.warn(`the hall broker runs as root: ${user.why}`);

  let log = '';
  const child: ChildProcess = spawn(MOSQUITTO_BINARY, ['-c', configFile(options.dir)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stopping = false;
  let spawnError: string | null = null;
  child.once('error', (error) => {
    spawnError = error.message;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    log = (log + text).slice(-4000);
    for (const line of text.split('\n').filter((l) => /error|warning/i.test(l) && !HARMLESS.some((h) => h.test(l)))) logger.warn(`mosquitto: ${line.replace(/^\d+: /, '')}`);
  });
  child.once('exit', (code, signal) => {
    if (!stopping) logger.error(`the hall broker (mosquitto) stopped unexpectedly (${signal ?? `exit ${code}`})`);
  });
  try {
    await waitForPort(port, { host: localHost, what: 'the hall broker (mosquitto)', failed: () => {
      if (spawnError) return `mosquitto could not start: ${spawnError}`;
      if (child.exitCode !== null) return `mosquitto exited at start: ${log.trim().split('\n').slice(-3).join(' | ')}`;
      return null;
    } });
    // The port answering is not yet our broker answering: a port that was free when checked can be taken by
    // another process before mosquitto binds it (mosquitto then exits, and the other listener answers the probe).
    // The hall's own TLS login proves it is this broker, with this folder's CA and password file.
    if (!(await waitForLogin(`mqtts://${localHost}:${port}`, caPem, hall.username, hall.password, 'accepted'))) {
      const why = child.exitCode !== null ? `mosquitto exited at start: ${log.trim().split('\n').slice(-3).join(' | ')}` : 'it does not take the hall\'s own login';
      throw new Error(`the hall broker on ${host}:${port} is not answering as this hall's broker (${why})`);
    }
  } catch (error) {
    stopping = true;
    child.kill('SIGKILL');
    throw error;
  }
  if (child.pid !== undefined) writeBrokerRuntime(options.dir, { pid: child.pid, port, host, url: `mqtts://${advertised}:${port}` });
  const url = `mqtts://${localHost}:${port}`;
  const kioskUrl = `mqtts://${advertised}:${port}`;
  // A new port or address: the kiosks' credential files say so (their passwords stay).
  for (const kiosk of listKioskCredentials(options.dir)) ensureKioskCredentials(options.dir, kiosk.kioskId, kioskUrl, caPem, options.staffIdKey);
  logger.info(`hall broker listening on ${host}:${port} (TLS)`);

  const reload = () => {
    rebuildPasswordFile(options.dir, user);
    child.kill('SIGHUP');
  };

  return {
    url,
    port,
    caPem,
    hallCredentials: hall,
    async addKiosk(kioskId) {
      const problem = checkKioskId(kioskId);
      if (problem) throw new Error(`"${kioskId}" cannot be a kiosk id (${problem}): letters, digits, "_", "-", "." only, not "hall"`);
      const credentials = ensureKioskCredentials(options.dir, kioskId, kioskUrl, caPem, options.staffIdKey);
      reload();
      if (!(await waitForLogin(url, caPem, credentials.username, credentials.password, 'accepted'))) logger.warn(`the broker has not yet taken kiosk ${kioskId}'s login`);
      return credentials;
    },
    async removeKiosk(kioskId) {
      const gone = listKioskCredentials(options.dir).find((k) => k.kioskId === kioskId);
      if (!gone || !removeKioskCredentials(options.dir, kioskId)) return;
      reload();
      if (!(await waitForLogin(url, caPem, gone.username, gone.password, 'refused'))) logger.warn(`the broker still takes kiosk ${kioskId}'s login`);
    },
    listKiosks: () => listKioskCredentials(options.dir),
    async stop() {
      if (child.exitCode !== null || stopping) return;
      stopping = true;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      });
      rmSync(join(options.dir, 'passwd.new'), { force: true });
    },
  };
}
