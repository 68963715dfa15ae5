import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeJpeg } from '../../../../electron/host/photo/jpeg-decode';

const require = createRequire(import.meta.url);
const { jpegjs } = require('playwright-core/lib/utilsBundle') as { jpegjs: { decode(b: Buffer, o: object): { width: number; height: number; data: Uint8Array } } };
const ROOT = join(import.meta.dirname, '../../../..');

describe('baseline JPEG decoder', () => {
  it.each(['node_modules/@vladmandic/human/assets/screenshot-faceid.jpg', 'resources/faces/resident-han.jpg'])('matches jpeg-js within rounding on %s', (path) => {
    const bytes = readFileSync(join(ROOT, path));
    const mine = decodeJpeg(new Uint8Array(bytes));
    expect(mine.ok).toBe(true);
    if (!mine.ok) return;
    const reference = jpegjs.decode(bytes, { useTArray: true });
    expect([mine.image.width, mine.image.height]).toEqual([reference.width, reference.height]);
    let worst = 0;
    for (let i = 0; i < reference.data.length; i++) worst = Math.max(worst, Math.abs(reference.data[i]! - mine.image.data[i]!));
    expect(worst).toBeLessThanOrEqual(6);
  });

  it('refuses what is not a JPEG, and truncated data, as values', () => {
    expect(decodeJpeg(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toMatchObject({ ok: false, reason: 'notJpeg' });
    const bytes = new Uint8Array(readFileSync(join(ROOT, 'resources/faces/resident-han.jpg')));
    const truncated = decodeJpeg(bytes.subarray(0, 300));
    expect(truncated.ok).toBe(false);
    expect(decodeJpeg(bytes, { maxPixels: 100 })).toMatchObject({ ok: false, reason: 'tooLarge' });
  });
});
