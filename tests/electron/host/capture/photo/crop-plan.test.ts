/**
 * Where the standard photo's pixels come from (electron/host/capture/photo/crop-plan.ts):
 * the part of the frame inside the crop, scaled, plus margins for whatever
 * lies beyond the frame, always adding up to the photo's size; crops the
 * frame cannot fill are refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planCrop } from '../../../../../electron/host/capture/photo/crop-plan';

const FRAME = { width: 640, height: 480 };
const LICENCE = { width: 260, height: 378 };

describe('the crop plan', () => {
  it('a crop inside the frame is extracted and scaled, with no margins', () => {
    expect(planCrop(FRAME, { x: 180, y: 40, width: 280 }, LICENCE)).toEqual({
      extract: { left: 180, top: 40, width: 280, height: 407 },
      resize: LICENCE,
      extend: { top: 0, right: 0, bottom: 0, left: 0 },
    });
  });

  it('a crop reaching above the frame gets a top margin of the missing rows, scaled', () => {
    const plan = planCrop(FRAME, { x: 180, y: -20, width: 280 }, LICENCE);
    expect(plan?.extract).toEqual({ left: 180, top: 0, width: 280, height: 387 });
    expect(plan?.extend).toEqual({ top: Math.round((20 * 260) / 280), right: 0, bottom: 0, left: 0 });
    expect(plan!.resize.height + plan!.extend.top).toBe(378);
  });

  it('refuses crops the frame cannot fill, and absurd scales', () => {
    expect(planCrop(FRAME, { x: 700, y: 0, width: 200 }, LICENCE)).toBeNull();
    expect(planCrop(FRAME, { x: -250, y: 0, width: 300 }, LICENCE)).toBeNull();
    expect(planCrop(FRAME, { x: 0, y: 0, width: 10 }, LICENCE)).toBeNull();
    expect(planCrop(FRAME, { x: 0, y: 0, width: 20_000 }, LICENCE)).toBeNull();
  });

  it('property: any plan stays inside the frame and adds up to the photo', () => {
    fc.assert(
      fc.property(fc.double({ min: -400, max: 900, noNaN: true }), fc.double({ min: -400, max: 700, noNaN: true }), fc.double({ min: 1, max: 5000, noNaN: true }), (x, y, width) => {
        const plan = planCrop(FRAME, { x, y, width }, LICENCE);
        if (!plan) return true;
        const { extract, resize, extend } = plan;
        const inside = extract.left >= 0 && extract.top >= 0 && extract.left + extract.width <= FRAME.width && extract.top + extract.height <= FRAME.height;
        const margins = [extend.top, extend.right, extend.bottom, extend.left].every((m) => m >= 0);
        return inside && margins && resize.width + extend.left + extend.right === LICENCE.width && resize.height + extend.top + extend.bottom === LICENCE.height && resize.width * 2 >= LICENCE.width;
      }),
      { numRuns: 2000 },
    );
  });
});
