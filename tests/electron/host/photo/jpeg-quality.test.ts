/**
 * JPEG quality estimation from the quantisation tables (electron/host/photo/
 * jpeg-quality.ts): images encoded at known qualities (jpeg-js, the libjpeg
 * scaling) read back within ±2 across 30…95, odd files are refused as
 * values, and photo.check reports and enforces the spec's minimum quality.
 */
import fc from 'fast-check';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../../../../electron/host/config/load';
import { faceData } from '../../../../electron/host/face/session-data';
import { checkJpegQuality } from '../../../../electron/host/photo/checks';
import { createPhotoHandlers } from '../../../../electron/host/photo/handlers';
import { decodeJpeg, type RgbaImage } from '../../../../electron/host/photo/jpeg-decode';
import { estimateJpegQuality, estimateQualityFromTable, ijgLuminanceTable, luminanceQuantTable } from '../../../../electron/host/photo/jpeg-quality';
import { PHOTO_SPECS } from '../../../../electron/host/photo/spec';
import { createSessionStore } from '../../../../electron/host/session/session-store';
import { encodeJpeg, ROOT, solid } from '../face/images';

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

/** Removes every DQT segment (FFDB) from a JPEG. */
function withoutDqt(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  let pos = 2;
  while (pos < bytes.length) {
    const marker = bytes[pos + 1]!;
    if (marker === 0xda) {
      parts.push(bytes.subarray(pos));
      break;
    }
    const length = (bytes[pos + 2]! << 8) | bytes[pos + 3]!;
    if (marker !== 0xdb) parts.push(bytes.subarray(pos, pos + 2 + length));
    pos += 2 + length;
  }
  return new Uint8Array(Buffer.concat(parts));
}

describe('JPEG quality from the quantisation tables', () => {
  it('reads back every quality from 30 to 95 within ±2 (jpeg-js, libjpeg scaling)', () => {
    const image = noisy(48, 32, 7);
    const misses: string[] = [];
    for (let quality = 30; quality <= 95; quality++) {
      const estimate = estimateJpegQuality(encodeJpeg(image, quality));
      if (!estimate.ok) throw new Error(`q${quality}: ${estimate.detail}`);
      if (Math.abs(estimate.quality - quality) > 2) misses.push(`q${quality} → ${estimate.quality}`);
      expect(estimate.exact).toBe(true);
    }
    expect(misses).toEqual([]);
  });

  it('property: any image, any quality 30…95 → within ±2', () => {
    fc.assert(
      fc.property(fc.integer({ min: 30, max: 95 }), fc.integer({ min: 8, max: 40 }), fc.integer({ min: 8, max: 40 }), fc.integer(), (quality, width, height, seed) => {
        const estimate = estimateJpegQuality(encodeJpeg(noisy(width, height, seed), quality));
        return estimate.ok && Math.abs(estimate.quality - quality) <= 2;
      }),
      { numRuns: 80 },
    );
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
    expect(table.ok && Array.from(table.table)).toEqual(Array.from(q60));
    expect(estimateJpegQuality(bytes)).toMatchObject({ ok: true, quality: 60, exact: true });
  });

  it('matches the sample reference photos, saved by jpeg-js at 92', () => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, 'resources/faces/resident-han.jpg')));
    expect(estimateJpegQuality(bytes)).toMatchObject({ ok: true, quality: 92, exact: true });
  });

  it('a file without DQT is unreadable, not a crash; so are other odd files', () => {
    const stripped = withoutDqt(encodeJpeg(noisy(16, 16, 3), 80));
    expect(stripped[0]).toBe(0xff);
    expect(estimateJpegQuality(stripped)).toMatchObject({ ok: false, reason: 'noQuantTable' });
    expect(decodeJpeg(stripped).ok).toBe(false);
    expect(estimateJpegQuality(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toMatchObject({ ok: false, reason: 'notJpeg' });
    expect(estimateJpegQuality(new Uint8Array([0xff, 0xd8, 0xff, 0xdb, 0x01, 0x00, 0x00]))).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(estimateJpegQuality(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]))).toMatchObject({ ok: false, reason: 'noQuantTable' });
  });

  it('property: truncated or corrupted JPEGs never throw', () => {
    const good = encodeJpeg(noisy(16, 16, 11), 75);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: good.length }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), (cut, flips) => {
        const bytes = good.slice(0, cut);
        for (const [at, value] of flips) if (bytes.length > 0) bytes[at % bytes.length] = value;
        const estimate = estimateJpegQuality(bytes);
        return estimate.ok ? estimate.quality >= 1 && estimate.quality <= 100 : ['notJpeg', 'noQuantTable', 'corrupt'].includes(estimate.reason);
      }),
      { numRuns: 300 },
    );
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

  it('photo.check measures the quality of the JPEG it receives, and a file without DQT is unreadable', async () => {
    const sessions = createSessionStore();
    const started = sessions.start({ language: 'zh-CN', elderMode: false });
    if (!started.ok) throw new Error('no session');
    const { sessionId } = started.session;
    faceData(sessions.get(sessionId)!).setConsent('biometric', { granted: true, recordedAt: new Date().toISOString() });
    let n = 0;
    const handlers = createPhotoHandlers({ config: defaultConfig(), sessions, logger: pino({ level: 'silent' }), detectFaces: async () => [], newId: () => `c${++n}` });
    const image = solid(260, 378, [250, 250, 250]);
    const rule = async (quality: number) => {
      const reply = await handlers['photo.check']({ sessionId, spec: 'drivingLicence', jpeg: Buffer.from(encodeJpeg(image, quality)).toString('base64') });
      if (!reply.ok) throw new Error(reply.error.messageKey);
      return reply.value.rules.find((r) => r.rule === 'jpegQuality');
    };
    expect(await rule(60)).toMatchObject({ passed: false, measured: 60, min: 70 });
    expect(await rule(90)).toMatchObject({ passed: true, measured: 90, min: 70 });
    const stripped = Buffer.from(withoutDqt(encodeJpeg(image, 90))).toString('base64');
    expect(await handlers['photo.check']({ sessionId, spec: 'drivingLicence', jpeg: stripped })).toMatchObject({ ok: false, error: { messageKey: 'photo.unreadable' } });
  });
});
