/**
 * The hall's TURN server for 可视化代办 calls: Debian's coturn
 * (`/usr/bin/turnserver`) run in the foreground as a child process, with its
 * config, log and pid file in `dataDir`, optionally inside a network namespace
 * (`ip netns exec`, for the relay proof and the bench). It counts as started
 * once it answers a STUN Binding request; a failure is a value with the end of
 * its log. The config (and why each peer range is denied or allowed) is in
 * `coturn-config.ts`. Its log file is owner-only and scrubbed of every
 * address but the hall's own while it runs and when it stops (`turn-log.ts`
 * says what coturn can and cannot leave out itself).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { err, ok, type Result } from '../../../domain/result';
import { coturnConfig, coturnUrls, type CoturnConfigOptions } from './coturn-config';
import { stunAnswers } from './stun-probe';
import { freshTurnLog, redactAddresses, scrubTurnLog } from './turn-log';

export const TURNSERVER_BINARY = '/usr/bin/turnserver';
const IP_BINARY = '/usr/sbin/ip';
/** How often the running server's log is scrubbed of citizens' addresses. */
const SCRUB_EVERY_MS = 10 * 60_000;

export interface CoturnOptions extends Omit<CoturnConfigOptions, 'logFile' | 'pidFile'> {
  /** Holds turnserver.conf (the secret: mode 0600), turnserver.log and turnserver.pid; made if missing. */
  dataDir: string;
  /** Run inside this network namespace (`ip netns exec`); `listenIp` must be reachable from here to check it is up. */
  netns?: string;
  turnserverPath?: string;
  /** The name or address parties reach the server by, in `urls` (default `listenIp`). */
  advertisedHost?: string;
  /** Log to coturn's standard output (passed through to `onLog`) instead of `dataDir/turnserver.log`. */
  logToStdout?: boolean;
  onLog?: (line: string) => void;
  /** How long to wait for the first STUN answer (default 10 s). */
  withinMs?: number;
}

export interface RunningCoturn {
  /** For RTCIceServer.urls: stun:, turn: over UDP and over TCP. */
  urls: string[];
  pid: number;
  stop(): Promise<void>;
}

export interface CoturnFailure {
  kind: 'binaryMissing' | 'netnsMissing' | 'badOptions' | 'portInUse' | 'exited' | 'notAnswering';
  detail: string;
  /** The last lines coturn wrote (empty when it never ran). */
  logTail: string;
}

function failure(kind: CoturnFailure['kind'], detail: string, logTail = ''): Result<never, CoturnFailure> {
  return err({ kind, detail, logTail });
}

function netnsExists(name: string): boolean {
  const list = spawnSync(IP_BINARY, ['netns', 'list'], { encoding: 'utf8' });
  return list.status === 0 && list.stdout.split('\n').some((line) => line.split(' ')[0] === name);
}

function tail(text: string, lines = 15): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

export async function startCoturn(options: CoturnOptions): Promise<Result<RunningCoturn, CoturnFailure>> {
  const binary = options.turnserverPath ?? TURNSERVER_BINARY;
  if (!existsSync(binary)) return failure('binaryMissing', `coturn is not installed (${binary}): apt-get install -y coturn`);
  if (options.netns !== undefined) {
    if (!existsSync(IP_BINARY)) return failure('netnsMissing', `iproute2 is not installed (${IP_BINARY})`);
    if (!netnsExists(options.netns)) return failure('netnsMissing', `there is no network namespace "${options.netns}"`);
  }
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const logFile = options.logToStdout ? 'stdout' : join(options.dataDir, 'turnserver.log');
  const pidFile = join(options.dataDir, 'turnserver.pid');
  const config = coturnConfig({ ...options, logFile, pidFile });
  if (!config.ok) return failure('badOptions', config.problem);
  if (await stunAnswers(options.listenIp, options.port, 300)) return failure('portInUse', `something already answers STUN on ${options.listenIp}:${options.port}`);
  const configFile = join(options.dataDir, 'turnserver.conf');
  writeFileSync(configFile, config.text, { mode: 0o600 });
  // The hall's own TURN addresses stay readable in the log; any other address is a party's.
  const ownAddresses = [options.listenIp, options.relayIp ?? options.listenIp, ...(options.externalIp?.split('/') ?? [])];
  if (logFile !== 'stdout') freshTurnLog(logFile);

  const argv = [binary, '-c', configFile];
  const child: ChildProcess = options.netns === undefined ? spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] }) : spawn(IP_BINARY, ['netns', 'exec', options.netns, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let spawnError: string | null = null;
  child.once('error', (error) => {
    spawnError = error.message;
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      output = (output + text).slice(-8000);
      for (const line of text.split('\n')) if (line.trim() !== '') options.onLog?.(redactAddresses(line, ownAddresses));
    });
  }
  const logTail = () => {
    const fromFile = logFile !== 'stdout' && existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    return redactAddresses(tail(`${fromFile}\n${output}`), ownAddresses);
  };
  const scrub = () => {
    if (logFile === 'stdout') return;
    try {
      scrubTurnLog(logFile, ownAddresses);
    } catch {
      // A log that cannot be read now is scrubbed next time (and at stop).
    }
  };
  let scrubbing: NodeJS.Timeout | undefined = undefined;
  const stop = () =>
    stopChild(child).then(() => {
      clearInterval(scrubbing);
      scrub();
      rmSync(pidFile, { force: true });
    });

  const deadline = Date.now() + (options.withinMs ?? 10_000);
  for (;;) {
    if (spawnError !== null) return failure('exited', `turnserver could not start: ${spawnError}`, logTail());
    if (child.exitCode !== null || child.signalCode !== null) return failure('exited', `turnserver exited at start (${child.signalCode ?? `exit ${child.exitCode}`})`, logTail());
    if (await stunAnswers(options.listenIp, options.port, 200)) break;
    if (Date.now() > deadline) {
      await stop();
      return failure('notAnswering', `turnserver did not answer STUN on ${options.listenIp}:${options.port} within ${(options.withinMs ?? 10_000) / 1000} s`, logTail());
    }
  }
  // Scrubbed while it runs (coturn keeps appending) and once more when it stops.
  scrubbing = setInterval(scrub, SCRUB_EVERY_MS);
  scrubbing.unref();
  return ok({ urls: coturnUrls(options.advertisedHost ?? options.listenIp, options.port), pid: child.pid ?? 0, stop });
}

/** SIGTERM, then SIGKILL after 3 s; resolves once it has exited. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
