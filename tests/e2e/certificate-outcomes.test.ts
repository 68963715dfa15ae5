/**
 * 无犯罪记录证明 end to end (issue #7), the paths that end at the counter:
 * a record found, and a face that does not match three times. Chromium's
 * fake camera plays resident-han's reference photo (resources/faces), with
 * the simulation-only seam `face.testingSkipLiveness`.
 *
 * No sample card's sandbox case is `record` (the `record` person is typed
 * only and has no reference photo, so no face check can pass for them): this
 * host's sandbox data is resources/sandbox/citizens.json with resident-han's
 * case set to `record`. After every path: the privacy sweep.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoTraces, HAN, MA, newSessionId, referenceFaceVideo, sessionIds, sessionLines } from './certificate-support';
import { consentAndFaceCheck, consentToQueryAndFace, dock, startByCard, startServiceKiosk, waitPastFaceCheck, type ServiceKiosk } from './service-support';

const WINDOW = '2号窗口'; // services.windows.certificates (default)
/** The counter step's reason for a result the counter handles: the same words as for any other counter referral. */
const NEUTRAL_NOTE = '您的申请需要由窗口工作人员继续办理。';
const FACE_NOTE = '人脸核验未能完成，请到窗口由工作人员核验身份。';

/**
 * Page-side watch (source text, as the soak's sweep: tsx helpers do not exist
 * in the page): every change of the screen is checked for record wording
 * other than the service's own title; hits collect in `window.__recordWords`.
 */
const WATCH_RECORD_WORDS = `(() => {
  const hits = (window.__recordWords = []);
  const check = () => {
    const text = document.body.innerText.replaceAll('无犯罪记录证明', '');
    const m = /犯罪|记录|前科|违法/.exec(text);
    if (m) hits.push(text.slice(Math.max(0, m.index - 40), m.index + 40));
  };
  new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
})()`;

let kiosk: ServiceKiosk;

beforeAll(async () => {
  kiosk = await startServiceKiosk({ video: (fixtures) => referenceFaceVideo(fixtures, HAN.card), citizens: { [HAN.idNumber]: { criminalRecord: 'record' } } });
});
afterAll(() => kiosk?.stop());
afterEach(() => kiosk?.closePage());

/** The counter step with its ticket printed: its window, ticket number and the reason it gives. */
async function counterShown(p: Page): Promise<{ window: string; ticket: string; note: string; step: string }> {
  await p.getByTestId('counter-step').waitFor({ timeout: 20_000 });
  await expect.poll(() => p.getByTestId('counter-step').getAttribute('data-ticket'), { timeout: 15_000 }).toBe('printed');
  return {
    window: (await p.getByTestId('counter-window').textContent()) ?? '',
    ticket: (await p.getByTestId('counter-ticket').textContent()) ?? '',
    note: (await p.getByTestId('counter-reason').textContent()) ?? '',
    step: await p.getByTestId('counter-step').innerText(),
  };
}

describe('record found', () => {
  it('card → consents → face → purpose → query: a neutral counter message and a queue ticket, no record wording; nothing left after', { timeout: 120_000 }, async () => {
    const { logged } = kiosk;
    const known = sessionIds(logged.lines);
    const page = await kiosk.open();
    await startByCard(page, HAN, 'no-criminal-record', 'certificates');
    await consentAndFaceCheck(page, 'choice-step', logged.lines);
    const sessionId = await newSessionId(logged.lines, known);
    await page.evaluate(WATCH_RECORD_WORDS);
    await page.getByTestId('choice-employment').click();

    const counter = await counterShown(page);
    expect(counter.window).toContain(WINDOW);
    expect(counter.ticket).toMatch(/\S/);
    expect(counter.note).toBe(NEUTRAL_NOTE);
    // Nothing on the screen (seen by the hall) says a record was found: only the service's own title has those words.
    const screen = (await page.locator('body').innerText()).replaceAll('无犯罪记录证明', '');
    expect(screen).not.toMatch(/犯罪|记录|前科|违法/);
    expect(counter.step).not.toMatch(/犯罪|记录/);
    expect(await page.getByTestId('review-step').count()).toBe(0);
    expect(await page.getByTestId('a4-print-step').count()).toBe(0);

    await dock(page, 'dock-remove-card');
    await page.getByTestId('counter-done').click();
    await page.getByTestId('done-step').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('done-step').getAttribute('data-outcome')).toBe('counter');
    expect((await page.locator('body').innerText()).replaceAll('无犯罪记录证明', '')).not.toMatch(/犯罪|记录/);
    // Not for a moment either, from the purpose on (query, counter, done).
    expect(await page.evaluate('window.__recordWords')).toEqual([]);
    await page.getByTestId('done-finish').click();
    await expectNoTraces(page, logged, sessionId, HAN);
  });
});

describe('face does not match', () => {
  it("resident-long-term's card, resident-han's face: three noMatch → sent to the counter for staff to check; nothing left after", { timeout: 120_000 }, async () => {
    const { logged } = kiosk;
    const known = sessionIds(logged.lines);
    const page = await kiosk.open();
    await startByCard(page, MA, 'no-criminal-record', 'certificates');
    await consentToQueryAndFace(page);
    const sessionId = await newSessionId(logged.lines, known);

    // Two tries that do not match: the result, the tries left, and 再试一次.
    for (const left of [2, 1]) {
      await waitPastFaceCheck(page, 'face-result', logged.lines);
      expect(await page.getByTestId('face-result').getAttribute('data-outcome')).toBe('noMatch');
      expect(await page.getByTestId('face-result').innerText()).toContain(String(left));
      await page.getByTestId('face-retry').click();
      await page.getByTestId('face-result').waitFor({ state: 'detached' });
    }
    // The third: the host's flow sends the citizen to the counter, where staff check the identity.
    await waitPastFaceCheck(page, 'counter-step', logged.lines);
    const counter = await counterShown(page);
    expect(counter.window).toContain(WINDOW);
    expect(counter.note).toBe(FACE_NOTE);
    expect(await page.getByTestId('choice-step').count()).toBe(0);

    const lines = sessionLines(logged.lines, sessionId);
    expect(lines.filter((l) => l.includes('"msg":"face check"') && l.includes('"outcome":"noMatch"'))).toHaveLength(3);
    expect(lines.some((l) => l.includes('"msg":"face check"') && l.includes('"outcome":"match"'))).toBe(false);
    // Each verdict reached the host's flow (the renderer cannot move it past the face check).
    expect(lines.filter((l) => l.includes('"msg":"face result"') && l.includes('"outcome":"noMatch"') && l.includes('"accepted":true'))).toHaveLength(3);

    await dock(page, 'dock-remove-card');
    await page.getByTestId('counter-done').click();
    await page.getByTestId('done-finish').click({ timeout: 10_000 });
    await expectNoTraces(page, logged, sessionId, MA);
  });
});
