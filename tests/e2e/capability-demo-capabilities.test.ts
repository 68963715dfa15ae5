/**
 * 功能演示 end to end, each capability in the service that uses it, from the
 * simulated default of `npm start` (the real host, its simulated devices, the
 * embedded back-end and payment sandboxes), in headless Chromium with a fake
 * camera playing a printed page: pay by QR code (the dock's phone), pay by
 * 付款码 (the dock's scanner, a declined code first), each followed by the
 * 缴费凭证 on the receipt printer (amount, order, 票据) before the A4 form; a
 * 低保 citizen with nothing to pay who sees the rule and gets no 缴费凭证, a
 * bad fingerprint read then a retry that passes, and the signature drawn on
 * the pad as vector paths in the A4 PDF the host issued, with its 签名时间.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fakeCameraArgs, launchChromium } from './harness';
import { dock, HAN, MA, openKioskWithCamera, PORTRAIT, pdfText, startLoggedHost, type LoggedHost } from './certificate-support';
import { payByPhone } from './service-support';
import { pageVideo } from './fixtures/page-video';
import { capturePaper, feeSlipTaken, finger, keptPdfsWith, orderShown, pathOperators, printedAndDone, sign, startDemo, twoPrints } from './capability-demo-support';

let logged: LoggedHost;
let browser: Browser;
let page: Page | undefined;

beforeAll(async () => {
  const video = await pageVideo();
  [logged, browser] = await Promise.all([startLoggedHost({}), launchChromium(fakeCameraArgs(video))]);
});
afterAll(async () => {
  await browser?.close();
  await logged?.stop();
});
afterEach(async () => {
  await page?.close();
  page = undefined;
});

async function open(): Promise<Page> {
  page = await browser.newPage({ viewport: PORTRAIT });
  await openKioskWithCamera(page, logged.url);
  return page;
}

describe('功能演示 (capability demo)', () => {
  it('pays by QR code (the dock\'s phone, 支付宝) and prints the form with the signature drawn as vector paths and its 签名时间', { timeout: 180_000 }, async () => {
    const p = await open();
    await startDemo(p, HAN);
    await capturePaper(p);
    await twoPrints(p);
    await sign(p);
    await orderShown(p);
    expect(await p.getByTestId('payment-total').textContent()).toMatch(/10/);
    await payByPhone(p, 'alipay');
    // The 缴费凭证 after the submission, before the form: what was paid, the order, the 财政电子票据.
    const slip = await feeSlipTaken(p);
    expect(slip.title).toBe('缴费凭证');
    expect(slip.total).toBe('¥10.00');
    expect(slip.orderNo).toMatch(/\S/);
    expect(slip.bill).toMatch(/^\d{8} \d{10}$/);
    const number = await printedAndDone(p);

    // The A4 PDF the host issued for this run: the signature box holds the pad's strokes as paths, and the time it was signed.
    const [pdf, ...others] = keptPdfsWith(logged.dataDir, '功能演示申请表');
    expect(others).toEqual([]);
    const text = pdfText(pdf!);
    expect(text).toContain('签名时间');
    expect(text).toContain(`缴费：10.00元，订单号${slip.orderNo}`);
    expect(number).toMatch(/\S/);
    const ops = await pathOperators(pdf!);
    expect(ops.filter((op) => op === 're').length).toBeGreaterThanOrEqual(1);
    expect(ops.filter((op) => op === 'm').length).toBeGreaterThanOrEqual(3);
    expect(ops.filter((op) => op === 'l' || op === 'c').length).toBeGreaterThan(10);
    expect(ops).not.toContain('Do');
  });

  it('pays by 付款码 at the scanner: a declined code is said on screen, a good one pays', { timeout: 180_000 }, async () => {
    const p = await open();
    await startDemo(p, HAN);
    await capturePaper(p);
    await twoPrints(p);
    await sign(p);
    await orderShown(p);
    await dock(p, 'dock-scan-payCodeDeclined-scanner');
    await p.getByTestId('payment-step').getByRole('alert').waitFor({ timeout: 10_000 });
    expect(await p.getByTestId('payment-step').getAttribute('data-state')).toBe('waiting');
    await dock(p, 'dock-scan-payCode-scanner');
    const slip = await feeSlipTaken(p);
    expect(slip).toMatchObject({ title: '缴费凭证', total: '¥10.00' });
    expect(slip.bill).toMatch(/^\d{8} \d{10}$/);
    await printedAndDone(p);
  });

  it('a bad fingerprint read asks again; the retry passes', { timeout: 180_000 }, async () => {
    const p = await open();
    await startDemo(p, HAN);
    await capturePaper(p);
    await finger(p, 'bad');
    await expect.poll(() => p.getByTestId('fingerprints-step').getAttribute('data-state'), { timeout: 15_000 }).toBe('badQuality');
    await p.getByTestId('fingerprint-message').waitFor();
    await p.getByTestId('fingerprint-retry').click();
    // Still the right thumb (11), then the left (16).
    expect(await p.getByTestId('fingerprint-finger').getAttribute('data-finger')).toBe('11');
    await twoPrints(p);
  });

  it('a 低保 citizen (the back-end says so) owes nothing: the fee screen shows the rule, no order, and the form says 免缴', { timeout: 180_000 }, async () => {
    const p = await open();
    await startDemo(p, MA);
    await capturePaper(p);
    await twoPrints(p);
    await sign(p);
    await expect.poll(() => p.getByTestId('payment-step').getAttribute('data-state'), { timeout: 15_000 }).toBe('exempt');
    expect(await p.getByTestId('payment-exemption').textContent()).toContain('最低生活保障对象');
    expect(await p.getByTestId('payment-qr').count()).toBe(0);
    await p.getByTestId('payment-continue').click();
    // Nothing paid, nothing to prove: no 缴费凭证, straight to the form.
    await p.getByTestId('a4-print-step').waitFor({ timeout: 30_000 });
    expect(await p.getByTestId('receipt-print-step').count()).toBe(0);
    await printedAndDone(p);
    const text = pdfText(keptPdfsWith(logged.dataDir, '马秀兰')[0]!);
    expect(text).toContain('缴费：免缴');
  });
});
