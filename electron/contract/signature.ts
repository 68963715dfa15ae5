/**
 * A handwritten signature as vector data: strokes of points, each point
 * normalised to the pad (x and y in 0…1 of its width and height), with its
 * time in ms since the first point and the pen's pressure when the screen
 * reports one. Never an image: the host measures it, hashes it and draws it
 * as vector paths into the documents that need it.
 *
 * The bounds keep a hostile message small and finite (the WebSocket takes
 * 256 KiB; 3,000 points are about 150 KB as JSON). Times never go backwards
 * within the signature; two points may share a millisecond (touch screens
 * report in bursts), so they need only not decrease.
 */
import { z } from 'zod';

export const SIGNATURE_LIMITS = {
  maxStrokes: 64,
  maxPointsPerStroke: 1000,
  maxPoints: 3000,
  /** Ten minutes from the first point to the last. */
  maxDurationMs: 600_000,
  /** The pad's width over its height. */
  minAspect: 0.25,
  maxAspect: 8,
} as const;

/** 0…1 of the pad's side; zod's number refuses NaN and ±Infinity. */
const Unit = z.number().min(0).max(1);

export const SignaturePoint = z
  .object({
    x: Unit,
    y: Unit,
    /** ms since the signature's first point. */
    t: z.number().min(0).max(SIGNATURE_LIMITS.maxDurationMs),
    /** Pen pressure 0…1, when the screen reports it. */
    p: Unit.optional(),
  })
  .strict();
export type SignaturePoint = z.infer<typeof SignaturePoint>;

export const SignatureStroke = z.array(SignaturePoint).min(1).max(SIGNATURE_LIMITS.maxPointsPerStroke);
export type SignatureStroke = z.infer<typeof SignatureStroke>;

export const SignatureStrokes = z
  .object({
    /** The pad's width over its height, so the strokes keep their shape when drawn elsewhere. */
    aspect: z.number().min(SIGNATURE_LIMITS.minAspect).max(SIGNATURE_LIMITS.maxAspect),
    strokes: z.array(SignatureStroke).min(1).max(SIGNATURE_LIMITS.maxStrokes),
  })
  .strict()
  .superRefine((signature, ctx) => {
    let points = 0;
    let last = 0;
    for (const [s, stroke] of signature.strokes.entries()) {
      points += stroke.length;
      for (const [i, point] of stroke.entries()) {
        if (point.t < last) {
          ctx.addIssue({ code: 'custom', path: ['strokes', s, i, 't'], message: 'times must not go backwards' });
          return;
        }
        last = point.t;
      }
    }
    if (points > SIGNATURE_LIMITS.maxPoints) ctx.addIssue({ code: 'custom', path: ['strokes'], message: `at most ${SIGNATURE_LIMITS.maxPoints} points` });
  });
export type SignatureStrokes = z.infer<typeof SignatureStrokes>;
