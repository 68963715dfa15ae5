/**
 * 无犯罪记录证明 for a resident registered in another province (跨省通办):
 * 公安部《公安机关办理犯罪记录查询工作规定》 lets them apply at the 居住地
 * 派出所, so this hall serves them at its counter with a queue ticket rather
 * than sending them home. resident-rare-chars (王喆, 户籍 in Beijing) at a
 * Henan hall; Chromium's fake camera plays his own reference photo, the
 * host compares it (embedding model, liveness seam). The 户籍 lookup comes
 * only after the face check passed, so nothing about the person shapes a
 * screen before.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fakeCameraArgs, launchChromium } from './harness';
import {
  chooseCertificate,
  consentToQueryAndFace,
  dock,
  expectNoTraces,
  newSessionId,
  openKioskWithCamera,
  placeCard,
  PORTRAIT,
  referenceFaceVideo,
  sessionIds,
  startLoggedHost,
  waitPastFaceCheck,
  WANG,
  type LoggedHost,
} from './certificate-support';

const WINDOW = '2号窗口'; // services.windows.certificates (default)
/** svc.no-criminal-record.counter.outOfProvince. */
const OUT_OF_PROVINCE = '您的户籍不在本省。按跨省通办规定，您可以在本厅窗口申请，请取排队凭条到窗口办理。';

let fixtures: string;
let logged: LoggedHost;
let browser: Browser;
let page: Page | undefined;

beforeAll(async () => {
  fixtures = mkdtempSync(join(tmpdir(), 'onedoor-province-fixtures-'));
  [logged, browser] = await Promise.all([
    startLoggedHost({ face: { challengeTimeoutSeconds: 5, testingSkipLiveness: true } }),
    launchChromium(fakeCameraArgs(referenceFaceVideo(fixtures, WANG.card))),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await logged?.stop();
  if (fixtures) rmSync(fixtures, { recursive: true, force: true });
});
afterEach(async () => {
  await page?.close();
  page = undefined;
});

describe('out-of-province resident', () => {
  it("王喆's card (户籍 in Beijing) → consents → face check → the counter step: the out-of-province words and a queue ticket for this hall's window; nothing left after", { timeout: 120_000 }, async () => {
    const known = sessionIds(logged.lines);
    page = await browser.newPage({ viewport: PORTRAIT });
    await openKioskWithCamera(page, logged.url);
    await placeCard(page, WANG);
    await chooseCertificate(page);
    await page.getByTestId('identify-confirm').click();
    await consentToQueryAndFace(page);
    await waitPastFaceCheck(page, 'counter-step', logged.lines);
    const sessionId = await newSessionId(logged.lines, known);
    // The face passed (his own face): the counter is about where he is registered, not about who he is.
    expect(logged.lines.some((l) => l.includes(`"sessionId":"${sessionId}"`) && l.includes('"msg":"face check"') && l.includes('"outcome":"match"'))).toBe(true);

    const counter = page.getByTestId('counter-step');
    await expect.poll(() => counter.getAttribute('data-ticket'), { timeout: 15_000 }).toBe('printed');
    expect(await page.getByTestId('counter-reason').textContent()).toBe(OUT_OF_PROVINCE);
    expect(await page.getByTestId('counter-window').textContent()).toContain(WINDOW);
    expect((await page.getByTestId('counter-ticket').textContent())?.trim()).toMatch(/\S/);
    // Not sent home: no referral, and no step of the certificate path after the 户籍 lookup.
    for (const testId of ['referral-step', 'choice-step', 'review-step', 'a4-print-step']) expect(await page.getByTestId(testId).count(), testId).toBe(0);

    await dock(page, 'dock-remove-card');
    await page.getByTestId('counter-done').click();
    await page.getByTestId('done-step').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('done-step').getAttribute('data-outcome')).toBe('counter');
    await page.getByTestId('done-finish').click();
    await expectNoTraces(page, logged, sessionId, WANG);
  });
});
