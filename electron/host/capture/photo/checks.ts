/**
 * The standard-photo checks, as pure functions over an RGBA buffer and the
 * face's landmarks. The host's run of these is authoritative; the renderer
 * only shows what the host found.
 */
import type { PhotoRule, PhotoRuleResult } from '../../../contract';
import type { RgbaImage } from '../../../../face-analysis/decode-jpeg';
import { inRange, type BackgroundColour, type PhotoSpec, type Range } from './spec';

/** Where the face is, in image pixels (from a face mesh). */
export interface FaceLandmarks {
  /** Cheek to cheek. */
  left: number;
  right: number;
  eyeY: number;
  chinY: number;
  centreX: number;
}

/** What is checked: the photo's pixels, its JPEG's size and quality, and the one face found (null: none or several). */
export interface PhotoUnderCheck {
  image: RgbaImage;
  jpegBytes: number;
  /** The libjpeg quality factor the JPEG was encoded at (the host encodes its photos itself); null when unknown. */
  jpegQuality: number | null;
  face: FaceLandmarks | null;
}

/** Mean colour and spread of the background samples. */
export interface BackgroundStats {
  mean: [number, number, number];
  /** Mean of the per-channel standard deviations. */
  spread: number;
  colour: BackgroundColour | 'other';
}

/** Spread above which a background is not uniform. */
export const MAX_BACKGROUND_SPREAD = 12;

const result = (rule: PhotoRule, measured: number | null, range: Range | null, passed?: boolean): PhotoRuleResult => ({
  rule,
  passed: passed ?? (measured !== null && range !== null && inRange(measured, range)),
  measured: measured === null ? null : Math.round(measured * 10) / 10,
  min: range?.min ?? null,
  max: range?.max ?? null,
});

/** Checks the pixel size (and the 3:4 ratio where the spec fixes one). */
export function checkDimensions(spec: PhotoSpec, width: number, height: number): PhotoRuleResult {
  const sizeOk = inRange(width, spec.width) && inRange(height, spec.height);
  const ratioOk = !spec.aspect || Math.abs(width / height - spec.aspect.ratio) <= spec.aspect.tolerance;
  return { rule: 'dimensions', passed: sizeOk && ratioOk, measured: width, min: spec.width.min, max: spec.width.max };
}

/** Checks the JPEG's byte size; specs without a size range pass. */
export function checkFileSize(spec: PhotoSpec, bytes: number): PhotoRuleResult {
  return spec.fileBytes ? result('fileSize', bytes, spec.fileBytes) : result('fileSize', bytes, { min: null, max: null }, true);
}

/**
 * Checks the JPEG quality factor against the spec's minimum; specs without
 * one pass (the estimate is still reported). `measured` is the estimate.
 */
export function checkJpegQuality(spec: PhotoSpec, quality: number | null): PhotoRuleResult {
  if (spec.minQuality === null) return result('jpegQuality', quality, { min: null, max: null }, true);
  return result('jpegQuality', quality, { min: spec.minQuality, max: null });
}

/** Classifies a mean colour. */
export function classifyBackground([r, g, b]: [number, number, number]): BackgroundColour | 'other' {
  const lo = Math.min(r, g, b);
  const hi = Math.max(r, g, b);
  if (lo >= 225 && hi - lo <= 20) return 'white';
  if (lo >= 170 && hi - lo <= 20) return 'lightGrey';
  if (b >= 180 && b - r >= 15 && r >= 120 && g >= 150) return 'lightBlue';
  return 'other';
}

/**
 * Samples the background: a thin band along the top edge (above any head)
 * and the strips beside the head down to eye level, clear of the hair.
 */
export function backgroundStats(image: RgbaImage, face: FaceLandmarks | null): BackgroundStats {
  const { width, height, data } = image;
  const headHalf = face ? (face.right - face.left) * 0.62 : width * 0.3;
  const centre = face?.centreX ?? width / 2;
  const avoidLeft = centre - headHalf;
  const avoidRight = centre + headHalf;
  const margin = Math.max(1, Math.round(width * 0.015));
  const topBand = margin + Math.max(2, Math.round(height * 0.01));
  const bottom = Math.max(topBand, Math.min(height * 0.45, face ? face.eyeY : height * 0.45));
  const sums = [0, 0, 0];
  const squares = [0, 0, 0];
  let n = 0;
  for (let y = margin; y < bottom; y++) {
    for (let x = margin; x < width - margin; x++) {
      if (y >= topBand && x >= avoidLeft && x <= avoidRight) continue;
      const o = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) {
        const v = data[o + c]!;
        sums[c]! += v;
        squares[c]! += v * v;
      }
      n++;
    }
  }
  if (n === 0) return { mean: [0, 0, 0], spread: Infinity, colour: 'other' };
  const mean = sums.map((s) => s / n) as [number, number, number];
  const spread = squares.reduce((acc, sq, c) => acc + Math.sqrt(Math.max(0, sq / n - mean[c]! ** 2)), 0) / 3;
  return { mean, spread, colour: classifyBackground(mean) };
}

/** Checks that the background is uniform and of an allowed colour; `measured` is the spread. */
export function checkBackground(spec: PhotoSpec, image: RgbaImage, face: FaceLandmarks | null): PhotoRuleResult {
  const stats = backgroundStats(image, face);
  const passed = stats.spread <= MAX_BACKGROUND_SPREAD && stats.colour !== 'other' && spec.backgrounds.includes(stats.colour);
  return result('background', Number.isFinite(stats.spread) ? stats.spread : null, { min: 0, max: MAX_BACKGROUND_SPREAD }, passed);
}

/**
 * The first row from the top where the head (hair included) begins: over the
 * face's middle columns, the first row where a tenth of them differ clearly
 * from the background.
 */
export function crownY(image: RgbaImage, face: FaceLandmarks, background: [number, number, number]): number {
  const { width, data } = image;
  const quarter = (face.right - face.left) / 4;
  const from = Math.max(0, Math.floor(face.centreX - quarter));
  const to = Math.min(width - 1, Math.ceil(face.centreX + quarter));
  const columns = to - from + 1;
  for (let y = 0; y < Math.min(image.height, face.eyeY); y++) {
    let differing = 0;
    for (let x = from; x <= to; x++) {
      const o = (y * width + x) * 4;
      const distance = Math.abs(data[o]! - background[0]) + Math.abs(data[o + 1]! - background[1]) + Math.abs(data[o + 2]! - background[2]);
      if (distance > 60) differing++;
    }
    if (differing >= columns * 0.1) return y;
  }
  return Math.round(face.eyeY);
}

/** Runs every rule of `spec`; rules the spec does not have are left out. */
export function checkPhoto(spec: PhotoSpec, photo: PhotoUnderCheck): PhotoRuleResult[] {
  const { image, face } = photo;
  const { width: w, height: h } = image;
  const rules: PhotoRuleResult[] = [
    result('face', face ? 1 : 0, { min: 1, max: 1 }),
    checkDimensions(spec, w, h),
    checkFileSize(spec, photo.jpegBytes),
    checkJpegQuality(spec, photo.jpegQuality),
    checkBackground(spec, image, face),
  ];
  if (!face) return rules;
  const crown = crownY(image, face, backgroundStats(image, face).mean);
  rules.push(result('headWidth', face.right - face.left, spec.headWidth(w, h)));
  const headHeight = spec.headHeight(w, h);
  if (headHeight) rules.push(result('headHeight', face.chinY - crown, headHeight));
  rules.push(result('crownGap', crown, spec.crownGap(w, h)));
  const eyeLine = spec.eyeLine(w, h);
  if (eyeLine) rules.push(result('eyeLine', h - face.eyeY, eyeLine));
  const chinGap = spec.chinGap(w, h);
  if (chinGap) rules.push(result('chinGap', h - face.chinY, chinGap));
  rules.push(result('centred', Math.abs(face.centreX - w / 2), spec.centred(w, h)));
  return rules;
}
