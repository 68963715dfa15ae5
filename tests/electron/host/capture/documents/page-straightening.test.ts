/**
 * Finding and straightening the page in a document camera's frame
 * (page-quad.ts, straighten-page.ts, clean-up.ts, through checkPage and
 * document.submit): a page at an angle on a dark desk is found where it was
 * drawn, with noise, at any tilt a citizen lays it; the kept page is upright
 * (marker bar on top), of the page's proportions, with paper in every
 * corner. A frame with no page in it is kept as photographed with a hint
 * (never thrown, never refused for that alone); any grey buffer at all gives
 * a value.
 */
import fc from 'fast-check';
import pino from 'pino';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cleanUpPage } from '../../../../../electron/host/capture/documents/clean-up';
import { createDocumentHandlers } from '../../../../../electron/host/capture/documents/handlers';
import type { Point, Quad } from '../../../../../electron/host/capture/documents/homography';
import { checkPage } from '../../../../../electron/host/capture/documents/page-checks';
import { findPageQuad } from '../../../../../electron/host/capture/documents/page-quad';
import type { RawImage } from '../../../../../electron/host/capture/documents/warp';
import type { DocumentFlowPort } from '../../../../../electron/host/flows/document-to-flow';
import { createSessionStore } from '../../../../../electron/host/session/session-store';
import { ANGLED_CORNERS, angledFrame, angledPageJpeg, flatPage, meanGrey } from './angled-page';
import { pageJpeg } from './pages';

/** The corners of a `w`×`h` page turned by `degrees` about (cx, cy). */
function turned(cx: number, cy: number, w: number, h: number, degrees: number): Quad {
  const a = (degrees * Math.PI) / 180;
  const at = (dx: number, dy: number): Point => ({ x: cx + dx * Math.cos(a) - dy * Math.sin(a), y: cy + dx * Math.sin(a) + dy * Math.cos(a) });
  return [at(-w / 2, -h / 2), at(w / 2, -h / 2), at(w / 2, h / 2), at(-w / 2, h / 2)];
}

const greyOf = (frame: RawImage) => Uint8Array.from({ length: frame.width * frame.height }, (_, i) => frame.data[i * frame.channels]!);
const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

async function jpegOf(image: RawImage): Promise<Uint8Array> {
  return new Uint8Array(await sharp(image.data, { raw: { width: image.width, height: image.height, channels: image.channels as 3 } }).jpeg({ quality: 88 }).toBuffer());
}

async function rawOf(jpeg: Uint8Array | string): Promise<RawImage> {
  const { data, info } = await sharp(typeof jpeg === 'string' ? Buffer.from(jpeg, 'base64') : jpeg).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height, channels: info.channels };
}

/** A 1280×960 frame: a dark desk with a light, textured ellipse (no corners: no page to straighten). */
function ellipseFrame(): RawImage {
  const width = 1280;
  const height = 960;
  const data = new Uint8Array(width * height * 3);
  let state = 7;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      state = (state * 1103515245 + 12345) >>> 0;
      const inside = ((x - 640) / 520) ** 2 + ((y - 480) / 400) ** 2 < 1;
      const stroke = inside && y % 24 > 8 && y % 24 < 16 && ((x >> 3) * 31 + (y >> 4)) % 5 < 2;
      data.fill(Math.max(0, Math.min(255, (stroke ? 30 : inside ? 236 : 45) + ((state >>> 16) % 13) - 6)), (y * width + x) * 3, (y * width + x) * 3 + 3);
    }
  }
  return { data, width, height, channels: 3 };
}

/** Checks an upright kept page: marker on top, paper in the corners, proportions. */
function expectUprightPage(page: RawImage, aspect: number): void {
  expect(Math.abs(page.width / page.height - aspect) / aspect).toBeLessThan(0.04);
  expect(meanGrey(page, { x0: 0.2, y0: 0.075, x1: 0.8, y1: 0.105 })).toBeLessThan(70);
  expect(meanGrey(page, { x0: 0.2, y0: 0.88, x1: 0.8, y1: 0.98 })).toBeGreaterThan(150);
  for (const [x0, y0] of [[0, 0], [0.97, 0], [0.97, 0.97], [0, 0.97]] as const) expect(meanGrey(page, { x0, y0, x1: x0 + 0.03, y1: y0 + 0.03 })).toBeGreaterThan(200);
}

describe('finding the page', () => {
  it('finds a page laid at any tilt up to 30°, anywhere, with noise, within 1.5 % of the frame (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -30, max: 30 }),
        fc.integer({ min: 150, max: 250 }),
        fc.integer({ min: 120, max: 180 }),
        fc.double({ min: 0.6, max: 0.9, noNaN: true }),
        fc.double({ min: 1.15, max: 1.5, noNaN: true }),
        fc.integer({ min: 0, max: 18 }),
        (degrees, cx, cy, size, aspect, noise) => {
          const h = 300 * size;
          const corners = turned(cx, cy, h / aspect, h, degrees);
          fc.pre(corners.every((p) => p.x > 8 && p.y > 8 && p.x < 392 && p.y < 292));
          const frame = angledFrame({ width: 400, height: 300, corners, page: { width: Math.round(300 / aspect), height: 300 }, noise, seed: noise + 1 });
          const found = findPageQuad(greyOf(frame), 400, 300);
          expect(found.ok).toBe(true);
          if (!found.ok) return;
          for (let i = 0; i < 4; i++) expect(distance(found.value[i]!, corners[i]!)).toBeLessThan(0.015 * 500);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('says why there is no page: none, too small, filling the frame, cut off, not four-sided', async () => {
    expect(findPageQuad(new Uint8Array(400 * 300).fill(200), 400, 300)).toEqual({ ok: false, error: 'noContrast' });
    const small = angledFrame({ width: 400, height: 300, corners: turned(200, 150, 80, 110, 5), noise: 0 });
    expect(findPageQuad(greyOf(small), 400, 300)).toEqual({ ok: false, error: 'tooSmall' });
    const full = await rawOf(await sharp(await pageJpeg({ width: 400, height: 300 })).greyscale().jpeg().toBuffer().then((b) => new Uint8Array(b)));
    expect(findPageQuad(greyOf(full), 400, 300)).toEqual({ ok: false, error: 'fillsFrame' });
    const off = angledFrame({ width: 400, height: 300, corners: turned(120, 150, 200, 280, 10), noise: 0 });
    expect(findPageQuad(greyOf(off), 400, 300)).toEqual({ ok: false, error: 'cutOff' });
    const ellipse = await rawOf(await sharp(await jpegOf(ellipseFrame())).resize(400, 300).jpeg().toBuffer().then((b) => new Uint8Array(b)));
    expect(findPageQuad(greyOf(ellipse), 400, 300)).toEqual({ ok: false, error: 'notQuadrilateral' });
  });

  it('any grey buffer, any size (0×0, 1×1, a mismatched length, noise) gives a value, never a throw', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 64 }), fc.integer({ min: 0, max: 64 }), fc.uint8Array({ maxLength: 64 * 64 }), (width, height, grey) => {
        const found = findPageQuad(grey, width, height);
        expect(typeof found.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

describe('the kept page', () => {
  it('is the page straightened: upright, A4, no desk in its corners, the corners where it lay', async () => {
    const checked = await checkPage(await angledPageJpeg());
    if (!checked.ok) throw new Error(`refused: ${checked.error.reason}`);
    expect(checked.value.miss).toBeNull();
    checked.value.corners!.forEach((corner, i) => expect(distance(corner, ANGLED_CORNERS[i]!)).toBeLessThan(8));
    const kept = await rawOf(checked.value.jpeg);
    expect([kept.width, kept.height]).toEqual([checked.value.width, checked.value.height]);
    expectUprightPage(kept, 1 / Math.SQRT2);
  });

  it('keeps the proportions of a page that is not A4 (a wide receipt-like sheet, turned the other way)', async () => {
    const corners = turned(640, 480, 900, 600, -12);
    const checked = await checkPage(await angledPageJpeg({ corners, page: { width: 900, height: 600 }, seed: 3 }));
    if (!checked.ok) throw new Error(`refused: ${checked.error.reason}`);
    expectUprightPage(await rawOf(checked.value.jpeg), 1.5);
  });

  it('cleans up uneven light: paper in shadow and in light both come out white, ink stays black', () => {
    const page = flatPage(600, 400, 236);
    for (let y = 0; y < 400; y++) for (let x = 0; x < 600; x++) for (let c = 0; c < 3; c++) page.data[(y * 600 + x) * 3 + c] = Math.round(page.data[(y * 600 + x) * 3 + c]! * (0.5 + (0.5 * x) / 600));
    const clean = cleanUpPage(page);
    const shadow = { x0: 0.02, y0: 0.01, x1: 0.08, y1: 0.05 };
    const light = { x0: 0.92, y0: 0.01, x1: 0.98, y1: 0.05 };
    expect(meanGrey(page, shadow)).toBeLessThan(140);
    expect(meanGrey(clean, shadow)).toBeGreaterThan(245);
    expect(meanGrey(clean, light)).toBeGreaterThan(245);
    expect(meanGrey(clean, { x0: 0.2, y0: 0.075, x1: 0.8, y1: 0.105 })).toBeLessThan(30);
  });
});

describe('document.submit with the straightened page', () => {
  const flow: DocumentFlowPort = { asked: () => [{ value: 'lease', maxPages: 20, pageIds: [] }], pageAccepted: () => true, pageDeleted: () => true };
  const setup = () => {
    const sessions = createSessionStore();
    const started = sessions.start({ language: 'zh-CN', elderMode: false });
    if (!started.ok) throw new Error('no session');
    const handlers = createDocumentHandlers({ sessions, logger: pino({ level: 'silent' }), newId: () => 'p1', flow });
    return (jpeg: Uint8Array) => handlers['document.submit']({ sessionId: started.value.sessionId, stepId: 'papers', paper: 'lease', jpeg: Buffer.from(jpeg).toString('base64') });
  };

  it('answers with where the page was found and a preview of the upright page', async () => {
    const reply = await setup()(await angledPageJpeg());
    if (!reply.ok || !reply.value.accepted) throw new Error(JSON.stringify(reply));
    expect(reply.value.hintKey).toBeNull();
    expect(reply.value.corners).toHaveLength(4);
    expectUprightPage(await rawOf(reply.value.preview), reply.value.width / reply.value.height);
  });

  it('keeps a frame with no four-cornered page as photographed, and says how to get it straight', async () => {
    const reply = await setup()(await jpegOf(ellipseFrame()));
    expect(reply).toMatchObject({ ok: true, value: { accepted: true, corners: null, hintKey: 'camera.document.hint.notStraightened', width: 1280, height: 960 } });
  });

  it('a page filling the frame needs no hint', async () => {
    expect(await setup()(await pageJpeg())).toMatchObject({ ok: true, value: { accepted: true, corners: null, hintKey: null } });
  });
});
