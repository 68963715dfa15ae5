/**
 * Measures of a face mesh (human's 468 points): eye openness and yaw. One
 * source for both sides, so the renderer's on-screen guidance ("blink now",
 * "turn further") and the host's judgement of the liveness challenge, made
 * from the frames it asked for, can never disagree about what a blink or a
 * turn is. Pure: no model, no I/O.
 */

/** A mesh point as human returns it. */
export type MeshPoint = readonly [number, number, number?];

const dist = (a: MeshPoint, b: MeshPoint) => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** Eyelid gap over eye width, averaged over both eyes (mesh 159/145/33/133 and 386/374/362/263): ~0.3 open, <0.12 closed. */
export function eyeOpenness(mesh: readonly MeshPoint[]): number {
  const p = (i: number): MeshPoint => mesh[i] ?? [0, 0, 0];
  const right = dist(p(159), p(145)) / Math.max(1e-6, dist(p(33), p(133)));
  const left = dist(p(386), p(374)) / Math.max(1e-6, dist(p(362), p(263)));
  return (right + left) / 2;
}

/** Yaw in degrees from where the nose tip (1) sits between the cheeks (234, 454); + = the citizen's own left. */
export function yawDegrees(mesh: readonly MeshPoint[]): number {
  const p = (i: number): MeshPoint => mesh[i] ?? [0, 0, 0];
  const a = p(234)[0];
  const b = p(454)[0];
  const span = b - a;
  if (Math.abs(span) < 1e-6) return 0;
  const ratio = (p(1)[0] - a) / span;
  const s = Math.max(-1, Math.min(1, 2 * (ratio - 0.5)));
  return (Math.asin(s) * 180) / Math.PI;
}
