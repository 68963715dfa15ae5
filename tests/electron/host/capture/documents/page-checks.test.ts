/**
 * The host's check of a document page (capture/documents/page-checks.ts)
 * with generated pages: a sharp page of text is kept (as the host's own
 * re-encoded JPEG), a blurred, a dark and a tiny one are refused with their
 * reason, and bytes that are not a readable JPEG are refused as values.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkPage, greyMeasures } from '../../../../../electron/host/capture/documents/page-checks';
import { claimingSize, PNG_BYTES, soiThenNoise } from '../photo/hostile-jpegs';
import { pageJpeg } from './pages';

describe('document page checks', () => {
  it('keeps a sharp page of text, re-encoded by the host', async () => {
    const bytes = await pageJpeg();
    const checked = await checkPage(bytes);
    if (!checked.ok) throw new Error(checked.error.reason);
    expect(checked.value.measures).toMatchObject({ width: 1280, height: 960 });
    expect(checked.value.measures.brightness).toBeGreaterThan(150);
    expect(checked.value.jpeg).not.toEqual(bytes);
    expect(await sharp(checked.value.jpeg).metadata()).toMatchObject({ format: 'jpeg', width: 1280, height: 960 });
  });

  it('refuses the same page blurred, and says so', async () => {
    const sharpPage = await checkPage(await pageJpeg());
    const blurred = await checkPage(await pageJpeg({ blur: 4 }));
    expect(blurred).toMatchObject({ ok: false, error: { reason: 'tooBlurred' } });
    if (blurred.ok || !sharpPage.ok) throw new Error('expected the blurred page refused and the sharp one kept');
    expect(blurred.error.measures!.sharpness).toBeLessThan(sharpPage.value.measures.sharpness / 10);
  });

  it('refuses a tiny page (too few pixels to read) and a dark one', async () => {
    expect(await checkPage(await pageJpeg({ width: 320, height: 240 }))).toMatchObject({ ok: false, error: { reason: 'tooSmall' } });
    expect(await checkPage(await pageJpeg({ width: 1280, height: 600 }))).toMatchObject({ ok: false, error: { reason: 'tooSmall' } });
    expect(await checkPage(await pageJpeg({ light: 0.2 }))).toMatchObject({ ok: false, error: { reason: 'tooDark' } });
  });

  it('keeps a large camera page, scaled down to what is kept', async () => {
    const checked = await checkPage(await pageJpeg({ width: 2592, height: 1944 }));
    if (!checked.ok) throw new Error(checked.error.reason);
    expect(await sharp(checked.value.jpeg).metadata()).toMatchObject({ width: 2000, height: 1500 });
  });

  it('refuses what is not a readable JPEG as a value', async () => {
    const good = await pageJpeg();
    expect(await checkPage(PNG_BYTES)).toMatchObject({ ok: false, error: { reason: 'unreadable' } });
    expect(await checkPage(soiThenNoise())).toMatchObject({ ok: false, error: { reason: 'unreadable' } });
    expect(await checkPage(good.slice(0, good.length / 2))).toMatchObject({ ok: false, error: { reason: 'unreadable' } });
    expect(await checkPage(claimingSize(good, 30_000, 30_000))).toMatchObject({ ok: false, error: { reason: 'unreadable' } });
    expect(await checkPage(new Uint8Array(0))).toMatchObject({ ok: false, error: { reason: 'unreadable' } });
  });

  it('measures: a flat image has no sharpness; a checkerboard has much', () => {
    const flat = new Uint8Array(16 * 16).fill(200);
    expect(greyMeasures(flat, 16, 16)).toEqual({ brightness: 200, sharpness: 0 });
    const board = new Uint8Array(16 * 16).map((_, i) => ((i % 16) + Math.floor(i / 16)) % 2 ? 255 : 0);
    expect(greyMeasures(board, 16, 16).sharpness).toBeGreaterThan(100_000);
  });
});
