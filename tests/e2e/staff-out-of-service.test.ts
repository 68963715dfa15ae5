/**
 * Out of service set at the kiosk itself, in Chromium: the hidden corner
 * gesture (hold the top-left corner 3 s, let go, tap the top-right corner)
 * opens staff sign-in by staff number; the sample officer signs in with the
 * PIN and puts the kiosk out of service with a message; citizens see the
 * out-of-service page with it and a card placed starts no session; back in
 * service, the attract screen returns and a card starts a session again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startHostProcess, type RunningHost } from './harness';
import { openKiosk } from './ui-support';
import { dock, PORTRAIT } from './service-support';

let host: RunningHost;
let browser: Browser;

beforeAll(async () => {
  [host, browser] = await Promise.all([startHostProcess(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

async function typeDigits(p: Page, prefix: string, digits: string): Promise<void> {
  for (const digit of digits) await p.getByTestId(`${prefix}-key-${digit}`).click();
  await p.getByTestId(`${prefix}-confirm`).click();
}

/** The hidden corner gesture, with a real pointer. */
async function cornerGesture(p: Page): Promise<void> {
  await p.mouse.move(20, 20);
  await p.mouse.down();
  await p.waitForTimeout(3_200);
  await p.mouse.up();
  await p.mouse.move(PORTRAIT.width - 20, 20);
  await p.mouse.down();
  await p.mouse.up();
}

describe('out of service set at the kiosk', () => {
  it('the corner gesture opens sign-in by staff number; out of service stops citizens; back in service the attract screen returns', { timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: PORTRAIT });
    await openKiosk(page, host.url);
    await page.getByTestId('attract-screen').waitFor();

    // A tap in a corner alone does nothing.
    await page.mouse.click(20, 20);
    expect(await page.getByTestId('staff-number-pad').count()).toBe(0);

    await cornerGesture(page);
    await page.getByTestId('staff-number-pad').waitFor({ timeout: 5_000 });
    await typeDigits(page, 'staff-number', '100234');
    await typeDigits(page, 'staff-pin', '246810');
    await page.getByTestId('staff-maintenance').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('staff-signed-in-as').textContent()).toBe('王**（工号 100234）');

    await page.getByTestId('staff-tab-service').click();
    await page.getByTestId('staff-stop-maintenance').click();
    await expect.poll(() => page.getByTestId('staff-service-state').textContent()).toContain('设备维护中，请到窗口办理');
    await page.getByTestId('staff-sign-out').click();

    // Citizens see the page with the message; a card starts nothing.
    await page.getByTestId('out-of-service').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('out-of-service-message').textContent()).toBe('设备维护中，请到窗口办理');
    await dock(page, 'dock-card-resident-han');
    await expect.poll(() => page.getByTestId('out-of-service').isVisible(), { timeout: 3_000 }).toBe(true);
    expect(await page.getByTestId('welcome').count()).toBe(0);

    // The officer comes back the same way and puts the kiosk back in service.
    await cornerGesture(page);
    await page.getByTestId('staff-number-pad').waitFor({ timeout: 5_000 });
    await typeDigits(page, 'staff-number', '100234');
    await typeDigits(page, 'staff-pin', '246810');
    await page.getByTestId('staff-tab-service').click();
    await page.getByTestId('staff-resume').click();
    await expect.poll(() => page.getByTestId('staff-service-state').textContent()).not.toContain('设备维护中');
    await page.getByTestId('staff-sign-out').click();
    // The staff screens lie over the attract screen: wait for them to go, so the card meets a signed-out kiosk.
    await page.getByTestId('staff-maintenance').waitFor({ state: 'detached', timeout: 10_000 });
    await page.getByTestId('attract-screen').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('out-of-service').count()).toBe(0);

    // In service again: a citizen's card starts a session.
    await dock(page, 'dock-card-resident-han');
    await page.getByTestId('welcome').waitFor({ timeout: 10_000 });
  });
});
