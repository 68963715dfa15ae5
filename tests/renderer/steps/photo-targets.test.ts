/**
 * The standard-photo crop (renderer/steps/photo/targets.ts), pure parts: the
 * crown found in a frame's pixels, and the scale and offset chosen so that
 * face width, head height, crown gap, eye line and chin gap land inside each
 * spec's ranges (DOMAIN.md §3), with the eye line winning for 居民身份证.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PhotoSpecId } from '../../../electron/contract';
import { PHOTO_SPECS } from '../../../electron/host/capture/photo/spec';
import { backgroundBeside, bestFit, CROP_TARGETS, cropRect, findCrown, type CropFace, type CropTarget } from '../../../renderer/steps/photo/targets';
import { drawPortrait } from '../../electron/host/capture/photo/draw';

const SPECS: PhotoSpecId[] = ['residentId', 'drivingLicence', 'exitEntry'];

/** Where a head's features land in the output for a scale and crown gap. */
function landed(target: CropTarget, face: CropFace, crown: number, scale: number, gap: number) {
  return {
    faceWidth: scale * (face.right - face.left),
    headHeight: scale * (face.chinY - crown),
    crownGap: gap,
    eyeLine: target.height - (gap + scale * (face.eyeY - crown)),
    chinGap: target.height - (gap + scale * (face.chinY - crown)),
  };
}

/** The rules of `target` the landed head misses. */
function missed(target: CropTarget, face: CropFace, crown: number, scale: number, gap: number): string[] {
  const at = landed(target, face, crown, scale, gap);
  const misses: string[] = [];
  const inSpan = (v: number, s: { min: number; max: number }) => v >= s.min && v <= s.max;
  if (!inSpan(at.faceWidth, target.faceWidth)) misses.push('faceWidth');
  if (target.headHeight && !inSpan(at.headHeight, target.headHeight)) misses.push('headHeight');
  if (!inSpan(at.crownGap, target.crownGap)) misses.push('crownGap');
  if (target.eyeLineMin !== null && at.eyeLine < target.eyeLineMin) misses.push('eyeLine');
  if (target.chinGapMin !== null && at.chinGap < target.chinGapMin) misses.push('chinGap');
  return misses;
}

/** A head in a 640×480 frame: face `width` wide, crown `ratio` face widths above the chin. */
function head(width: number, ratio: number, crown: number, centreX = 320): { face: CropFace; crown: number } {
  const chinY = crown + width * ratio;
  const foreheadY = chinY - width * 0.96;
  return { face: { left: centreX - width / 2, right: centreX + width / 2, eyeY: foreheadY + width * 0.32, chinY, foreheadY, centreX }, crown };
}

describe('the crown in the frame', () => {
  it('is found in the pixels above the forehead, and the background beside the head', () => {
    const { image, face } = drawPortrait({ width: 640, height: 480, background: [240, 240, 238], centreX: 320, crownY: 70, faceWidth: 180, chinY: 330 });
    const cropFace: CropFace = { ...face, foreheadY: 70 + (330 - 70) * 0.25 };
    const background = backgroundBeside(image, cropFace);
    expect(background).toEqual([240, 240, 238]);
    expect(Math.abs(findCrown(image, cropFace, background!)! - 70)).toBeLessThanOrEqual(1);
  });

  it('cannot be told when the head reaches the top of the frame', () => {
    const { image, face } = drawPortrait({ width: 640, height: 480, background: [240, 240, 238], centreX: 320, crownY: -40, faceWidth: 180, chinY: 240 });
    expect(findCrown(image, { ...face, foreheadY: 60 }, [240, 240, 238])).toBeNull();
  });
});

describe('the crop lands the head inside each spec', () => {
  it.each(SPECS)('%s: a typical head lands inside every range, with margin', (spec) => {
    const target = CROP_TARGETS[spec];
    const { face, crown } = head(182, 1.4, 74, 318);
    const fit = bestFit(target, face, crown);
    expect(fit.margin).toBeGreaterThan(0.3);
    expect(missed(target, face, crown, fit.scale, fit.gap)).toEqual([]);
    const rect = cropRect(face, crown, target);
    // Centred on the face, and the crown sits `gap` output pixels below the top.
    expect(rect.x + rect.width / 2).toBeCloseTo(face.centreX, 6);
    expect((crown - rect.y) * (target.width / rect.width)).toBeCloseTo(fit.gap, 6);
    expect(rect.width / rect.height).toBeCloseTo(target.width / target.height, 6);
  });

  it('property: any head the specs can hold (face 120–320 px, crown 1.3–1.5 face widths above the chin) lands inside every range', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SPECS), fc.double({ min: 120, max: 320, noNaN: true }), fc.double({ min: 1.3, max: 1.5, noNaN: true }), fc.double({ min: 10, max: 120, noNaN: true }), (spec, width, ratio, crownY) => {
        const target = CROP_TARGETS[spec];
        const { face, crown } = head(width, ratio, crownY);
        const fit = bestFit(target, face, crown);
        return fit.margin >= 0 && missed(target, face, crown, fit.scale, fit.gap).length === 0;
      }),
      { numRuns: 200 },
    );
  });

  it('出入境: aims at exactly the limits the host checks, at the size the host makes the photo (one derivation: domain/exit-entry-photo.ts)', () => {
    const target = CROP_TARGETS.exitEntry;
    const spec = PHOTO_SPECS.exitEntry;
    const { width, height } = spec.size;
    expect([target.width, target.height]).toEqual([width, height]);
    expect(target.faceWidth).toEqual(spec.headWidth(width, height));
    expect(target.headHeight).toEqual(spec.headHeight(width, height));
    expect(target.crownGap).toEqual(spec.crownGap(width, height));
    expect(target.chinGapMin).toBe(spec.chinGap(width, height)?.min);
  });

  it('出入境: a head 2.1 face widths tall (high hair) lands inside every range, which the 30×40 mm reading could not hold', () => {
    const target = CROP_TARGETS.exitEntry;
    const { face, crown } = head(130, 2.1, 60);
    const fit = bestFit(target, face, crown);
    expect(missed(target, face, crown, fit.scale, fit.gap)).toEqual([]);
    // At the narrowest face allowed (15 mm) the head is 31.5 mm tall: above the old 30 mm ceiling.
    expect((fit.scale * (face.chinY - crown)) / (target.height / 48)).toBeGreaterThan(31.5);
  });

  it('居民身份证: when crown gap and eye line cannot both be met, the eye line wins', () => {
    const target = CROP_TARGETS.residentId;
    // Very tall hair: at a face width of 207 the eyes would sit far down.
    const face: CropFace = { left: 220, right: 420, eyeY: 400, chinY: 470, foreheadY: 330, centreX: 320 };
    const fit = bestFit(target, face, 120);
    expect(missed(target, face, 120, fit.scale, fit.gap)).not.toContain('eyeLine');
    expect(fit.margin).toBeLessThan(0);
  });
});
