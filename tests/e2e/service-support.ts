/**
 * Shared helpers of the e2e tests of any kiosk service (the certificate's own
 * are in certificate-support.ts): choosing a service on the home screen, the
 * sandbox back-end served over HTTP in the test's own process (as
 * `npm run sandbox-gateway` serves it), and a receipt printer simulator on
 * the far end of a socat pty pair, so a test reads back what the host's real
 * serial receipt driver printed.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { createReceiptSimulator, type PrintedReceipt, type ReceiptSimulator } from '../../drivers/receipt/simulator';
import { createSerialTransport } from '../../drivers/transport/serial';
import { loadSandboxData } from '../../electron/host/gateway/sandbox-data';
import { createSandboxGateway, type SandboxGateway } from '../../electron/host/gateway/sandbox-gateway';
import { startSandboxServer, type SandboxServer } from '../../electron/host/gateway/sandbox-server';
import { SERVICE_MODULES } from '../../electron/host/services/registry';
import { createPtyPair } from '../helpers/pty';

/** Home → `category` → the service's card (checked available) → the flow's identify step. */
export async function chooseService(page: Page, category: string, serviceId: string): Promise<void> {
  await page.getByTestId(`category-${category}`).click();
  const card = page.getByTestId(`service-${serviceId}`);
  await card.waitFor();
  expect(await card.getAttribute('data-available'), (await card.textContent()) ?? '').toBe('true');
  await card.click();
  await page.getByTestId('identify-step').waitFor({ timeout: 10_000 });
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
 * `careful` reads the screen as a person would (remembers the signs, reads
 * the light and the sign, counts the cars, touches once the light is green)
 * with human pauses; `wrong` touches the other answer, and the button while
 * the light is still red.
 */
export type AbilityTaker = 'careful' | 'wrong';

/** A human pause before a touch: long enough to read (the host refuses what no one could do). */
const READ_MS = 700;
const REACT_MS = 350;

/** Answers one question of the 三力测试 on screen as `taker` would. */
async function answerAbilityQuestion(page: Page, taker: AbilityTaker): Promise<void> {
  const which = await page.waitForFunction(() => {
    const ids = ['ability-study', 'ability-probe', 'ability-judgement', 'ability-reaction'];
    return ids.find((id) => document.querySelector(`[data-testid="${id}"]`)) ?? false;
  }, undefined, { timeout: 10_000 });
  const kind = (await which.jsonValue()) as string;
  const choose = async (careful: string, options: readonly string[]) => {
    await page.waitForTimeout(READ_MS);
    const choice = taker === 'careful' ? careful : options.find((option) => option !== careful)!;
    await page.getByTestId(`ability-option-${choice}`).click();
  };
  switch (kind) {
    case 'ability-study': {
      const shown = await page.getByTestId('ability-study').locator('[data-sign]').evaluateAll((signs) => signs.map((sign) => sign.getAttribute('data-sign')));
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
      if (taker === 'wrong') {
        await page.getByTestId('ability-reaction-touch').click();
        return;
      }
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

/** The whole 三力测试 from its intro: the practice (careful), then the three sub-tests as `taker`; ends on the result. */
export async function takeAbilityTest(page: Page, taker: AbilityTaker): Promise<void> {
  await page.getByTestId('ability-begin').click({ timeout: 20_000 });
  await answerAbilityRound(page, 'careful');
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
    async close() {
      await simulator.stop();
      await pair.close();
    },
  };
}
