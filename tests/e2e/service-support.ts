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
