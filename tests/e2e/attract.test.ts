import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startHostProcess, type RunningHost } from './harness';

let host: RunningHost;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  host = await startHostProcess();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  await page.goto(host.url);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('attract screen through the browser host', () => {
  it('shows the hall name from the config and the time', async () => {
    await expect.poll(() => page.getByTestId('hall-name').textContent()).toBe('平顶山市公安局城乡一体化示范区分局湖滨派出所 智慧警务工作站');
    expect(await page.getByTestId('clock').textContent()).toMatch(/\d{1,2}:\d{2}/);
  });

  it('shows the live status of the simulated ID card reader', async () => {
    const reader = page.getByTestId('device-status-idcard');
    await expect.poll(() => reader.getAttribute('data-state'), { timeout: 15_000 }).toBe('online');
  });

  it('refuses a WebSocket without the token, and one sending garbage gets an error while the host stays up', async () => {
    const port = new URL(host.url).port;
    const noToken = await page.evaluate(
      (p) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(`ws://127.0.0.1:${p}/api`);
          ws.onopen = () => resolve('open');
          ws.onerror = () => resolve('refused');
        }),
      port,
    );
    expect(noToken).toBe('refused');

    const token = await page.evaluate(() => document.querySelector('meta[name="onedoor-token"]')?.getAttribute('content') ?? '');
    expect(token.length).toBeGreaterThan(20);
    const garbageReply = await page.evaluate(
      ([p, t]) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(`ws://127.0.0.1:${p}/api?token=${t}`);
          ws.onopen = () => ws.send('{"not":"an envelope"');
          ws.onmessage = (e) => {
            const data = JSON.parse(String(e.data)) as { type: string };
            if (data.type === 'reply') resolve(String(e.data));
          };
        }),
      [port, token] as const,
    );
    expect(JSON.parse(garbageReply)).toMatchObject({ ok: false, error: { code: 'invalidMessage' } });

    // The host is still serving the kiosk.
    await page.reload();
    await expect.poll(() => page.getByTestId('hall-name').textContent()).toContain('智慧警务工作站');
    expect(host.process.exitCode).toBeNull();
  });

  it('refuses a WebSocket from a foreign origin', async () => {
    const other = await browser.newPage();
    await other.goto('data:text/html,<title>elsewhere</title>');
    const port = new URL(host.url).port;
    const token = await page.evaluate(() => document.querySelector('meta[name="onedoor-token"]')?.getAttribute('content') ?? '');
    const result = await other.evaluate(
      ([p, t]) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(`ws://127.0.0.1:${p}/api?token=${t}`);
          ws.onopen = () => resolve('open');
          ws.onerror = () => resolve('refused');
        }),
      [port, token] as const,
    );
    expect(result).toBe('refused');
    await other.close();
  });
});
