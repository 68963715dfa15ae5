/**
 * Perspective warp with bilinear sampling: each pixel of the upright output
 * is looked up in the source through the homography from output to source.
 * A pixel that maps outside the source takes `fill`. Interleaved 8-bit
 * pixels, any channel count.
 */
import type { Homography } from './homography';

export interface RawImage {
  data: Uint8Array;
  width: number;
  height: number;
  channels: number;
}

/** The `width`×`height` image whose pixel (x, y) is `source` at `toSource(x + ½, y + ½)`. */
export function warpPerspective(source: RawImage, toSource: Homography, width: number, height: number, fill = 255): RawImage {
  const { data, width: sw, height: sh, channels } = source;
  const out = new Uint8Array(width * height * channels);
  // The homography inlined (project() per pixel would allocate a point per pixel).
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = toSource;
  for (let y = 0; y < height; y++) {
    const v = y + 0.5;
    for (let x = 0; x < width; x++) {
      const u = x + 0.5;
      const w = h6 * u + h7 * v + h8;
      // Pixel centres: the source pixel (i, j) covers [i, i+1) and its value sits at i + ½.
      const fx = (h0 * u + h1 * v + h2) / w - 0.5;
      const fy = (h3 * u + h4 * v + h5) / w - 0.5;
      const o = (y * width + x) * channels;
      if (!(fx >= -0.5 && fy >= -0.5 && fx <= sw - 0.5 && fy <= sh - 0.5)) {
        out.fill(fill, o, o + channels);
        continue;
      }
      const x0 = Math.max(0, Math.min(sw - 1, Math.floor(fx)));
      const y0 = Math.max(0, Math.min(sh - 1, Math.floor(fy)));
      const x1 = Math.min(sw - 1, x0 + 1);
      const y1 = Math.min(sh - 1, y0 + 1);
      const ax = Math.max(0, Math.min(1, fx - x0));
      const ay = Math.max(0, Math.min(1, fy - y0));
      const i00 = (y0 * sw + x0) * channels;
      const i10 = (y0 * sw + x1) * channels;
      const i01 = (y1 * sw + x0) * channels;
      const i11 = (y1 * sw + x1) * channels;
      for (let c = 0; c < channels; c++) {
        const top = data[i00 + c]! + (data[i10 + c]! - data[i00 + c]!) * ax;
        const bottom = data[i01 + c]! + (data[i11 + c]! - data[i01 + c]!) * ax;
        out[o + c] = Math.round(top + (bottom - top) * ay);
      }
    }
  }
  return { data: out, width, height, channels };
}
