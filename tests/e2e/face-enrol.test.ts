/**
 * The simulated default with a real person at the camera: the dock makes the
 * face in front of the camera a sample card holder's reference photo, and
 * then the face check (the host's comparison through the sandbox back-end,
 * with the embedding model) passes for that face with that card. Here the
 * fake camera plays a photo of resident-han's man; the card is
 * resident-long-term's, whose own reference photo is someone else (without
 * the enrolment this pairing is a noMatch: tests/e2e/certificate-outcomes).
 * Liveness uses the simulation seam, as everywhere a still image is played.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { stillFaceVideo } from './fixtures/face-video';
import { fakeCameraArgs, launchChromium } from './harness';
import { chooseCertificate, consentToQueryAndFace, MA, openKioskWithCamera, placeCard, PORTRAIT, startLoggedHost, waitPastFaceCheck, type LoggedHost } from './certificate-support';

let logged: LoggedHost;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [logged, browser] = await Promise.all([
    startLoggedHost({ face: { challengeTimeoutSeconds: 5, testingSkipLiveness: true } }),
    launchChromium(fakeCameraArgs(stillFaceVideo())),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await logged?.stop();
});

describe('face reference enrolment through the dock (simulation)', () => {
  it('the face at the camera becomes resident-long-term\'s reference; the face check then passes for it with that card', { timeout: 120_000 }, async () => {
    page = await browser.newPage({ viewport: PORTRAIT });
    await openKioskWithCamera(page, logged.url);
    await page.getByTestId('dock-handle').click();
    await page.getByTestId(`dock-enrol-${MA.card}`).click();
    const result = page.getByTestId('dock-enrol-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.getAttribute('data-ok'), (await result.textContent()) ?? '').toBe('true');
    expect(await result.textContent()).toContain(MA.card);
    await page.getByTestId('dock-handle').click();
    expect(logged.lines.some((l) => l.includes('reference photo was enrolled') && l.includes(MA.card))).toBe(true);

    await placeCard(page, MA);
    await chooseCertificate(page);
    await page.getByTestId('identify-confirm').click();
    await consentToQueryAndFace(page);
    await waitPastFaceCheck(page, 'choice-step', logged.lines);
    const check = logged.lines.find((l) => l.includes('"msg":"face check"') && l.includes('"outcome":"match"'));
    expect(check, 'the host logged a match').toBeDefined();
    expect((JSON.parse(check!) as { similarity: number }).similarity).toBeGreaterThanOrEqual(0.6);
    await page.getByTestId('cancel-button').click();
    await page.getByTestId('attract-screen').waitFor({ timeout: 10_000 });
  });
});
