/**
 * A document camera's frame of a page lying at an angle on a dark desk, for
 * the tests, the bench and the e2e fake camera: an A4 page of "text" (rows
 * of dark strokes) with a thick black bar across its top (the marker that
 * says which way is up), warped by a known homography so its corners land
 * where asked, on a dark, slightly noisy desk.
 */
import sharp from 'sharp';
import { homography, type Quad } from '../../../../../electron/host/capture/documents/homography';
import { warpPerspective, type RawImage } from '../../../../../electron/host/capture/documents/warp';

export interface AngledPageOptions {
  width?: number;
  height?: number;
  /** Where the page's corners land (top-left, top-right, bottom-right, bottom-left). */
  corners?: Quad;
  /** The page's size before it is warped (its proportions are what the host should restore). */
  page?: { width: number; height: number };
  desk?: number;
  paper?: number;
  /** Amplitude of the noise added to every pixel (0: none). */
  noise?: number;
  seed?: number;
}

/** A page turned about 8° and seen a little from below, in a 1280×960 frame. */
export const ANGLED_CORNERS: Quad = [
  { x: 420, y: 130 },
  { x: 880, y: 175 },
  { x: 835, y: 850 },
  { x: 330, y: 800 },
];

/** The flat page: paper, a black bar at the top, then lines of strokes. */
export function flatPage(width: number, height: number, paper = 236, seed = 1): RawImage {
  const data = new Uint8Array(width * height * 3).fill(paper);
  const ink = 25;
  const set = (x: number, y: number) => data.fill(ink, (y * width + x) * 3, (y * width + x) * 3 + 3);
  const margin = Math.round(width * 0.1);
  for (let y = Math.round(height * 0.06); y < Math.round(height * 0.12); y++) for (let x = margin; x < width - margin; x++) set(x, y);
  const lineHeight = Math.max(6, Math.round(height / 36));
  const glyph = Math.max(2, Math.round(lineHeight / 3));
  for (let y = Math.round(height * 0.18); y < height - margin; y++) {
    const line = Math.floor(y / lineHeight);
    const inLine = y % lineHeight;
    if (inLine < lineHeight * 0.25 || inLine > lineHeight * 0.7) continue;
    for (let x = margin; x < width - margin; x++) {
      const column = Math.floor(x / glyph);
      const word = (column + line * 7 + seed * 13) % 9 !== 0;
      const stroke = (column * 31 + line * 17 + seed * 5 + (inLine > lineHeight / 2 ? 3 : 0)) % 5 < 2;
      if (word && stroke) set(x, y);
    }
  }
  return { data, width, height, channels: 3 };
}

/** The frame as raw RGB. */
export function angledFrame(options: AngledPageOptions = {}): RawImage {
  const width = options.width ?? 1280;
  const height = options.height ?? 960;
  const size = options.page ?? { width: 600, height: 849 };
  const page = flatPage(size.width, size.height, options.paper ?? 236, options.seed ?? 1);
  const corners = options.corners ?? ANGLED_CORNERS;
  const toPage = homography(corners, [
    { x: 0, y: 0 },
    { x: size.width, y: 0 },
    { x: size.width, y: size.height },
    { x: 0, y: size.height },
  ]);
  if (!toPage.ok) throw new Error('the test page’s corners are degenerate');
  const desk = options.desk ?? 45;
  const frame = warpPerspective(page, toPage.value, width, height, desk);
  const noise = options.noise ?? 6;
  if (noise > 0) {
    let state = (options.seed ?? 1) * 2654435761;
    for (let i = 0; i < frame.data.length; i++) {
      state = (state * 1103515245 + 12345) >>> 0;
      frame.data[i] = Math.max(0, Math.min(255, frame.data[i]! + ((state >>> 16) % (2 * noise + 1)) - noise));
    }
  }
  return frame;
}

/** The frame as a camera JPEG (quality 88). */
export async function angledPageJpeg(options: AngledPageOptions = {}): Promise<Uint8Array> {
  const frame = angledFrame(options);
  const jpeg = await sharp(frame.data, { raw: { width: frame.width, height: frame.height, channels: 3 } }).jpeg({ quality: 88 }).toBuffer();
  return new Uint8Array(jpeg.buffer, jpeg.byteOffset, jpeg.length);
}

/** Mean grey of the box (fractions of the image's sides) of an RGB or grey image. */
export function meanGrey(image: RawImage, box: { x0: number; y0: number; x1: number; y1: number }): number {
  let sum = 0;
  let n = 0;
  for (let y = Math.floor(box.y0 * image.height); y < Math.ceil(box.y1 * image.height); y++) {
    for (let x = Math.floor(box.x0 * image.width); x < Math.ceil(box.x1 * image.width); x++) {
      sum += image.data[(y * image.width + x) * image.channels]!;
      n += 1;
    }
  }
  return n > 0 ? sum / n : 0;
}
