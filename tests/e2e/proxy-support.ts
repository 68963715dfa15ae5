/**
 * 可视化代办 end to end, the three parties' set-up (tests/e2e/video-proxy.test.ts):
 * `npm run hall`'s process (sandbox face comparison with the liveness test
 * seam, its own phone port), a kiosk host linked to it, and three separate
 * headless Chromium instances with a fake camera and a fake microphone
 * speaking the consent statement: the kiosk (portrait), the principal's
 * phone (mobile emulation) and the console (signed in). With `relayOnly`,
 * every page's RTCPeerConnection is forced to `iceTransportPolicy: 'relay'`
 * (an init script: test-only, nothing in the product changes).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devices, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { PeerStats } from '../../renderer/proxy-call/mesh-types';
import type { ProxyRole } from '../../electron/contract/proxy';
import { freePort } from '../../scripts/lib/local-postgres';
import { IP_BINARY, type Netns } from '../../scripts/lib/netns';
import { consentAudio, fakeMediaArgs } from './fixtures/consent-audio';
import { stillFaceVideo } from './fixtures/face-video';
import { CHROMIUM, launchChromium } from './harness';
import { signInToConsole, startHallProcess, type HallProcessOptions, type RunningHall } from './hall-support';
import { chooseService, placeCard, PORTRAIT, startLoggedHost, type LoggedHost } from './service-support';

/** Sample citizens (fictional; resources/sandbox/citizens.json): the agent at the kiosk and the principal on the phone. */
export const AGENT = { card: 'resident-long-term', name: '马秀兰', idNumber: '410403195806150041' } as const;
export const PRINCIPAL = { card: 'resident-han', name: '陈思远', idNumber: '410402199001011230' } as const;
export const PRINCIPAL_MOBILE = '13812345678';
export const KIOSK_ID = 'HB-KIOSK-01';
const SERVICE_NAME = '无犯罪记录证明';

const CALL_ARGS = ['--allow-loopback-in-peer-connection', '--autoplay-policy=no-user-gesture-required'];

/** Wraps RTCPeerConnection so every connection the page makes is relay-only. */
const RELAY_ONLY = `(() => {
  const Native = window.RTCPeerConnection;
  const relay = (config) => ({ ...(config || {}), iceTransportPolicy: 'relay' });
  class RelayOnly extends Native {
    constructor(config, ...rest) { super(relay(config), ...rest); }
    setConfiguration(config) { return super.setConfiguration(relay(config)); }
  }
  window.RTCPeerConnection = RelayOnly;
})();`;

export interface ProxyParties {
  hall: RunningHall;
  kiosk: LoggedHost;
  kioskPage: Page;
  phonePage: Page;
  consolePage: Page;
  /** What the kiosk's screen was told by its host (its WebSocket frames), in order. */
  kioskFrames: string[];
  stop(): Promise<void>;
}

export interface ProxyPartiesOptions {
  relayOnly?: boolean;
  /** The hall's `proxy.turn` section (default: no TURN at all, the embedded coturn off). */
  turn?: Record<string, unknown>;
  /** Called with the hall's data folder before it starts. */
  prepareHall?: HallProcessOptions['prepare'];
  /**
   * Launches one party's Chromium with `args` (its fake media and call flags);
   * default `launchChromium`. The bench passes its own, to know each browser's
   * process id for its CPU.
   */
  launchBrowser?: (role: ProxyRole, args: readonly string[]) => Promise<Browser>;
  /** More fields of the hall's `proxy` section (e.g. `maxFaceAttempts`, `linkSeconds`). */
  proxy?: Record<string, unknown>;
  /**
   * The phone's Chromium runs inside this network namespace (its only way out
   * the veth pair), and the hall's phone page listens on the pair's root end:
   * `ip link set <hostLink> down` is then the phone's network dropping.
   */
  phoneNetns?: Pick<Netns, 'name' | 'hostIp'>;
}

/** An executable that starts Debian's Chromium inside `netns` (playwright's pipe to it passes through `ip netns exec`). */
function chromiumInNetns(netns: string): { path: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'onedoor-netns-chromium-'));
  const path = join(dir, 'chromium');
  writeFileSync(path, `#!/bin/sh\nexec ${IP_BINARY} netns exec ${netns} ${CHROMIUM} "$@"\n`, { mode: 0o755 });
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const PARTY_ROLES: readonly ProxyRole[] = ['kiosk', 'phone', 'console'];

async function newCallPage(browser: Browser, relayOnly: boolean, context: Parameters<Browser['newContext']>[0]): Promise<{ context: BrowserContext; page: Page }> {
  const created = await browser.newContext(context);
  if (relayOnly) await created.addInitScript(RELAY_ONLY);
  return { context: created, page: await created.newPage() };
}

export async function startProxyParties(options: ProxyPartiesOptions = {}): Promise<ProxyParties> {
  const relayOnly = options.relayOnly ?? false;
  const phonePort = await freePort();
  const hall = await startHallProcess({
    config: {
      proxy: { face: { comparison: 'sandbox', testingSkipLiveness: true }, turn: options.turn ?? { embedded: { enabled: false } }, ...options.proxy },
      phone: { host: options.phoneNetns?.hostIp ?? '127.0.0.1', port: phonePort },
    },
    prepare: options.prepareHall,
  });
  const browsers: Browser[] = [];
  const phoneLauncher = options.phoneNetns ? chromiumInNetns(options.phoneNetns.name) : null;
  let kiosk: LoggedHost | undefined;
  try {
    if (!hall.phonePageUrl) throw new Error(`the hall printed no phone page:\n${hall.output()}`);
    // Documents kept past the session, so the printed certificate can be read back (and a refusal shown to print none).
    const kioskConfig = { hall: { credentialsFile: hall.kioskCredentials, keepaliveSeconds: 2, statusIntervalSeconds: 2 }, documents: { keepDocuments: true } };
    kiosk = await startLoggedHost(kioskConfig);
    const audio = consentAudio();
    const face = stillFaceVideo();
    // Three instances, as three machines: each its own camera and microphone.
    // The phone's own Chromium inside its network namespace, when the test gives one.
    const launch = options.launchBrowser ?? ((role: ProxyRole, args: readonly string[]) => launchChromium(args, role === 'phone' && phoneLauncher ? { executablePath: phoneLauncher.path } : {}));
    for (const role of PARTY_ROLES) browsers.push(await launch(role, [...fakeMediaArgs(face, audio), ...CALL_ARGS]));
    const [kioskBrowser, phoneBrowser, consoleBrowser] = browsers as [Browser, Browser, Browser];

    const { page: consolePage } = await newCallPage(consoleBrowser, relayOnly, { viewport: { width: 1440, height: 900 }, permissions: ['camera', 'microphone'] });
    await signInToConsole(consolePage, hall);

    const { page: kioskPage } = await newCallPage(kioskBrowser, relayOnly, { viewport: PORTRAIT });
    const kioskFrames: string[] = [];
    kioskPage.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => void kioskFrames.push(String(payload))));
    await kioskPage.goto(kiosk.url);
    await kioskPage.getByTestId('attract-screen').waitFor({ timeout: 30_000 });

    const { page: phonePage } = await newCallPage(phoneBrowser, relayOnly, { ...devices['Pixel 7'], ignoreHTTPSErrors: true, permissions: ['camera', 'microphone'] });
    const started = kiosk;
    const parties: ProxyParties = {
      hall,
      kiosk: started,
      kioskPage,
      phonePage,
      consolePage,
      kioskFrames,
      stop: async () => {
        for (const browser of browsers) await browser.close().catch(() => undefined);
        phoneLauncher?.remove();
        await started.stop();
        await hall.stop();
      },
    };
    return parties;
  } catch (error) {
    for (const browser of browsers) await browser.close().catch(() => undefined);
    phoneLauncher?.remove();
    await kiosk?.stop();
    await hall.stop();
    throw error;
  }
}

/** The agent's walk at the kiosk: card → 可视化代办 → consent → 无犯罪记录证明 → the principal's number and mobile → the QR code. */
export async function agentInvites(page: Page): Promise<void> {
  await placeCard(page, AGENT);
  await chooseService(page, 'proxy', 'video-proxy');
  await page.getByTestId('identify-confirm').click();
  await page.getByTestId('consent-step-agree').click({ timeout: 15_000 });
  await page.getByTestId('choice-no-criminal-record').click({ timeout: 15_000 });
  await page.getByTestId('form-step').waitFor({ timeout: 15_000 });
  await page.getByTestId('form-field-idNumber').click();
  await page.getByTestId('id-keypad').waitFor();
  for (const c of PRINCIPAL.idNumber) await page.getByTestId(`id-keypad-key-${c}`).click();
  await page.getByTestId('id-keypad-confirm').click();
  await page.getByTestId('form-field-mobile').click();
  for (const c of PRINCIPAL_MOBILE) await page.getByTestId(`phone-keypad-key-${c}`).click();
  await page.getByTestId('phone-keypad-confirm').click();
  await page.getByTestId('form-submit').click();
  await page.getByTestId('proxy-invite').waitFor({ timeout: 30_000 });
}

/** The one-time link the QR code shows, as the kiosk's host told its screen (the link is never on screen as text). */
export function inviteUrl(frames: readonly string[]): string {
  for (const frame of [...frames].reverse()) {
    const url = /"invite":\{"url":"([^"]+)"/.exec(frame)?.[1];
    if (url) return url;
  }
  throw new Error('the kiosk was told no invitation');
}

/** The case's id, as the kiosk's host told its screen. */
export function caseIdOf(frames: readonly string[]): string {
  for (const frame of [...frames].reverse()) {
    const id = /"step":"proxyCall".*?"caseId":"([^"]+)"/.exec(frame)?.[1];
    if (id) return id;
  }
  throw new Error('the kiosk was told of no case');
}

/** The principal opens the link on the phone, agrees, passes the face check: the call screen. */
export async function principalJoins(phone: Page, url: string): Promise<void> {
  await phone.goto(url);
  await phone.getByTestId('intro-screen').waitFor({ timeout: 20_000 });
  await phone.getByTestId('consent-agree').click();
  await phone.getByTestId('face-screen').waitFor();
  await phone.getByTestId('call-screen').waitFor({ timeout: 90_000 });
}

const nav = (page: Page, name: RegExp) => page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name });

/** The officer opens 可视化代办 and joins the case from the kiosk. */
export async function officerJoins(consolePage: Page): Promise<void> {
  await nav(consolePage, /^可视化代办/).click();
  const row = consolePage.getByRole('listitem', { name: `${SERVICE_NAME} ${KIOSK_ID}` });
  const join = row.getByRole('button', { name: '接入' });
  await expect.poll(() => join.isEnabled(), { timeout: 30_000 }).toBe(true);
  await join.click();
  await consolePage.getByRole('button', { name: '开始录制' }).waitFor({ timeout: 15_000 });
}

/** The officer on duty: the console's 可视化代办 desk open, before any case needs them. */
export async function openProxyDesk(consolePage: Page): Promise<void> {
  await nav(consolePage, /^可视化代办/).click();
}

/**
 * The officer joins the kiosk's case the moment 接入 is enabled (the
 * principal verified), with the desk already open ({@link openProxyDesk}).
 * Waits with Playwright only, no vitest, so the bench can use it too.
 */
export async function officerJoinsAtOnce(consolePage: Page, timeout = 90_000): Promise<void> {
  const row = consolePage.getByRole('listitem', { name: `${SERVICE_NAME} ${KIOSK_ID}` });
  const join = row.getByRole('button', { name: '接入' }).and(consolePage.locator(':enabled'));
  await join.waitFor({ timeout });
  await join.click();
  await consolePage.getByRole('button', { name: '开始录制' }).waitFor({ timeout: 30_000 });
}

/** What one party's `window.onedoorCallStats()` says of each other party. */
export async function callStats(page: Page): Promise<Partial<Record<ProxyRole, PeerStats>>> {
  return page.evaluate(async () => {
    const hook = (window as unknown as { onedoorCallStats?: () => Promise<Partial<Record<string, PeerStats>>> }).onedoorCallStats;
    return hook ? await hook() : {};
  });
}

/** Every party sees (frames decoded) and hears (audio packets) both others; with `relayed`, through TURN. */
export async function expectMediaAllWays(parties: Pick<ProxyParties, 'kioskPage' | 'phonePage' | 'consolePage'>, relayed: boolean): Promise<void> {
  const pages: Record<ProxyRole, Page> = { kiosk: parties.kioskPage, phone: parties.phonePage, console: parties.consolePage };
  const roles: ProxyRole[] = ['kiosk', 'phone', 'console'];
  for (const self of roles) {
    for (const peer of roles.filter((role) => role !== self)) {
      await expect
        .poll(
          async () => {
            const stats = (await callStats(pages[self]))[peer];
            return { peer: `${self}←${peer}`, video: (stats?.framesDecoded ?? 0) > 0, audio: (stats?.audioPacketsReceived ?? 0) > 0, ...(relayed ? { relayed: stats?.relayed } : {}) };
          },
          { timeout: 45_000, interval: 500 },
        )
        .toEqual({ peer: `${self}←${peer}`, video: true, audio: true, ...(relayed ? { relayed: true } : {}) });
    }
  }
}

/** Draws three strokes on the `signature-pad` on `page` with the mouse. */
export async function drawSignature(page: Page): Promise<void> {
  const pad = page.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  for (const [y0, y1] of [[0.3, 0.7], [0.7, 0.3], [0.5, 0.5]] as const) {
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * y0);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + box.width * (0.2 + (0.6 * i) / 12), box.y + box.height * (y0 + ((y1 - y0) * i) / 12), { steps: 2 });
    await page.mouse.up();
  }
}

/** Every file under `dir` (recursively) except under `skip` folders, as raw text. */
export function filesText(dir: string, skip: readonly string[] = []): Array<{ path: string; text: string }> {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => !skip.some((folder) => path === folder || path.startsWith(`${folder}/`)))
    .map((path) => join(dir, path))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, text: readFileSync(path).toString('latin1') }));
}

/** Another phone's Chromium: an instance of its own (the fake camera is per instance) showing `faceVideo`. */
export interface OtherPhone {
  browser: Browser;
  /** A fresh phone in it: a new context, so no cookie of any claim before. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchPhone(faceVideo: string): Promise<OtherPhone> {
  const browser = await launchChromium([...fakeMediaArgs(faceVideo, consentAudio()), ...CALL_ARGS]);
  return {
    browser,
    newPage: async () => (await newCallPage(browser, false, { ...devices['Pixel 7'], ignoreHTTPSErrors: true, permissions: ['camera', 'microphone'] })).page,
    close: () => browser.close().catch(() => undefined),
  };
}

/** The three parties in the call: the kiosk's invite opened on `phonePage` (default the parties' own), the officer joined on `consolePage`. */
export async function intoProxyCall(parties: ProxyParties, pages: { phonePage?: Page; consolePage?: Page } = {}): Promise<{ caseId: string; invite: string }> {
  await agentInvites(parties.kioskPage);
  const invite = inviteUrl(parties.kioskFrames);
  const phone = pages.phonePage ?? parties.phonePage;
  // A page already on the phone page would take a new link as a change of fragment only, not a fresh open.
  await phone.goto('about:blank');
  await principalJoins(phone, invite);
  await officerJoins(pages.consolePage ?? parties.consolePage);
  await parties.kioskPage.getByTestId('proxy-call').waitFor({ timeout: 30_000 });
  return { caseId: caseIdOf(parties.kioskFrames), invite };
}

/** Frames `page` has decoded from `peer` so far (0 before any). */
export async function framesFrom(page: Page, peer: ProxyRole): Promise<number> {
  return (await callStats(page))[peer]?.framesDecoded ?? 0;
}

/** The kiosk back at the attract screen, whatever screen of the session it is on (an ended case's 完成, else 结束办理). */
export async function kioskBackToAttract(kiosk: Page): Promise<void> {
  const attract = kiosk.getByTestId('attract-screen');
  if (await attract.isVisible()) return;
  const finish = kiosk.getByTestId('proxy-finish');
  if (await finish.isVisible()) await finish.click();
  const cancel = kiosk.getByTestId('cancel-button');
  await Promise.race([attract.waitFor({ timeout: 15_000 }), cancel.click({ timeout: 15_000 })]).catch(() => undefined);
  await attract.waitFor({ timeout: 15_000 });
}

/** Video elements on `page` still playing a live track (a camera or a remote party). */
export function liveVideos(page: Page): Promise<number> {
  return page.evaluate(
    () => [...document.querySelectorAll('video')].filter((video) => video.srcObject instanceof MediaStream && video.srcObject.getTracks().some((track) => track.readyState === 'live')).length,
  );
}

/** PDFs the kiosk wrote (it keeps its documents here): none means nothing was printed. */
export function printedPdfs(kiosk: Pick<LoggedHost, 'dataDir'>): string[] {
  const documents = join(kiosk.dataDir, 'documents');
  return existsSync(documents) ? readdirSync(documents, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.pdf')) : [];
}

/** The console leaves an ended case's call view (离开) for the list. */
export async function consoleLeavesEndedCase(consolePage: Page): Promise<void> {
  const leave = consolePage.getByRole('button', { name: '离开', exact: true });
  if (await leave.isVisible()) await leave.click();
}
