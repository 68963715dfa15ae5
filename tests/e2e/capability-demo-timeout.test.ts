/**
 * 功能演示 end to end, the payment order's timeout: with a short
 * `payment.orderTimeoutSeconds`, an order nobody pays runs out; the screen
 * says so and offers a new order or the counter, and a new order can be paid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fakeCameraArgs, launchChromium } from './harness';
import { dock, HAN, openKioskWithCamera, PORTRAIT, startLoggedHost, type LoggedHost } from './certificate-support';
import { pageVideo } from './fixtures/page-video';
import { capturePaper, feeSlipTaken, orderShown, printedAndDone, sign, startDemo, twoPrints } from './capability-demo-support';

let logged: LoggedHost;
let browser: Browser;
let page: Page | undefined;

beforeAll(async () => {
  const video = await pageVideo();
  [logged, browser] = await Promise.all([startLoggedHost({ payment: { kind: 'sandbox', orderTimeoutSeconds: 10 } }), launchChromium(fakeCameraArgs(video))]);
});
afterAll(async () => {
  await page?.close();
  await browser?.close();
  await logged?.stop();
});

describe('功能演示: the order times out', () => {
  it('an unpaid order expires: the screen offers a new order or the counter; the new order is paid', { timeout: 180_000 }, async () => {
    page = await browser.newPage({ viewport: PORTRAIT });
    const p = page;
    await openKioskWithCamera(p, logged.url);
    await startDemo(p, HAN);
    await capturePaper(p);
    await twoPrints(p);
    await sign(p);
    await orderShown(p);
    const first = await p.getByTestId('payment-qr').innerHTML();
    await expect.poll(() => p.getByTestId('payment-step').getAttribute('data-state'), { timeout: 30_000 }).toBe('expired');
    await p.getByTestId('payment-retry').waitFor();
    await p.getByTestId('payment-counter').waitFor();
    await p.getByTestId('payment-retry').click();
    await orderShown(p);
    expect(await p.getByTestId('payment-qr').innerHTML()).not.toBe(first);
    await dock(p, 'dock-scan-payCode-scanner');
    // The 缴费凭证 for the order that was paid.
    const slip = await feeSlipTaken(p);
    expect(slip).toMatchObject({ title: '缴费凭证', total: '¥10.00' });
    await printedAndDone(p);
  });
});
