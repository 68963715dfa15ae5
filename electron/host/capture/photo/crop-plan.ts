/**
 * Where a standard photo's pixels come from in the camera frame: the part of
 * the frame inside the renderer's crop, scaled to the photo, and the photo's
 * margins that lie beyond the frame's edges (filled by repeating the edge
 * pixels, the backdrop as a rule). Pure arithmetic; the crop is the
 * renderer's suggestion, so a crop the frame cannot fill is refused as null.
 */
import type { PhotoCrop } from '../../../contract';

/** A width and a height in pixels. */
export interface Size {
  width: number;
  height: number;
}

/** The libvips steps, in their order: extract, resize, extend. */
export interface CropPlan {
  /** The part of the frame inside the crop (frame pixels). */
  extract: { left: number; top: number; width: number; height: number };
  /** That part's size in the photo. */
  resize: Size;
  /** Photo pixels beyond the frame's edges. */
  extend: { top: number; right: number; bottom: number; left: number };
}

/** Photo pixels per frame pixel allowed: from a 16× reduction to a 4× enlargement. */
export const SCALE_RANGE = { min: 1 / 16, max: 4 } as const;

/**
 * The plan that cuts `crop` (its height follows from the photo's aspect) out
 * of a `frame` and scales it to `photo`; null when the scale is out of
 * {@link SCALE_RANGE} or less than half the photo's width or height would
 * come from the frame.
 */
export function planCrop(frame: Size, crop: PhotoCrop, photo: Size): CropPlan | null {
  const scale = photo.width / crop.width;
  if (!(scale >= SCALE_RANGE.min && scale <= SCALE_RANGE.max)) return null;
  const cropHeight = photo.height / scale;
  const x0 = Math.max(0, crop.x);
  const y0 = Math.max(0, crop.y);
  const x1 = Math.min(frame.width, crop.x + crop.width);
  const y1 = Math.min(frame.height, crop.y + cropHeight);
  const extract = { left: Math.round(x0), top: Math.round(y0), width: Math.round(x1) - Math.round(x0), height: Math.round(y1) - Math.round(y0) };
  const extend = {
    top: Math.round((y0 - crop.y) * scale),
    right: Math.round((crop.x + crop.width - x1) * scale),
    bottom: Math.round((crop.y + cropHeight - y1) * scale),
    left: Math.round((x0 - crop.x) * scale),
  };
  const resize = { width: photo.width - extend.left - extend.right, height: photo.height - extend.top - extend.bottom };
  if (extract.width < 1 || extract.height < 1 || resize.width * 2 < photo.width || resize.height * 2 < photo.height) return null;
  return { extract, resize, extend };
}
