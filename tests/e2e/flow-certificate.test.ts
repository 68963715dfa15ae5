/**
 * 无犯罪记录证明 through the real browser host, as far as the renderer can go
 * without a face: a card placed with the dock, the service chosen on the home
 * screen, the flow started by the host (`flow.start`), the identity confirmed
 * (and so fixed: no way back to identify), the query consent given, and the
 * face step mounted with the separate biometric consent (the host checks the
 * 户籍 only after the face check passed). A second run goes on to the
 * printed certificate with Chromium's fake camera playing a still face and the
 * host's test-only seam `face.testingSkipLiveness` (simulation only): a still
 * cannot pass the liveness challenge, so without the seam no flow passes.
 * The renderer reports its camera to the host, which offers the service only
 * while the face camera is online: every run that starts the flow plays the
 * fake camera, and a Chromium without one sees the service greyed for it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fakeCameraArgs, launchChromium, ROOT, startHostProcess, type RunningHost } from './harness';
import { stillFaceVideo } from './fixtures/face-video';
import { cancelSession, openKiosk, startByTouch } from './ui-support';
import { detailValue } from './certificate-support';
import { maskName } from '../../domain/mask';

const NAME = '陈思远'; // resources/citizens/resident-han.json (fictional)
const ID_NUMBER = '410402199001011230';

let host: RunningHost;
let browser: Browser;
let page: Page;

/** Opens the kiosk and waits until the renderer's camera report reached the host (`device-status-faceCamera`). */
async function openKioskWithCamera(p: Page, url: string, state = 'online'): Promise<void> {
  await openKiosk(p, url);
  await expect.poll(() => p.getByTestId('device-status-faceCamera').getAttribute('data-state'), { timeout: 10_000 }).toBe(state);
}

beforeAll(async () => {
  host = await startHostProcess();
  // The service needs the face camera: without one (headless Chromium has none) it is greyed.
  browser = await launchChromium(fakeCameraArgs(stillFaceVideo()));
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});
afterEach(async () => {
  await page?.close();
});

describe('no-criminal-record service without a camera', () => {
  let hostWithoutCamera: RunningHost;
  let plainBrowser: Browser;
  beforeAll(async () => {
    hostWithoutCamera = await startHostProcess();
    plainBrowser = await launchChromium();
  });
  afterAll(async () => {
    await plainBrowser?.close();
    await hostWithoutCamera?.stop();
  });

  it('is greyed with the camera reason when the renderer finds no camera', async () => {
    page = await plainBrowser.newPage({ viewport: { width: 1080, height: 1920 } });
    await openKioskWithCamera(page, hostWithoutCamera.url, 'noDevice');
    await startByTouch(page);
    await page.getByTestId('category-certificates').click();
    const card = page.getByTestId('service-no-criminal-record');
    await card.waitFor();
    expect(await card.getAttribute('data-available')).toBe('false');
    expect(await page.getByTestId('service-reason-no-criminal-record').textContent()).toContain('人像摄像头暂不可用');
    await cancelSession(page);
  });
});

describe('no-criminal-record flow through the browser host', () => {
  it('card → service → identity → query consent → face step; no way back to identify; cancel wipes', async () => {
    page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await openKioskWithCamera(page, host.url);
    await page.getByTestId('dock-handle').click();
    await page.getByTestId('dock-card-resident-han').click();
    await page.getByTestId('dock-handle').click();
    await expect.poll(() => page.getByTestId('welcome').textContent(), { timeout: 10_000 }).toContain(maskName(NAME));

    await page.getByTestId('category-certificates').click();
    const card = page.getByTestId('service-no-criminal-record');
    await card.waitFor();
    expect(await card.getAttribute('data-available'), (await card.textContent()) ?? '').toBe('true');
    await card.click();

    // The host's flow, drawn by the FlowRunner: identify with the card read at the attract screen.
    await page.getByTestId('identify-step').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('identity-name').textContent()).toBe(NAME);
    expect(await page.getByTestId('identity-number').textContent()).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
    expect(await page.getByTestId('flow-progress').getAttribute('data-step-index')).toBe('0');
    expect(await page.getByTestId('back-button').count()).toBe(0);
    await page.getByTestId('identify-confirm').click();

    await page.getByTestId('consent-step').waitFor();
    expect(await page.getByTestId('flow-progress').getAttribute('data-step-index')).toBe('1');
    // Back is the host's: the identity is fixed once confirmed, so there is none to identify.
    expect(await page.getByTestId('flow-back').count()).toBe(0);
    await page.getByTestId('consent-step-agree').click();

    // The face step, biometric consent first; the 户籍 lookup waits for the face to pass.
    await page.getByTestId('face-step').waitFor({ timeout: 15_000 });
    await page.getByTestId('face-consent').waitFor();
    expect(await page.getByTestId('flow-progress').getAttribute('data-step-index')).toBe('2');

    await cancelSession(page);
    const html = await page.content();
    expect(html).not.toContain(NAME);
  });
});

describe('no-criminal-record flow to the printed certificate (fake camera, liveness seam)', () => {
  let seamHost: RunningHost;
  let cameraBrowser: Browser;
  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/renderer/face/models/blazeface.json'))) {
      spawnSync(process.execPath, [join(ROOT, 'scripts/prepare-face-assets.mjs')], { cwd: ROOT, stdio: 'inherit' });
    }
    seamHost = await startHostProcess({ face: { challengeTimeoutSeconds: 5, testingSkipLiveness: true } });
    cameraBrowser = await launchChromium(fakeCameraArgs(stillFaceVideo()));
  });
  afterAll(async () => {
    await cameraBrowser?.close();
    await seamHost?.stop();
  });

  it('face check → purpose → query → review → print → done; the name crosses the wire only for the steps that show it, the full ID number never', async () => {
    page = await cameraBrowser.newPage({ viewport: { width: 1080, height: 1920 } });
    const heard: string[] = [];
    page.on('websocket', (ws) => ws.on('framereceived', (frame) => heard.push(String(frame.payload))));
    await openKioskWithCamera(page, seamHost.url);
    await page.getByTestId('dock-handle').click();
    await page.getByTestId('dock-card-resident-han').click();
    await page.getByTestId('dock-handle').click();
    await expect.poll(() => page.getByTestId('welcome').textContent(), { timeout: 10_000 }).toContain(maskName(NAME));
    await page.getByTestId('category-certificates').click();
    await page.getByTestId('service-no-criminal-record').click();
    await page.getByTestId('identify-confirm').click();
    await page.getByTestId('consent-step-agree').click();
    await page.getByTestId('consent-agree').click({ timeout: 15_000 });

    // The host verifies the face and moves the flow on by itself.
    await page.getByTestId('choice-step').waitFor({ timeout: 40_000 });
    await page.getByTestId('choice-employment').click();
    await page.getByTestId('review-step').waitFor({ timeout: 15_000 });
    expect(await detailValue(page, 'review-details', 'svc.no-criminal-record.review.name')).toBe(NAME);
    await page.getByTestId('review-confirm').click();
    await expect
      .poll(() => page.getByTestId('a4-print-step').getAttribute('data-state'), { timeout: 20_000 })
      .not.toBe('printing');
    // The host's A4 printer is the simulated one (the default config): the certificate prints, nothing else will do.
    expect(await page.getByTestId('a4-print-step').getAttribute('data-state')).toBe('printed');
    expect(await page.getByTestId('flow-problem').count()).toBe(0);
    // After the collection receipt: collect, and one reprint.
    await page.getByTestId('print-collected').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('print-reprint').count()).toBe(1);
    await page.getByTestId('print-collected').click();
    await page.getByTestId('done-step').waitFor();
    expect(await page.getByTestId('done-step').getAttribute('data-outcome')).toBe('certificateIssued');
    await page.getByTestId('done-finish').click();
    await page.getByTestId('attract-screen').waitFor();
    expect(await page.content()).not.toContain(NAME);

    // What the host sent the page: never the full ID number; the name only in the identify and review steps' views.
    expect(heard.some((text) => text.includes('"session.started"'))).toBe(true);
    expect(heard.filter((text) => text.includes(ID_NUMBER))).toEqual([]);
    const carriersOfName = heard.filter((text) => text.includes(NAME)).map((text) => {
      const message = JSON.parse(text) as { type: string; event?: string; payload?: { view?: { step: string } }; result?: { step?: string } };
      if (message.type === 'event') return message.event === 'flow.changed' ? message.payload!.view!.step : message.event!;
      return message.result?.step ?? 'a reply';
    });
    expect(carriersOfName.length).toBeGreaterThan(0);
    expect([...new Set(carriersOfName)].sort()).toEqual(['identify', 'review']);
  });
});
