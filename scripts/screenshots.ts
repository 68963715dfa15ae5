/**
 * `npm run screenshots`: renders the kiosk's screens through the real browser
 * host in Debian's Chromium, in both languages and modes, portrait and
 * landscape, into docs/screenshots/: attract, home, session frame (a
 * category's services), the help dialog, the "information cleared" notice
 * after cancel, and the idle countdown. Needs
 * `npm run build` first.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, ROOT, startHostProcess } from '../tests/e2e/harness';
import { cancelSession, chooseDisplay, openKiosk, startByTouch, type UiLanguage } from '../tests/e2e/ui-support';

const out = join(ROOT, 'docs/screenshots');
mkdirSync(out, { recursive: true });

const VIEWPORTS = [
  ['portrait', { width: 1080, height: 1920 }],
  ['landscape', { width: 1920, height: 1080 }],
] as const;

async function shoot(page: Page, screen: string, orientation: string, language: UiLanguage, elder: boolean): Promise<void> {
  // Let press feedback and fonts settle.
  await page.waitForTimeout(150);
  const name = `${screen}-${orientation}-${language}${elder ? '-elder' : ''}.png`;
  await page.screenshot({ path: join(out, name) });
  console.log(`wrote docs/screenshots/${name}`);
}

async function shell(browser: Browser, url: string, viewport: { width: number; height: number }, orientation: string, language: UiLanguage, elder: boolean): Promise<void> {
  const page = await browser.newPage({ viewport });
  await openKiosk(page, url);
  await chooseDisplay(page, language, elder);
  await shoot(page, 'attract', orientation, language, elder);
  await startByTouch(page);
  await shoot(page, 'home', orientation, language, elder);
  await page.getByTestId('category-huzheng').click();
  await page.getByTestId('category').waitFor();
  await shoot(page, 'session', orientation, language, elder);
  await page.getByTestId('help-button').click();
  await page.getByTestId('help-dialog').waitFor();
  await shoot(page, 'help', orientation, language, elder);
  await page.getByTestId('help-close').click();
  await cancelSession(page);
  await page.getByTestId('session-ended').waitFor();
  await shoot(page, 'ended', orientation, language, elder);
  await page.close();
}

async function countdown(browser: Browser, url: string, viewport: { width: number; height: number }, orientation: string, language: UiLanguage, elder: boolean): Promise<void> {
  const page = await browser.newPage({ viewport });
  // Simulation only: a short idle limit so the countdown appears at once.
  await openKiosk(page, url, 'idleScale=0.01');
  await chooseDisplay(page, language, elder);
  await startByTouch(page);
  await page.getByTestId('idle-countdown').waitFor({ timeout: 10_000 });
  await shoot(page, 'countdown', orientation, language, elder);
  await page.getByTestId('idle-end').click();
  await page.getByTestId('attract-screen').waitFor();
  await page.close();
}

const host = await startHostProcess();
const browser = await launchChromium();
try {
  for (const [orientation, viewport] of VIEWPORTS) {
    for (const language of ['zh-CN', 'en'] as const) {
      for (const elder of [false, true]) {
        await shell(browser, host.url, viewport, orientation, language, elder);
        await countdown(browser, host.url, viewport, orientation, language, elder);
      }
    }
  }
} finally {
  await browser.close();
  await host.stop();
}
