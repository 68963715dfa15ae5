/**
 * 功能演示 end to end, the back-end refusing a paid application (issue 14):
 * 何静 (typed only; the sandbox back-end refuses her applications,
 * `notEligible`) types her number, photographs her paper, gives two prints,
 * signs and pays 10 元 with the dock's phone (手机扫码支付). The submit step
 * then says the application was not accepted, why, and that the fee went
 * back; she confirms and the run ends `rejectedRefunded`. After the host
 * stops, its journal says the same: the order refunded in full and settled
 * `refunded`, and no A4 form was ever issued.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fakeCameraArgs, launchChromium, removeDataDir } from './harness';
import { openKioskWithCamera, payByPhone, PORTRAIT } from './service-support';
import { pageVideo } from './fixtures/page-video';
import { capturePaper, keptPdfsWith, orderShown, sign, startDemoTyped, twoPrints } from './capability-demo-support';
import { readJournal, startHostOn, type HostRun } from './fault-support';

/** resources/sandbox/citizens.json: typed only, `simulate.application: notEligible`. */
const HE_JING = { name: '何静', idNumber: '410403198808080060' } as const;

let run: HostRun;
let browser: Browser;
let page: Page | undefined;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'onedoor-demo-rejected-'));
  const video = await pageVideo();
  // The simulated default: the embedded back-end and payment sandboxes, the dock's phone pays.
  [run, browser] = await Promise.all([startHostOn(dataDir, {}), launchChromium(fakeCameraArgs(video))]);
});
afterAll(async () => {
  await page?.close();
  await browser?.close();
  await run?.stop();
  if (dataDir) removeDataDir(dataDir);
});

interface OrderRow {
  status: string;
  settlement: string;
  amount_fen: number;
  refunded_fen: number;
  service_id: string;
}

/** The ledger's orders (`payment_orders`), read-only. */
function ledgerOrders(): OrderRow[] {
  const db = new Database(join(dataDir, 'journal.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT status, settlement, amount_fen, refunded_fen, service_id FROM payment_orders').all() as OrderRow[];
  } finally {
    db.close();
  }
}

describe('功能演示: a paid application the back-end refuses', () => {
  it('says why and that the 10 元 went back; the order is refunded in the ledger and no form is printed', { timeout: 180_000 }, async () => {
    page = await browser.newPage({ viewport: PORTRAIT });
    const p = page;
    await openKioskWithCamera(p, run.url);
    await startDemoTyped(p, HE_JING.idNumber);
    await capturePaper(p);
    await twoPrints(p);
    await sign(p);
    await orderShown(p);
    expect(await p.getByTestId('payment-total').textContent()).toMatch(/10\.00/);
    await payByPhone(p);

    // The submit step: refused by the back-end, the fee refunded by the host before it says so.
    const submit = p.getByTestId('submit-step');
    await expect.poll(() => submit.getAttribute('data-state'), { timeout: 30_000 }).toBe('rejected');
    expect(await submit.getByRole('heading').textContent()).toBe('您的申请未被受理');
    expect(await p.getByTestId('submit-reason').textContent()).toBe('系统显示您不符合办理本业务的条件。');
    expect(await p.getByTestId('submit-refund').getAttribute('data-refund')).toBe('refunded');
    expect(await p.getByTestId('submit-refund').textContent()).toBe('已缴纳的10.00元费用已原路退回。');
    expect(await p.getByTestId('a4-print-step').count()).toBe(0);
    await p.getByTestId('submit-confirm').click();
    await p.getByTestId('done-step').waitFor({ timeout: 15_000 });
    expect(await p.getByTestId('done-step').getAttribute('data-outcome')).toBe('rejectedRefunded');

    // What the host kept, read after it stopped: the order refunded in full and settled so; no form issued.
    await run.stop();
    const orders = ledgerOrders();
    expect(orders).toEqual([{ status: 'refunded', settlement: 'refunded', amount_fen: 1000, refunded_fen: 1000, service_id: 'capability-demo' }]);
    const journal = readJournal(dataDir);
    expect(journal.documents).toEqual([]);
    expect(journal.outbox).toBe(0);
    expect(existsSync(join(dataDir, 'documents')) ? keptPdfsWith(dataDir, '功能演示申请表') : []).toEqual([]);
    // The citizen's name and full number never reached the log.
    expect(run.lines.filter((line) => line.includes(HE_JING.idNumber) || line.includes(HE_JING.name))).toEqual([]);
  });
});
