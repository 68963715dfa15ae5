/**
 * The 出入境证件 photo's head geometry in pixels, derived once from the
 * millimetres of 国家移民管理局《出入境证件相片照相指引》 (based on ICAO Doc 9303).
 * The host checks photos with these limits (electron/host/capture/photo/spec.ts)
 * and the renderer aims its crop at them (renderer/steps/photo/targets.ts).
 *
 * The 指引 (quoted by shbk.net/techan/276856.html for the paper and digital
 * sizes, and by m.tftnews.com/news2407884 and bbs.sgcn.org/thread-16277781-3-1.html
 * for the head; the pages searched hold no copy from nia.gov.cn itself):
 * - paper photo 33×48 mm (有效区域 30×40 mm); digital photo at least 354×472 px,
 *   354–480 wide, 472–640 high, 3:4;
 * - on the 33×48 mm photo: head width 15–22 mm, head height (chin to crown)
 *   28–33 mm, crown 3–5 mm below the top edge, chin at least 7 mm above the
 *   bottom edge.
 * The 指引 states the head rules on the 33×48 mm photo (照片尺寸：宽33mm，高48mm，
 * 其中…); they add up to 38–45 mm of height, more than the 40 mm of the
 * effective area, so they cannot be read on 30×40 (DOMAIN.md §3 names both
 * sizes without saying which; the 指引 wins). On the 48 mm print the chin
 * rule never binds while the crown and head rules pass (5 + 33 leaves 10 mm).
 *
 * Derivation: the smallest digital photo, 354×472, holds the 33×48 mm print.
 * Its two scales do not agree (354/33 = 10.73 px/mm across, 472/48 = 9.83
 * px/mm down: 9 % apart, as 3:4 is wider than 33:48), and pixels are square,
 * so one scale is taken: the vertical one, image height ÷ 48 mm. The vertical
 * rules are the ones that must all fit in the frame (crown 5 + head 33 + chin
 * 7 = 45 mm ≤ 48 mm); at the horizontal scale the frame would be only 44 mm
 * tall. Across, the 3:4 frame then shows 36 mm, of which the print keeps the
 * middle 33. A larger photo (up to 480×640) scales with its height.
 *
 * Pixel limits are rounded outwards to a tenth of a pixel (0.01 mm), so a
 * head exactly at a limit in millimetres passes and nothing more than a
 * tenth of a pixel beyond it does.
 */

/** An inclusive range in pixels. */
export interface PixelSpan {
  min: number;
  max: number;
}

/** The paper photo the millimetre rules are stated on. */
export const EXIT_ENTRY_PRINT_MM = { width: 33, height: 48 } as const;

/** The smallest digital photo the 指引 allows (3:4). */
export const EXIT_ENTRY_MIN_PX = { width: 354, height: 472 } as const;

/** The head rules on the 33×48 mm print, in millimetres. */
export const EXIT_ENTRY_HEAD_MM = {
  /** Head width. */
  width: { min: 15, max: 22 },
  /** Chin to crown (hair included). */
  height: { min: 28, max: 33 },
  /** Top edge to the crown. */
  crownGap: { min: 3, max: 5 },
  /** Chin to the bottom edge, at least. */
  chinGapMin: 7,
} as const;

/** The size the kiosk makes its 出入境 photos at: inside 354–480 × 472–640 and exactly 3:4. */
export const EXIT_ENTRY_PHOTO_PX = { width: 390, height: 520 } as const;

/** Pixels per millimetre of the print in a digital photo `height` pixels tall (the vertical scale, see above). */
export function exitEntryPxPerMm(height: number): number {
  return height / EXIT_ENTRY_PRINT_MM.height;
}

/** The head rules in pixels of a digital photo `height` pixels tall. */
export interface ExitEntryHeadPx {
  pxPerMm: number;
  headWidth: PixelSpan;
  headHeight: PixelSpan;
  crownGap: PixelSpan;
  chinGapMin: number;
}

// Tenths, with a guard against binary fractions (33 × 520 / 48 = 357.5 exactly, not 357.50000001).
const EPSILON = 1e-9;
const floorTenth = (px: number) => Math.floor(px * 10 + EPSILON) / 10;
const ceilTenth = (px: number) => Math.ceil(px * 10 - EPSILON) / 10;

/** Millimetres `mm` as pixels at `height`, exactly (multiplied before dividing, so whole results stay whole). */
const toPx = (mm: number, height: number) => (mm * height) / EXIT_ENTRY_PRINT_MM.height;

const outwards = (span: { min: number; max: number }, height: number): PixelSpan => ({
  min: floorTenth(toPx(span.min, height)),
  max: ceilTenth(toPx(span.max, height)),
});

/** The 指引's head rules for a digital photo `height` pixels tall, limits rounded outwards to a tenth of a pixel. */
export function exitEntryHeadPx(height: number): ExitEntryHeadPx {
  return {
    pxPerMm: exitEntryPxPerMm(height),
    headWidth: outwards(EXIT_ENTRY_HEAD_MM.width, height),
    headHeight: outwards(EXIT_ENTRY_HEAD_MM.height, height),
    crownGap: outwards(EXIT_ENTRY_HEAD_MM.crownGap, height),
    chinGapMin: floorTenth(toPx(EXIT_ENTRY_HEAD_MM.chinGapMin, height)),
  };
}
