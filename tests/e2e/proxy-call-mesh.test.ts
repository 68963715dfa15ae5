/**
 * The three-party call in real Chromium: kiosk, phone and console each run
 * the mesh in their own page with the fake camera and microphone, signalling
 * through a relay. Every party must decode video frames and receive audio
 * packets from both others; when the phone's browser dies without a word,
 * the kiosk and the console see it `lost` after the reconnect window while
 * they keep talking to each other; a new phone page joins again (`hello`).
 *
 * ICE: Chromium gathers no candidates on the loopback interface unless
 * `--allow-loopback-in-peer-connection` is given. With it the three pages
 * meet by host candidates even where loopback is the only interface (checked
 * in `unshare -n` with only `lo` up: passes with the flag, no media without
 * it), so no network namespace or veth pair is needed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserServer, type Page } from 'playwright-core';
import type { ProxyRole } from '../../electron/contract/proxy';
import type { PeerStats } from '../../renderer/proxy-call/mesh-types';
import { CHROMIUM, launchChromium } from './harness';
import { startCallSite, type CallSite } from './proxy-call-mesh-support';
import type { StartCall } from './proxy-call-mesh-page';

const MEDIA_ARGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--allow-loopback-in-peer-connection', '--autoplay-policy=no-user-gesture-required'];
const ROLES: readonly ProxyRole[] = ['kiosk', 'phone', 'console'];
const RECONNECT_WINDOW_MS = 5_000;

let site: CallSite;
let hallBrowser: Browser;
let phoneBrowser: Browser | null = null;
let phoneServer: BrowserServer | null = null;
const pages = new Map<ProxyRole, Page>();

/** The phone's Chromium runs as a server of its own, so the test can kill its process outright. */
async function launchPhoneBrowser(): Promise<Browser> {
  phoneServer = await chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', ...MEDIA_ARGS] });
  return chromium.connect(phoneServer.wsEndpoint());
}

async function joinCall(browser: Browser, self: ProxyRole): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(site.pageUrl);
  await page.waitForFunction(() => typeof window.startCall === 'function');
  const start: StartCall = { self, peers: ROLES.filter((role) => role !== self), relayUrl: site.relayUrl, reconnectWindowMs: RECONNECT_WINDOW_MS };
  await page.evaluate((s) => window.startCall(s), start);
  pages.set(self, page);
  return page;
}

const statsOf = (role: ProxyRole): Promise<Partial<Record<ProxyRole, PeerStats>>> => pages.get(role)!.evaluate(() => window.callStats());

/** Waits until `role` decodes video and receives audio from each of `from` (and returns the stats then). */
async function expectMediaFrom(role: ProxyRole, from: readonly ProxyRole[]): Promise<Partial<Record<ProxyRole, PeerStats>>> {
  await expect
    .poll(
      async () => {
        const stats = await statsOf(role);
        return from.map((peer) => ({ peer, state: stats[peer]?.state, video: (stats[peer]?.framesDecoded ?? 0) > 0, audio: (stats[peer]?.audioPacketsReceived ?? 0) > 0 }));
      },
      { timeout: 20_000, interval: 250 },
    )
    .toEqual(from.map((peer) => ({ peer, state: 'connected', video: true, audio: true })));
  return statsOf(role);
}

describe('the three-party proxy call in Chromium', () => {
  beforeAll(async () => {
    site = await startCallSite();
    hallBrowser = await launchChromium(MEDIA_ARGS);
    phoneBrowser = await launchPhoneBrowser();
  });

  afterAll(async () => {
    await phoneBrowser?.close().catch(() => undefined);
    await phoneServer?.close().catch(() => undefined);
    await hallBrowser?.close();
    await site?.stop();
  });

  it('every party sees and hears both others, the console joining last', async () => {
    await joinCall(hallBrowser, 'kiosk');
    await joinCall(phoneBrowser!, 'phone');
    await expectMediaFrom('kiosk', ['phone']);
    await joinCall(hallBrowser, 'console');
    for (const role of ROLES) await expectMediaFrom(role, ROLES.filter((peer) => peer !== role));
    // Host candidates only: nothing went through TURN.
    const kiosk = await statsOf('kiosk');
    expect([kiosk.phone?.relayed, kiosk.console?.relayed]).toEqual([false, false]);
  });

  it('a phone that dies without a word is lost for the others, who go on; a new phone page joins again', async () => {
    phoneServer!.process().kill('SIGKILL');
    phoneBrowser = null;
    phoneServer = null;
    pages.delete('phone');
    for (const role of ['kiosk', 'console'] as const) {
      await expect.poll(async () => (await statsOf(role)).phone?.state, { timeout: 45_000, interval: 500 }).toBe('lost');
    }
    // The kiosk (impolite to the phone) tried to bring the path back before giving up.
    const kioskSaw = await pages.get('kiosk')!.evaluate(() => window.callHistory().phone ?? []);
    expect(kioskSaw.slice(-2)).toEqual(['reconnecting', 'lost']);
    // Kiosk and console still see each other: their frame counts keep rising.
    const before = (await statsOf('kiosk')).console?.framesDecoded ?? 0;
    await expect.poll(async () => (await statsOf('kiosk')).console?.framesDecoded ?? 0, { timeout: 10_000, interval: 250 }).toBeGreaterThan(before);
    expect((await statsOf('console')).kiosk?.state).toBe('connected');

    phoneBrowser = await launchPhoneBrowser();
    await joinCall(phoneBrowser, 'phone');
    for (const role of ROLES) await expectMediaFrom(role, ROLES.filter((peer) => peer !== role));
  });
});
