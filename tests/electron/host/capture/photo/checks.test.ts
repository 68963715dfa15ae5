import { describe, expect, it } from 'vitest';
import { backgroundStats, checkPhoto, classifyBackground, crownY } from '../../../../../electron/host/capture/photo/checks';
import { PHOTO_SPECS } from '../../../../../electron/host/capture/photo/spec';
import type { PhotoRule } from '../../../../../electron/contract';
import { drawPortrait, type Portrait } from './draw';

const WHITE: [number, number, number] = [250, 250, 250];
const KB = 1024;

/** A 驾驶证 portrait that meets every rule: 260×378, face 177 wide, crown 15 px down, head 240 tall. */
const goodLicence: Portrait = { width: 260, height: 378, background: WHITE, centreX: 130, crownY: 15, faceWidth: 177, chinY: 255 };

function failed(portrait: Portrait, spec: keyof typeof PHOTO_SPECS, jpegBytes: number): PhotoRule[] {
  const { image, face } = drawPortrait(portrait);
  return checkPhoto(PHOTO_SPECS[spec], { image, jpegBytes, jpegQuality: 90, face })
    .filter((rule) => !rule.passed)
    .map((rule) => rule.rule);
}

describe('standard photo checks (pure, over generated images)', () => {
  it('passes a 驾驶证 photo that meets every rule', () => {
    expect(failed(goodLicence, 'drivingLicence', 20 * KB)).toEqual([]);
  });

  it('measures the crown from the pixels', () => {
    const { image, face } = drawPortrait(goodLicence);
    expect(Math.abs(crownY(image, face, backgroundStats(image, face).mean) - 15)).toBeLessThanOrEqual(1);
  });

  it('fails a wrong background colour and a non-uniform background', () => {
    expect(failed({ ...goodLicence, background: [200, 220, 250] }, 'drivingLicence', 20 * KB)).toEqual(['background']);
    const gradient = (x: number): [number, number, number] => [250 - x / 3, 250 - x / 3, 250];
    expect(failed({ ...goodLicence, background: gradient }, 'drivingLicence', 20 * KB)).toContain('background');
  });

  it('accepts light blue only where the spec allows it (出入境)', () => {
    // Crown 4 mm down, head 30.5 mm tall, face 18.5 mm wide on the 33×48 mm print (10.83 px per mm).
    const exit: Portrait = { width: 390, height: 520, background: [205, 225, 250], centreX: 195, crownY: 43, faceWidth: 200, chinY: 373 };
    expect(classifyBackground([205, 225, 250])).toBe('lightBlue');
    expect(failed(exit, 'exitEntry', 40 * KB)).toEqual([]);
    expect(failed({ ...exit, background: [235, 180, 180] }, 'exitEntry', 40 * KB)).toEqual(['background']);
  });

  it('fails a head that is too small', () => {
    const small = failed({ ...goodLicence, faceWidth: 120, chinY: 200 }, 'drivingLicence', 20 * KB);
    expect(small).toContain('headWidth');
    expect(small).toContain('headHeight');
  });

  it('fails an off-centre face', () => {
    expect(failed({ ...goodLicence, centreX: 150 }, 'drivingLicence', 20 * KB)).toEqual(['centred']);
  });

  it('fails a JPEG that is too large or too small for the spec', () => {
    expect(failed(goodLicence, 'drivingLicence', 40 * KB)).toEqual(['fileSize']);
    expect(failed(goodLicence, 'drivingLicence', 10 * KB)).toEqual(['fileSize']);
  });

  it('fails a JPEG saved below the spec\'s quality', () => {
    const { image, face } = drawPortrait(goodLicence);
    const failedAt = (quality: number | null) =>
      checkPhoto(PHOTO_SPECS.drivingLicence, { image, jpegBytes: 20 * KB, jpegQuality: quality, face })
        .filter((rule) => !rule.passed)
        .map((rule) => rule.rule);
    expect(failedAt(70)).toEqual([]);
    expect(failedAt(65)).toEqual(['jpegQuality']);
    expect(failedAt(null)).toEqual(['jpegQuality']);
  });

  it('fails a crown too close to the top, and wrong dimensions', () => {
    expect(failed({ ...goodLicence, crownY: 2, chinY: 242 }, 'drivingLicence', 20 * KB)).toContain('crownGap');
    expect(failed({ ...goodLicence, width: 300 }, 'drivingLicence', 20 * KB)).toContain('dimensions');
    const notThreeFour: Portrait = { width: 400, height: 500, background: WHITE, centreX: 200, crownY: 54, faceWidth: 240, chinY: 430 };
    expect(failed(notThreeFour, 'exitEntry', 40 * KB)).toContain('dimensions');
  });

  it('checks the 居民身份证 eye line and a missing face', () => {
    const id: Portrait = { width: 358, height: 441, background: WHITE, centreX: 179, crownY: 14, faceWidth: 207, chinY: 330 };
    expect(failed(id, 'residentId', 30 * KB)).toEqual([]);
    expect(failed({ ...id, crownY: 110, chinY: 430 }, 'residentId', 30 * KB)).toEqual(expect.arrayContaining(['eyeLine', 'crownGap']));
    const { image } = drawPortrait(id);
    const rules = checkPhoto(PHOTO_SPECS.residentId, { image, jpegBytes: 30 * KB, jpegQuality: 90, face: null });
    expect(rules.find((r) => r.rule === 'face')?.passed).toBe(false);
  });
});
