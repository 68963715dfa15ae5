/**
 * When the phone page first showed each of its screens (and each phase of
 * the face check), noted by the page itself: a short phase (the hall's
 * comparison) cannot slip between two polls. Wall-clock ms (Date.now()), the
 * same clock as the bench's own marks on this machine.
 */
import type { Page } from 'playwright-core';

/** The screens noted, as `testid` or `testid:data-phase`. */
export const PHONE_SCREENS = ['intro-screen', 'face-screen:positioning', 'face-screen:challenge', 'face-screen:verifying', 'call-screen'] as const;
export type PhoneScreen = (typeof PHONE_SCREENS)[number];

const WATCH = `(() => {
  const seen = {};
  window.__onedoorBenchScreens = seen;
  const note = () => {
    for (const el of document.querySelectorAll('[data-testid$="-screen"]')) {
      const key = el.dataset.phase ? el.dataset.testid + ':' + el.dataset.phase : el.dataset.testid;
      if (!(key in seen)) seen[key] = Date.now();
    }
  };
  new MutationObserver(note).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-phase', 'data-testid'] });
})();`;

/** Starts noting on the page's next navigation (call before it opens the link). */
export async function watchPhoneScreens(page: Page): Promise<void> {
  await page.addInitScript(WATCH);
}

/** When each screen was first shown; throws if one never was (the path changed: the bench must follow). */
export async function phoneScreenTimes(page: Page): Promise<Record<PhoneScreen, number>> {
  const seen = await page.evaluate(() => (window as unknown as { __onedoorBenchScreens?: Record<string, number> }).__onedoorBenchScreens ?? {});
  const missing = PHONE_SCREENS.filter((screen) => typeof seen[screen] !== 'number');
  if (missing.length > 0) throw new Error(`the phone page never showed ${missing.join(', ')} (it showed ${Object.keys(seen).join(', ') || 'nothing'})`);
  return Object.fromEntries(PHONE_SCREENS.map((screen) => [screen, seen[screen]!])) as Record<PhoneScreen, number>;
}
