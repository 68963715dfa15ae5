/**
 * Shared helpers of the e2e tests of any kiosk service (the certificate's own
 * are in certificate-support.ts): a kiosk for a service (the browser host with
 * a serial receipt printer on a pty, headless Chromium with a fake camera,
 * optionally a test copy of the sandbox's people), opening it, starting a
 * service by card or by typed number, the consents and the face check,
 * paying with the dock's phone, collection at the hall; the sandbox back-end
 * served over HTTP in the test's own process (as `npm run sandbox-gateway`
 * serves it); and a receipt printer simulator on the far end of a socat pty
 * pair, so a test reads back what the host's real serial receipt driver
 * printed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createReceiptSimulator, type PrintedReceipt, type ReceiptSimulator } from '../../drivers/receipt/simulator';
import { createSerialTransport } from '../../drivers/transport/serial';
import { maskName } from '../../domain/mask';
import { loadSandboxData } from '../../electron/host/gateway/sandbox-data';
import { createSandboxGateway, type SandboxGateway } from '../../electron/host/gateway/sandbox-gateway';
import { startSandboxServer, type SandboxServer } from '../../electron/host/gateway/sandbox-server';
import { SERVICE_MODULES } from '../../electron/host/services/registry';
import { createPtyPair } from '../helpers/pty';
import { ensureFaceAssets, fakeCameraArgs, hostLogLines, kioskUrl, launchChromium, removeDataDir, ROOT, startHostProcess, type RunningHost } from './harness';

/** The page's viewport: the kiosk's portrait screen. */
export const PORTRAIT = { width: 1080, height: 1920 } as const;

/** A browser host whose log lines (stdout and stderr) are collected, and its own data dir. */
export interface LoggedHost {
  host: RunningHost;
  url: string;
  dataDir: string;
  lines: string[];
  stop(): Promise<void>;
}

/** Starts a host with `config` (merged over a fresh data dir) and collects its log lines. */
export async function startLoggedHost(config: Record<string, unknown>): Promise<LoggedHost> {
  ensureFaceAssets();
  const dataDir = mkdtempSync(join(tmpdir(), 'onedoor-cert-data-'));
  const host = await startHostProcess({ dataDir, ...config });
  const lines = hostLogLines(host);
  return {
    host,
    url: host.url,
    dataDir,
    lines,
    stop: async () => {
      await host.stop();
      removeDataDir(dataDir);
    },
  };
}

/** One sandbox citizen as resources/sandbox/citizens.json holds them (the fields tests change). */
export interface SandboxCitizen {
  label: string;
  faceRef?: string;
  criminalRecord?: string;
}

/**
 * A copy of resources/sandbox/citizens.json, written under `dir` as the
 * host's `backend.dataPath`, in which each of `changes` (by ID number) is
 * applied to that citizen and noted in their label; returns its path.
 */
export function sandboxCitizensWith(dir: string, changes: Record<string, Partial<SandboxCitizen>>): string {
  const data = JSON.parse(readFileSync(join(ROOT, 'resources/sandbox/citizens.json'), 'utf8')) as { citizens: Record<string, SandboxCitizen> };
  for (const [idNumber, change] of Object.entries(changes)) {
    const citizen = data.citizens[idNumber];
    if (!citizen) throw new Error(`no sandbox citizen ${idNumber}`);
    Object.assign(citizen, change);
    citizen.label += ` (test data: ${Object.entries(change).map(([field, value]) => `${field} ${String(value)}`).join(', ')})`;
  }
  const path = join(dir, 'sandbox-citizens.json');
  writeFileSync(path, JSON.stringify(data));
  return path;
}

/**
 * The change that gives each of `idNumbers` resident-han's reference photo
 * (the man the fake camera plays), so a typed-only person or one with
 * another face can pass the face check: for {@link sandboxCitizensWith}.
 */
export function withHanFace(idNumbers: readonly string[]): Record<string, Partial<SandboxCitizen>> {
  return Object.fromEntries(idNumbers.map((idNumber) => [idNumber, { faceRef: 'resident-han' }]));
}

/** Opens the kiosk (optionally with a query) and waits for the reader and the renderer's camera report. */
export async function openKioskWithCamera(page: Page, url: string, query = ''): Promise<void> {
  await page.goto(kioskUrl(url, query));
  await page.getByTestId('device-status-idcard').and(page.locator('[data-state="online"]')).waitFor({ timeout: 15_000 });
  await expect.poll(() => page.getByTestId('device-status-faceCamera').getAttribute('data-state'), { timeout: 15_000 }).toBe('online');
}

/** Uses the simulation dock: opens it, presses `testId`, closes it. */
export async function dock(page: Page, testId: string): Promise<void> {
  if (!(await page.getByTestId('dock-drawer').isVisible())) await page.getByTestId('dock-handle').click();
  await page.getByTestId(testId).click();
  await page.getByTestId('dock-handle').click();
}

/**
 * The endorsement writer's prompt ("place your permit"): the dock lays the
 * sample permit card `permitNumber` on the writer (`dock-permit-<number>`),
 * the citizen presses 已放好, and the step after the read (`next`) shows.
 */
export async function placePermit(page: Page, permitNumber: string, next: string): Promise<void> {
  await page.getByTestId('choice-placed').waitFor({ timeout: 20_000 });
  await dock(page, `dock-permit-${permitNumber}`);
  await page.getByTestId('choice-placed').click();
  await page.getByTestId(next).waitFor({ timeout: 20_000 });
}

/** Places a sample card at the attract screen and waits for the welcome with the (masked) name. */
export async function placeCard(page: Page, citizen: { card: string; name: string }): Promise<void> {
  await page.getByTestId('attract-screen').waitFor({ timeout: 10_000 });
  await dock(page, `dock-card-${citizen.card}`);
  await page.getByTestId('welcome').filter({ hasText: maskName(citizen.name) }).waitFor({ timeout: 10_000 });
}

/**
 * Home → `category` → the service's card, paging on with 下一页 as a citizen
 * would when the category holds more services than one screen shows
 * (checked available) → the flow's first step (`first`: default identify;
 * e.g. `choice-step` for a flow that asks first how to go on).
 */
export async function chooseService(page: Page, category: string, serviceId: string, first = 'identify-step'): Promise<void> {
  await page.getByTestId(`category-${category}`).click();
  await page.getByTestId('category').waitFor();
  const card = page.getByTestId(`service-${serviceId}`);
  const next = page.getByTestId('page-next');
  while (!(await card.isVisible()) && (await next.isVisible()) && (await next.isEnabled())) await next.click();
  await card.waitFor();
  expect(await card.getAttribute('data-available'), (await card.textContent()) ?? '').toBe('true');
  await card.click();
  await page.getByTestId(first).waitFor({ timeout: 10_000 });
}

/** Card → `serviceId` (in `category`, default 户政) → the card's identity confirmed: the flow's next step (its consent). */
export async function startByCard(page: Page, citizen: { card: string; name: string }, serviceId: string, category = 'huzheng'): Promise<void> {
  await placeCard(page, citizen);
  await chooseService(page, category, serviceId);
  await page.getByTestId('identify-confirm').click();
}

/** No card: touch → `serviceId` (in `category`, default 户政) → 没有带身份证 → the number on the keypad → the `next` step (default the consent). */
export async function startByNumber(page: Page, serviceId: string, idNumber: string, options: { category?: string; next?: string } = {}): Promise<void> {
  await page.getByTestId('start-button').click();
  await chooseService(page, options.category ?? 'huzheng', serviceId);
  await page.getByTestId('identify-type').click();
  await page.getByTestId('id-keypad').waitFor();
  for (const c of idNumber) await page.getByTestId(`id-keypad-key-${c}`).click();
  await page.getByTestId('id-keypad-confirm').click();
  await page.getByTestId(options.next ?? 'consent-step').waitFor({ timeout: 10_000 });
}

/** The service's consent step, then the separate biometric consent: the face check starts. */
export async function consentToQueryAndFace(page: Page): Promise<void> {
  await page.getByTestId('consent-step-agree').click();
  await page.getByTestId('consent-agree').click({ timeout: 15_000 });
}

/**
 * Waits for `target` after the face check, pressing "more time" if the idle
 * countdown comes up meanwhile (a still face check touches nothing).
 */
export async function waitPastFaceCheck(page: Page, target: string, hostLines: readonly string[]): Promise<void> {
  const heardBefore = hostLines.length;
  const seen = new Set<string>();
  await expect
    .poll(
      async () => {
        // A bounded click: the countdown may close between the look and the click.
        const more = page.getByTestId('idle-more');
        if (await more.isVisible()) await more.click({ timeout: 1_000 }).catch(() => undefined);
        // What the face check said on the way, for the failure message. Read in one
        // evaluate: a locator read would wait (up to the default timeout, long past the
        // idle limit) for a face check that unmounted just after isVisible().
        const said = await page.evaluate(() => {
          const check = document.querySelector('[data-testid="face-check"]');
          if (!check) return null;
          const guidance = check.querySelector('[data-testid="face-guidance"]')?.textContent ?? '';
          return `${check.getAttribute('data-phase')} [${check.getAttribute('data-measures')}] ${guidance}`;
        });
        if (said !== null) seen.add(said);
        return page.getByTestId(target).isVisible();
      },
      { timeout: 60_000, interval: 250, message: `waiting for ${target}` },
    )
    .toBe(true)
    .catch(async (error: unknown) => {
      // Where the kiosk ended up, so a failure says whether the check hung or the session ended.
      const at = await page
        .evaluate(() => [...document.querySelectorAll('[data-testid]')].slice(0, 12).map((el) => `${el.getAttribute('data-testid')}${el.getAttribute('data-step') ? `(${el.getAttribute('data-step')})` : ''}${el.getAttribute('data-phase') ? `[${el.getAttribute('data-phase')}]` : ''}`))
        .catch(() => ['(page gone)']);
      // And what the host logged meanwhile (masked by the host's own log redaction).
      const heard = hostLines.slice(heardBefore).slice(-25).join('\n');
      throw new Error(`${String(error)}\nface check on the way:\n${[...seen].slice(-15).join('\n')}\nnow on screen: ${at.join(' ')}\nhost log meanwhile:\n${heard}`);
    });
}

/** Both consents, then the face check passed: `target` is shown (the step after the face check, or the counter). */
export async function consentAndFaceCheck(page: Page, target: string, hostLines: readonly string[]): Promise<void> {
  await consentToQueryAndFace(page);
  await waitPastFaceCheck(page, target, hostLines);
}

/** The dock's phone pays the order shown (default WeChat), and the dock closes again. */
export async function payByPhone(page: Page, channel: 'wechat' | 'alipay' = 'wechat'): Promise<void> {
  await expect.poll(() => page.getByTestId('payment-step').getAttribute('data-state'), { timeout: 15_000 }).toBe('waiting');
  await page.getByTestId('dock-handle').click();
  await page.getByTestId(`dock-pay-channel-${channel}`).click();
  await page.getByTestId('dock-pay-scan').click();
  await expect.poll(() => page.getByTestId('dock-pay-status').textContent(), { timeout: 10_000 }).toBe('已支付');
  await page.getByTestId('dock-handle').click();
}

/** Collect at this hall: then `next` (default the signature step). */
export async function collectAtHall(page: Page, next = 'signature-step'): Promise<void> {
  await page.getByTestId('delivery-hall').click();
  await page.getByTestId('delivery-confirm').click();
  await page.getByTestId(next).waitFor({ timeout: 15_000 });
}

/** The sandbox back-end over plain HTTP on loopback, and the gateway behind it (its stats and certificates). */
export interface HttpSandbox {
  sandbox: SandboxGateway;
  server: SandboxServer;
  /** The kiosk config's back-end: this server, through the host's real HTTP client. */
  backend: { kind: 'sandbox'; baseUrl: string; timeoutMs: number };
}

/**
 * Starts the sandbox server on a free loopback port with every service's
 * back-end operations; certificates carry this server's own `/verify/<code>`
 * URL. Faces get the sandbox's own answer (the sample people's `face`).
 */
export async function startHttpSandbox(): Promise<HttpSandbox> {
  const loaded = loadSandboxData();
  if ('error' in loaded) throw new Error(loaded.error);
  let url = '';
  const sandbox = createSandboxGateway({ data: loaded.data, latency: { minMs: 0, maxMs: 0 }, verifyBaseUrl: () => url });
  const server = await startSandboxServer({ gateway: sandbox, operations: SERVICE_MODULES.flatMap((m) => m.backend ?? []), port: 0 });
  url = server.url;
  return { sandbox, server, backend: { kind: 'sandbox', baseUrl: server.url, timeoutMs: 8000 } };
}

/**
 * How a scripted citizen takes the 三力测试 (renderer/steps/ability-test):
 * `careful` reads the screen as a person would (remembers the signs and
 * touches 我记住了, reads the light and the sign, counts the cars, touches
 * once the light is green) with human pauses; `wrong` touches the other
 * answer after a short look (a quick wrong answer is a real one) and the
 * reaction button before the light changes.
 */
export type AbilityTaker = 'careful' | 'wrong';

/** A human pause before a touch: long enough to read (the host refuses what no one could do: under 200 ms). */
const READ_MS = 700;
const REACT_MS = 350;
/** The wrong taker's quick look: still twice what the host requires of a reading. */
const QUICK_MS = 400;

/** 我记住了 touched after `pauseMs` looking at the signs (under load the study may have ended by itself first). */
async function touchRemembered(page: Page, pauseMs: number): Promise<void> {
  await page.waitForTimeout(pauseMs);
  await page
    .getByTestId('ability-remembered')
    .click({ timeout: 5_000 })
    .catch(async (error: unknown) => {
      if ((await page.getByTestId('ability-probe').count()) === 0) throw error;
    });
}

/**
 * The reaction button touched while the light is still red (anticipation:
 * recorded as `early`, no points). The look and the touch are one step in
 * the page, so the touch cannot land just after the change, where it would
 * be timed as an impossible 0–100 ms reaction (a click's own steps raced
 * the light on a loaded machine); if the light is green already, no touch:
 * the time runs out, which scores nothing either.
 */
async function touchWhileRed(page: Page): Promise<void> {
  await page.evaluate(() => {
    const light = document.querySelector('[data-testid="ability-reaction-light"]');
    const touch = document.querySelector('[data-testid="ability-reaction-touch"]');
    if (touch && light?.getAttribute('data-light') === 'red') touch.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, isPrimary: true, pointerType: 'touch' }));
  });
}

/** Answers one question of the 三力测试 on screen as `taker` would. */
async function answerAbilityQuestion(page: Page, taker: AbilityTaker): Promise<void> {
  const which = await page.waitForFunction(() => {
    const ids = ['ability-study', 'ability-probe', 'ability-judgement', 'ability-reaction'];
    return ids.find((id) => document.querySelector(`[data-testid="${id}"]`)) ?? false;
  }, undefined, { timeout: 10_000 });
  const kind = (await which.jsonValue()) as string;
  const pause = taker === 'careful' ? READ_MS : QUICK_MS;
  const choose = async (careful: string, options: readonly string[]) => {
    await page.waitForTimeout(pause);
    const choice = taker === 'careful' ? careful : options.find((option) => option !== careful)!;
    await page.getByTestId(`ability-option-${choice}`).click();
  };
  switch (kind) {
    case 'ability-study': {
      const shown = await page.getByTestId('ability-study').locator('[data-sign]').evaluateAll((signs) => signs.map((sign) => sign.getAttribute('data-sign')));
      await touchRemembered(page, pause);
      const probe = (await page.getByTestId('ability-probe').getAttribute('data-sign', { timeout: 15_000 }))!;
      await choose(shown.includes(probe) ? 'yes' : 'no', ['yes', 'no']);
      return;
    }
    case 'ability-judgement': {
      const question = page.getByTestId('ability-judgement');
      switch (await question.getAttribute('data-kind')) {
        case 'light': {
          const green = (await page.getByTestId('ability-light').getAttribute('data-light')) === 'green';
          const pedestrian = (await page.getByTestId('ability-pedestrian').count()) > 0;
          return choose(green && !pedestrian ? 'yes' : 'no', ['yes', 'no']);
        }
        case 'direction': {
          const sign = await question.getByTestId('ability-sign').getAttribute('data-sign');
          return choose(sign === 'turnLeft' ? 'left' : sign === 'turnRight' ? 'right' : 'straight', ['left', 'straight', 'right']);
        }
        default: {
          const cars = await page.getByTestId('ability-car').count();
          const options = await question.locator('[data-testid^="ability-option-"]').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-testid')!.slice('ability-option-'.length)));
          return choose(String(cars), options);
        }
      }
    }
    case 'ability-reaction': {
      if (taker === 'wrong') return touchWhileRed(page);
      await page.locator('[data-testid="ability-reaction-light"][data-light="green"]').waitFor({ timeout: 10_000 });
      await page.waitForTimeout(REACT_MS);
      await page.getByTestId('ability-reaction-touch').click();
      return;
    }
    default:
      // The probe already up (the study was missed): a careful citizen would not know; answer from the probe alone.
      return choose('no', ['yes', 'no']);
  }
}

/** The round on screen (practice or a sub-test): start it, answer every question, and wait until the host moved on. */
export async function answerAbilityRound(page: Page, taker: AbilityTaker): Promise<void> {
  const round = page.getByTestId('ability-round');
  const name = await round.getAttribute('data-round', { timeout: 20_000 });
  await page.getByTestId('ability-round-start').click();
  const total = Number(await page.getByTestId('ability-progress').getAttribute('data-total'));
  for (let current = 1; current <= total; current += 1) {
    await page.locator(`[data-testid="ability-progress"][data-current="${current}"]`).waitFor({ timeout: 10_000 });
    await answerAbilityQuestion(page, taker);
  }
  await page.locator(`[data-testid="ability-round"][data-round="${name}"]`).waitFor({ state: 'detached', timeout: 20_000 });
}

/** The whole 三力测试 from its intro: the practice (unscored), then the three sub-tests, all as `taker`; ends on the result. */
export async function takeAbilityTest(page: Page, taker: AbilityTaker): Promise<void> {
  await page.getByTestId('ability-begin').click({ timeout: 20_000 });
  await answerAbilityRound(page, taker);
  await page.getByTestId('ability-start-test').click({ timeout: 20_000 });
  for (let round = 0; round < 3; round += 1) await answerAbilityRound(page, taker);
  await page.getByTestId('ability-verdict').waitFor({ timeout: 20_000 });
}

/** A receipt printer simulator on one end of a pty pair; the host's serial receipt printer opens the other. */
export interface PtyReceiptPrinter {
  /** The host's `devices.receiptPrinter` config: the real serial driver on the pty. */
  config: { mode: 'serial'; path: string; statusPollMs: number };
  simulator: ReceiptSimulator;
  /** The text of each finished receipt, one string per receipt (lines joined with `\n`). */
  texts(): string[];
  /** The one receipt printed after the first `before` whose text holds `title` (the test fails unless there is exactly one). */
  printedWith(title: string, before: number): string;
  close(): Promise<void>;
}

/** Starts socat and the simulator (80 mm, paper in). */
export async function startPtyReceiptPrinter(): Promise<PtyReceiptPrinter> {
  const pair = await createPtyPair();
  const port = createSerialTransport({ path: pair.a, baudRate: 115_200 });
  const simulator = createReceiptSimulator(port);
  const started = await simulator.start();
  if (!started.ok) {
    await pair.close();
    throw new Error(`receipt simulator did not start: ${JSON.stringify(started)}`);
  }
  const textOf = (receipt: PrintedReceipt) => receipt.lines.join('\n');
  return {
    config: { mode: 'serial', path: pair.b, statusPollMs: 500 },
    simulator,
    texts: () => simulator.receipts.map(textOf),
    printedWith(title, before) {
      const found = simulator.receipts.slice(before).map(textOf).filter((text) => text.includes(title));
      expect(found).toHaveLength(1);
      return found[0]!;
    },
    async close() {
      await simulator.stop();
      await pair.close();
    },
  };
}

/** What a service's e2e test runs against: the host, its serial receipt printer, the browser, and the page open now. */
export interface ServiceKiosk {
  logged: LoggedHost;
  printer: PtyReceiptPrinter;
  browser: Browser;
  /** A new page on the kiosk (the previous one closed), once the reader, the camera and the receipt printer are online. */
  open(): Promise<Page>;
  /** Closes the page `open` gave (after each test). */
  closePage(): Promise<void>;
  /** Closes the browser, stops the host and the printer, removes the test's files. */
  stop(): Promise<void>;
}

export interface ServiceKioskOptions {
  /** The fake camera's video: a .y4m file, or one the test makes in its fixtures folder. */
  video: string | ((fixtures: string) => string);
  /** Changes to the sandbox's people, in a test copy of citizens.json (e.g. {@link withHanFace}). */
  citizens?: Record<string, Partial<SandboxCitizen>>;
  /** More host config (e.g. `documents: { keepDocuments: true }`, or an HTTP sandbox's `backend`, which wins over `citizens`). */
  host?: Record<string, unknown>;
}

/**
 * The simulated default kiosk for a service's test: the embedded back-end
 * and payment sandboxes (with `citizens`, on a copy of the sandbox's people),
 * the host's real serial receipt driver talking to the simulator over a pty
 * pair, face checks with a short challenge and the liveness seam, and
 * headless Chromium playing `video` as the camera.
 */
export async function startServiceKiosk(options: ServiceKioskOptions): Promise<ServiceKiosk> {
  const fixtures = mkdtempSync(join(tmpdir(), 'onedoor-service-'));
  const backend = options.citizens ? { backend: { kind: 'sandbox', dataPath: sandboxCitizensWith(fixtures, options.citizens) } } : {};
  const video = typeof options.video === 'string' ? options.video : options.video(fixtures);
  const printer = await startPtyReceiptPrinter();
  const [logged, browser] = await Promise.all([
    startLoggedHost({ ...backend, devices: { receiptPrinter: printer.config }, face: { challengeTimeoutSeconds: 5, testingSkipLiveness: true }, ...options.host }),
    launchChromium(fakeCameraArgs(video)),
  ]);
  let page: Page | undefined;
  const closePage = async () => {
    await page?.close();
    page = undefined;
  };
  return {
    logged,
    printer,
    browser,
    async open() {
      await closePage();
      const opened = await browser.newPage({ viewport: PORTRAIT });
      page = opened;
      await openKioskWithCamera(opened, logged.url);
      // The serial receipt printer answered the host's status polls: the services need it.
      await expect.poll(() => opened.getByTestId('device-status-receiptPrinter').getAttribute('data-state'), { timeout: 15_000 }).toBe('online');
      return opened;
    },
    closePage,
    async stop() {
      await browser.close();
      await logged.stop();
      await printer.close();
      rmSync(fixtures, { recursive: true, force: true });
    },
  };
}

/** A plate typed on the plate keypad (a form's `plate` field open): province, letter, the rest, then 确认. */
export async function typePlate(page: Page, plate: string): Promise<void> {
  await page.getByTestId('plate-keypad').waitFor();
  for (const c of plate) await page.getByTestId(`plate-keypad-key-${c}`).click();
  await page.getByTestId('plate-keypad-confirm').click();
}

/** Digits and capitals typed on the Latin keyboard (a form's `vinTail` or `latin` field open, caps on), then 确认. */
export async function typeLatin(page: Page, text: string): Promise<void> {
  await page.getByTestId('latin-keyboard').waitFor();
  for (const c of text) {
    const key = page.getByTestId(`latin-keyboard-key-${c}`);
    await ((await key.count()) > 0 ? key : page.getByTestId(`latin-keyboard-key-${c.toLowerCase()}`)).click();
  }
  await page.getByTestId('latin-keyboard-confirm').click();
}

/** A choice field of a form: its editor opened, `value` chosen (the editor closes by itself). */
export async function chooseFormOption(page: Page, fieldId: string, value: string): Promise<void> {
  await page.getByTestId(`form-field-${fieldId}`).click();
  await page.getByTestId(`field-option-${value}`).click();
  await page.getByTestId(`field-editor-${fieldId}`).waitFor({ state: 'detached' });
}

/**
 * A Chinese text typed on the pinyin keyboard (a form's `chinese` or
 * `chineseName` field open): each character by its syllable, picked from
 * the candidates as a citizen would, then 确认.
 */
export async function typeChinese(page: Page, characters: ReadonlyArray<readonly [syllable: string, character: string]>): Promise<void> {
  await page.getByTestId('pinyin-keyboard').waitFor();
  for (const [syllable, character] of characters) {
    for (const c of syllable) await page.getByTestId(`pinyin-keyboard-key-${c.toUpperCase()}`).click();
    const candidates = page.getByTestId('pinyin-candidate').filter({ hasText: new RegExp(`^${character}$`) });
    // Not on the first page of candidates: page on, as a citizen would.
    while (!(await candidates.first().isVisible())) await page.getByTestId('pinyin-next').click();
    await candidates.first().click();
  }
  await page.getByTestId('pinyin-keyboard-confirm').click();
}
