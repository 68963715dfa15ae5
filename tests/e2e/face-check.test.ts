/**
 * Face check end to end in Chromium with a fake camera playing a still face
 * (a sample photo from @vladmandic/human). Detection and the quality gates
 * pass; during the challenge the host asks for frames and measures them with
 * its own landmark model: the still never blinks or turns, so liveness fails
 * on the host. The comparison itself is exercised through the test-only seam
 * `face.testingSkipLiveness` (honoured only in simulation; it skips the
 * blink/turn judgement, never the host's frame requests): the same still is
 * then verified against the matching sample citizen and against another.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fakeCameraArgs, kioskUrl, launchChromium, ROOT, startHostProcess, type RunningHost } from './harness';
import { linkOf, linkThroughPage } from './host-link';
import { stillFaceVideo } from './fixtures/face-video';

const HAN = '410402199001011230'; // resident-han: reference photo is another photo of the camera's man
const MA = '410403195806150041'; // resident-long-term: a different person

let browser: Browser;
const hosts: RunningHost[] = [];

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/renderer/face/models/blazeface.json'))) spawnSync(process.execPath, [join(ROOT, 'scripts/prepare-face-assets.mjs')], { cwd: ROOT, stdio: 'inherit' });
  browser = await launchChromium(fakeCameraArgs(stillFaceVideo()));
});
afterAll(async () => {
  await browser?.close();
  for (const host of hosts) await host.stop();
});

async function openFaceCheck(host: RunningHost, idNumber: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await linkThroughPage(page);
  await page.goto(kioskUrl(host.url, `step=face-check&id=${idNumber}`));
  await page.getByTestId('consent-agree').click({ timeout: 20_000 });
  return page;
}

const phase = (page: Page) => page.getByTestId('face-check').getAttribute('data-phase');

describe('face check with a still image on the fake camera', () => {
  it('detects the face, passes the quality gates, and fails liveness on the host', async () => {
    const host = await startHostProcess({ face: { challengeTimeoutSeconds: 6 } });
    hosts.push(host);
    const page = await openFaceCheck(host, HAN);
    const started = Date.now();
    await expect.poll(() => phase(page), { timeout: 40_000, interval: 200 }).toBe('challenge');
    console.log(`face detected and quality gates passed after ${Date.now() - started} ms (model load included)`);
    expect(await page.getByTestId('face-guidance').textContent()).toMatch(/眨眼|转头/);
    await expect.poll(() => phase(page), { timeout: 20_000, interval: 200 }).toBe('result');
    const result = page.getByTestId('face-result');
    expect(await result.getAttribute('data-outcome')).toBe('refused');
    // The host names the first action it did not see in its own measures of the frames it asked for.
    expect(await page.getByTestId('face-refused-reason').getAttribute('data-reason')).toMatch(/^face\.refused\.no(Blink|Turn)$/);
    expect(await result.textContent()).toContain('还可以再试 2 次');
    await page.close();
  });

  it('verifies the still against the matching citizen and rejects another (liveness seam)', async () => {
    const host = await startHostProcess({ face: { challengeTimeoutSeconds: 5, testingSkipLiveness: true } });
    hosts.push(host);
    const same = await openFaceCheck(host, HAN);
    await expect.poll(() => phase(same), { timeout: 40_000, interval: 200 }).toBe('result');
    // A match moves the step on: the dev route records it.
    await expect.poll(() => same.getByTestId('dev-step').getAttribute('data-done'), { timeout: 5_000 }).toBe('verified');
    await same.getByTestId('dev-step').evaluate(() => undefined);
    const sessionId = await same.getByTestId('dev-step').getAttribute('data-session-id');
    expect(await linkOf(same).call('session.end', { sessionId, reason: 'finished' })).toMatchObject({ ok: true });
    await same.close();

    const other = await openFaceCheck(host, MA);
    await expect.poll(() => phase(other), { timeout: 40_000, interval: 200 }).toBe('result');
    expect(await other.getByTestId('face-result').getAttribute('data-outcome')).toBe('noMatch');
    await other.close();
    const log = host.stderr();
    const scores = [...log.matchAll(/"outcome":"(match|noMatch)","similarity":([\d.]+)/g)].map((m) => `${m[1]} ${m[2]}`);
    console.log(`host face checks: ${scores.join(', ')}`);
    expect(log).not.toMatch(/data:image|base64/);
  });
});
