/**
 * JPEG decoding for the kiosk host and the hall server, through libvips
 * (sharp): the camera frames and photos the renderer (or a phone) sends, and the sample reference photos. The bytes come
 * from a less trusted process, so every decode is bounded before libvips
 * sees it (byte size, the JPEG start-of-image marker so only libvips' JPEG
 * loader runs, pixels from the header) and corrupt or truncated data is
 * refused (`failOn: 'error'`). Refusals are values, never thrown.
 */
import sharp, { type Sharp } from 'sharp';
import { err, ok, type Result } from '../domain/result';

// No decoded pixels (faces) are kept in libvips' operation cache between calls.
sharp.cache(false);

/** An RGBA image, 4 bytes a pixel, rows top to bottom. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Why a JPEG was refused, with the decoder's words (for the log). */
export type JpegProblem = { reason: 'notJpeg' | 'corrupt' | 'tooLarge'; detail: string };

/** A refused JPEG. */
export type JpegRefusal = { ok: false; error: JpegProblem };

export type JpegDecodeResult = Result<RgbaImage, JpegProblem>;

/** Limits of one decode. */
export interface JpegLimits {
  /** Width × height the header may claim; larger images are refused before decoding. */
  maxPixels?: number;
  /** Byte size; larger files are refused unread. */
  maxBytes?: number;
}

/** Defaults: a 4-megapixel camera frame, and more bytes than any call's contract lets through. */
export const DEFAULT_JPEG_LIMITS: Required<JpegLimits> = { maxPixels: 4_000_000, maxBytes: 1024 * 1024 };

/**
 * Checks the bytes before libvips sees them and opens them with the pixel
 * limit set; a refusal when they are too many or not a JPEG.
 */
export function openJpeg(bytes: Uint8Array, limits: JpegLimits = {}): Result<Sharp, JpegProblem> {
  const { maxPixels, maxBytes } = { ...DEFAULT_JPEG_LIMITS, ...limits };
  if (bytes.length > maxBytes) return err({ reason: 'tooLarge', detail: `${bytes.length} bytes, at most ${maxBytes}` });
  // SOI then the next marker's 0xFF: libvips picks its loader by these bytes, so nothing but the JPEG loader runs.
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) return err({ reason: 'notJpeg', detail: 'no JPEG start-of-image marker' });
  return ok(sharp(bytes, { failOn: 'error', limitInputPixels: maxPixels }));
}

/** An error libvips threw, as a refusal: the pixel limit is `tooLarge`, anything else `corrupt`. */
export function jpegRefusal(error: unknown): JpegRefusal {
  const detail = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return err({ reason: /pixel limit/i.test(detail) ? 'tooLarge' : 'corrupt', detail });
}

/** Pixels (any JPEG colour space) as sRGB with alpha. */
export async function rgbaOf(image: Sharp): Promise<RgbaImage> {
  const { data, info } = await image.toColourspace('srgb').ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 4) throw new Error(`${info.channels} channels after conversion to RGBA`);
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

/** Decodes a JPEG to RGBA within `limits`. */
export async function decodeJpeg(bytes: Uint8Array, limits: JpegLimits = {}): Promise<JpegDecodeResult> {
  const opened = openJpeg(bytes, limits);
  if (!opened.ok) return opened;
  try {
    return ok(await rgbaOf(opened.value));
  } catch (error) {
    return jpegRefusal(error);
  }
}
