/**
 * The host's check of one document page from the document camera: the
 * bytes are decoded by libvips within limits (decode-jpeg.ts), and the page
 * is refused when it has too few pixels to read, is too dark, or is not
 * sharp enough. Sharpness is the variance of the Laplacian of the grey page
 * at a fixed working size (a blurred or shaken photo has weak edges, so a
 * small variance). These are measured on the camera's frame, what the
 * camera saw. A page that passes is straightened and cleaned up
 * (straighten-page.ts) and encoded by the host: the kept file is the
 * host's own, without the renderer's metadata.
 */
import sharp from 'sharp';
import { jpegRefusal, openJpeg } from '../../../../face-analysis/decode-jpeg';
import type { DocumentPageRefusal } from '../../../contract';
import { err, ok, type Result } from '../../../../domain/result';
import type { Quad } from './homography';
import type { QuadMiss } from './page-quad';
import { straightenPage } from './straighten-page';

/** What a page must reach; the defaults suit a 1280×960 frame of an A4 page. */
export interface PageRules {
  /** The shorter side, in pixels. */
  minShortSide: number;
  /** The longer side, in pixels. */
  minLongSide: number;
  /** Mean grey level (0–255) below which the page is too dark. */
  minBrightness: number;
  /** Variance of the Laplacian at the working size below which the page is too blurred. */
  minSharpness: number;
}

export const DEFAULT_PAGE_RULES: PageRules = { minShortSide: 720, minLongSide: 960, minBrightness: 60, minSharpness: 80 };

/** The pixels a page may have (a 8-megapixel document camera fits). */
export const MAX_PAGE_PIXELS = 8_400_000;
/** The bytes a page may have (the contract's base64 cap decodes to less). */
export const MAX_PAGE_BYTES = 400_000;
/** Sharpness and brightness are measured with the page scaled to fit this box. */
const WORKING_SIZE = 1024;
/** The kept page: JPEG at this quality (at most straighten-page.ts's long side). */
const KEPT_QUALITY = 85;

/** A page's measures, for the log and the tests. */
export interface PageMeasures {
  width: number;
  height: number;
  brightness: number;
  sharpness: number;
}

/** A kept page: the host's own JPEG (straightened when the page was found), its size, and what was measured on the frame. */
export interface KeptPage {
  jpeg: Uint8Array;
  width: number;
  height: number;
  /** The page's corners in the frame, when it was straightened. */
  corners: Quad | null;
  /** Why it was kept as photographed (null: straightened). */
  miss: QuadMiss | null;
  measures: PageMeasures;
}

/** Why a page was refused; the measures when it could be read, the decoder's reason when not. */
export interface PageProblem {
  reason: DocumentPageRefusal;
  measures: PageMeasures | null;
  detail?: string;
}

export type PageCheck = Result<KeptPage, PageProblem>;

/** Checks one page; refusals are values, never thrown. */
export async function checkPage(bytes: Uint8Array, rules: PageRules = DEFAULT_PAGE_RULES): Promise<PageCheck> {
  const opened = openJpeg(bytes, { maxPixels: MAX_PAGE_PIXELS, maxBytes: MAX_PAGE_BYTES });
  if (!opened.ok) return err({ reason: 'unreadable', measures: null, detail: opened.error.reason });
  try {
    // `rotate()` applies the camera's orientation, so the sides are the page's as seen.
    const upright = opened.value.rotate();
    const { data, info } = await upright
      .clone()
      .greyscale()
      .resize(WORKING_SIZE, WORKING_SIZE, { fit: 'inside', withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const metadata = await opened.value.metadata();
    const swapped = (metadata.orientation ?? 1) >= 5;
    const width = (swapped ? metadata.height : metadata.width) ?? 0;
    const height = (swapped ? metadata.width : metadata.height) ?? 0;
    const grey = new Uint8Array(data.buffer, data.byteOffset, data.length);
    const measures: PageMeasures = { width, height, ...greyMeasures(grey, info.width, info.height, info.channels) };
    if (Math.min(width, height) < rules.minShortSide || Math.max(width, height) < rules.minLongSide) return err({ reason: 'tooSmall', measures });
    if (measures.brightness < rules.minBrightness) return err({ reason: 'tooDark', measures });
    if (measures.sharpness < rules.minSharpness) return err({ reason: 'tooBlurred', measures });
    const page = await straightenPage(upright);
    const { image } = page;
    const kept = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: image.channels as 3 } })
      .jpeg({ quality: KEPT_QUALITY, mozjpeg: false })
      .toBuffer();
    return ok({ jpeg: new Uint8Array(kept.buffer, kept.byteOffset, kept.length), width: image.width, height: image.height, corners: page.corners, miss: page.miss, measures });
  } catch (error) {
    const refusal = jpegRefusal(error);
    return err({ reason: 'unreadable', measures: null, detail: refusal.error.reason });
  }
}

/**
 * Mean grey level and the variance of the 4-neighbour Laplacian over the
 * inner pixels of a grey image (`channels` bytes a pixel, the first is grey).
 */
export function greyMeasures(grey: Uint8Array, width: number, height: number, channels = 1): { brightness: number; sharpness: number } {
  let sum = 0;
  for (let i = 0; i < width * height; i++) sum += grey[i * channels]!;
  const brightness = width * height > 0 ? sum / (width * height) : 0;
  if (width < 3 || height < 3) return { brightness, sharpness: 0 };
  let n = 0;
  let mean = 0;
  let m2 = 0;
  const at = (x: number, y: number) => grey[(y * width + x) * channels]!;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const laplacian = at(x - 1, y) + at(x + 1, y) + at(x, y - 1) + at(x, y + 1) - 4 * at(x, y);
      // Welford's running variance: no overflow, one pass.
      n += 1;
      const delta = laplacian - mean;
      mean += delta / n;
      m2 += delta * (laplacian - mean);
    }
  }
  return { brightness, sharpness: n > 0 ? m2 / n : 0 };
}
