/** Test helpers: decode, crop, scale, brighten and JPEG-encode RGBA images (through playwright-core's bundled jpeg-js, dev only: synchronous, unlike the host's decoder). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { RgbaImage } from '../../../../face-analysis/decode-jpeg';

const require = createRequire(import.meta.url);
const { jpegjs } = require('playwright-core/lib/utilsBundle') as {
  jpegjs: {
    encode(image: { width: number; height: number; data: Uint8Array }, quality: number): { data: Buffer };
    decode(bytes: Uint8Array, options: { useTArray: true }): RgbaImage;
  };
};

export const ROOT = join(import.meta.dirname, '../../../..');

/** Decodes a JPEG file under the repo (throws in tests only). */
export function loadJpeg(path: string): RgbaImage {
  const { width, height, data } = jpegjs.decode(readFileSync(join(ROOT, path)), { useTArray: true });
  return { width, height, data };
}

/** A sub-rectangle. */
export function crop(image: RgbaImage, x: number, y: number, width: number, height: number): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let row = 0; row < height; row++) data.set(image.data.subarray(((y + row) * image.width + x) * 4, ((y + row) * image.width + x + width) * 4), row * width * 4);
  return { width, height, data };
}

/** Bilinear resize. */
export function resize(image: RgbaImage, width: number, height: number): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(image.height - 1, ((y + 0.5) * image.height) / height - 0.5);
    const y0 = Math.max(0, Math.floor(sy));
    const y1 = Math.min(image.height - 1, y0 + 1);
    const fy = Math.max(0, sy - y0);
    for (let x = 0; x < width; x++) {
      const sx = Math.min(image.width - 1, ((x + 0.5) * image.width) / width - 0.5);
      const x0 = Math.max(0, Math.floor(sx));
      const x1 = Math.min(image.width - 1, x0 + 1);
      const fx = Math.max(0, sx - x0);
      for (let c = 0; c < 4; c++) {
        const p = (xx: number, yy: number) => image.data[(yy * image.width + xx) * 4 + c]!;
        data[(y * width + x) * 4 + c] = Math.round((p(x0, y0) * (1 - fx) + p(x1, y0) * fx) * (1 - fy) + (p(x0, y1) * (1 - fx) + p(x1, y1) * fx) * fy);
      }
    }
  }
  return { width, height, data };
}

/** Adds `delta` to every colour channel. */
export function brighten(image: RgbaImage, delta: number): RgbaImage {
  const data = image.data.map((v, i) => (i % 4 === 3 ? v : Math.max(0, Math.min(255, v + delta))));
  return { ...image, data };
}

/** A plain image of one colour. */
export function solid(width: number, height: number, [r, g, b]: [number, number, number]): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = r;
    data[i + 1] = g;
    data[i + 2] = b;
    data[i + 3] = 255;
  }
  return { width, height, data };
}

/** Draws `src` onto `dst` at (x, y). */
export function paste(dst: RgbaImage, src: RgbaImage, x: number, y: number): RgbaImage {
  const data = new Uint8Array(dst.data);
  for (let row = 0; row < src.height; row++) {
    if (y + row < 0 || y + row >= dst.height) continue;
    for (let col = 0; col < src.width; col++) {
      if (x + col < 0 || x + col >= dst.width) continue;
      const s = (row * src.width + col) * 4;
      const d = ((y + row) * dst.width + x + col) * 4;
      data.set(src.data.subarray(s, s + 4), d);
    }
  }
  return { ...dst, data };
}

/** JPEG-encodes an image. */
export function encodeJpeg(image: RgbaImage, quality = 90): Uint8Array {
  return new Uint8Array(jpegjs.encode({ width: image.width, height: image.height, data: image.data }, quality).data);
}
