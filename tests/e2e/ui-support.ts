/** Helpers for the UI end-to-end tests and the screenshots script: reach each screen of the shell in a real page. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { kioskUrl, ROOT } from './harness';

/** The two display languages and the two modes, as the UI offers them. */
export type UiLanguage = 'zh-CN' | 'en';

/** Opens the kiosk page and waits for the attract screen with a ready reader. */
export async function openKiosk(page: Page, url: string, query = ''): Promise<void> {
  await page.goto(kioskUrl(url, query));
  await page.getByTestId('device-status-idcard').and(page.locator('[data-state="online"]')).waitFor({ timeout: 15_000 });
}

/** Chooses the language and elder mode on the attract screen. */
export async function chooseDisplay(page: Page, language: UiLanguage, elder: boolean): Promise<void> {
  await page.getByTestId(`language-switch-${language}`).click();
  const on = (await page.getByTestId('elder-mode-switch').getAttribute('aria-checked')) === 'true';
  if (on !== elder) await page.getByTestId('elder-mode-switch').click();
  await page.locator(`html[lang="${language}"]`).waitFor();
}

/** Touches start and waits for home with its categories loaded. */
export async function startByTouch(page: Page): Promise<void> {
  await page.getByTestId('start-button').click();
  await page.getByTestId('category-huzheng').waitFor();
}

/** Cancels the session and waits for the attract screen. */
export async function cancelSession(page: Page): Promise<void> {
  await page.getByTestId('cancel-button').click();
  await page.getByTestId('attract-screen').waitFor();
}

/** Serious and critical axe violations on the page, as `rule: targets` lines. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  // The kiosk's CSP refuses inline <script> (page.addScriptTag); evaluating through the DevTools protocol is not a page script.
  if (!hasAxe) await page.evaluate(readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
}
