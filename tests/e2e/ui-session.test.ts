/**
 * The UI shell through the real browser host: a card placed with the dock
 * starts a session with the citizen's name; cancel and idle timeout both wipe
 * it (and say so); the language and elder mode switch mid-step; elder mode's
 * sizes hold in the page; staff can be called from the attract screen.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startHostProcess, type RunningHost } from './harness';
import { cancelSession, chooseDisplay, openKiosk, startByTouch } from './ui-support';
import { maskName } from '../../domain/mask';

const NAME = '陈思远'; // resources/citizens/resident-han.json (fictional)
const ID_NUMBER = '410402199001011230';

let host: RunningHost;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  host = await startHostProcess();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});
afterEach(async () => {
  await page?.close();
});

async function newKiosk(query = ''): Promise<Page> {
  page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  await openKiosk(page, host.url, query);
  return page;
}

/** Places a sample card on the reader with the dock drawer, then closes the drawer. */
async function placeCardWithDock(p: Page, sample: string): Promise<void> {
  await p.getByTestId('dock-handle').click();
  await p.getByTestId(`dock-card-${sample}`).click();
}

async function removeCardWithDock(p: Page): Promise<void> {
  if (!(await p.getByTestId('dock-drawer').isVisible())) await p.getByTestId('dock-handle').click();
  await p.getByTestId('dock-remove-card').click();
  await p.getByTestId('dock-handle').click();
}

async function expectNoTrace(p: Page): Promise<void> {
  const html = await p.content();
  expect(html).not.toContain(NAME);
  expect(html).not.toContain(maskName(NAME));
  expect(html).not.toContain(ID_NUMBER);
  expect(await p.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
}

describe('UI shell through the browser host', () => {
  it('a card placed with the dock at the attract screen starts a session greeting with the masked name; cancel wipes it', async () => {
    const p = await newKiosk();
    await placeCardWithDock(p, 'resident-han');
    await expect.poll(() => p.getByTestId('welcome').textContent(), { timeout: 10_000 }).toBe(`欢迎，${maskName(NAME)}`);
    await p.getByTestId('category-huzheng').waitFor();
    await removeCardWithDock(p);
    await cancelSession(p);
    // "Your information has been cleared", briefly, with nothing of the citizen in it.
    await p.getByTestId('session-ended').waitFor();
    await expectNoTrace(p);
    await p.getByTestId('session-ended').waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('idle timeout (short in simulation via ?idleScale) asks, then ends the session and wipes it', async () => {
    const p = await newKiosk('idleScale=0.05');
    await placeCardWithDock(p, 'resident-han');
    await expect.poll(() => p.getByTestId('welcome').textContent(), { timeout: 10_000 }).toContain(maskName(NAME));
    await removeCardWithDock(p);
    await p.getByTestId('idle-countdown').waitFor({ timeout: 10_000 });
    await p.getByTestId('attract-screen').waitFor({ timeout: 10_000 });
    await p.getByTestId('session-ended').waitFor();
    await expectNoTrace(p);
  });

  it('the help button on the attract screen calls staff without a session; it is a large, named target in both modes', async () => {
    const p = await newKiosk();
    for (const elder of [false, true]) {
      await chooseDisplay(p, 'zh-CN', elder);
      const help = p.getByRole('button', { name: '呼叫工作人员' });
      const box = (await help.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(60);
      expect(box.height).toBeGreaterThanOrEqual(60);
      await help.click();
      // data-state="coming" only when the host took the call (help.request with sessionId null, step "attract").
      await p.getByTestId('help-dialog').locator('[data-state="coming"]').waitFor();
      await p.getByTestId('help-close').click();
      await p.getByTestId('help-dialog').waitFor({ state: 'detached' });
    }
    expect(await p.getByTestId('attract-screen').isVisible()).toBe(true);
  });

  it('elder mode switched mid-session: sizes change at once, the step stays, every target stays ≥ 60 px', async () => {
    const p = await newKiosk();
    await startByTouch(p);
    await p.getByTestId('category-huzheng').click();
    await p.getByTestId('category').waitFor();
    const fontSize = () => p.getByTestId('kiosk').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(await fontSize()).toBeLessThan(32);
    const toggle = p.getByRole('switch', { name: '长辈模式' });
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await toggle.click();
    await p.locator('[data-testid="kiosk"][data-elder-mode="true"]').waitFor();
    expect(await fontSize()).toBeGreaterThanOrEqual(32);
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    expect(await p.getByTestId('session-frame').getAttribute('data-step')).toBe('category');
    expect(await p.locator('.services > li').count()).toBeLessThanOrEqual(4);
    const small = await p.evaluate(() =>
      [...document.querySelectorAll('button')]
        .filter((b) => !b.closest('.dock') && b.getBoundingClientRect().width > 0)
        .filter((b) => b.getBoundingClientRect().width < 60 || b.getBoundingClientRect().height < 60)
        .map((b) => b.dataset.testid ?? b.textContent),
    );
    expect(small).toEqual([]);
    await toggle.click();
    await p.locator('[data-testid="kiosk"][data-elder-mode="false"]').waitFor();
    expect(await fontSize()).toBeLessThan(32);
    await cancelSession(p);
  });

  it('switching language mid-step keeps the step and sets the lang attribute', async () => {
    const p = await newKiosk();
    await startByTouch(p);
    await p.getByTestId('category-huzheng').click();
    await p.getByTestId('category').waitFor();
    await p.getByTestId('language-toggle').click();
    await p.locator('html[lang="en"]').waitFor();
    expect(await p.getByTestId('session-frame').getAttribute('data-step')).toBe('category');
    expect(await p.locator('h1').textContent()).toBe('Household registration and ID: choose a service');
    await p.getByTestId('language-toggle').click();
    await p.locator('html[lang="zh-CN"]').waitFor();
    expect(await p.getByTestId('session-frame').getAttribute('data-step')).toBe('category');
    await cancelSession(p);
  });

  for (const viewport of [
    { width: 1080, height: 1920 },
    { width: 1920, height: 1080 },
  ]) {
    it(`elder mode: body text ≥ 32 px and every target ≥ 60 px (${viewport.width}×${viewport.height})`, async () => {
      page = await browser.newPage({ viewport });
      const p = page;
      await openKiosk(p, host.url);
      await chooseDisplay(p, 'zh-CN', true);
      const measure = () =>
        p.evaluate(() => {
          const kiosk = document.querySelector('[data-testid="kiosk"]')!;
          const bodySize = parseFloat(getComputedStyle(kiosk).fontSize);
          // Every text node's font size on screen (the dock is a simulation tool for staff, not the citizen's UI).
          const smallest = [...document.querySelectorAll('[data-testid="kiosk"] *:not(.dock *)')]
            .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()) && el.getBoundingClientRect().width > 0)
            .reduce((min, el) => Math.min(min, parseFloat(getComputedStyle(el).fontSize)), Infinity);
          const targets = [...document.querySelectorAll('button')]
            .filter((b) => !b.closest('.dock') && b.getBoundingClientRect().width > 0)
            .map((b) => ({ id: b.dataset.testid ?? b.textContent, w: b.getBoundingClientRect().width, h: b.getBoundingClientRect().height }));
          return { bodySize, smallest, small: targets.filter((t) => t.w < 60 || t.h < 60) };
        });
      const attract = await measure();
      expect(attract.bodySize).toBeGreaterThanOrEqual(32);
      expect(attract.small).toEqual([]);
      await startByTouch(p);
      const home = await measure();
      expect(home.bodySize).toBeGreaterThanOrEqual(32);
      expect(home.smallest).toBeGreaterThanOrEqual(32);
      expect(home.small).toEqual([]);
      await p.getByTestId('category-huzheng').click();
      await p.getByTestId('page-next').waitFor();
      const category = await measure();
      expect(category.smallest).toBeGreaterThanOrEqual(32);
      expect(category.small).toEqual([]);
      expect(await p.locator('.services > li').count()).toBeLessThanOrEqual(4);
      await cancelSession(p);
    });
  }
});
