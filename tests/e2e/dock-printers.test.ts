/**
 * The dock drawer's printer controls through the real browser host: the A4
 * printer's paper taken out with the drawer greys 无犯罪记录证明 with the A4
 * printer's reason, and a refill brings it back; the receipt printer's roll
 * greys 身份证办理进度查询 (its slip) the same way, and its roll, cover and
 * cable reach the host's device status and come back. Chromium
 * plays a fake camera: the certificate service also needs the face camera.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fakeCameraArgs, launchChromium, startHostProcess, type RunningHost } from './harness';
import { stillFaceVideo } from './fixtures/face-video';
import { cancelSession, openKiosk, startByTouch } from './ui-support';

let host: RunningHost;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  host = await startHostProcess();
  browser = await launchChromium(fakeCameraArgs(stillFaceVideo()));
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});
afterEach(async () => {
  await page?.close();
});

async function openKioskWithCamera(): Promise<Page> {
  page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  await openKiosk(page, host.url);
  await expect.poll(() => page.getByTestId('device-status-faceCamera').getAttribute('data-state'), { timeout: 10_000 }).toBe('online');
  return page;
}

/** Opens the drawer (if closed), presses `testId`, waits for the drawer to show `done`, closes the drawer. */
async function withDock(p: Page, testId: string, done: string): Promise<void> {
  if (!(await p.getByTestId('dock-drawer').isVisible())) await p.getByTestId('dock-handle').click();
  await p.getByTestId(testId).click();
  await p.locator(done).waitFor();
  await p.getByTestId('dock-handle').click();
  await p.getByTestId('dock-drawer').waitFor({ state: 'detached' });
}

const availability = (p: Page, service: string) => p.getByTestId(`service-${service}`).getAttribute('data-available');

describe('dock drawer: printers', () => {
  it('offers every simulated device its controls, each a ≥ 60 px target', async () => {
    const p = await openKioskWithCamera();
    await p.getByTestId('dock-handle').click();
    for (const id of ['dock-device-idcard', 'dock-device-receiptPrinter', 'dock-device-a4Printer']) await p.getByTestId(id).waitFor();
    for (const id of [
      'dock-a4-paper-out-a4Printer',
      'dock-a4-paper-low-a4Printer',
      'dock-a4-paper-refill-a4Printer',
      'dock-a4-jam-a4Printer',
      'dock-a4-door-open-a4Printer',
      'dock-a4-offline-a4Printer',
      'dock-receipt-paper-out-receiptPrinter',
      'dock-receipt-paper-refill-receiptPrinter',
      'dock-receipt-cover-open-receiptPrinter',
      'dock-unplug-receiptPrinter',
      'dock-unplug-idcard',
      'dock-sam-fault-idcard',
      'dock-card-resident-han',
    ]) {
      expect(await p.getByTestId(id).isVisible(), id).toBe(true);
    }
    const small = await p.evaluate(() =>
      [...document.querySelectorAll<HTMLButtonElement>('#dock-drawer button')]
        .filter((b) => b.getBoundingClientRect().width < 60 || b.getBoundingClientRect().height < 60)
        .map((b) => b.dataset.testid ?? b.textContent),
    );
    expect(small).toEqual([]);
  });

  it('A4 paper out via the drawer greys 无犯罪记录证明 with the A4 reason; a refill makes it available again', async () => {
    const p = await openKioskWithCamera();
    await withDock(p, 'dock-a4-paper-out-a4Printer', '[data-testid="dock-a4-status-a4Printer"][data-paper="out"]');
    await startByTouch(p);
    await p.getByTestId('category-certificates').click();
    await p.getByTestId('service-no-criminal-record').waitFor();
    await expect.poll(() => availability(p, 'no-criminal-record'), { timeout: 10_000 }).toBe('false');
    expect(await p.getByTestId('service-reason-no-criminal-record').textContent()).toContain('文件打印机暂不可用');

    // Refilled while the citizen looks at the list: the card comes back by itself.
    await withDock(p, 'dock-a4-paper-refill-a4Printer', '[data-testid="dock-a4-status-a4Printer"][data-paper="ok"]');
    await expect.poll(() => availability(p, 'no-criminal-record'), { timeout: 10_000 }).toBe('true');
    expect(await p.getByTestId('service-reason-no-criminal-record').count()).toBe(0);
    await cancelSession(p);
  });

  it('receipt roll out via the drawer greys 身份证办理进度查询 (its slip needs the receipt printer) with the receipt reason; a refill makes it available again', async () => {
    const p = await openKioskWithCamera();
    await withDock(p, 'dock-receipt-paper-out-receiptPrinter', '[data-testid="dock-receipt-status-receiptPrinter"][data-paper="out"]');
    await startByTouch(p);
    await p.getByTestId('category-huzheng').click();
    await p.getByTestId('service-id-card-progress').waitFor();
    await expect.poll(() => availability(p, 'id-card-progress'), { timeout: 15_000 }).toBe('false');
    expect(await p.getByTestId('service-reason-id-card-progress').textContent()).toContain('凭条打印机暂不可用');

    await withDock(p, 'dock-receipt-paper-refill-receiptPrinter', '[data-testid="dock-receipt-status-receiptPrinter"][data-paper="ok"]');
    await expect.poll(() => availability(p, 'id-card-progress'), { timeout: 15_000 }).toBe('true');
    expect(await p.getByTestId('service-reason-id-card-progress').count()).toBe(0);
    await cancelSession(p);
  });

  it('receipt roll out and cover open via the drawer reach the host: the receipt printer shows as needing attention; refill and close restore it', async () => {
    // The device status row shows the host's view of each change.
    const p = await openKioskWithCamera();
    const receiptState = () => p.getByTestId('device-status-receiptPrinter').getAttribute('data-state');
    expect(await receiptState()).toBe('online');

    await withDock(p, 'dock-receipt-paper-out-receiptPrinter', '[data-testid="dock-receipt-status-receiptPrinter"][data-paper="out"]');
    await expect.poll(receiptState, { timeout: 15_000 }).toBe('userError');
    await withDock(p, 'dock-receipt-paper-refill-receiptPrinter', '[data-testid="dock-receipt-status-receiptPrinter"][data-paper="ok"]');
    await expect.poll(receiptState, { timeout: 15_000 }).toBe('online');

    await withDock(p, 'dock-receipt-cover-open-receiptPrinter', '[data-testid="dock-receipt-status-receiptPrinter"][data-cover-open="true"]');
    await expect.poll(receiptState, { timeout: 15_000 }).toBe('userError');
    await withDock(p, 'dock-receipt-cover-close-receiptPrinter', '[data-testid="dock-receipt-status-receiptPrinter"][data-cover-open="false"]');
    await expect.poll(receiptState, { timeout: 15_000 }).toBe('online');

    await withDock(p, 'dock-unplug-receiptPrinter', '[data-testid="dock-replug-receiptPrinter"]');
    await expect.poll(receiptState, { timeout: 15_000 }).not.toBe('online');
    await withDock(p, 'dock-replug-receiptPrinter', '[data-testid="dock-unplug-receiptPrinter"]');
    await expect.poll(receiptState, { timeout: 15_000 }).toBe('online');
  });
});
