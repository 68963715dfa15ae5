/**
 * The simulated endorsement writer (签注写卡) in Chromium on the real browser
 * host: listed online in the device status, a permit laid on it from the
 * dock drawer (its chip's endorsements shown), the damaged card and a bank
 * card, a write failure armed, the card taken away, the cable pulled and
 * plugged back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startHostProcess, type RunningHost } from './harness';
import { openKiosk } from './ui-support';

let host: RunningHost;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  host = await startHostProcess();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  await openKiosk(page, host.url);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

const writerStatus = () => page.getByTestId('device-status-endorsementWriter');
const writerDock = () => page.getByTestId('dock-device-endorsementWriter');

async function openDock(): Promise<void> {
  if (!(await page.getByTestId('dock-drawer').isVisible())) await page.getByTestId('dock-handle').click();
  await writerDock().waitFor();
}

describe('endorsement writer through the dock', () => {
  it('is online in the device status, and a permit placed from the dock lies on it with its chip shown', async () => {
    await expect.poll(() => writerStatus().getAttribute('data-state'), { timeout: 15_000 }).toBe('online');
    await openDock();
    await expect.poll(() => writerDock().textContent()).toContain('写卡器上没有卡');
    await page.getByTestId('dock-permit-C51234567').click();
    await expect.poll(() => page.getByTestId('dock-permit-on').textContent()).toBe('写卡器上：港澳通行证 C51234567 吴**');
    // 吴国强's chip holds last year's 个人旅游 endorsement.
    await expect.poll(() => page.getByTestId('dock-permit-chip').textContent()).toMatch(/香港 G 一次，\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}，每次停留 7 天，编号 HG2025000123/);
    await page.getByTestId('dock-permit-C38816402').click();
    await expect.poll(() => page.getByTestId('dock-permit-on').textContent()).toBe('写卡器上：港澳通行证 C38816402 陈**');
    await expect.poll(() => page.getByTestId('dock-permit-chip').textContent()).toContain('芯片上没有签注');
    expect(await writerStatus().getAttribute('data-state')).toBe('online');
  });

  it('arms a write failure, offers the damaged card and a bank card, and takes the card away', async () => {
    await openDock();
    await page.getByTestId('dock-permit-fail-write').click();
    await expect.poll(() => page.getByTestId('dock-permit-fail-write').textContent()).toBe('下一次写卡将失败');
    expect(await page.getByTestId('dock-permit-fail-write').isDisabled()).toBe(true);
    await page.getByTestId('dock-permit-damaged').click();
    await expect.poll(() => page.getByTestId('dock-permit-on').textContent()).toBe('写卡器上：损坏的通行证（芯片读不出）');
    await page.getByTestId('dock-permit-bank-card').click();
    await expect.poll(() => page.getByTestId('dock-permit-on').textContent()).toBe('写卡器上：银行卡（不是通行证）');
    await page.getByTestId('dock-permit-remove').click();
    await expect.poll(() => page.getByTestId('dock-permit-on').textContent()).toBe('写卡器上没有卡');
    expect(await page.getByTestId('dock-permit-remove').isDisabled()).toBe(true);
  });

  it('goes down when its cable is pulled and comes back online when plugged in', async () => {
    await openDock();
    await page.getByTestId('dock-unplug-endorsementWriter').click();
    await expect.poll(() => writerStatus().getAttribute('data-state'), { timeout: 10_000 }).toBe('noDevice');
    await expect.poll(() => page.getByTestId('dock-permit-C38816402').isDisabled(), { timeout: 10_000 }).toBe(true);
    await page.getByTestId('dock-replug-endorsementWriter').click();
    await expect.poll(() => writerStatus().getAttribute('data-state'), { timeout: 15_000 }).toBe('online');
    await page.getByTestId('dock-permit-C38816402').click();
    await expect.poll(() => page.getByTestId('dock-permit-on').textContent()).toBe('写卡器上：港澳通行证 C38816402 陈**');
  });
});
