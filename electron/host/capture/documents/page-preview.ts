/**
 * What the screen shows of an accepted page: a small copy of the host's
 * kept page (the straightened one, so the citizen sees what the
 * application carries), and the hint when it was kept as photographed.
 */
import sharp from 'sharp';
import type { QuadMiss } from './page-quad';

/** The preview's longer side, in pixels: a thumbnail, with room to read a heading. */
const PREVIEW_LONG_SIDE = 480;
const PREVIEW_QUALITY = 70;

/** The words for a page kept as photographed (`camera.document.hint.*`); a page filling the frame needs none. */
export const HINT_KEYS: Readonly<Record<QuadMiss, string | null>> = {
  fillsFrame: null,
  noContrast: 'camera.document.hint.notStraightened',
  tooSmall: 'camera.document.hint.notStraightened',
  notQuadrilateral: 'camera.document.hint.notStraightened',
  cutOff: 'camera.document.hint.cutOff',
};

/** The kept page as a small JPEG, base64. */
export async function pagePreview(kept: Uint8Array): Promise<string> {
  const small = await sharp(kept).resize(PREVIEW_LONG_SIDE, PREVIEW_LONG_SIDE, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: PREVIEW_QUALITY }).toBuffer();
  return small.toString('base64');
}
