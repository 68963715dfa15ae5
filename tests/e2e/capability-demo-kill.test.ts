/**
 * 功能演示 end to end, SIGKILL after payment (issue 14): a citizen pays 10 元
 * with a 付款码 at the scanner; the host releases the held application and
 * sends it; the back-end accepts it but holds its answer, and the host is
 * SIGKILLed right then (paid, the application at the back-end, the kiosk
 * none the wiser). A second host starts on the same data folder.
 *
 * The back-end (sandbox over HTTP) and the payment service (sandbox over
 * HTTP, as `npm run sandbox-payment` serves it) live in the test's own
 * process, so both outlive the host: the order stays paid there, and the
 * back-end remembers what it accepted.
 *
 * What the restart does (electron/host/payment/settlement.ts `recover()`):
 * the ledger order still `open` is asked about; paid, so its application is
 * released, staff are alerted (`paidNotDelivered`: the citizen left without
 * the 受理编号) and the outbox redelivers it under the same key; the back-end
 * recognises the key (accepted once, attempted twice) and the order is
 * settled `delivered`, never refunded.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { GATEWAY_PATHS } from '../../electron/host/gateway/wire-schemas';
import { startSandboxPaymentServer, type SandboxPaymentServer } from '../../electron/host/payment/sandbox-payment-server';
import { fakeCameraArgs, launchChromium, removeDataDir } from './harness';
import { dock, HAN, openKioskWithCamera, PORTRAIT } from './certificate-support';
import { pageVideo } from './fixtures/page-video';
import { capturePaper, orderShown, sign, startDemo, twoPrints } from './capability-demo-support';
import { readJournal, startHostOn, type HostRun } from './fault-support';
import { startHttpSandbox, type HttpSandbox } from './service-support';

let backend: HttpSandbox;
let payment: SandboxPaymentServer;
let browser: Browser;
let dataDir: string;
const runs: HostRun[] = [];
let page: Page | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'onedoor-demo-kill-'));
  const video = await pageVideo();
  [backend, payment, browser] = await Promise.all([startHttpSandbox(), startSandboxPaymentServer({ port: 0 }), launchChromium(fakeCameraArgs(video))]);
});
afterAll(async () => {
  await page?.close();
  await browser?.close();
  for (const run of runs) await run.stop();
  await backend?.server.close();
  await payment?.close();
  if (dataDir) removeDataDir(dataDir);
});

// The host's submission waits up to 30 s for the held answer: the kill lands while it still waits.
const config = () => ({ backend: { ...backend.backend, timeoutMs: 30_000 }, payment: { kind: 'sandbox', baseUrl: payment.url } });

interface Kept {
  orders: Array<{ order_no: string; status: string; settlement: string; refunded_fen: number; application_key: string | null }>;
  alerts: string[];
}

/** The ledger's orders and the staff alerts audited, read-only. */
function kept(): Kept {
  const db = new Database(join(dataDir, 'journal.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return {
      orders: db.prepare('SELECT order_no, status, settlement, refunded_fen, application_key FROM payment_orders').all() as Kept['orders'],
      alerts: (db.prepare("SELECT detail FROM audit_events WHERE action = 'staff.alert'").all() as Array<{ detail: string | null }>).map((row) => row.detail ?? ''),
    };
  } finally {
    db.close();
  }
}

describe('功能演示: the host SIGKILLed after the citizen paid, before the application came back accepted', () => {
  it('the next host delivers it once, settles the order delivered and alerts staff (paidNotDelivered)', { timeout: 180_000 }, async () => {
    const first = await startHostOn(dataDir, config());
    runs.push(first);
    page = await browser.newPage({ viewport: PORTRAIT });
    const p = page;
    await openKioskWithCamera(p, first.url);
    await startDemo(p, HAN);
    await capturePaper(p);
    await twoPrints(p);
    await sign(p);
    await orderShown(p);

    // From now on the back-end takes the submission and keeps the kiosk waiting for its answer.
    backend.server.inject(GATEWAY_PATHS.submitApplication, { mode: 'holdAnswer', ms: 60_000, times: 1 });
    await dock(p, 'dock-scan-payCode-scanner');
    await expect.poll(() => Object.keys(backend.sandbox.stats().accepted), { timeout: 30_000, message: 'the back-end accepted the submission' }).toHaveLength(1);
    const key = Object.keys(backend.sandbox.stats().accepted)[0]!;
    expect(backend.sandbox.stats().attempts[key]).toBe(1);
    // The citizen sees the submission still going: no 受理编号, no form.
    await expect.poll(() => p.getByTestId('submit-step').getAttribute('data-state'), { timeout: 10_000 }).toBe('sending');

    first.host.process.kill('SIGKILL');
    await first.exited;
    expect(first.host.process.signalCode).toBe('SIGKILL');

    // What the dead host left: the order paid and still open, its application in the outbox.
    const left = kept();
    expect(left.orders).toEqual([expect.objectContaining({ status: 'paid', settlement: 'open', application_key: key })]);
    expect(readJournal(dataDir).outbox).toBe(1);
    expect(left.alerts).toEqual([]);
    const { order_no: orderNo } = left.orders[0]!;

    // The restart on the same data folder; the payment service and the back-end never went away.
    const second = await startHostOn(dataDir, config());
    runs.push(second);
    await expect.poll(() => backend.sandbox.stats().attempts[key], { timeout: 30_000, message: 'the redelivery after the restart' }).toBe(2);
    expect(backend.sandbox.stats().accepted).toEqual({ [key]: 1 });
    await expect.poll(() => kept().orders[0]?.settlement, { timeout: 15_000 }).toBe('delivered');
    await expect.poll(() => readJournal(dataDir).outbox, { timeout: 10_000 }).toBe(0);
    // The alert in the log too (the order number masked there): the application was still queued when it was raised.
    expect(second.lines.some((line) => line.includes('"msg":"paid order settled without its run"') && line.includes('"issue":"paidNotDelivered"') && line.includes('"queued":true'))).toBe(true);
    expect(second.lines.filter((line) => line.includes('"msg":"staff alert"') && line.includes('"paymentIssue":"paidNotDelivered"'))).toHaveLength(1);
    // The payment service holds the order as paid, never refunded.
    const atService = payment.handler.payment.get(orderNo);
    expect(atService.ok && atService.value.body).toMatchObject({ status: 'paid', refundedFen: 0 });

    await second.stop();
    const after = kept();
    // Paid once, kept: delivered, never refunded.
    expect(after.orders).toEqual([{ order_no: orderNo, status: 'paid', settlement: 'delivered', refunded_fen: 0, application_key: key }]);
    expect(after.alerts.filter((detail) => detail.includes('staff.alert.payment.paidNotDelivered'))).toHaveLength(1);
    // The citizen's name and full number never reached either run's log.
    expect([...first.lines, ...second.lines].filter((line) => line.includes(HAN.idNumber) || line.includes(HAN.name))).toEqual([]);
  });
});
