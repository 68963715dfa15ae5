/**
 * The document camera end to end in headless Chromium, in the simulation's
 * 功能演示 service (capability-demo): the fake camera plays two A4 pages of
 * "text", each lying at an angle on a dark desk, with the desk empty in
 * between (fixtures/document-video.ts). On the real screen nobody presses
 * the take button: each page is taken by itself once it has lain still.
 * The host's answer to each `document.submit` (read off the WebSocket) must
 * be its straightened page: found where it lay, upright (the black bar at
 * the top), filling the picture (paper, not desk, in every corner), of A4's
 * proportions. On "next" the host makes the paper's PDF and reads it back:
 * two pages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DocumentPageResult } from '../../electron/contract';
import { meanGrey } from '../electron/host/capture/documents/angled-page';
import { HAN, openKioskWithCamera, placeCard, PORTRAIT, startLoggedHost, type LoggedHost } from './certificate-support';
import { DOCUMENT_PAGES, twoPageDocumentVideo } from './fixtures/document-video';
import { fakeCameraArgs, launchChromium } from './harness';
import { chooseService } from './service-support';

let logged: LoggedHost;
let browser: Browser;
let videoDir: string;

beforeAll(async () => {
  videoDir = mkdtempSync(join(tmpdir(), 'onedoor-doccam-'));
  [logged, browser] = await Promise.all([startLoggedHost({}), launchChromium(fakeCameraArgs(twoPageDocumentVideo(videoDir)))]);
});
afterAll(async () => {
  await browser?.close();
  await logged?.stop();
  if (videoDir) rmSync(videoDir, { recursive: true, force: true });
});

/** Every document.submit the page made, as the host answered it. */
function watchSubmits(page: Page): DocumentPageResult[] {
  const answers: DocumentPageResult[] = [];
  const asked = new Set<string>();
  page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) => {
      const message = JSON.parse(String(payload)) as { type?: string; id?: string; method?: string };
      if (message.type === 'call' && message.method === 'document.submit' && message.id) asked.add(message.id);
    });
    socket.on('framereceived', ({ payload }) => {
      const message = JSON.parse(String(payload)) as { type?: string; id?: string; ok?: boolean; result?: DocumentPageResult };
      if (message.type === 'reply' && message.id && asked.has(message.id) && message.ok && message.result) answers.push(message.result);
    });
  });
  return answers;
}

describe('document camera (功能演示)', () => {
  it('takes two pages lying at an angle by itself; the host keeps them straightened and makes a two-page PDF', { timeout: 120_000 }, async () => {
    const page = await browser.newPage({ viewport: PORTRAIT });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    const answers = watchSubmits(page);
    await openKioskWithCamera(page, logged.url);
    await placeCard(page, HAN);
    await chooseService(page, 'huzheng', 'capability-demo');
    await page.getByTestId('identify-confirm').click();
    await page.getByTestId('document-capture-step').waitFor({ timeout: 15_000 });

    // Nobody touches the take button: both pages are taken as they lie still.
    await expect.poll(() => page.getByTestId('paper-proof').getAttribute('data-pages'), { timeout: 40_000 }).toBe('2');
    // The WebSocket's frames reach this process on their own channel: wait for the second answer too.
    await expect.poll(() => answers.filter((answer) => answer.accepted).length, { timeout: 5_000 }).toBe(2);
    const accepted = answers.filter((answer) => answer.accepted);

    for (const answer of accepted) {
      if (!answer.accepted) continue;
      expect(answer.hintKey).toBeNull();
      // Found where one of the two pages lay (in the 960×720 frame the screen sent).
      const lay = DOCUMENT_PAGES.find((corners) => corners.every((c, i) => Math.hypot(c.x - answer.corners![i]!.x, c.y - answer.corners![i]!.y) < 12));
      expect(lay, JSON.stringify(answer.corners)).toBeDefined();
      // The kept page and its preview: A4 upright.
      expect(Math.abs(answer.width / answer.height - 1 / Math.SQRT2)).toBeLessThan(0.03);
      const { data, info } = await sharp(Buffer.from(answer.preview, 'base64')).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      const preview = { data: new Uint8Array(data), width: info.width, height: info.height, channels: info.channels };
      expect(Math.abs(preview.width / preview.height - 1 / Math.SQRT2)).toBeLessThan(0.03);
      // The marker bar is at the top, paper above it and at the foot of the page.
      expect(meanGrey(preview, { x0: 0.2, y0: 0.075, x1: 0.8, y1: 0.105 })).toBeLessThan(80);
      expect(meanGrey(preview, { x0: 0.2, y0: 0.01, x1: 0.8, y1: 0.04 })).toBeGreaterThan(200);
      expect(meanGrey(preview, { x0: 0.2, y0: 0.92, x1: 0.8, y1: 0.98 })).toBeGreaterThan(200);
      // No desk in any corner: the page fills the picture.
      for (const [x0, y0] of [[0, 0], [0.96, 0], [0.96, 0.97], [0, 0.97]] as const) expect(meanGrey(preview, { x0, y0, x1: x0 + 0.04, y1: y0 + 0.03 })).toBeGreaterThan(200);
    }
    // The two different pages, not one page twice.
    const corners = accepted.map((answer) => (answer.accepted ? answer.corners![0]!.x : 0));
    expect(Math.abs(corners[0]! - corners[1]!)).toBeGreaterThan(10);

    const heard = logged.lines.length;
    await page.getByTestId('document-confirm').click();
    await page.getByTestId('fingerprints-step').waitFor({ timeout: 20_000 });
    const assembled = logged.lines.slice(heard).filter((line) => line.includes('document paper assembled')).map((line) => JSON.parse(line) as { paper: string; pdfPages: number });
    expect(assembled).toMatchObject([{ paper: 'proof', pdfPages: 2 }]);
    await page.close();
  });
});
