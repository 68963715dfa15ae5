/**
 * End-to-end harness: starts the real browser host as its own process (as
 * `npm start` does) and drives Debian's Chromium with playwright-core.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROMIUM = '/usr/bin/chromium';

export interface RunningHost {
  /** The launch URL: the page, with the launch token in its fragment (as `npm start` opens it). */
  url: string;
  /** The launch token, as a launcher keeps it to restart the host under the page it opened. */
  token: string;
  process: ChildProcess;
  stderr: () => string;
  stop(): Promise<void>;
}

/** How {@link startHostProcess} runs the host besides its config. */
export interface HostProcessOptions {
  /** Listen on this port instead of a free one (a restarted host on the port its page knows). */
  port?: number;
  /**
   * Its own process group, so a Ctrl-C in the terminal reaches only the
   * caller, which stops the host itself (the soak's graceful stop).
   */
  ownProcessGroup?: boolean;
  /** Start Node's inspector on a free port (the soak's heap census); see {@link inspectorUrl}. */
  inspect?: boolean;
  /** The launcher's token (a restarted host takes the one its open page holds); a new one otherwise. */
  token?: string;
}

/** `url` (a launch URL) with `query` added to its query string, the fragment kept. */
export function kioskUrl(url: string, query = ''): string {
  if (!query) return url;
  const u = new URL(url);
  u.search = u.search ? `${u.search}&${query}` : `?${query}`;
  return u.href;
}

/** The host's inspector WebSocket URL, from Node's "Debugger listening on ws://…" line (started with `inspect`). */
export function inspectorUrl(host: RunningHost): string | undefined {
  return /Debugger listening on (ws:\/\/\S+)/.exec(host.stderr())?.[1];
}

/** The key store the harness gives a caller's data folder: beside it, never inside it (see {@link removeDataDir}). */
export const keyStoreBeside = (dataDir: string): string => `${dataDir}-keys`;

/** Removes a caller's data folder and the key store beside it. */
export function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(keyStoreBeside(dataDir), { recursive: true, force: true });
}

/** Prepares the renderer's face models (dist/renderer/face) once, when a build left them out: the face check needs them. */
export function ensureFaceAssets(): void {
  if (existsSync(join(ROOT, 'dist/renderer/face/models/blazeface.json'))) return;
  spawnSync(process.execPath, [join(ROOT, 'scripts/prepare-face-assets.mjs')], { cwd: ROOT, stdio: 'inherit' });
}

/**
 * Starts `electron/host/serve-main.ts` on a free port (or `options.port`) with
 * the given config. A `dataDir` in the config is the caller's: `stop()` leaves
 * it and its key store ({@link keyStoreBeside}), so a second host can start on
 * the same data folder (a restart); the caller removes both ({@link removeDataDir}).
 */
export async function startHostProcess(config: Record<string, unknown> = {}, options: HostProcessOptions = {}): Promise<RunningHost> {
  if (!existsSync(join(ROOT, 'dist/renderer/index.html'))) throw new Error('Build the renderer first: npm run build');
  const dir = mkdtempSync(join(tmpdir(), 'onedoor-e2e-'));
  const configPath = join(dir, 'config.json');
  // Each host process gets its own data folder (journal, documents, keys): never ~/.onedoor.
  // E2e tests drive the simulated kiosk: the switch is explicit, and a caller may turn it off.
  // Keys go to a key store outside the data folder, never the user's own.
  const dataDir = typeof config.dataDir === 'string' ? config.dataDir : join(dir, 'data');
  const keyStore = { dir: typeof config.dataDir === 'string' ? keyStoreBeside(config.dataDir) : join(dir, 'keys') };
  writeFileSync(configPath, JSON.stringify({ simulation: true, dataDir, keyStore, ...config, server: { port: options.port ?? 0 }, log: { level: 'info' } }));
  const inspect = options.inspect ? ['--inspect=127.0.0.1:0'] : [];
  // Handed over as `npm start` does: in the environment, never on the command line.
  const token = options.token ?? randomBytes(24).toString('base64url');
  const child = spawn(process.execPath, [...inspect, '--import', 'tsx', join(ROOT, 'electron/host/serve-main.ts'), '--config', configPath], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.ownProcessGroup ?? false,
    env: { ...process.env, ONEDOOR_TOKEN: token },
  });
  let errText = '';
  let outText = '';
  child.stderr!.on('data', (d: Buffer) => (errText += d.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${errText}`)), 60_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      outText += line + '\n';
      const match = /^ONEDOOR_URL=(.+)$/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolveUrl(`${match[1]!}#token=${token}`);
      }
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}:\n${errText}`)));
  });
  return {
    url,
    token,
    process: child,
    stderr: () => errText + outText,
    stop: () =>
      new Promise<void>((done) => {
        // A host killed by a signal has no exit code, only its signal.
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }).then(() => rmSync(dir, { recursive: true, force: true })),
  };
}

/**
 * Launches headless Debian Chromium with the flags this machine needs, plus
 * `extraArgs` (e.g. a fake camera). With `keepOnSignals`, Playwright does not
 * close it on SIGINT/SIGTERM/SIGHUP: the caller finishes its work first.
 */
export function launchChromium(extraArgs: readonly string[] = [], options: { keepOnSignals?: boolean; executablePath?: string } = {}): Promise<Browser> {
  const keep = options.keepOnSignals ?? false;
  return chromium.launch({
    // Another executable only to start this same Chromium differently (e.g. in a network namespace).
    executablePath: options.executablePath ?? CHROMIUM,
    headless: true,
    handleSIGINT: !keep,
    handleSIGTERM: !keep,
    handleSIGHUP: !keep,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
}

/** Chromium flags that play `file` (absolute .y4m or .mjpeg path) as the camera and grant camera permission. */
export function fakeCameraArgs(file: string): string[] {
  return ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${file}`];
}

/** The host's log lines: what it wrote while starting, then every line it writes (stdout and stderr), as they come. */
export function hostLogLines(host: RunningHost): string[] {
  const lines = host.stderr().split('\n');
  for (const stream of [host.process.stdout!, host.process.stderr!]) {
    let partial = '';
    stream.on('data', (chunk: Buffer) => {
      const parts = (partial + chunk.toString()).split('\n');
      partial = parts.pop()!;
      lines.push(...parts);
    });
  }
  return lines;
}
