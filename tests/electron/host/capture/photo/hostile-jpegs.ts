/** JPEGs a compromised renderer could send: each must be refused as a value, never crash the host. */
import { encodeJpeg, solid } from '../../face/images';

/** A small, valid JPEG (jpeg-js, quality 85). */
export function smallJpeg(width = 64, height = 48): Uint8Array {
  return encodeJpeg(solid(width, height, [200, 180, 160]), 85);
}

/** The same file with its frame header (SOF0) claiming `width`×`height` (a "pixel bomb"). */
export function claimingSize(bytes: Uint8Array, width: number, height: number): Uint8Array {
  const out = bytes.slice();
  for (let pos = 2; pos + 8 < out.length; pos++) {
    if (out[pos] !== 0xff || out[pos + 1] !== 0xc0) continue;
    out[pos + 5] = height >> 8;
    out[pos + 6] = height & 255;
    out[pos + 7] = width >> 8;
    out[pos + 8] = width & 255;
    return out;
  }
  throw new Error('no SOF0 in the file');
}

/** PNG's signature and a few bytes: not a JPEG. */
export const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** A JPEG start-of-image marker followed by noise. */
export function soiThenNoise(length = 4096, seed = 3): Uint8Array {
  const out = new Uint8Array(length);
  let s = seed;
  for (let i = 0; i < length; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    out[i] = s >>> 24;
  }
  out.set([0xff, 0xd8, 0xff, 0xe0], 0);
  return out;
}
