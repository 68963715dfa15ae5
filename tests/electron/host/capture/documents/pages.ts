/**
 * Generated document pages for the tests: a light page with lines of dark
 * "words" (blocks of strokes, like printed text seen by a camera), encoded
 * as JPEG by sharp; then blurred, darkened or shrunk copies of it.
 */
import sharp from 'sharp';

export interface PageOptions {
  width?: number;
  height?: number;
  /** Gaussian blur sigma applied after drawing (0: none). */
  blur?: number;
  /** Multiplies every pixel (1: as drawn). */
  light?: number;
  /** Varies the words, so two pages differ. */
  seed?: number;
}

/** A page as JPEG bytes. */
export async function pageJpeg(options: PageOptions = {}): Promise<Uint8Array> {
  const width = options.width ?? 1280;
  const height = options.height ?? 960;
  const light = options.light ?? 1;
  const seed = options.seed ?? 1;
  const data = new Uint8Array(width * height * 3);
  const paper = Math.round(235 * light);
  const ink = Math.round(30 * light);
  const margin = Math.round(width * 0.08);
  const lineHeight = Math.max(6, Math.round(height / 40));
  const glyph = Math.max(2, Math.round(lineHeight / 3));
  for (let y = 0; y < height; y++) {
    const line = Math.floor(y / lineHeight);
    const inLine = y % lineHeight;
    const inkRow = inLine > lineHeight * 0.2 && inLine < lineHeight * 0.75 && y > margin && y < height - margin;
    for (let x = 0; x < width; x++) {
      let value = paper;
      if (inkRow && x > margin && x < width - margin) {
        const column = Math.floor(x / glyph);
        // Strokes of a glyph with a gap every few glyphs (the spaces between words).
        const word = (column + line * 7 + seed * 13) % 9 !== 0;
        const stroke = ((column * 31 + line * 17 + seed * 5 + (inLine > lineHeight / 2 ? 3 : 0)) % 5) < 2;
        if (word && stroke) value = ink;
      }
      const o = (y * width + x) * 3;
      data[o] = value;
      data[o + 1] = value;
      data[o + 2] = value;
    }
  }
  let image = sharp(data, { raw: { width, height, channels: 3 } });
  if (options.blur && options.blur > 0) image = image.blur(options.blur);
  const jpeg = await image.jpeg({ quality: 88 }).toBuffer();
  return new Uint8Array(jpeg.buffer, jpeg.byteOffset, jpeg.length);
}
