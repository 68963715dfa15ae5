/**
 * The pad's strokes (signature_pad's point groups, in CSS pixels of the pad
 * and epoch milliseconds) as the contract's vector data: x and y in 0…1 of
 * the pad, times in ms from the first point and never going backwards,
 * pressure only when the screen reported one. A signature over the
 * contract's limits is not sent (the host would refuse it); the citizen
 * clears the pad and signs again.
 */
import { SIGNATURE_LIMITS, type SignatureStrokes } from '../../../electron/contract';
import type { Result } from '../../../domain/result';

/** One point as signature_pad records it. */
export interface PadPoint {
  x: number;
  y: number;
  time: number;
  pressure: number;
}

export type PadProblem = 'empty' | 'tooLong';

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
/** Four places: a tenth of a pixel on a 1000-pixel pad, and a short message. */
const unit = (value: number) => round(clamp(Number.isFinite(value) ? value : 0, 0, 1), 4);

/** The pad's point groups, normalised to a pad `width` × `height` CSS pixels. */
export function padStrokes(groups: ReadonlyArray<{ points: readonly PadPoint[] }>, width: number, height: number): Result<SignatureStrokes, PadProblem> {
  const drawn = groups.filter((group) => group.points.length > 0);
  if (drawn.length === 0 || !(width > 0) || !(height > 0)) return { ok: false, error: 'empty' };
  const total = drawn.reduce((sum, group) => sum + group.points.length, 0);
  if (drawn.length > SIGNATURE_LIMITS.maxStrokes || total > SIGNATURE_LIMITS.maxPoints || drawn.some((g) => g.points.length > SIGNATURE_LIMITS.maxPointsPerStroke)) {
    return { ok: false, error: 'tooLong' };
  }
  const start = drawn[0]!.points[0]!.time;
  let last = 0;
  const strokes = drawn.map((group) =>
    group.points.map((point) => {
      const since = point.time - start;
      const elapsed = Number.isFinite(since) ? Math.round(since) : last;
      last = clamp(Math.max(last, elapsed), 0, SIGNATURE_LIMITS.maxDurationMs);
      const base = { x: unit(point.x / width), y: unit(point.y / height), t: last };
      // signature_pad records 0 when the screen has no pressure.
      return point.pressure > 0 && Number.isFinite(point.pressure) ? { ...base, p: round(clamp(point.pressure, 0, 1), 3) } : base;
    }),
  );
  const aspect = round(clamp(width / height, SIGNATURE_LIMITS.minAspect, SIGNATURE_LIMITS.maxAspect), 4);
  return { ok: true, value: { aspect, strokes } };
}
