/**
 * A real Mosquitto broker for tests and benchmarks, on a free port in a
 * throwaway folder (Debian's `mosquitto`, foreground, stopped by PID). The
 * plain form listens on 127.0.0.1 with anonymous access; pass `config` lines
 * for anything else (`listener`, `password_file`, `acl_file`, bridges): they
 * are written after `listener <port> 127.0.0.1` and `persistence_location`.
 * The hall's own broker (TLS, passwords, ACL) is `hall/server/broker/`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForPort } from '../../hall/server/broker/wait-for-port';
import { freePort } from './local-postgres';

export { waitForPort };

export interface LocalMosquitto {
  readonly port: number;
  readonly url: string;
  readonly dir: string;
  /** Stops the broker (SIGTERM, then SIGKILL); the folder stays until `stop()`. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port and folder (persistence kept). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export const MOSQUITTO = '/usr/sbin/mosquitto';

export async function startLocalMosquitto(options: { config?: string[]; anonymous?: boolean; port?: number } = {}): Promise<LocalMosquitto> {
  const dir = mkdtempSync(join(tmpdir(), 'onedoor-mqtt-'));
  const port = options.port ?? (await freePort());
  const lines = [
    `listener ${port} 127.0.0.1`,
    `allow_anonymous ${options.anonymous ?? (options.config === undefined) ? 'true' : 'false'}`,
    'persistence true',
    `persistence_location ${dir}/`,
    'log_dest stderr',
    'log_type error',
    'log_type warning',
    ...(options.config ?? []),
  ];
  const configFile = join(dir, 'mosquitto.conf');
  writeFileSync(configFile, `${lines.join('\n')}\n`);
  let child: ChildProcess | null = null;
  let log = '';
  const start = async () => {
    child = spawn(MOSQUITTO, ['-c', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr?.on('data', (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-4000);
    });
    await waitForPort(port, { failed: () => (child?.exitCode !== null ? `mosquitto exited: ${log}` : null) });
  };
  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => running.kill('SIGKILL'), 3000);
      running.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      running.kill(signal);
    });
  };
  await start();
  return {
    port,
    url: `mqtt://127.0.0.1:${port}`,
    dir,
    kill,
    restart: start,
    async stop() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
