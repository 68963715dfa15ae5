/**
 * Entry of the host inside Electron's utility process (bundled to
 * dist/electron/host/utility-process-entry.cjs). Electron-free: it talks to
 * main through `process.parentPort`, a global there, and to the renderer
 * through the MessagePort main hands over on every window load.
 *
 * Main → here: `{ type: 'connect' }` with a port; `{ type: 'stop' }`.
 * Here → main: `{ type: 'ready' }` once the host started; `{ type: 'fatal', message }`.
 * A failed start exits non-zero, so main's supervisor restarts with backoff.
 * Every error, stack and crash goes through the host's redacting logger
 * (never raw to stderr): an exception may quote a card or a name.
 */
import { loadConfigFile, type ConfigResult } from './config/load';
import { createHost } from './create-host';
import { createLogger, type Logger } from './log/logger';
import { createPersonalTerms } from './log/personal-terms';
import { redactText } from './log/redact';
import { onCrashLogAndExit } from './log/crash';
import type { EventEnvelope } from '../contract';

/** Electron's MessagePortMain as seen from here. */
export interface UtilityPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  postMessage(message: unknown): void;
  start(): void;
  close(): void;
}

/** Electron's `process.parentPort`. */
export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown; ports: UtilityPort[] }) => void): unknown;
  postMessage(message: unknown): void;
}

/** The host surface this transport needs. */
export interface UtilityHost {
  start(): Promise<void>;
  stop(): Promise<void>;
  dispatch(message: unknown): Promise<unknown>;
  onEvent(listener: (event: EventEnvelope) => void): () => void;
}

export interface UtilityHostDeps {
  parentPort: ParentPortLike;
  configPath: string | undefined;
  loadConfig(path: string | undefined): Promise<ConfigResult>;
  makeHost(config: Extract<ConfigResult, { ok: true }>['value']): UtilityHost;
  exit(code: number): void;
  /** The redacting logger (the one the host logs with, once it exists). */
  logger: Pick<Logger, 'error'>;
}

/**
 * Runs the host behind `parentPort`. Only the latest renderer port is live:
 * a reload or a new window replaces it, and host events go there.
 */
export async function runUtilityHost(deps: UtilityHostDeps): Promise<void> {
  const { parentPort, logger } = deps;
  let rendererPort: UtilityPort | undefined;
  let host: UtilityHost | undefined = undefined; // set once the host has started
  let stopping = false;
  const early: UtilityPort[] = [];

  const attach = (port: UtilityPort) => {
    rendererPort?.close();
    rendererPort = port;
    port.on('message', (event) => {
      const current = host;
      if (!current) return;
      void current.dispatch(event.data).then(
        (reply) => port.postMessage(reply),
        (error: unknown) => logger.error({ err: error }, 'dispatch failed'),
      );
    });
    port.on('close', () => {
      if (rendererPort === port) rendererPort = undefined;
    });
    port.start();
  };

  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    try {
      await host?.stop();
    } catch (error) {
      logger.error({ err: error }, 'host stop failed');
    }
    rendererPort?.close();
    deps.exit(code);
  };

  parentPort.on('message', (event) => {
    const type = typeof event.data === 'object' && event.data !== null ? (event.data as { type?: unknown }).type : undefined;
    if (type === 'connect' && event.ports[0]) {
      if (host) attach(event.ports[0]);
      else early.push(event.ports[0]);
    } else if (type === 'stop') {
      void stop(0);
    }
  });

  const loaded = await deps.loadConfig(deps.configPath);
  if (!loaded.ok) {
    logger.error(`OneDoor host cannot start. ${loaded.error.message}`);
    parentPort.postMessage({ type: 'fatal', message: redactText(loaded.error.message) });
    deps.exit(78); // EX_CONFIG
    return;
  }
  const created = deps.makeHost(loaded.value);
  created.onEvent((envelope) => rendererPort?.postMessage(envelope));
  try {
    await created.start();
  } catch (error) {
    logger.error({ err: error }, 'OneDoor host failed to start');
    // Main writes this to its own log as is.
    parentPort.postMessage({ type: 'fatal', message: redactText(String(error)) });
    deps.exit(70); // EX_SOFTWARE
    return;
  }
  host = created;
  const last = early.pop();
  for (const stale of early.splice(0)) stale.close();
  if (last) attach(last);
  parentPort.postMessage({ type: 'ready' });
}

/** `--config=FILE` from the utility process's argv. */
export function configPathFromArgv(argv: readonly string[]): string | undefined {
  const flag = argv.find((arg) => arg.startsWith('--config='));
  return flag && flag.length > '--config='.length ? flag.slice('--config='.length) : undefined;
}

const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
if (parentPort) {
  // One logger from the first line on; the host takes it over with its configured level and feeds it the citizen's name.
  const personalTerms = createPersonalTerms();
  const logger = createLogger('info', undefined, personalTerms);
  onCrashLogAndExit(process, logger, (code) => process.exit(code));
  void runUtilityHost({
    parentPort,
    configPath: configPathFromArgv(process.argv),
    loadConfig: loadConfigFile,
    makeHost: (config) => {
      logger.level = config.log.level;
      return createHost(config, { logger, personalTerms });
    },
    exit: (code) => process.exit(code),
    logger,
  });
}
