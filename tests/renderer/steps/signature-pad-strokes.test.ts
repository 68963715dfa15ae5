/** The pad's point groups as the contract's vector data: whatever the pad records, what is sent parses, or nothing is sent. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIGNATURE_LIMITS, SignatureStrokes } from '../../../electron/contract';
import { padStrokes } from '../../../renderer/steps/signature/pad-strokes';

const number = fc.oneof(fc.double(), fc.double({ min: -100, max: 2000, noNaN: true }));
const groups = fc.array(fc.record({ points: fc.array(fc.record({ x: number, y: number, time: fc.oneof(fc.double(), fc.integer({ min: 1.7e12, max: 1.8e12 })), pressure: number }), { maxLength: 30 }) }), { maxLength: 10 });

describe('padStrokes', () => {
  it('anything the pad records becomes a signature the contract accepts, or none (empty, too long)', () => {
    fc.assert(
      fc.property(groups, fc.double({ min: -10, max: 4000 }), fc.double({ min: -10, max: 4000 }), (pad, width, height) => {
        const result = padStrokes(pad, width, height);
        if (result.ok) expect(SignatureStrokes.safeParse(result.value).success).toBe(true);
        else expect(['empty', 'tooLong']).toContain(result.error);
      }),
      { numRuns: 1000 },
    );
  });

  it('normalises to the pad: times from the first point, never backwards; no pressure when the screen has none', () => {
    const result = padStrokes(
      [
        { points: [{ x: 90, y: 30, time: 1000, pressure: 0 }, { x: 180, y: 60, time: 1010, pressure: 0 }] },
        { points: [{ x: 450, y: 150, time: 1005, pressure: 0.7 }] },
      ],
      900,
      300,
    );
    expect(result).toEqual({
      ok: true,
      value: { aspect: 3, strokes: [[{ x: 0.1, y: 0.1, t: 0 }, { x: 0.2, y: 0.2, t: 10 }], [{ x: 0.5, y: 0.5, t: 10, p: 0.7 }]] },
    });
  });

  it('a pad clock that says nothing sensible (NaN, Infinity) still gives times that do not go backwards', () => {
    const result = padStrokes([{ points: [{ x: 1, y: 1, time: NaN, pressure: 0 }, { x: 2, y: 2, time: Infinity, pressure: 0 }, { x: 3, y: 3, time: 5, pressure: 0 }] }], 900, 300);
    expect(result.ok && result.value.strokes[0]!.map((p) => p.t)).toEqual([0, 0, 0]);
  });

  it('a signature over the limits is not sent', () => {
    const long = Array.from({ length: SIGNATURE_LIMITS.maxPointsPerStroke + 1 }, (_, i) => ({ x: i % 900, y: 100, time: i, pressure: 0 }));
    expect(padStrokes([{ points: long }], 900, 300)).toEqual({ ok: false, error: 'tooLong' });
    expect(padStrokes([], 900, 300)).toEqual({ ok: false, error: 'empty' });
  });
});
