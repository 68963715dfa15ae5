/**
 * Helpers of the benchmarks that drive a whole kiosk session in Chromium
 * (bench-face-flow.ts, bench-wipe.ts): a browser host whose log lines are
 * collected, the simulation dock, the sample citizen. Kept apart from
 * tests/e2e/certificate-support.ts, which needs vitest's `expect`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { hostLogLines, ROOT, startHostProcess, type RunningHost } from '../../tests/e2e/harness';
import { maskName } from '../../domain/mask';

/** resident-han (fictional sample citizen): card resources/citizens/resident-han.json, the still face of the fake camera is his. */
export const HAN = { card: 'resident-han', name: '陈思远', idNumber: '410402199001011230' } as const;

/** The kiosk's portrait screen. */
export const PORTRAIT = { width: 1080, height: 1920 } as const;

/** Builds the renderer when dist/renderer is missing, and the face assets when they are. */
export function ensureBuild(options: { face?: boolean } = {}): void {
  if (!existsSync(join(ROOT, 'dist/renderer/index.html'))) {
    const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build-renderer.mjs')], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('renderer build failed');
  }
  if (options.face && !existsSync(join(ROOT, 'dist/renderer/face/models/blazeface.json'))) {
    const prepared = spawnSync(process.execPath, [join(ROOT, 'scripts/prepare-face-assets.mjs')], { cwd: ROOT, stdio: 'inherit' });
    if (prepared.status !== 0) throw new Error('face assets could not be prepared');
  }
}

/** A browser host with its log lines (stdout and stderr) collected as they come. */
export interface LoggedHost {
  host: RunningHost;
  url: string;
  lines: string[];
  stop(): Promise<void>;
}

/** Starts a browser host with `config` and collects its log lines. */
export async function startLoggedHost(config: Record<string, unknown> = {}): Promise<LoggedHost> {
  const host = await startHostProcess(config);
  const lines = hostLogLines(host);
  return { host, url: host.url, lines, stop: () => host.stop() };
}

/** Uses the simulation dock: opens it, presses `testId`, closes it. */
export async function dock(page: Page, testId: string): Promise<void> {
  if (!(await page.getByTestId('dock-drawer').isVisible())) await page.getByTestId('dock-handle').click();
  await page.getByTestId(testId).click();
  await page.getByTestId('dock-handle').click();
  await page.getByTestId('dock-drawer').waitFor({ state: 'hidden' });
}

/** Opens the kiosk and waits for the attract screen with a ready reader (and, with `camera`, the renderer's face camera report). */
export async function openKiosk(page: Page, url: string, options: { camera?: boolean } = {}): Promise<void> {
  await page.goto(url);
  await page.getByTestId('device-status-idcard').and(page.locator('[data-state="online"]')).waitFor({ timeout: 30_000 });
  if (options.camera) await page.getByTestId('device-status-faceCamera').and(page.locator('[data-state="online"]')).waitFor({ timeout: 30_000 });
  await page.getByTestId('attract-screen').waitFor({ timeout: 10_000 });
}

/** Places the citizen's card with the dock at the attract screen and waits for the welcome with the (masked) name. */
export async function placeCard(page: Page, citizen: { card: string; name: string }): Promise<void> {
  await page.getByTestId('attract-screen').waitFor({ timeout: 10_000 });
  await dock(page, `dock-card-${citizen.card}`);
  await page.getByTestId('welcome').filter({ hasText: maskName(citizen.name) }).waitFor({ timeout: 15_000 });
}

/** Host log lines whose message is `msg` exactly (pino JSON lines). */
export function logLines(lines: readonly string[], msg: string): string[] {
  return lines.filter((line) => line.includes(`"msg":${JSON.stringify(msg)}`));
}

/** The epoch milliseconds of a pino JSON line with an ISO `time`. */
export function logTime(line: string): number {
  const iso = /"time":"([^"]+)"/.exec(line)?.[1];
  const at = iso === undefined ? NaN : Date.parse(iso);
  if (Number.isNaN(at)) throw new Error(`no ISO time in host log line: ${line.slice(0, 160)}`);
  return at;
}

/** Taps the centre of the element with `testId` on the touchscreen, once it is there and enabled. */
export async function tap(page: Page, testId: string): Promise<void> {
  const target = page.getByTestId(testId);
  await target.waitFor();
  await page.waitForFunction((id) => !(document.querySelector(`[data-testid="${id}"]`) as HTMLButtonElement | null)?.disabled, testId);
  const box = await target.boundingBox();
  if (!box) throw new Error(`${testId} has no box`);
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}
