/**
 * JPEG quality: the tests' reader of the quantisation tables
 * (tests/electron/host/capture/photo/jpeg-quality.ts) reads back known qualities,
 * each spec's quality rule, and the host encoding a busy frame's photo at a
 * lower quality to fit the spec's byte range, never below its minimum.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RgbaImage } from '../../../../../face-analysis/decode-jpeg';
import { checkJpegQuality } from '../../../../../electron/host/capture/photo/checks';
import { PHOTO_SPECS } from '../../../../../electron/host/capture/photo/spec';
import { makeStandardPhoto, qualitiesFor } from '../../../../../electron/host/capture/photo/standard-photo';
import { encodeJpeg, ROOT } from '../../face/images';
import { cameraFrame } from './camera-frame';
import { estimateJpegQuality, estimateQualityFromTable, ijgLuminanceTable, luminanceQuantTable } from './jpeg-quality';

/** A small image of seeded noise over a gradient (content does not change the tables, only the test's realism). */
function noisy(width: number, height: number, seed: number): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < data.length; i += 4) {
    s = (s * 1664525 + 1013904223) >>> 0;
    const x = (i / 4) % width;
    data[i] = (x * 7 + (s & 63)) & 255;
    data[i + 1] = ((s >>> 8) & 127) + 64;
    data[i + 2] = (s >>> 16) & 255;
    data[i + 3] = 255;
  }
  return { width, height, data };
}

describe('JPEG quality from the quantisation tables', () => {
  it('reads back every quality libvips encodes at, 30 to 100, exactly (as the host encodes)', async () => {
    const image = noisy(48, 32, 7);
    const misses: string[] = [];
    for (let quality = 30; quality <= 100; quality++) {
      const jpeg = await sharp(image.data, { raw: { width: 48, height: 32, channels: 4 } }).removeAlpha().jpeg({ quality, mozjpeg: false }).toBuffer();
      const estimate = estimateJpegQuality(new Uint8Array(jpeg));
      if (!estimate.ok || estimate.value.quality !== quality || !estimate.value.exact) misses.push(`q${quality} → ${JSON.stringify(estimate)}`);
    }
    expect(misses).toEqual([]);
  });

  it('reads back jpeg-js files within ±2 (the tests\' own encoder)', () => {
    for (const quality of [30, 55, 75, 90]) expect(Math.abs((estimateJpegQuality(encodeJpeg(noisy(16, 16, quality), quality)) as { value: { quality: number } }).value.quality - quality)).toBeLessThanOrEqual(2);
  });

  it('recovers the quality from the table alone, also at the ends of the scale', () => {
    for (const quality of [1, 10, 49, 50, 51, 99, 100]) expect(estimateQualityFromTable(ijgLuminanceTable(quality))).toEqual({ quality, exact: true, meanError: 0 });
    expect(Array.from(ijgLuminanceTable(100))).toEqual(new Array(64).fill(1));
    expect(ijgLuminanceTable(50)[0]).toBe(16);
  });

  it('gives the nearest quality for a table that is not a scaled IJG table', () => {
    const table = ijgLuminanceTable(80).map((v, k) => (k % 5 === 0 ? v + 1 : v));
    const estimate = estimateQualityFromTable(table);
    expect(Math.abs(estimate.quality - 80)).toBeLessThanOrEqual(2);
    expect(estimate.exact).toBe(false);
  });

  it('reads 16-bit tables and the table the luminance component names', () => {
    const q60 = ijgLuminanceTable(60);
    const q90 = ijgLuminanceTable(90);
    const dqt16 = [0xff, 0xdb, 0x00, 2 + 1 + 128, 0x11, ...Array.from(q60).flatMap((v) => [v >> 8, v & 255])];
    const dqt8 = [0xff, 0xdb, 0x00, 2 + 1 + 64, 0x00, ...Array.from(q90)];
    // SOF0: 8 bits, 8×8, 1 component (id 1, 1×1) using table 1.
    const sof = [0xff, 0xc0, 0x00, 11, 8, 0, 8, 0, 8, 1, 1, 0x11, 1];
    const bytes = new Uint8Array([0xff, 0xd8, ...dqt8, ...dqt16, ...sof, 0xff, 0xd9]);
    const table = luminanceQuantTable(bytes);
    expect(table.ok && Array.from(table.value)).toEqual(Array.from(q60));
    expect(estimateJpegQuality(bytes)).toMatchObject({ ok: true, value: { quality: 60, exact: true } });
  });

  it('matches the sample reference photos, saved by jpeg-js at 92', () => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, 'resources/faces/resident-han.jpg')));
    expect(estimateJpegQuality(bytes)).toMatchObject({ ok: true, value: { quality: 92, exact: true } });
  });
});

describe('the JPEG quality rule', () => {
  it('follows each spec: 驾驶证 ≥ 70, 出入境 ≥ 85, 居民身份证 states none', () => {
    expect(checkJpegQuality(PHOTO_SPECS.drivingLicence, 70)).toMatchObject({ rule: 'jpegQuality', passed: true, measured: 70, min: 70, max: null });
    expect(checkJpegQuality(PHOTO_SPECS.drivingLicence, 69)).toMatchObject({ passed: false, measured: 69, min: 70 });
    expect(checkJpegQuality(PHOTO_SPECS.exitEntry, 84)).toMatchObject({ passed: false, min: 85 });
    expect(checkJpegQuality(PHOTO_SPECS.exitEntry, 92)).toMatchObject({ passed: true });
    expect(checkJpegQuality(PHOTO_SPECS.exitEntry, null)).toMatchObject({ passed: false, measured: null });
    expect(checkJpegQuality(PHOTO_SPECS.residentId, 40)).toMatchObject({ passed: true, measured: 40, min: null, max: null });
  });

  it('a busy frame\'s 驾驶证 photo is encoded at a lower quality to fit 30 KB, never below 70', async () => {
    const busy = cameraFrame({ noise: 90 });
    const made = await makeStandardPhoto(busy.jpeg, busy.crop('drivingLicence'), PHOTO_SPECS.drivingLicence);
    if (!made.ok) throw new Error(made.error.detail);
    expect(made.value.quality).toBeLessThan(98);
    expect(made.value.quality).toBeGreaterThanOrEqual(70);
    expect(estimateJpegQuality(made.value.jpeg)).toMatchObject({ ok: true, value: { quality: made.value.quality, exact: true } });
    // Either it fits, or it is at the spec's lowest quality (the file-size rule then fails).
    expect(made.value.jpeg.length <= 30 * 1024 || made.value.quality === 70).toBe(true);
    expect(qualitiesFor(PHOTO_SPECS.drivingLicence).at(-1)).toBe(70);
    expect(qualitiesFor(PHOTO_SPECS.exitEntry).at(-1)).toBe(85);
    expect(qualitiesFor(PHOTO_SPECS.residentId)).toEqual([90]);
  });
});
