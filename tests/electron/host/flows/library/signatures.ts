/** Signatures for tests, as a pad would send them: a written name, a dot, a tiny scribble. */
import type { SignatureStrokes } from '../../../../../electron/contract';

/** Points along a line from (x0, y0) to (x1, y1), `n` of them, 8 ms apart from `t0`. */
export function line(x0: number, y0: number, x1: number, y1: number, n = 12, t0 = 0): SignatureStrokes['strokes'][number] {
  return Array.from({ length: n }, (_, i) => {
    const f = i / (n - 1);
    return { x: x0 + (x1 - x0) * f, y: y0 + (y1 - y0) * f, t: t0 + i * 8, p: 0.5 };
  });
}

/** Three strokes across the middle of a 3:1 pad, like a short name written in. */
export function writtenName(): SignatureStrokes {
  return {
    aspect: 3,
    strokes: [line(0.2, 0.3, 0.35, 0.7, 12, 0), line(0.4, 0.25, 0.55, 0.75, 12, 400), line(0.6, 0.5, 0.8, 0.45, 12, 800)],
  };
}

/** One touch. */
export function aDot(): SignatureStrokes {
  return { aspect: 3, strokes: [[{ x: 0.5, y: 0.5, t: 0 }]] };
}

/** Back and forth many times inside a box 2 % of the pad high: long enough, far too small. */
export function tinyScribble(): SignatureStrokes {
  const points = Array.from({ length: 200 }, (_, i) => ({ x: 0.5 + (i % 2) * 0.006, y: 0.5 + ((i >> 1) % 2) * 0.02, t: i * 5 }));
  return { aspect: 3, strokes: [points] };
}
