import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startHostProcess, type RunningHost } from './harness';
import { linkThroughPage, type HostLink } from './host-link';

let host: RunningHost;
let browser: Browser;
let page: Page;
let link: HostLink;

/** Sends one contract call on the page's own connection, as the dock drawer does. */
function call(method: string, params: Record<string, unknown>) {
  return link.call(method, params);
}

beforeAll(async () => {
  host = await startHostProcess();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  link = await linkThroughPage(page);
  await page.goto(host.url);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('simulated ID card reader through the whole stack', () => {
  const reader = () => page.getByTestId('device-status-idcard');

  it('survives a pulled cable and comes back when plugged in, without a restart', async () => {
    await expect.poll(() => reader().getAttribute('data-state'), { timeout: 15_000 }).toBe('online');
    expect((await call('dock.act', { action: 'unplug', deviceId: 'idcard' })).ok).toBe(true);
    await expect.poll(() => reader().getAttribute('data-state'), { timeout: 10_000 }).toBe('noDevice');
    expect((await call('dock.act', { action: 'replug', deviceId: 'idcard' })).ok).toBe(true);
    await expect.poll(() => reader().getAttribute('data-state'), { timeout: 15_000 }).toBe('online');
    expect(host.process.exitCode).toBeNull();
  });

  it('shows a SAM fault as a hardware error and recovers when it clears', async () => {
    await call('dock.act', { action: 'samFault', deviceId: 'idcard', code: 0x60 });
    await call('dock.act', { action: 'unplug', deviceId: 'idcard' });
    await call('dock.act', { action: 'replug', deviceId: 'idcard' });
    await expect.poll(() => reader().getAttribute('data-state'), { timeout: 15_000 }).toBe('hardwareError');
    await call('dock.act', { action: 'samFault', deviceId: 'idcard', code: null });
    await call('dock.act', { action: 'unplug', deviceId: 'idcard' });
    await call('dock.act', { action: 'replug', deviceId: 'idcard' });
    await expect.poll(() => reader().getAttribute('data-state'), { timeout: 15_000 }).toBe('online');
  });

  it('lists the sample citizens and refuses an unknown one', async () => {
    const state = await call('dock.state', {});
    expect(state.ok).toBe(true);
    expect(JSON.stringify(state.result)).toContain('resident-han');
    const bad = await call('dock.act', { action: 'placeCard', deviceId: 'idcard', sampleCard: 'nobody' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'deviceUnavailable' } });
  });
});
