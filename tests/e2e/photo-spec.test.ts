/**
 * Standard photos end to end in headless Chromium: the fake camera plays a
 * head and shoulders in front of a plain light backdrop (fixtures/
 * portrait-video.ts); on the real photo screen (PhotoStep, reached through
 * the simulation's dev route `?step=photo&spec=…`, as no service flow mounts
 * it yet) the citizen agrees to the biometric consent and takes the photo.
 * The renderer sends the camera frame with where to cut it (by the face's
 * landmarks and the crown it finds in the pixels); the host cuts, scales and
 * encodes the photo and checks it. For each of the three specs (居民身份证,
 * 驾驶证, 出入境) the host must accept the photo: every rule passes in its
 * reply, the photo it sent back (taken off the WebSocket) has the spec's
 * pixel size, byte size and quality (decoded and read again here from the
 * same bytes), that photo is the one shown and offered for choice (outside
 * a service flow's photo step the host refuses the choice itself). The same
 * head in front of a busy bookshelf must fail, with the background rule
 * named on screen.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PhotoCheckResult, PhotoRuleResult, PhotoSpecId } from '../../electron/contract';
import { decodeJpeg } from '../../face-analysis/decode-jpeg';
import { PHOTO_SPECS } from '../../electron/host/capture/photo/spec';
import { exitEntryHeadPx } from '../../domain/exit-entry-photo';
import { estimateJpegQuality } from '../electron/host/capture/photo/jpeg-quality';
import { fakeCameraArgs, kioskUrl, launchChromium, ROOT, startHostProcess, type RunningHost } from './harness';
import { portraitVideo } from './fixtures/portrait-video';

const PORTRAIT = { width: 1080, height: 1920 } as const;
const browsers: Browser[] = [];
let host: RunningHost;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/renderer/face/models/blazeface.json'))) spawnSync(process.execPath, [join(ROOT, 'scripts/prepare-face-assets.mjs')], { cwd: ROOT, stdio: 'inherit' });
  host = await startHostProcess();
});
afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await host?.stop();
});

/** One photo.check as it crossed the WebSocket: the camera frame the renderer sent, the host's reply, and the photo in it. */
interface CheckedPhoto {
  frame: Buffer;
  reply: PhotoCheckResult;
  jpeg: Buffer;
}

/** Records every photo.check call and its reply on `page`'s WebSocket. */
function watchPhotoChecks(page: Page): CheckedPhoto[] {
  const checked: CheckedPhoto[] = [];
  const sent = new Map<string, Buffer>();
  page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) => {
      const message = JSON.parse(String(payload)) as { type?: string; id?: string; method?: string; params?: { frame?: string } };
      if (message.type === 'call' && message.method === 'photo.check' && message.id && message.params?.frame) sent.set(message.id, Buffer.from(message.params.frame, 'base64'));
    });
    socket.on('framereceived', ({ payload }) => {
      const message = JSON.parse(String(payload)) as { type?: string; id?: string; ok?: boolean; result?: PhotoCheckResult };
      const frame = message.id ? sent.get(message.id) : undefined;
      if (message.type === 'reply' && frame && message.ok && message.result) checked.push({ frame, reply: message.result, jpeg: Buffer.from(message.result.jpeg, 'base64') });
    });
  });
  return checked;
}

/** Opens the photo screen for `spec`, agrees to the biometric consent, waits for a good face and takes a photo. */
async function takePhoto(browser: Browser, spec: PhotoSpecId): Promise<{ page: Page; photo: CheckedPhoto }> {
  const page = await browser.newPage({ viewport: PORTRAIT });
  page.on('pageerror', (error) => console.error('page error:', error.message));
  const checked = watchPhotoChecks(page);
  await page.goto(kioskUrl(host.url, `step=photo&spec=${spec}`));
  await page.getByTestId('consent-agree').click({ timeout: 20_000 });
  expect(await page.getByTestId('photo-step').getAttribute('data-spec')).toBe(spec);
  // Enabled once the face model is loaded and a frame passes the quality gates.
  await page.getByTestId('photo-take').click({ timeout: 60_000 });
  await page.getByTestId('photo-result').waitFor({ timeout: 30_000 });
  await expect.poll(() => checked.length, { timeout: 5_000 }).toBe(1);
  return { page, photo: checked[0]! };
}

const ruleOf = (reply: PhotoCheckResult, rule: PhotoRuleResult['rule']) => reply.rules.find((r) => r.rule === rule);
const show = (r: PhotoRuleResult) => `${r.rule} ${r.measured ?? '–'} [${r.min ?? ''}…${r.max ?? ''}]${r.passed ? '' : ' FAILED'}`;

describe('standard photos from the fake camera, checked by the host', () => {
  beforeAll(async () => {
    browsers.push(await launchChromium(fakeCameraArgs(portraitVideo('plain'))));
  });

  it.each<PhotoSpecId>(['residentId', 'drivingLicence', 'exitEntry'])(
    '%s: the photo taken on the photo screen meets the spec',
    async (spec) => {
      const { page, photo } = await takePhoto(browsers[0]!, spec);
      const { jpeg, reply } = photo;
      const specOf = PHOTO_SPECS[spec];
      console.log(`${spec}: frame ${(photo.frame.length / 1024).toFixed(1)} KB, photo ${(jpeg.length / 1024).toFixed(1)} KB — ${reply.rules.map(show).join('; ')}`);

      // The host's verdict: every rule of the spec passes.
      expect(reply.rules.filter((r) => !r.passed).map(show)).toEqual([]);
      expect(reply.passed).toBe(true);
      expect(reply.rules.map((r) => r.rule)).toEqual(expect.arrayContaining(['face', 'dimensions', 'fileSize', 'jpegQuality', 'background', 'headWidth', 'crownGap', 'centred']));
      if (specOf.headHeight(0, 0)) expect(ruleOf(reply, 'headHeight')?.passed).toBe(true);
      if (spec === 'residentId') expect(ruleOf(reply, 'eyeLine')?.passed).toBe(true);
      if (spec === 'exitEntry') expect(ruleOf(reply, 'chinGap')?.passed).toBe(true);

      // The photo the host made, measured again here: pixel size, file size and quality.
      const decoded = await decodeJpeg(new Uint8Array(jpeg));
      if (!decoded.ok) throw new Error(decoded.error.detail);
      const { width, height } = decoded.value;
      const quality = estimateJpegQuality(new Uint8Array(jpeg));
      if (!quality.ok) throw new Error(quality.error.detail);
      console.log(`${spec}: ${width}×${height}, ${jpeg.length} bytes, JPEG quality ${quality.value.quality}${quality.value.exact ? ' (exact IJG table)' : ''}`);
      expect(quality.value.exact).toBe(true);
      if (spec === 'residentId') expect([width, height]).toEqual([358, 441]);
      if (spec === 'drivingLicence') expect([width, height]).toEqual([260, 378]);
      if (spec === 'exitEntry') {
        expect(width).toBeGreaterThanOrEqual(354);
        expect(width).toBeLessThanOrEqual(480);
        expect(Math.abs(width / height - 3 / 4)).toBeLessThanOrEqual(0.01);
        // The head limits are the 指引's millimetres on the 33×48 mm print, at this photo's height (domain/exit-entry-photo.ts).
        const px = exitEntryHeadPx(height);
        expect(ruleOf(reply, 'headWidth')).toMatchObject(px.headWidth);
        expect(ruleOf(reply, 'headHeight')).toMatchObject(px.headHeight);
        expect(ruleOf(reply, 'crownGap')).toMatchObject(px.crownGap);
        expect(ruleOf(reply, 'chinGap')).toMatchObject({ min: px.chinGapMin, max: null });
      }
      if (specOf.fileBytes) {
        expect(jpeg.length).toBeGreaterThanOrEqual(specOf.fileBytes.min!);
        expect(jpeg.length).toBeLessThanOrEqual(specOf.fileBytes.max!);
      }
      if (specOf.minQuality !== null) expect(quality.value.quality).toBeGreaterThanOrEqual(specOf.minQuality);
      // The host's reply is about these very bytes.
      expect(ruleOf(reply, 'dimensions')?.measured).toBe(width);
      expect(ruleOf(reply, 'fileSize')?.measured).toBe(jpeg.length);
      expect(ruleOf(reply, 'jpegQuality')?.measured).toBe(quality.value.quality);

      // On screen: the host's photo, passed, and offered for choice.
      expect(await page.getByTestId('photo-result').locator('img').getAttribute('src')).toBe(`data:image/jpeg;base64,${reply.jpeg}`);
      expect(await page.getByTestId('photo-result').getAttribute('data-passed')).toBe('true');
      await page.getByTestId('photo-choose').click();
      // The dev route runs no flow, so no photo step asks for it: the host refuses the choice (integration/photo-to-flow.ts).
      await page.getByRole('alert').waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('dev-step').getAttribute('data-done')).toBe('');
      await page.close();
    },
    150_000,
  );
});

describe('a busy background', () => {
  beforeAll(async () => {
    browsers.push(await launchChromium(fakeCameraArgs(portraitVideo('busy'))));
  });

  it('fails the background rule, named on screen, and cannot be chosen', async () => {
    const { page, photo } = await takePhoto(browsers[1]!, 'drivingLicence');
    console.log(`busy background: ${photo.reply.rules.map(show).join('; ')}`);
    expect(photo.reply.passed).toBe(false);
    expect(ruleOf(photo.reply, 'background')?.passed).toBe(false);
    expect(ruleOf(photo.reply, 'face')?.passed).toBe(true);
    expect(await page.getByTestId('photo-result').getAttribute('data-passed')).toBe('false');
    const rule = page.getByTestId('photo-rule-background');
    expect(await rule.getAttribute('data-passed')).toBe('false');
    expect(await rule.textContent()).toContain('背景须为纯色（白色）且均匀');
    expect(await page.getByTestId('photo-choose').count()).toBe(0);
    await page.close();
  }, 150_000);
});
