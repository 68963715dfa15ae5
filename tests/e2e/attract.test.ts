import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startHostProcess, type RunningHost } from './harness';
import { linkOf, linkThroughPage } from './host-link';

let host: RunningHost;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  host = await startHostProcess();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  await linkThroughPage(page);
  await page.goto(host.url);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('attract screen through the browser host', () => {
  it('shows the hall name from the config and the time', async () => {
    await expect.poll(() => page.getByTestId('hall-name').textContent(), { timeout: 15_000 }).toBe('平顶山市公安局城乡一体化示范区分局湖滨派出所 智慧警务工作站');
    expect(await page.getByTestId('clock').textContent()).toMatch(/\d{1,2}:\d{2}/);
  });

  it('shows the live status of the simulated ID card reader', async () => {
    const reader = page.getByTestId('device-status-idcard');
    await expect.poll(() => reader.getAttribute('data-state'), { timeout: 15_000 }).toBe('online');
  });

  it('the served page holds no token; the kiosk page reads it from its fragment, and a reload keeps it', async () => {
    expect(new URL(host.url).hash).toBe(`#token=${host.token}`);
    const served = await (await fetch(new URL(host.url).origin + '/')).text();
    expect(served).not.toContain(host.token);
    expect(await page.content()).not.toContain(host.token);
    await page.reload();
    await expect.poll(() => page.getByTestId('device-status-idcard').getAttribute('data-state'), { timeout: 15_000 }).toBe('online');
    expect(new URL(page.url()).hash).toBe(`#token=${host.token}`);
  });

  it('refuses a WebSocket without the token, and a second one with it while the kiosk page is connected; garbage gets an error while the host stays up', async () => {
    const port = new URL(host.url).port;
    // Another page of the same origin (a 404 there): a local program that got through the Origin check.
    const prowler = await browser.newPage();
    await prowler.goto(`http://127.0.0.1:${port}/not-the-kiosk`);
    const attempt = (token: string) =>
      prowler.evaluate(
        ([p, t]) =>
          new Promise<string>((resolve) => {
            const ws = new WebSocket(`ws://127.0.0.1:${p}/api${t ? `?token=${t}` : ''}`);
            const heard: string[] = [];
            ws.onmessage = (e) => heard.push(String(e.data));
            ws.onopen = () => resolve('open');
            ws.onerror = () => resolve(`refused, heard ${heard.length}`);
          }),
        [port, token] as const,
      );
    expect(await attempt('')).toBe('refused, heard 0');
    // The token itself does not get a second listener in while the kiosk page holds the connection.
    expect(await attempt(host.token)).toBe('refused, heard 0');
    await prowler.close();
    await expect.poll(() => page.getByTestId('device-status-idcard').getAttribute('data-state')).toBe('online');

    // Garbage on the kiosk's own connection: an error reply, and the host keeps serving.
    const garbageReply = await linkOf(page).raw('{"not":"an envelope"');
    expect(garbageReply).toMatchObject({ ok: false, error: { code: 'invalidMessage' } });
    await page.reload();
    await expect.poll(() => page.getByTestId('hall-name').textContent()).toContain('智慧警务工作站');
    expect(host.process.exitCode).toBeNull();
  });

  it('refuses a WebSocket from a foreign origin', async () => {
    const other = await browser.newPage();
    await other.goto('data:text/html,<title>elsewhere</title>');
    const port = new URL(host.url).port;
    const result = await other.evaluate(
      ([p, t]) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(`ws://127.0.0.1:${p}/api?token=${t}`);
          ws.onopen = () => resolve('open');
          ws.onerror = () => resolve('refused');
        }),
      [port, host.token] as const,
    );
    expect(result).toBe('refused');
    await other.close();
  });
});
