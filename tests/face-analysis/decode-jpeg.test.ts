/**
 * The host's JPEG decoding through libvips (face-analysis/decode-jpeg.ts):
 * real files decode to the same pixels as an independent decoder (jpeg-js;
 * the two upsample chroma differently, so edges may differ a little),
 * and what a compromised renderer could send (not a JPEG, truncated, noise
 * after the marker, a header claiming a huge image, too many bytes) is
 * refused as a value, never thrown.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeJpeg } from '../../face-analysis/decode-jpeg';
import { loadJpeg, ROOT } from '../electron/host/face/images';
import { claimingSize, PNG_BYTES, smallJpeg, soiThenNoise } from '../electron/host/capture/photo/hostile-jpegs';

describe('decoding a JPEG on the host', () => {
  it.each(['node_modules/@vladmandic/human/assets/screenshot-faceid.jpg', 'resources/faces/resident-han.jpg'])('gives the pixels jpeg-js gives, but for rounding and chroma upsampling, for %s', async (path) => {
    const decoded = await decodeJpeg(new Uint8Array(readFileSync(join(ROOT, path))));
    if (!decoded.ok) throw new Error(decoded.error.detail);
    const reference = loadJpeg(path);
    expect([decoded.value.width, decoded.value.height]).toEqual([reference.width, reference.height]);
    let sum = 0;
    let far = 0;
    for (let i = 0; i < reference.data.length; i++) {
      const difference = Math.abs(reference.data[i]! - decoded.value.data[i]!);
      sum += difference;
      if (difference > 16) far++;
    }
    expect(sum / reference.data.length).toBeLessThan(1.5);
    expect(far / reference.data.length).toBeLessThan(0.005);
  });

  it('refuses what is not a JPEG, truncated data and noise after the marker, as values', async () => {
    expect(await decodeJpeg(PNG_BYTES)).toMatchObject({ ok: false, error: { reason: 'notJpeg' } });
    expect(await decodeJpeg(new Uint8Array())).toMatchObject({ ok: false, error: { reason: 'notJpeg' } });
    const han = new Uint8Array(readFileSync(join(ROOT, 'resources/faces/resident-han.jpg')));
    for (const cut of [300, 2000, han.length - 10]) expect(await decodeJpeg(han.subarray(0, cut))).toMatchObject({ ok: false, error: { reason: 'corrupt' } });
    expect(await decodeJpeg(soiThenNoise())).toMatchObject({ ok: false, error: { reason: 'corrupt' } });
  });

  it('refuses a header claiming a huge image before decoding it, and too many bytes unread', async () => {
    const bomb = claimingSize(smallJpeg(), 60_000, 60_000);
    expect(await decodeJpeg(bomb)).toMatchObject({ ok: false, error: { reason: 'tooLarge' } });
    expect(await decodeJpeg(smallJpeg(64, 48), { maxPixels: 64 * 47 })).toMatchObject({ ok: false, error: { reason: 'tooLarge' } });
    expect(await decodeJpeg(smallJpeg(64, 48), { maxPixels: 64 * 48 })).toMatchObject({ ok: true });
    expect(await decodeJpeg(new Uint8Array(2 * 1024 * 1024).fill(0xff))).toMatchObject({ ok: false, error: { reason: 'tooLarge' } });
  });

  it('property: truncated or corrupted JPEGs never throw', async () => {
    const good = smallJpeg(40, 32);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: good.length }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), async (cut, flips) => {
        const bytes = good.slice(0, cut);
        for (const [at, value] of flips) if (bytes.length > 0) bytes[at % bytes.length] = value;
        const decoded = await decodeJpeg(bytes);
        return decoded.ok ? decoded.value.data.length === decoded.value.width * decoded.value.height * 4 : ['notJpeg', 'corrupt', 'tooLarge'].includes(decoded.error.reason);
      }),
      { numRuns: 150 },
    );
  });
});
