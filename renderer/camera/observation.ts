/**
 * What the face worker reports for one frame, and the pure measures it is
 * built from (eye openness, yaw, roll from the face mesh).
 */

import type { MeshPoint } from '../../electron/contract/face-mesh';

/** Eye openness and yaw: the same measures the host judges the liveness challenge with. */
export { eyeOpenness, yawDegrees, type MeshPoint } from '../../electron/contract/face-mesh';

/** One face as seen in one frame; pixel values are in frame pixels. */
export interface FaceSeen {
  score: number;
  box: { x: number; y: number; width: number; height: number };
  /** Cheek to cheek, eye line, chin, forehead, centre — for guides and photo crops. */
  left: number;
  right: number;
  eyeY: number;
  chinY: number;
  foreheadY: number;
  centreX: number;
  /** Degrees; yaw + = the citizen's own left. */
  yaw: number;
  pitch: number;
  roll: number;
  /** Mean eyelid gap ÷ eye width over both eyes: ~0.3 open, <0.12 closed. */
  eyeOpenness: number;
  /** Variance of the Laplacian over the face (grey levels²). */
  sharpness: number;
  /** Mean luma over the face, 0–255. */
  brightness: number;
  /** human's passive antispoof ("real") and liveness scores, 0…1. */
  antispoof: number;
  liveness: number;
}

/** The worker's answer for one frame. */
export interface FrameObservation {
  width: number;
  height: number;
  faces: FaceSeen[];
  /** Detection time in the worker. */
  detectMs: number;
  /** performance.timeOrigin + performance.now() when the frame was taken. */
  at: number;
}

/** Roll in degrees from the outer eye corners (33, 263). */
export function rollDegrees(mesh: readonly MeshPoint[]): number {
  const a = mesh[33] ?? [0, 0, 0];
  const b = mesh[263] ?? [0, 0, 0];
  return (Math.atan2(b[1] - a[1], b[0] - a[0]) * 180) / Math.PI;
}

/** Variance of the 4-neighbour Laplacian and mean luma over a box of an RGBA frame. */
export function sharpnessAndBrightness(data: Uint8ClampedArray | Uint8Array, width: number, height: number, box: FaceSeen['box']): { sharpness: number; brightness: number } {
  const x0 = Math.max(1, Math.floor(box.x));
  const y0 = Math.max(1, Math.floor(box.y));
  const x1 = Math.min(width - 2, Math.ceil(box.x + box.width));
  const y1 = Math.min(height - 2, Math.ceil(box.y + box.height));
  const luma = (x: number, y: number) => {
    const o = (y * width + x) * 4;
    return 0.299 * data[o]! + 0.587 * data[o + 1]! + 0.114 * data[o + 2]!;
  };
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  let lumaSum = 0;
  const step = Math.max(1, Math.floor((x1 - x0) / 160));
  for (let y = y0; y <= y1; y += step) {
    for (let x = x0; x <= x1; x += step) {
      const c = luma(x, y);
      const lap = luma(x - 1, y) + luma(x + 1, y) + luma(x, y - 1) + luma(x, y + 1) - 4 * c;
      sum += lap;
      sumSq += lap * lap;
      lumaSum += c;
      n++;
    }
  }
  if (n === 0) return { sharpness: 0, brightness: 0 };
  const mean = sum / n;
  return { sharpness: sumSq / n - mean * mean, brightness: lumaSum / n };
}
