/**
 * The 出入境 photo geometry (domain/exit-entry-photo.ts): the 指引's millimetres
 * on the 33×48 mm print, in pixels of a digital photo by its height.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXIT_ENTRY_HEAD_MM, EXIT_ENTRY_MIN_PX, EXIT_ENTRY_PHOTO_PX, EXIT_ENTRY_PRINT_MM, exitEntryHeadPx, exitEntryPxPerMm } from '../../domain/exit-entry-photo';

describe('出入境 photo geometry', () => {
  it('takes the vertical scale of the 33×48 mm print at 354×472 px, as the two scales are 9 % apart', () => {
    const across = EXIT_ENTRY_MIN_PX.width / EXIT_ENTRY_PRINT_MM.width;
    const down = EXIT_ENTRY_MIN_PX.height / EXIT_ENTRY_PRINT_MM.height;
    expect(across).toBeCloseTo(10.73, 2);
    expect(down).toBeCloseTo(9.83, 2);
    expect(across / down).toBeCloseTo(1.09, 2);
    expect(exitEntryPxPerMm(EXIT_ENTRY_MIN_PX.height)).toBe(down);
    // Why the vertical one: the tallest head the rules allow (crown 5 + head 33 + chin 7 mm) fits 472 px at it, not at the horizontal one.
    const tallest = EXIT_ENTRY_HEAD_MM.crownGap.max + EXIT_ENTRY_HEAD_MM.height.max + EXIT_ENTRY_HEAD_MM.chinGapMin;
    expect(tallest * down).toBeLessThanOrEqual(EXIT_ENTRY_MIN_PX.height);
    expect(tallest * across).toBeGreaterThan(EXIT_ENTRY_MIN_PX.height);
  });

  it('gives whole pixels where the scale is whole: 360×480 is 10 px per mm', () => {
    expect(exitEntryHeadPx(480)).toEqual({
      pxPerMm: 10,
      headWidth: { min: 150, max: 220 },
      headHeight: { min: 280, max: 330 },
      crownGap: { min: 30, max: 50 },
      chinGapMin: 70,
    });
  });

  it('the kiosk photo (390×520, 10.83 px per mm): limits rounded outwards to a tenth of a pixel', () => {
    expect(EXIT_ENTRY_PHOTO_PX).toEqual({ width: 390, height: 520 });
    expect(exitEntryHeadPx(EXIT_ENTRY_PHOTO_PX.height)).toEqual({
      pxPerMm: 520 / 48,
      headWidth: { min: 162.5, max: 238.4 }, // 15 and 22 mm: 162.5, 238.33…
      headHeight: { min: 303.3, max: 357.5 }, // 28 and 33 mm: 303.33…, 357.5
      crownGap: { min: 32.5, max: 54.2 }, // 3 and 5 mm: 32.5, 54.16…
      chinGapMin: 75.8, // 7 mm: 75.83…
    });
  });

  it('the smallest photo (354×472) holds every head the rules allow; the old 30×40 mm reading held none taller than 30 mm', () => {
    const px = exitEntryHeadPx(EXIT_ENTRY_MIN_PX.height);
    expect(px.crownGap.max + px.headHeight.max + px.chinGapMin).toBeLessThanOrEqual(EXIT_ENTRY_MIN_PX.height);
    // The bug (issue 17): 354 px for 30 mm put 3 + 33 + 7 mm at 507 px in a 472 px photo.
    const oldScale = EXIT_ENTRY_MIN_PX.width / 30;
    expect((3 + 33 + 7) * oldScale).toBeGreaterThan(EXIT_ENTRY_MIN_PX.height);
  });

  it('property: every allowed height gives limits that contain the millimetres exactly and stray at most a tenth of a pixel', () => {
    fc.assert(
      fc.property(fc.integer({ min: 472, max: 640 }), (height) => {
        const px = exitEntryHeadPx(height);
        const exact = (mm: number) => (mm * height) / 48;
        const spans = [
          [px.headWidth, EXIT_ENTRY_HEAD_MM.width],
          [px.headHeight, EXIT_ENTRY_HEAD_MM.height],
          [px.crownGap, EXIT_ENTRY_HEAD_MM.crownGap],
        ] as const;
        for (const [span, mm] of spans) {
          expect(span.min).toBeLessThanOrEqual(exact(mm.min) + 1e-9);
          expect(span.min).toBeGreaterThan(exact(mm.min) - 0.1);
          expect(span.max).toBeGreaterThanOrEqual(exact(mm.max) - 1e-9);
          expect(span.max).toBeLessThan(exact(mm.max) + 0.1);
        }
        expect(px.chinGapMin).toBeLessThanOrEqual(exact(EXIT_ENTRY_HEAD_MM.chinGapMin) + 1e-9);
        expect(px.chinGapMin).toBeGreaterThan(exact(EXIT_ENTRY_HEAD_MM.chinGapMin) - 0.1);
      }),
    );
  });
});
