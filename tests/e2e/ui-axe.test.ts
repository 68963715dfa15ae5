/**
 * axe-core on every screen of the shell (attract with its help call, home,
 * session frame with the elder-mode switch, countdown, help dialog, the
 * "information cleared" notice) in both languages and both modes: no serious
 * or critical violation (contrast ≥ 4.5:1, names, roles, lang).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, startHostProcess, type RunningHost } from './harness';
import { cancelSession, chooseDisplay, openKiosk, seriousAxeViolations, startByTouch } from './ui-support';

let host: RunningHost;
let browser: Browser;

beforeAll(async () => {
  host = await startHostProcess();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('accessibility (axe-core)', () => {
  for (const language of ['zh-CN', 'en'] as const) {
    for (const elder of [false, true]) {
      it(`no serious or critical violation on any screen: ${language}${elder ? ', elder mode' : ''}`, async () => {
        const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
        await openKiosk(page, host.url);
        await chooseDisplay(page, language, elder);
        const found: Record<string, string[]> = {};
        found.attract = await seriousAxeViolations(page);
        await page.getByTestId('help-button').click();
        await page.getByTestId('help-dialog').waitFor();
        found.attractHelp = await seriousAxeViolations(page);
        await page.getByTestId('help-close').click();
        await startByTouch(page);
        expect(await page.locator('html').getAttribute('lang')).toBe(language);
        found.home = await seriousAxeViolations(page);
        await page.getByTestId('category-huzheng').click();
        await page.getByTestId('category').waitFor();
        found.session = await seriousAxeViolations(page);
        // The elder-mode switch in the other position, mid-session.
        await page.getByTestId('elder-toggle').click();
        await page.locator(`[data-testid="kiosk"][data-elder-mode="${!elder}"]`).waitFor();
        found.sessionToggled = await seriousAxeViolations(page);
        await page.getByTestId('elder-toggle').click();
        await page.locator(`[data-testid="kiosk"][data-elder-mode="${elder}"]`).waitFor();
        await page.getByTestId('help-button').click();
        await page.getByTestId('help-dialog').waitFor();
        found.help = await seriousAxeViolations(page);
        await page.getByTestId('help-close').click();
        await cancelSession(page);
        await page.getByTestId('session-ended').waitFor();
        found.ended = await seriousAxeViolations(page);
        await page.close();

        // A very short idle limit (honoured in simulation only) so the countdown comes at once.
        const quick = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
        await openKiosk(quick, host.url, 'idleScale=0.01');
        await chooseDisplay(quick, language, elder);
        await startByTouch(quick);
        await quick.getByTestId('idle-countdown').waitFor({ timeout: 10_000 });
        found.countdown = await seriousAxeViolations(quick);
        await quick.getByTestId('idle-end').click();
        await quick.getByTestId('attract-screen').waitFor();
        await quick.close();
        expect(found).toEqual({ attract: [], attractHelp: [], home: [], session: [], sessionToggled: [], help: [], ended: [], countdown: [] });
      });
    }
  }
});
