/**
 * The hall as an installer starts it: `scripts/hall.ts` (what `npm run hall`
 * runs) in its own process, on free ports, with its own data folder (PGlite,
 * its Mosquitto with TLS and ACLs, the default kiosk's credential file). The
 * console URL and the first admin's password are read from what it prints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Page } from 'playwright-core';
import { freePort } from '../../scripts/lib/local-postgres';
import { takeHeavySlot } from './heavy-slot';

const ROOT = resolve(import.meta.dirname, '../..');

export interface RunningHall {
  readonly consoleUrl: string;
  readonly admin: { username: string; password: string };
  /** The default kiosk's credential file (`HB-KIOSK-01`), as the hall wrote it. */
  readonly kioskCredentials: string;
  readonly dataDir: string;
  /** The phone page's address as the hall printed it (`https://…/p/`); empty when the hall runs no 可视化代办. */
  readonly phonePageUrl: string;
  /** The TURN line the hall printed (its URLs, or that none runs). */
  readonly turn: string;
  readonly process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** What a caller adds to the hall's start: config sections over the free ports, and files written into its data folder first. */
export interface HallProcessOptions {
  /** Top-level config sections (e.g. `proxy`, `phone`), merged over the free HTTP and broker ports. */
  config?: Record<string, unknown>;
  /** Called with the fresh data folder before the hall starts (e.g. to write its TURN secret). */
  prepare?: (dataDir: string) => void;
}

/**
 * Starts the hall once the heavy slot is free (heavy-slot.ts: one hall set-up
 * at a time across the e2e workers); `stop()` gives the slot back. A caller
 * waits up to HEAVY_SLOT_WAIT_MS more than the start itself.
 */
export async function startHallProcess(options: HallProcessOptions = {}): Promise<RunningHall> {
  const giveBack = await takeHeavySlot();
  try {
    return await startHallProcessInSlot(options, giveBack);
  } catch (error) {
    giveBack();
    throw error;
  }
}

async function startHallProcessInSlot(options: HallProcessOptions, giveBack: () => void): Promise<RunningHall> {
  const dataDir = mkdtempSync(join(tmpdir(), 'onedoor-hall-e2e-'));
  const [httpPort, brokerPort, phonePort] = [await freePort(), await freePort(), await freePort()];
  // Ports of its own for everything it listens on (two e2e files run at once) and no coturn of its own,
  // unless the caller's sections (replacing these whole) say otherwise.
  writeFileSync(
    join(dataDir, 'hall.config.json'),
    JSON.stringify({ http: { port: httpPort }, broker: { port: brokerPort }, phone: { host: '127.0.0.1', port: phonePort }, proxy: { turn: { embedded: { enabled: false } } }, ...options.config }),
  );
  options.prepare?.(dataDir);
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/hall.ts')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ONEDOOR_HALL_DIR: dataDir },
  });
  let text = '';
  child.stderr!.on('data', (d: Buffer) => (text += d.toString()));
  let phonePageUrl = '';
  let turn = '';
  const started = new Promise<{ consoleUrl: string; admin: { username: string; password: string }; kioskCredentials: string }>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the hall did not start:\n${text}`)), 90_000);
    let consoleUrl = '';
    let admin: { username: string; password: string } | null = null;
    createInterface({ input: child.stdout! }).on('line', (line) => {
      text += `${line}\n`;
      consoleUrl ||= /Console 控制台: (\S+)/.exec(line)?.[1] ?? '';
      phonePageUrl ||= /Phone page 代办手机页面: (\S+)/.exec(line)?.[1] ?? '';
      turn ||= /TURN 中继: (.+)$/.exec(line)?.[1] ?? '';
      const account = /初始账号: (\S+) \/ (\S+)/.exec(line);
      if (account) admin = { username: account[1]!, password: account[2]! };
      const kiosk = /终端连接文件: (\S+)/.exec(line);
      if (kiosk && consoleUrl && admin) {
        clearTimeout(timer);
        done({ consoleUrl, admin, kioskCredentials: kiosk[1]! });
      }
    });
    child.once('exit', (code) => fail(new Error(`the hall exited with ${code}:\n${text}`)));
  });
  // A hall that did not come up is stopped (with its broker), so its slot and ports are free for the next file.
  const found = await started.catch((error: unknown) => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    ...found,
    phonePageUrl,
    turn,
    dataDir,
    process: child,
    output: () => text,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }).then(() => {
        rmSync(dataDir, { recursive: true, force: true });
        giveBack();
      }),
  };
}

/** Signs in to the console in `page` (Chinese, the default language). */
export async function signInToConsole(page: Page, hall: RunningHall): Promise<void> {
  await page.goto(hall.consoleUrl);
  await page.getByLabel('用户名').fill(hall.admin.username);
  await page.getByLabel('密码').fill(hall.admin.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
}
