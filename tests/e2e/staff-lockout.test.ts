/**
 * Staff sign-in in Chromium: the sample officer's card (placed with the
 * dock) offers 工作人员登录; five wrong PINs lock the officer out and the
 * screen says until when; the right PIN is refused meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startHostProcess, type RunningHost } from './harness';
import { openKiosk } from './ui-support';
import { dock, PORTRAIT } from './service-support';

let host: RunningHost;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [host, browser] = await Promise.all([startHostProcess(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

async function typePin(p: Page, pin: string): Promise<void> {
  for (const digit of pin) await p.getByTestId(`staff-pin-key-${digit}`).click();
  await p.getByTestId('staff-pin-confirm').click();
}

describe('staff sign-in lockout', () => {
  it('five wrong PINs lock the officer out, the screen says until when, and the right PIN is refused', async () => {
    page = await browser.newPage({ viewport: PORTRAIT });
    await openKiosk(page, host.url);
    await page.getByTestId('attract-screen').waitFor();
    await dock(page, 'dock-card-officer-wang');
    // The officer's card starts no citizen session: it offers both ways.
    await expect.poll(() => page.getByTestId('staff-card-choice').textContent(), { timeout: 10_000 }).toContain('王**（工号 100234）');
    expect(await page.getByTestId('welcome').count()).toBe(0);
    await page.getByTestId('staff-choice-staff').click();

    for (let left = 4; left >= 1; left--) {
      await typePin(page, '111111');
      await expect.poll(() => page.getByTestId('staff-pin-message').textContent()).toBe(`工号或密码不正确，还可尝试 ${left} 次`);
    }
    await typePin(page, '111111');
    await expect.poll(() => page.getByTestId('staff-pin-message').textContent()).toMatch(/^密码错误次数过多，该工号已锁定至 \d{2}:\d{2}，请稍后再试$/);
    const shown = /(\d{2}):(\d{2})/.exec((await page.getByTestId('staff-pin-message').textContent()) ?? '')!;
    // 15 minutes from now, in the hall's zone (Asia/Shanghai by default).
    const expected = new Intl.DateTimeFormat('zh-CN', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + 15 * 60_000));
    expect(Math.abs(toMinutes(`${shown[1]}:${shown[2]}`) - toMinutes(expected)) % (24 * 60)).toBeLessThanOrEqual(1);
    expect(await page.getByTestId('staff-pin-key-2').isDisabled()).toBe(true);

    // Card again, right PIN: still locked.
    await page.getByTestId('staff-cancel').click();
    await page.getByTestId('staff-sign-in').waitFor({ state: 'detached' });
    await dock(page, 'dock-card-officer-wang');
    await page.getByTestId('staff-choice-staff').click();
    await typePin(page, '246810');
    await expect.poll(() => page.getByTestId('staff-pin-message').textContent()).toContain('该工号已锁定至');
    expect(await page.getByTestId('staff-maintenance').count()).toBe(0);
  });
});

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}
