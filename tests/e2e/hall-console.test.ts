/**
 * A hall on one machine, end to end: `npm run hall`'s process (console,
 * Mosquitto with TLS and ACLs, PGlite) and a kiosk host linked to it through
 * a cable that can be pulled (a TCP proxy that stops forwarding), the
 * console and the kiosk each in Chromium.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpCut, type TcpCut } from '../helpers/tcp-cut';
import { launchChromium, startHostProcess, type RunningHost } from './harness';
import { signInToConsole, startHallProcess, type RunningHall } from './hall-support';
import { linkThroughPage } from './host-link';
import { cancelSession, startByTouch } from './ui-support';
import { HEAVY_SLOT_WAIT_MS } from './heavy-slot';

const KIOSK = 'HB-KIOSK-01';
let hall: RunningHall;
let cable: TcpCut;
let kiosk: RunningHost;
let browser: Browser;
let hallConsole: Page;
let kioskPage: Page;
let dir: string;

beforeAll(async () => {
  hall = await startHallProcess();
  // The kiosk reaches the broker through the cable; the credentials are the hall's, only the address is the cable's.
  const credentials = JSON.parse(readFileSync(hall.kioskCredentials, 'utf8')) as { url: string };
  cable = await startTcpCut(Number(new URL(credentials.url).port), '127.0.0.1', 'mqtts');
  dir = mkdtempSync(join(tmpdir(), 'onedoor-hall-kiosk-'));
  const throughCable = join(dir, `${KIOSK}.json`);
  writeFileSync(throughCable, JSON.stringify({ ...credentials, url: cable.url }), { mode: 0o600 });
  kiosk = await startHostProcess({ hall: { credentialsFile: throughCable, keepaliveSeconds: 2, statusIntervalSeconds: 2 } });
  browser = await launchChromium();
  hallConsole = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await signInToConsole(hallConsole, hall);
  kioskPage = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  await linkThroughPage(kioskPage);
  await kioskPage.goto(kiosk.url);
  await kioskPage.getByTestId('attract-screen').waitFor({ timeout: 30_000 });
}, 120_000 + HEAVY_SLOT_WAIT_MS);
afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
  await cable?.close();
  await hall?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const kioskCard = () => hallConsole.getByRole('article', { name: KIOSK });
const nav = (name: RegExp) => hallConsole.getByRole('navigation', { name: '主导航' }).getByRole('button', { name });

/** Today's sessions as the console's statistics count them (the hall's own day, Asia/Shanghai). */
async function sessionsToday(): Promise<number> {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  return hallConsole.evaluate(async (day) => {
    const answer = (await (await fetch(`/api/stats?from=${day}&to=${day}&groupBy=day`)).json()) as { total: { sessions: number } };
    return answer.total.sessions;
  }, today);
}

describe('a hall on one machine: console and kiosk', () => {
  it('the kiosk appears on the console wall, online, with its devices', async () => {
    await nav(/^设备总览/).click();
    await expect.poll(() => kioskCard().textContent(), { timeout: 30_000 }).toContain('在线');
    await expect.poll(() => kioskCard().textContent(), { timeout: 15_000 }).toContain('身份证阅读器');
  });

  it('a help call pressed at the kiosk appears in the console queue, is claimed, and the kiosk says staff are coming', async () => {
    await kioskPage.getByTestId('help-button').click();
    await kioskPage.getByTestId('help-dialog').locator('[data-state="coming"]').waitFor({ timeout: 10_000 });

    await nav(/^求助呼叫/).click();
    const call = hallConsole.getByRole('listitem', { name: `${KIOSK}: 群众按了求助` });
    await call.waitFor({ timeout: 15_000 });
    await call.getByLabel('预计到达').selectOption('2');
    await call.getByRole('button', { name: '接单' }).click();
    await expect.poll(() => call.textContent(), { timeout: 10_000 }).toContain('已接单');

    const claimed = kioskPage.getByTestId('help-dialog').locator('[data-state="claimed"]');
    await claimed.waitFor({ timeout: 15_000 });
    expect(await kioskPage.getByTestId('help-dialog').textContent()).toContain('2 分钟');
    await kioskPage.getByTestId('help-close').click();
  });

  it('a kiosk whose cable is pulled shows offline within the keep-alive, keeps serving, and its journal catches up after', async () => {
    const before = await sessionsToday();
    await nav(/^设备总览/).click();
    cable.cut();
    // Keep-alive 2 s: the broker gives up after 1.5 × 2 s and publishes the kiosk's last will.
    await expect.poll(() => kioskCard().textContent(), { timeout: 20_000 }).toContain('离线');

    // The kiosk serves a citizen meanwhile; the session is journaled locally and waits in the outbox.
    await startByTouch(kioskPage);
    await cancelSession(kioskPage);
    expect(await sessionsToday()).toBe(before);

    cable.restore();
    await expect.poll(() => kioskCard().textContent(), { timeout: 45_000 }).toContain('在线');
    await expect.poll(sessionsToday, { timeout: 30_000 }).toBe(before + 1);
  });
});
