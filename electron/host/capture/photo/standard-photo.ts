/**
 * The host makes the standard photo itself from the renderer's camera frame
 * and crop: libvips cuts and scales it to the spec's size, and encodes the
 * JPEG that becomes the candidate, at the best quality (never below the
 * spec's minimum) whose file fits the spec's byte range. The JPEG the
 * citizen chooses is therefore the host's own file, and its quality is known
 * rather than read back from bytes the renderer wrote. The file states the
 * spec's print density (350 dpi for GA 461), which libvips would leave at 72.
 */
import sharp from 'sharp';
import type { PhotoCrop } from '../../../contract';
import { err, ok, type Result } from '../../../../domain/result';
import { planCrop } from './crop-plan';
import { withJfifDensity } from './jfif-density';
import { jpegRefusal, openJpeg, rgbaOf, type JpegLimits, type JpegProblem, type RgbaImage } from '../../../../face-analysis/decode-jpeg';
import type { PhotoSpec } from './spec';

export interface MadePhoto {
  /** The photo's pixels, as checked. */
  image: RgbaImage;
  /** The photo's JPEG file, as kept. */
  jpeg: Uint8Array;
  /** The libjpeg quality factor it was encoded at. */
  quality: number;
}

/** Why no photo could be made: the frame's JPEG was refused, or the crop does not fit it. */
export type StandardPhotoProblem = { reason: JpegProblem['reason'] | 'badCrop'; detail: string };

export type StandardPhoto = Result<MadePhoto, StandardPhotoProblem>;

/** Qualities tried for a spec with a byte range, best first (libjpeg scale). */
const QUALITIES = [98, 95, 92, 90, 85, 80, 75, 70] as const;

/** The quality for a spec that states no byte range (居民身份证). */
const PLAIN_QUALITY = 90;

/** The largest photo the host keeps and sends back: above every spec's range, so only an absurd frame reaches it. */
export const MAX_PHOTO_BYTES = 100 * 1024;

/** The qualities to try for `spec`, best first. */
export function qualitiesFor(spec: PhotoSpec): number[] {
  const floor = spec.minQuality ?? 0;
  return spec.fileBytes ? QUALITIES.filter((q) => q >= floor) : [Math.max(PLAIN_QUALITY, floor)];
}

/** Encodes with the IJG tables scaled by `quality` (no mozjpeg tables, no metadata but the JFIF density of the spec's dpi). */
async function encode(image: RgbaImage, quality: number, dpi: number): Promise<Uint8Array> {
  const raw = { width: image.width, height: image.height, channels: 4 as const };
  const jpeg = await sharp(image.data, { raw }).removeAlpha().jpeg({ quality, mozjpeg: false, chromaSubsampling: '4:2:0' }).toBuffer();
  return withJfifDensity(new Uint8Array(jpeg.buffer, jpeg.byteOffset, jpeg.length), dpi);
}

/**
 * The best quality whose file is at most the spec's maximum; when none is,
 * the last one tried (the file-size rule then fails).
 */
async function encodeFitted(image: RgbaImage, spec: PhotoSpec): Promise<{ jpeg: Uint8Array; quality: number }> {
  const max = spec.fileBytes?.max ?? MAX_PHOTO_BYTES;
  let last: { jpeg: Uint8Array; quality: number } = { jpeg: new Uint8Array(), quality: 0 };
  for (const quality of qualitiesFor(spec)) {
    last = { jpeg: await encode(image, quality, spec.dpi), quality };
    if (last.jpeg.length <= max) break;
  }
  return last;
}

/** Cuts, scales and encodes the standard photo for `spec` from a camera frame (JPEG) and the renderer's crop. */
export async function makeStandardPhoto(frame: Uint8Array, crop: PhotoCrop, spec: PhotoSpec, limits: JpegLimits = {}): Promise<StandardPhoto> {
  const opened = openJpeg(frame, limits);
  if (!opened.ok) return opened;
  try {
    const { width, height } = await opened.value.metadata();
    const plan = width && height ? planCrop({ width, height }, crop, spec.size) : null;
    if (!plan) return err({ reason: 'badCrop', detail: `crop ${crop.width} px wide at (${crop.x}, ${crop.y}) does not fit a ${width}×${height} frame` });
    let photo = opened.value.extract(plan.extract).resize(plan.resize.width, plan.resize.height, { fit: 'fill' });
    const { top, right, bottom, left } = plan.extend;
    if (top + right + bottom + left > 0) photo = photo.extend({ top, right, bottom, left, extendWith: 'copy' });
    const image = await rgbaOf(photo);
    if (image.width !== spec.size.width || image.height !== spec.size.height) return err({ reason: 'badCrop', detail: `made ${image.width}×${image.height}` });
    const { jpeg, quality } = await encodeFitted(image, spec);
    if (jpeg.length > MAX_PHOTO_BYTES) return err({ reason: 'tooLarge', detail: `the photo is ${jpeg.length} bytes at quality ${quality}` });
    return ok({ image, jpeg, quality });
  } catch (error) {
    return jpegRefusal(error);
  }
}
