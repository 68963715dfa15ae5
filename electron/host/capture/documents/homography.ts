/**
 * The projective map (homography) between two quadrilaterals: the 3×3
 * matrix H with H·(x, y, 1) ∝ (x', y', 1) for each of four corner pairs,
 * from the 8×8 linear system solved by Gaussian elimination with partial
 * pivoting. Three collinear corners give no map: a value, not a throw.
 */
import { err, ok, type Result } from '../../../../domain/result';

export interface Point {
  x: number;
  y: number;
}

/** Four corners in order: top-left, top-right, bottom-right, bottom-left. */
export type Quad = readonly [Point, Point, Point, Point];

/** Row-major 3×3, with H[8] = 1. */
export type Homography = readonly [number, number, number, number, number, number, number, number, number];

/** The map taking `from[i]` to `to[i]`; `degenerate` when the corners do not span a plane. */
export function homography(from: Quad, to: Quad): Result<Homography, 'degenerate'> {
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = from[i]!;
    const { x: u, y: v } = to[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  const solved = solve8(a);
  if (!solved) return err('degenerate');
  const h = [...solved, 1] as unknown as Homography;
  return h.every(Number.isFinite) ? ok(h) : err('degenerate');
}

/** `p` mapped by `h` (NaN when it maps to infinity). */
export function project(h: Homography, p: Point): Point {
  const w = h[6] * p.x + h[7] * p.y + h[8];
  return { x: (h[0] * p.x + h[1] * p.y + h[2]) / w, y: (h[3] * p.x + h[4] * p.y + h[5]) / w };
}

/** Solves the augmented 8×9 system in place; null when it is (near) singular. */
function solve8(a: number[][]): number[] | null {
  const n = 8;
  // Scale-aware tolerance: coordinates are pixels (up to a few thousand).
  const scale = Math.max(1, ...a.flat().map(Math.abs));
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    if (Math.abs(a[pivot]![col]!) < scale * 1e-12) return null;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const p = a[col]!;
    for (let row = 0; row < n; row++) {
      if (row === col) continue;
      const r = a[row]!;
      const f = r[col]! / p[col]!;
      if (f === 0) continue;
      for (let k = col; k <= n; k++) r[k]! -= f * p[k]!;
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
}
