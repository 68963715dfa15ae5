/**
 * The host's judgement of a signature from the pad: well-formed (the
 * contract's bounds, checked again here because the host never trusts what
 * reached it), long enough and large enough to be a signature rather than a
 * dot or a tiny scribble. Lengths are in pad heights (x is scaled by the
 * pad's aspect), so the same hand gives the same numbers on any screen.
 * The canonical form (fixed key order, optional pressure only when given)
 * is what is hashed, kept and drawn.
 */
import { createHash } from 'node:crypto';
import { SignatureStrokes } from '../../../contract';
import { err, ok, type Result } from '../../../../domain/result';

/** Total ink, in pad heights: about a short name written across a third of the pad. */
export const MIN_TOTAL_LENGTH = 0.8;
/** The larger side of the strokes' bounding box, in pad heights. */
export const MIN_EXTENT = 0.3;

export type SignatureProblem = 'malformed' | 'tooShort' | 'tooSmall';

export interface CheckedSignature {
  signature: SignatureStrokes;
  /** Lower-case hex SHA-256 of {@link canonicalSignatureJson}. */
  sha256: string;
  /** Total stroke length and bounding box, in pad heights. */
  length: number;
  width: number;
  height: number;
}

/** Checks `input` (anything); never throws. */
export function checkSignature(input: unknown): Result<CheckedSignature, SignatureProblem> {
  const parsed = SignatureStrokes.safeParse(input);
  if (!parsed.success) return err('malformed');
  const signature = canonical(parsed.data);
  const { length, width, height } = measure(signature);
  if (!(length >= MIN_TOTAL_LENGTH)) return err('tooShort');
  if (!(Math.max(width, height) >= MIN_EXTENT)) return err('tooSmall');
  const sha256 = createHash('sha256').update(canonicalSignatureJson(signature), 'utf8').digest('hex');
  return ok({ signature, sha256, length, width, height });
}

/** The JSON that is hashed: `{"aspect":…,"strokes":[[{"x":…,"y":…,"t":…(,"p":…)}…]…]}`, numbers as JavaScript writes them. */
export function canonicalSignatureJson(signature: SignatureStrokes): string {
  return JSON.stringify(canonical(signature));
}

function canonical(signature: SignatureStrokes): SignatureStrokes {
  return {
    aspect: signature.aspect,
    strokes: signature.strokes.map((stroke) => stroke.map(({ x, y, t, p }) => (p === undefined ? { x, y, t } : { x, y, t, p }))),
  };
}

function measure(signature: SignatureStrokes): { length: number; width: number; height: number } {
  const { aspect } = signature;
  let length = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const stroke of signature.strokes) {
    for (const [i, point] of stroke.entries()) {
      minX = Math.min(minX, point.x);
      maxX = Math.max(maxX, point.x);
      minY = Math.min(minY, point.y);
      maxY = Math.max(maxY, point.y);
      const before = stroke[i - 1];
      if (before) length += Math.hypot((point.x - before.x) * aspect, point.y - before.y);
    }
  }
  return { length, width: (maxX - minX) * aspect, height: maxY - minY };
}
