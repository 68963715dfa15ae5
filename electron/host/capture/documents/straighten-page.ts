/**
 * The page the application carries: the camera frame straightened and
 * cleaned up. The page is looked for in a small grey copy (page-quad.ts);
 * when found, the frame is warped (warp.ts, through homography.ts) into an
 * upright page of the found page's proportions (A4's when close), and
 * cleaned up (clean-up.ts). When no page is found the frame is kept as
 * photographed (cleaned up too), with why, so the screen can say so.
 */
import type { Sharp } from 'sharp';
import { homography, type Quad } from './homography';
import { pageAspect } from './page-aspect';
import { findPageQuad, type QuadMiss } from './page-quad';
import { cleanUpPage } from './clean-up';
import { warpPerspective, type RawImage } from './warp';

/** The page is looked for at this size (long side): enough for its corners, quick to search. */
export const DETECT_LONG_SIDE = 400;
/** The kept page's longer side at most. */
export const KEPT_LONG_SIDE = 2000;
/** A page whose proportions are within this share of A4's (√2) is made exactly A4. */
const A4_SNAP = 0.03;
/** This share of each side is trimmed, so no sliver of desk is left at the page's edges. */
const INSET = 0.012;

export interface StraightenedPage {
  /** RGB, 3 channels. */
  image: RawImage;
  /** The page's corners in the frame's pixels (top-left first, clockwise), when it was straightened. */
  corners: Quad | null;
  /** Why the frame was kept as photographed; null when straightened. */
  miss: QuadMiss | null;
}

/** Straightens and cleans up `upright` (the frame, orientation applied). May reject only on a decoder failure. */
export async function straightenPage(upright: Sharp): Promise<StraightenedPage> {
  const detect = await upright
    .clone()
    .greyscale()
    .resize(DETECT_LONG_SIDE, DETECT_LONG_SIDE, { fit: 'inside' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const grey = new Uint8Array(detect.data.buffer, detect.data.byteOffset, detect.data.length);
  const found = detect.info.channels === 1 ? findPageQuad(grey, detect.info.width, detect.info.height) : ({ ok: false, error: 'noContrast' } as const);
  if (!found.ok) {
    const frame = await rawRgb(upright.clone().resize(KEPT_LONG_SIDE, KEPT_LONG_SIDE, { fit: 'inside', withoutEnlargement: true }));
    return { image: cleanUpPage(frame), corners: null, miss: found.error };
  }
  // The frame at most a little larger than the kept page: the warp never needs more.
  const frame = await rawRgb(upright.clone().resize(KEPT_LONG_SIDE * 1.25, KEPT_LONG_SIDE * 1.25, { fit: 'inside', withoutEnlargement: true }));
  const scaleX = frame.width / detect.info.width;
  const scaleY = frame.height / detect.info.height;
  const corners = found.value.map((p) => ({ x: p.x * scaleX, y: p.y * scaleY })) as unknown as Quad;
  const size = pageSize(corners, pageAspect(corners, frame.width, frame.height));
  const mx = size.width * INSET;
  const my = size.height * INSET;
  const toFrame = homography(
    [
      { x: -mx, y: -my },
      { x: size.width + mx, y: -my },
      { x: size.width + mx, y: size.height + my },
      { x: -mx, y: size.height + my },
    ],
    corners,
  );
  if (!toFrame.ok) return { image: cleanUpPage(frame), corners: null, miss: 'notQuadrilateral' };
  const page = warpPerspective(frame, toFrame.value, size.width, size.height);
  const metadata = await upright.metadata();
  const swapped = (metadata.orientation ?? 1) >= 5;
  const fullWidth = (swapped ? metadata.height : metadata.width) ?? frame.width;
  const toFull = fullWidth / frame.width;
  return { image: cleanUpPage(page), corners: corners.map((p) => ({ x: p.x * toFull, y: p.y * toFull })) as unknown as Quad, miss: null };
}

/**
 * The upright page's size in pixels: `aspect` (width ÷ height, made exactly
 * A4 when close), as large as the page's longest side in the frame, the
 * longer side at most {@link KEPT_LONG_SIDE}.
 */
export function pageSize(corners: Quad, aspect: number): { width: number; height: number } {
  const [tl, tr, br, bl] = corners;
  const length = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
  const longest = Math.max(length(tl, tr), length(bl, br), length(tl, bl), length(tr, br));
  const ratio = Math.max(aspect, 1 / aspect);
  const snapped = Math.abs(ratio - Math.SQRT2) / Math.SQRT2 <= A4_SNAP ? (aspect >= 1 ? Math.SQRT2 : 1 / Math.SQRT2) : aspect;
  const long = Math.min(KEPT_LONG_SIDE, longest);
  const [width, height] = snapped >= 1 ? [long, long / snapped] : [long * snapped, long];
  return { width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(height)) };
}

async function rawRgb(image: Sharp): Promise<RawImage> {
  const { data, info } = await image.removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height, channels: info.channels };
}
