/**
 * 无犯罪记录证明 end to end (issue #7), the paths that reach the printer or
 * time out: Chromium against the real browser host with the simulated
 * reader, Chromium's fake camera playing a still of resident-han's face with
 * the simulation-only seam `face.testingSkipLiveness`, and the simulated A4
 * printer. Documents are kept (`documents.keepDocuments`) so the printed PDF
 * can be read back from the host's data dir. After every path: the privacy
 * sweep (page, Web Storage, IndexedDB, host log).
 *
 * Typed path: typed-only sandbox people have no reference photo, so no face
 * check can pass for them (face.refused.noReference); the typed path types
 * the number of a citizen who left the card at home (resident-han's).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fakeCameraArgs, launchChromium } from './harness';
import { stillFaceVideo } from './fixtures/face-video';
import { sweepPage } from '../../scripts/soak/privacy';
import {
  chooseCertificate,
  consentToQueryAndFace,
  dock,
  expectNoTraces,
  HAN,
  keptPdfText,
  newSessionId,
  openKioskWithCamera,
  placeCard,
  PORTRAIT,
  purposeToPrinted,
  sessionIds,
  sessionLines,
  startLoggedHost,
  waitPastFaceCheck,
  type LoggedHost,
} from './certificate-support';

let logged: LoggedHost;
let browser: Browser;
let page: Page | undefined;

beforeAll(async () => {
  [logged, browser] = await Promise.all([
    startLoggedHost({ documents: { keepDocuments: true }, face: { challengeTimeoutSeconds: 5, testingSkipLiveness: true } }),
    launchChromium(fakeCameraArgs(stillFaceVideo())),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await logged?.stop();
});
afterEach(async () => {
  await page?.close();
  page = undefined;
});

describe('无犯罪记录证明 to the printed certificate', () => {
  it('card → identity → consents → face → purpose → review → printed; the kept PDF holds the name, the full number and the title; nothing left after', { timeout: 120_000 }, async () => {
    const known = sessionIds(logged.lines);
    page = await browser.newPage({ viewport: PORTRAIT });
    await openKioskWithCamera(page, logged.url);
    await placeCard(page, HAN);
    await chooseCertificate(page);
    expect(await page.getByTestId('identity-name').textContent()).toBe(HAN.name);
    // The citizen's own screen shows the number masked.
    expect(await page.getByTestId('identity-number').textContent()).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
    // The sweep's control: during the session it finds the name on the screen, and never the full number.
    expect(await sweepPage(page, HAN)).toEqual(['name in DOM innerText', 'name in DOM outerHTML']);
    await page.getByTestId('identify-confirm').click();
    await consentToQueryAndFace(page);
    await waitPastFaceCheck(page, 'choice-step', logged.lines);
    const sessionId = await newSessionId(logged.lines, known);
    // The card stays on the reader until the citizen leaves with it.
    await dock(page, 'dock-remove-card');
    const number = await purposeToPrinted(page, HAN.name);

    const text = keptPdfText(logged.dataDir, number);
    expect(text).toContain('无犯罪记录证明');
    expect(text).toContain(HAN.name);
    // The certificate is the citizen's own document: the full number, not masked.
    expect(text).toContain(HAN.idNumber);
    expect(text).toContain(number);

    expect(sessionLines(logged.lines, sessionId).some((l) => l.includes('"reason":"finished"'))).toBe(true);
    await expectNoTraces(page, logged, sessionId, HAN);
  });

  it('no card: touch → service → 没有带身份证 → keypad → consents → face → printed; nothing left after', { timeout: 120_000 }, async () => {
    const known = sessionIds(logged.lines);
    page = await browser.newPage({ viewport: PORTRAIT });
    await openKioskWithCamera(page, logged.url);
    await page.getByTestId('start-button').click();
    await page.getByTestId('category-huzheng').waitFor({ timeout: 10_000 });
    await chooseCertificate(page);
    expect(await page.getByTestId('identify-step').getAttribute('data-mode')).toBe('card');
    await page.getByTestId('identify-type').click();
    await page.getByTestId('id-keypad').waitFor();
    for (const c of HAN.idNumber) await page.getByTestId(`id-keypad-key-${c}`).click();
    await page.getByTestId('id-keypad-confirm').click();
    // The host took the typed number and the flow went on to the query consent.
    await page.getByTestId('consent-step').waitFor({ timeout: 10_000 });
    const sessionId = await newSessionId(logged.lines, known);
    await consentToQueryAndFace(page);
    await waitPastFaceCheck(page, 'choice-step', logged.lines);
    // The name comes from the 户籍 lookup, shown on the citizen's review only.
    const number = await purposeToPrinted(page, HAN.name);

    const text = keptPdfText(logged.dataDir, number);
    expect(text).toContain('无犯罪记录证明');
    expect(text).toContain(HAN.name);
    expect(text).toContain(HAN.idNumber);

    await expectNoTraces(page, logged, sessionId, HAN);
  });
});

describe('idle mid-flow', () => {
  it('on the purpose step: the countdown comes, the session ends, the attract screen is back and wiped', { timeout: 120_000 }, async () => {
    const known = sessionIds(logged.lines);
    page = await browser.newPage({ viewport: PORTRAIT });
    // Simulation only: every idle limit × 0.05 (a flow step waits 6 s, the countdown 3 s).
    await openKioskWithCamera(page, logged.url, 'idleScale=0.05');
    await placeCard(page, HAN);
    await chooseCertificate(page);
    await page.getByTestId('identify-confirm').click();
    await consentToQueryAndFace(page);
    await waitPastFaceCheck(page, 'choice-step', logged.lines);
    const sessionId = await newSessionId(logged.lines, known);
    await dock(page, 'dock-remove-card');

    // No touch from here: the countdown over the purpose step, then the end.
    await page.getByTestId('idle-countdown').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('choice-step').count()).toBe(1);
    await page.getByTestId('attract-screen').waitFor({ timeout: 15_000 });
    await expect.poll(() => sessionLines(logged.lines, sessionId).some((l) => l.includes('"msg":"session ended"') && l.includes('"reason":"timeout"')), { timeout: 10_000 }).toBe(true);
    await expectNoTraces(page, logged, sessionId, HAN);
  });
});
