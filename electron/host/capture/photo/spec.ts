/**
 * Standard photo specifications (DOMAIN.md §3), as data: sizes in pixels of
 * the delivered image, head rules as pixel ranges for a given image size.
 * - 居民身份证 (GA 461-2004): 358×441, face width 207±14, hairline 7–21 px
 *   from the top, eyes ≥207 px above the bottom; pure white. The file size
 *   is not stated in DOMAIN.md, so it is not checked.
 * - 驾驶证: 260×378, head width 165–189, head height 224–260, hairline 10–20
 *   px from the top; white; JPEG quality ≥70, about 14–30 KB.
 * - 出入境 (NIA 指引, ICAO 9303): 354–480 × 472–640 px, 3:4; on the 33×48 mm
 *   print head width 15–22 mm, head height 28–33 mm, crown 3–5 mm below the
 *   top, chin ≥7 mm above the bottom, in pixels by domain/exit-entry-photo.ts
 *   (image height ÷ 48 px per mm; the renderer's crop targets use the same);
 *   white, light grey or light blue; JPEG 20–80 KB, quality ≥85.
 * Each file states its spec's print density (JFIF, dots per inch): 350 for
 * 居民身份证, 300 for 驾驶证 (DOMAIN.md §3), 300 for 出入境 (the lowest of the
 * 300–600 the 指引 allows).
 * JPEG quality is the libjpeg quality factor (the IJG tables scaled by it);
 * 居民身份证 states none. The host makes each photo itself at `size`
 * (standard-photo.ts), so size and quality are its own choices, still
 * checked like the rest.
 * "Hairline"/"crown" are both measured as the first row of the head (hair
 * included) from the top edge.
 */
import type { PhotoSpecId } from '../../../contract';
import { EXIT_ENTRY_PHOTO_PX, exitEntryHeadPx } from '../../../../domain/exit-entry-photo';

/** An inclusive range; null ends are open. */
export interface Range {
  min: number | null;
  max: number | null;
}

export type BackgroundColour = 'white' | 'lightGrey' | 'lightBlue';

/** One standard photo. Head ranges take the image size, so 出入境's free size scales them. */
export interface PhotoSpec {
  id: PhotoSpecId;
  /** The size the host makes this photo at (inside `width` × `height`). */
  size: { width: number; height: number };
  width: Range;
  height: Range;
  /** Width ÷ height, when the spec fixes a ratio. */
  aspect: { ratio: number; tolerance: number } | null;
  backgrounds: readonly BackgroundColour[];
  fileBytes: Range | null;
  /** Lowest JPEG quality factor (libjpeg scale, 1–100), when the spec states one. */
  minQuality: number | null;
  /** The print density the photo's file states (JFIF), in dots per inch. */
  dpi: number;
  headWidth(width: number, height: number): Range;
  headHeight(width: number, height: number): Range | null;
  crownGap(width: number, height: number): Range;
  /** Eyes at least this far above the bottom edge. */
  eyeLine(width: number, height: number): Range | null;
  /** Chin at least this far above the bottom edge. */
  chinGap(width: number, height: number): Range | null;
  /** Allowed distance of the face centre from the image's vertical centre line. */
  centred(width: number, height: number): Range;
}

const KB = 1024;
const fixed = (n: number): Range => ({ min: n, max: n });
const centredWithin = (fraction: number) => (width: number): Range => ({ min: 0, max: Math.round(width * fraction) });

export const PHOTO_SPECS: Readonly<Record<PhotoSpecId, PhotoSpec>> = {
  residentId: {
    id: 'residentId',
    size: { width: 358, height: 441 },
    width: fixed(358),
    height: fixed(441),
    aspect: null,
    backgrounds: ['white'],
    fileBytes: null,
    minQuality: null,
    // GA 461: 358×441 px at 350 dpi (26×32 mm).
    dpi: 350,
    headWidth: () => ({ min: 193, max: 221 }),
    headHeight: () => null,
    crownGap: () => ({ min: 7, max: 21 }),
    eyeLine: () => ({ min: 207, max: null }),
    chinGap: () => null,
    centred: centredWithin(0.04),
  },
  drivingLicence: {
    id: 'drivingLicence',
    size: { width: 260, height: 378 },
    width: fixed(260),
    height: fixed(378),
    aspect: null,
    backgrounds: ['white'],
    fileBytes: { min: 14 * KB, max: 30 * KB },
    minQuality: 70,
    // 260×378 px at 300 dpi (22×32 mm).
    dpi: 300,
    headWidth: () => ({ min: 165, max: 189 }),
    headHeight: () => ({ min: 224, max: 260 }),
    crownGap: () => ({ min: 10, max: 20 }),
    eyeLine: () => null,
    chinGap: () => null,
    centred: centredWithin(0.04),
  },
  exitEntry: {
    id: 'exitEntry',
    // The renderer aims its crop at the same size (domain/exit-entry-photo.ts).
    size: { ...EXIT_ENTRY_PHOTO_PX },
    width: { min: 354, max: 480 },
    height: { min: 472, max: 640 },
    aspect: { ratio: 3 / 4, tolerance: 0.01 },
    backgrounds: ['white', 'lightGrey', 'lightBlue'],
    fileBytes: { min: 20 * KB, max: 80 * KB },
    minQuality: 85,
    // The 指引 allows 300–600 dpi; its lowest.
    dpi: 300,
    // Scaled by the photo's height: a studio's photo may have any size the 指引 allows.
    headWidth: (_w, h) => exitEntryHeadPx(h).headWidth,
    headHeight: (_w, h) => exitEntryHeadPx(h).headHeight,
    crownGap: (_w, h) => exitEntryHeadPx(h).crownGap,
    eyeLine: () => null,
    chinGap: (_w, h) => ({ min: exitEntryHeadPx(h).chinGapMin, max: null }),
    centred: centredWithin(0.04),
  },
};

/** True when `value` lies in `range`. */
export function inRange(value: number, range: Range): boolean {
  return (range.min === null || value >= range.min) && (range.max === null || value <= range.max);
}
