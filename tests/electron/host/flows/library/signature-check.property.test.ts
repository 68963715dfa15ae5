/**
 * The host's signature check against hostile and random input: it never
 * throws, never accepts a point outside the pad, a non-finite number, time
 * running backwards or more than the limits allow, and accepts exactly the
 * well-formed signatures that are long and large enough.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIGNATURE_LIMITS, type SignatureStrokes } from '../../../../../electron/contract';
import { canonicalSignatureJson, checkSignature, MIN_EXTENT, MIN_TOTAL_LENGTH } from '../../../../../electron/host/flows/library';

const unit = fc.double({ min: 0, max: 1, noNaN: true });
/** Well-formed signatures: points in the box, times not decreasing. */
const wellFormed: fc.Arbitrary<SignatureStrokes> = fc
  .record({
    aspect: fc.double({ min: SIGNATURE_LIMITS.minAspect, max: SIGNATURE_LIMITS.maxAspect, noNaN: true }),
    strokes: fc.array(fc.array(fc.record({ x: unit, y: unit, gap: fc.nat(50), p: fc.option(unit, { nil: undefined }) }), { minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 8 }),
  })
  .map(({ aspect, strokes }) => {
    let t = 0;
    return {
      aspect,
      strokes: strokes.map((stroke) =>
        stroke.map(({ x, y, gap, p }) => {
          t += gap;
          return p === undefined ? { x, y, t } : { x, y, t, p };
        }),
      ),
    };
  });

const hostileNumber = fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1, 1.0000001, Number.MAX_SAFE_INTEGER), fc.integer());
const hostileValue = fc.oneof(hostileNumber, fc.string(), fc.constant(null), fc.constant(undefined), fc.boolean(), fc.object());

function metrics(signature: SignatureStrokes) {
  let length = 0;
  const xs: number[] = [];
  const ys: number[] = [];
  for (const stroke of signature.strokes) {
    stroke.forEach((point, i) => {
      xs.push(point.x);
      ys.push(point.y);
      const before = stroke[i - 1];
      if (before) length += Math.hypot((point.x - before.x) * signature.aspect, point.y - before.y);
    });
  }
  return { length, extent: Math.max((Math.max(...xs) - Math.min(...xs)) * signature.aspect, Math.max(...ys) - Math.min(...ys)) };
}

describe('checkSignature (property)', () => {
  it('never throws on anything at all', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const checked = checkSignature(input);
        expect(typeof checked.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('never accepts a signature with one hostile number in it (out of the box, non-finite, negative time, bad aspect)', () => {
    fc.assert(
      fc.property(wellFormed, fc.nat(), fc.constantFrom('x', 'y', 't', 'p', 'aspect'), hostileValue, (signature, at, field, value) => {
        const inRange = (min: number, max: number) => typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
        const legal =
          field === 'aspect'
            ? inRange(SIGNATURE_LIMITS.minAspect, SIGNATURE_LIMITS.maxAspect)
            : field === 't'
              ? inRange(0, SIGNATURE_LIMITS.maxDurationMs)
              : inRange(0, 1) || (field === 'p' && value === undefined);
        const copy = structuredClone(signature) as unknown as { aspect: unknown; strokes: Array<Array<Record<string, unknown>>> };
        if (field === 'aspect') copy.aspect = value;
        else {
          const flat = copy.strokes.flat();
          flat[at % flat.length]![field] = value;
        }
        const checked = checkSignature(copy);
        if (!legal) expect(checked).toEqual({ ok: false, error: 'malformed' });
        if (!checked.ok) return;
        // Accepted: every point is in the box, every number finite.
        for (const point of checked.value.signature.strokes.flat()) {
          for (const v of [point.x, point.y, point.p ?? 0]) expect(v >= 0 && v <= 1).toBe(true);
          expect(Number.isFinite(point.t) && point.t >= 0 && point.t <= SIGNATURE_LIMITS.maxDurationMs).toBe(true);
        }
        expect(checked.value.signature.aspect >= SIGNATURE_LIMITS.minAspect && checked.value.signature.aspect <= SIGNATURE_LIMITS.maxAspect).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses time running backwards anywhere (within a stroke or from one stroke to the next)', () => {
    fc.assert(
      fc.property(wellFormed.filter((s) => s.strokes.flat().length >= 2), fc.nat(), fc.double({ min: 0.001, max: 100, noNaN: true }), (signature, at, delta) => {
        const copy = structuredClone(signature);
        const flat = copy.strokes.flat();
        const i = 1 + (at % (flat.length - 1));
        flat[i]!.t = flat[i - 1]!.t - delta;
        expect(checkSignature(copy)).toEqual({ ok: false, error: 'malformed' });
      }),
    );
  });

  it('refuses more strokes, or more points, than the limits', () => {
    const point = (t: number) => ({ x: (t % 100) / 100, y: 0.5, t });
    const tooManyStrokes = { aspect: 2, strokes: Array.from({ length: SIGNATURE_LIMITS.maxStrokes + 1 }, (_, i) => [point(i)]) };
    const tooLongStroke = { aspect: 2, strokes: [Array.from({ length: SIGNATURE_LIMITS.maxPointsPerStroke + 1 }, (_, i) => point(i))] };
    const tooManyPoints = { aspect: 2, strokes: Array.from({ length: 4 }, (_, s) => Array.from({ length: 800 }, (_, i) => point(s * 800 + i))) };
    for (const signature of [tooManyStrokes, tooLongStroke, tooManyPoints]) expect(checkSignature(signature)).toEqual({ ok: false, error: 'malformed' });
  });

  it('accepts a well-formed signature exactly when it is long enough and large enough', () => {
    fc.assert(
      fc.property(wellFormed, (signature) => {
        const { length, extent } = metrics(signature);
        const checked = checkSignature(signature);
        if (length < MIN_TOTAL_LENGTH) expect(checked).toEqual({ ok: false, error: 'tooShort' });
        else if (extent < MIN_EXTENT) expect(checked).toEqual({ ok: false, error: 'tooSmall' });
        else {
          expect(checked.ok).toBe(true);
          if (checked.ok) expect(canonicalSignatureJson(checked.value.signature)).toBe(canonicalSignatureJson(signature));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('a signature shrunk into a box smaller than the minimum is never accepted, however much ink', () => {
    fc.assert(
      fc.property(wellFormed, (signature) => {
        // Into a square MIN_EXTENT * 0.9 pad heights on a side, at the middle.
        const k = (MIN_EXTENT * 0.9);
        const shrunk = { ...signature, strokes: signature.strokes.map((s) => s.map((p) => ({ ...p, x: 0.5 + (p.x - 0.5) * (k / signature.aspect), y: 0.5 + (p.y - 0.5) * k }))) };
        expect(checkSignature(shrunk).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
