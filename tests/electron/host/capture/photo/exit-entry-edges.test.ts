/**
 * The host's 出入境 head rules at the edges of the 指引's ranges (issue 17):
 * heads drawn as boxes (the crown on a whole row, measured from the pixels;
 * the chin from the landmarks), checked by checkPhoto with PHOTO_SPECS.exitEntry.
 * At 360×480 a millimetre of the 33×48 mm print is exactly 10 px, so each
 * edge and the tenth of a millimetre beyond it are whole pixels; the kiosk's
 * own 390×520 photo is checked at the millimetre edges too.
 */
import { describe, expect, it } from 'vitest';
import type { PhotoRule } from '../../../../../electron/contract';
import { checkPhoto } from '../../../../../electron/host/capture/photo/checks';
import { PHOTO_SPECS } from '../../../../../electron/host/capture/photo/spec';
import { drawBoxHead } from './draw';

const KB = 1024;
const WHITE: [number, number, number] = [250, 250, 250];

interface Head {
  width: number;
  height: number;
  crownY: number;
  faceWidth: number;
  chinY: number;
}

/** Every rule's verdict for a drawn head, by rule. */
function verdicts(head: Head): Map<PhotoRule, boolean> {
  const { image, face } = drawBoxHead({ ...head, background: WHITE, centreX: head.width / 2 });
  const rules = checkPhoto(PHOTO_SPECS.exitEntry, { image, jpegBytes: 40 * KB, jpegQuality: 90, face });
  return new Map(rules.map((rule) => [rule.rule, rule.passed]));
}

const failing = (head: Head) => [...verdicts(head)].filter(([, passed]) => !passed).map(([rule]) => rule);

describe('出入境 head rules at 360×480 (10 px per mm)', () => {
  // Crown 4 mm down, head 30.5 mm tall, face 18.5 mm wide: inside every range.
  const typical: Head = { width: 360, height: 480, crownY: 40, faceWidth: 185, chinY: 345 };

  it('passes a typical head', () => {
    expect(failing(typical)).toEqual([]);
  });

  it.each([
    ['exactly 28 mm', 280, true],
    ['27.9 mm', 279, false],
    ['exactly 33 mm', 330, true],
    ['33.1 mm', 331, false],
  ])('head height %s: %s', (_, px, passes) => {
    expect(failing({ ...typical, chinY: typical.crownY + px })).toEqual(passes ? [] : ['headHeight']);
  });

  it.each([
    ['exactly 3 mm', 30, true],
    ['2.9 mm', 29, false],
    ['exactly 5 mm', 50, true],
    ['5.1 mm', 51, false],
  ])('crown gap %s: %s', (_, px, passes) => {
    expect(failing({ ...typical, crownY: px, chinY: px + 305 })).toEqual(passes ? [] : ['crownGap']);
  });

  it.each([
    ['exactly 15 mm', 150, true],
    ['14.9 mm', 149, false],
    ['exactly 22 mm', 220, true],
    ['22.1 mm', 221, false],
  ])('head width %s: %s', (_, px, passes) => {
    expect(failing({ ...typical, faceWidth: px })).toEqual(passes ? [] : ['headWidth']);
  });

  it('chin gap exactly 7 mm passes the chin rule, 6.9 mm fails it', () => {
    // On the 48 mm print the chin rule cannot bind while crown (≤ 5 mm) and head (≤ 33 mm) pass: 10 mm are left.
    // So a chin 7 mm up means a head too tall: only the chin rule's own verdict is read here.
    expect(verdicts({ ...typical, chinY: 480 - 70 }).get('chinGap')).toBe(true);
    expect(verdicts({ ...typical, chinY: 480 - 69 }).get('chinGap')).toBe(false);
    expect(verdicts({ ...typical, crownY: 50, chinY: 50 + 330 }).get('chinGap')).toBe(true);
  });

  it('the highest and the lowest head the rules allow both pass', () => {
    expect(failing({ ...typical, crownY: 30, chinY: 30 + 280 })).toEqual([]);
    expect(failing({ ...typical, crownY: 50, chinY: 50 + 330 })).toEqual([]);
  });
});

describe('出入境 head rules on the kiosk photo, 390×520 (10.83 px per mm)', () => {
  const perMm = 520 / 48;
  const typical: Head = { width: 390, height: 520, crownY: 43, faceWidth: 200, chinY: 43 + 30.5 * perMm };

  it('passes a head 33 mm tall with the crown 5 mm down, which the old 30×40 mm reading refused', () => {
    // Crown on row 54 (4.98 mm), chin 33 mm below it.
    expect(failing({ ...typical, crownY: 54, chinY: 54 + 33 * perMm })).toEqual([]);
    expect(failing(typical)).toEqual([]);
  });

  it.each([
    ['exactly 28 mm', 28, true],
    ['27.9 mm', 27.9, false],
    ['exactly 33 mm', 33, true],
    ['33.1 mm', 33.1, false],
  ])('head height %s: %s', (_, mm, passes) => {
    expect(failing({ ...typical, chinY: typical.crownY + mm * perMm })).toEqual(passes ? [] : ['headHeight']);
  });

  it.each([
    ['row 33 (3.05 mm)', 33, true],
    ['row 32 (2.95 mm)', 32, false],
    ['row 54 (4.98 mm)', 54, true],
    ['row 55 (5.08 mm)', 55, false],
  ])('crown gap at %s: %s', (_, row, passes) => {
    expect(failing({ ...typical, crownY: row, chinY: row + 30.5 * perMm })).toEqual(passes ? [] : ['crownGap']);
  });

  it('chin gap exactly 7 mm passes the chin rule, 6.9 mm fails it', () => {
    expect(verdicts({ ...typical, chinY: 520 - 7 * perMm }).get('chinGap')).toBe(true);
    expect(verdicts({ ...typical, chinY: 520 - 6.9 * perMm }).get('chinGap')).toBe(false);
  });

  it('scales with the photo: the same head in a 480×640 photo from a studio passes at its own scale', () => {
    const big = 640 / 48;
    expect(failing({ width: 480, height: 640, crownY: 60, faceWidth: 250, chinY: 60 + 30 * big })).toEqual([]);
    expect(failing({ width: 480, height: 640, crownY: 60, faceWidth: 250, chinY: 60 + 27.9 * big })).toEqual(['headHeight']);
  });
});
