/**
 * Where the renderer suggests cutting a standard photo from a camera frame
 * (DOMAIN.md §3): it finds the top of the head (hair included) in the
 * frame's pixels above the face mesh's forehead, then picks the scale and
 * the vertical offset that put face width, head height, crown gap, eye line
 * and chin gap as far inside the spec's ranges as they can all be at once
 * (eye line first for 居民身份证 when both cannot be met), centred on the
 * face. The ranges mirror the host's (electron/host/capture/photo/spec.ts;
 * 出入境's come from the one derivation both use, domain/exit-entry-photo.ts)
 * and only aim the crop: the host cuts, scales and encodes the photo itself
 * from the frame (photo.check), measures it and decides.
 */
import type { PhotoCrop, PhotoSpecId } from '../../../electron/contract';
import { EXIT_ENTRY_PHOTO_PX, exitEntryHeadPx } from '../../../domain/exit-entry-photo';

/** An inclusive range in output pixels. */
export interface Span {
  min: number;
  max: number;
}

/** Output size (the host's photo size) and the head geometry to aim for. */
export interface CropTarget {
  width: number;
  height: number;
  /** Cheek to cheek. */
  faceWidth: Span;
  /** Crown to chin, where the spec sets it. */
  headHeight: Span | null;
  /** Top edge to the crown (first row of hair). */
  crownGap: Span;
  /** Eyes at least this far above the bottom edge. */
  eyeLineMin: number | null;
  /** Chin at least this far above the bottom edge. */
  chinGapMin: number | null;
}

/** 出入境: the host's photo size, and the 指引's millimetres on the 33×48 mm print in its pixels. */
const exitEntry = exitEntryHeadPx(EXIT_ENTRY_PHOTO_PX.height);

export const CROP_TARGETS: Readonly<Record<PhotoSpecId, CropTarget>> = {
  // GA 461-2004: 358×441, face 207±14, hairline 7–21 px from the top, eyes ≥207 px above the bottom.
  residentId: { width: 358, height: 441, faceWidth: { min: 193, max: 221 }, headHeight: null, crownGap: { min: 7, max: 21 }, eyeLineMin: 207, chinGapMin: null },
  // 260×378, head 165–189 wide and 224–260 tall, hairline 10–20 px from the top.
  drivingLicence: { width: 260, height: 378, faceWidth: { min: 165, max: 189 }, headHeight: { min: 224, max: 260 }, crownGap: { min: 10, max: 20 }, eyeLineMin: null, chinGapMin: null },
  // NIA 指引: head 15–22 mm wide, 28–33 mm tall, crown 3–5 mm below the top, chin ≥7 mm above the bottom.
  exitEntry: {
    ...EXIT_ENTRY_PHOTO_PX,
    faceWidth: exitEntry.headWidth,
    headHeight: exitEntry.headHeight,
    crownGap: exitEntry.crownGap,
    eyeLineMin: null,
    chinGapMin: exitEntry.chinGapMin,
  },
};

/** The face landmarks the crop needs (frame pixels, from the face mesh). */
export interface CropFace {
  left: number;
  right: number;
  eyeY: number;
  chinY: number;
  foreheadY: number;
  centreX: number;
}

/** A source rectangle in frame pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Pixels of a frame, RGBA rows (an ImageData fits). */
export interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}

/** Summed channel difference above which a pixel is not background (the host's crown rule uses the same). */
const DIFFERS = 60;

/**
 * The background colour beside the head, above the eyes: the per-channel
 * median of the strips 0.7–1.0 face widths left and right of the face centre.
 */
export function backgroundBeside(pixels: Pixels, face: CropFace): [number, number, number] | null {
  const w = face.right - face.left;
  const channels: number[][] = [[], [], []];
  const top = Math.max(0, Math.round(face.foreheadY - 0.6 * w));
  const bottom = Math.min(pixels.height - 1, Math.round(face.eyeY));
  const step = Math.max(1, Math.round(w / 60));
  for (let y = top; y <= bottom; y += step) {
    for (const side of [-1, 1]) {
      for (let d = 0.7 * w; d <= 1.0 * w; d += step) {
        const x = Math.round(face.centreX + side * d);
        if (x < 0 || x >= pixels.width) continue;
        const o = (y * pixels.width + x) * 4;
        for (let c = 0; c < 3; c++) channels[c]!.push(pixels.data[o + c]!);
      }
    }
  }
  if (channels[0]!.length === 0) return null;
  const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1]!;
  return [median(channels[0]!), median(channels[1]!), median(channels[2]!)];
}

/**
 * The crown (first row of hair) in frame pixels: from the forehead up, the
 * last row where at least a tenth of the face's middle columns differ clearly
 * from the background. Null when it cannot be told (no pixels, no background,
 * or the head reaches the top of the frame).
 */
export function findCrown(pixels: Pixels, face: CropFace, background: [number, number, number]): number | null {
  const w = face.right - face.left;
  const from = Math.max(0, Math.floor(face.centreX - w / 4));
  const to = Math.min(pixels.width - 1, Math.ceil(face.centreX + w / 4));
  const columns = to - from + 1;
  const limit = Math.max(0, Math.floor(face.foreheadY - 1.2 * w));
  const isHead = (y: number) => {
    let differing = 0;
    for (let x = from; x <= to; x++) {
      const o = (y * pixels.width + x) * 4;
      const distance = Math.abs(pixels.data[o]! - background[0]) + Math.abs(pixels.data[o + 1]! - background[1]) + Math.abs(pixels.data[o + 2]! - background[2]);
      if (distance > DIFFERS) differing++;
    }
    return differing >= columns * 0.1;
  };
  let y = Math.min(pixels.height - 1, Math.round(face.foreheadY));
  while (y > limit && isHead(y - 1)) y--;
  return y <= 0 || y <= limit ? null : y;
}

/** Where the crown is when the pixels cannot tell: half the forehead-to-chin distance above the forehead. */
export function guessedCrown(face: CropFace): number {
  return face.foreheadY - 0.5 * (face.chinY - face.foreheadY);
}

/** How well the head lands, for one scale and crown gap: the smallest normalised margin over all rules (≥ 0 = every rule met). */
function margin(target: CropTarget, face: CropFace, crown: number, scale: number, gap: number): number {
  const within = (value: number, span: Span) => Math.min(value - span.min, span.max - value) / ((span.max - span.min) / 2);
  const atLeast = (value: number, min: number) => Math.min(1, (value - min) / 20);
  const margins = [within(scale * (face.right - face.left), target.faceWidth), within(gap, target.crownGap)];
  if (target.headHeight) margins.push(within(scale * (face.chinY - crown), target.headHeight));
  if (target.eyeLineMin !== null) {
    const eye = atLeast(target.height - (gap + scale * (face.eyeY - crown)), target.eyeLineMin);
    // The eye line wins over the other rules when they cannot all be met (GA 461): missing it is worse than missing any other.
    margins.push(eye < 0 ? eye - 100 : eye);
  }
  if (target.chinGapMin !== null) margins.push(atLeast(target.height - (gap + scale * (face.chinY - crown)), target.chinGapMin));
  return Math.min(...margins);
}

/** The scale (output ÷ frame pixels) and crown gap (output pixels) that leave the most margin on every rule. */
export function bestFit(target: CropTarget, face: CropFace, crown: number): { scale: number; gap: number; margin: number } {
  const faceWidth = Math.max(1, face.right - face.left);
  const headHeight = Math.max(1, face.chinY - crown);
  const lows = [target.faceWidth.min / faceWidth, ...(target.headHeight ? [target.headHeight.min / headHeight] : [])];
  const highs = [target.faceWidth.max / faceWidth, ...(target.headHeight ? [target.headHeight.max / headHeight] : [])];
  const from = Math.min(...lows) * 0.8;
  const to = Math.max(...highs) * 1.2;
  let best = { scale: target.faceWidth.min / faceWidth, gap: target.crownGap.min, margin: -Infinity };
  const gapSpan = target.crownGap.max - target.crownGap.min;
  for (let i = 0; i <= 400; i++) {
    const scale = from + ((to - from) * i) / 400;
    for (let j = -20; j <= 60; j++) {
      const gap = target.crownGap.min + (gapSpan * j) / 40;
      const m = margin(target, face, crown, scale, gap);
      if (m > best.margin) best = { scale, gap, margin: m };
    }
  }
  return best;
}

/** The source rectangle (frame pixels) that maps the head onto the target, centred on the face. */
export function cropRect(face: CropFace, crown: number, target: CropTarget): Rect & { margin: number } {
  const { scale, gap, margin: m } = bestFit(target, face, crown);
  const width = target.width / scale;
  const height = target.height / scale;
  return { x: face.centreX - width / 2, y: crown - gap / scale, width, height, margin: m };
}

/** Reads a canvas's pixels, or null (no 2D context, e.g. in jsdom). */
function pixelsOf(canvas: HTMLCanvasElement): Pixels | null {
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context || !canvas.width || !canvas.height) return null;
  try {
    return context.getImageData(0, 0, canvas.width, canvas.height);
  } catch {
    return null;
  }
}

/**
 * Where to cut the photo from `frame`: crown from the pixels (guessed from
 * the landmarks when it cannot be seen), crop by {@link cropRect}. The host
 * fills any part of the crop beyond the frame's edges.
 */
export function photoCrop(frame: HTMLCanvasElement, face: CropFace, target: CropTarget): PhotoCrop {
  const pixels = pixelsOf(frame);
  const background = pixels ? backgroundBeside(pixels, face) : null;
  const crown = (pixels && background ? findCrown(pixels, face, background) : null) ?? guessedCrown(face);
  const { x, y, width } = cropRect(face, crown, target);
  return { x, y, width };
}
