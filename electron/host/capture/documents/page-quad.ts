/**
 * Finds the page in a small grey frame from the document camera: a page is
 * lighter than the desk or the camera's pad under it. Otsu's threshold
 * splits light from dark, the largest connected light region is the page
 * (the dark words inside it are holes, which do not matter), its convex
 * hull is taken, and the page's corners are the largest-area quadrilateral
 * with corners on that hull. What is found is checked: a region that is too
 * small, touches the frame's edge, or is not close to a quadrilateral with
 * sensible angles is no page. Every outcome is a value.
 */
import { err, ok, type Result } from '../../../../domain/result';
import type { Point, Quad } from './homography';

/** Why no page was found (`fillsFrame`: the page is the whole frame, nothing to straighten). */
export type QuadMiss = 'noContrast' | 'tooSmall' | 'fillsFrame' | 'cutOff' | 'notQuadrilateral';

/** The page's share of the frame below which it is too small to read. */
const MIN_AREA_SHARE = 0.15;
/** The page's share of the frame above which it fills the frame (kept as photographed). */
const FILLS_FRAME_SHARE = 0.9;
/** Light and dark must differ by this many grey levels (0–255) for a page to stand out. */
const MIN_CONTRAST = 40;
/** The quadrilateral must cover this share of the region's hull (a page has four straight sides). */
const MIN_HULL_FILL = 0.92;
/** Each corner's angle, in degrees, stays within this of a right angle. */
const MAX_ANGLE_OFF = 40;
/** Corners closer than this share of the frame's side to its edge: the page runs off the frame. */
const EDGE_SHARE = 0.01;

/** The page's corners (top-left, top-right, bottom-right, bottom-left) in the grey frame's pixels. */
export function findPageQuad(grey: Uint8Array, width: number, height: number): Result<Quad, QuadMiss> {
  if (width < 8 || height < 8 || grey.length < width * height) return err('tooSmall');
  const split = otsu(grey, width * height);
  if (split.contrast < MIN_CONTRAST) return err('noContrast');
  const region = largestLightRegion(grey, width, height, split.threshold);
  const frameArea = width * height;
  if (region.length < MIN_AREA_SHARE * frameArea) return err('tooSmall');
  const hull = convexHull(region, width);
  const hullArea = polygonArea(hull);
  if (hullArea >= FILLS_FRAME_SHARE * frameArea) return err('fillsFrame');
  const quad = largestQuad(hull);
  if (!quad) return err('notQuadrilateral');
  if (polygonArea(quad) < MIN_HULL_FILL * hullArea || !rightEnough(quad)) return err('notQuadrilateral');
  const mx = EDGE_SHARE * width + 1;
  const my = EDGE_SHARE * height + 1;
  if (quad.some((p) => p.x < mx || p.y < my || p.x > width - mx || p.y > height - my)) return err('cutOff');
  return ok(uprightOrder(quad));
}

/** Otsu's threshold (a pixel above it is light) and the gap between the two classes' means. */
export function otsu(grey: Uint8Array, count: number): { threshold: number; contrast: number } {
  const histogram = new Float64Array(256);
  for (let i = 0; i < count; i++) histogram[grey[i]!]! += 1;
  let total = 0;
  for (let v = 0; v < 256; v++) total += v * histogram[v]!;
  let best = -1;
  let threshold = 0;
  let contrast = 0;
  let darkCount = 0;
  let darkSum = 0;
  for (let t = 0; t < 255; t++) {
    darkCount += histogram[t]!;
    darkSum += t * histogram[t]!;
    const lightCount = count - darkCount;
    if (darkCount === 0 || lightCount === 0) continue;
    const darkMean = darkSum / darkCount;
    const lightMean = (total - darkSum) / lightCount;
    const between = darkCount * lightCount * (darkMean - lightMean) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
      contrast = lightMean - darkMean;
    }
  }
  return { threshold, contrast };
}

/** The pixel indices of the largest 4-connected region brighter than `threshold`. */
function largestLightRegion(grey: Uint8Array, width: number, height: number, threshold: number): Int32Array {
  const seen = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  let best = new Int32Array(0);
  const members = new Int32Array(width * height);
  for (let start = 0; start < width * height; start++) {
    if (seen[start] || grey[start]! <= threshold) continue;
    let top = 0;
    let size = 0;
    stack[top++] = start;
    seen[start] = 1;
    while (top > 0) {
      const i = stack[--top]!;
      members[size++] = i;
      const x = i % width;
      const visit = (j: number) => {
        if (!seen[j] && grey[j]! > threshold) {
          seen[j] = 1;
          stack[top++] = j;
        }
      };
      if (x > 0) visit(i - 1);
      if (x < width - 1) visit(i + 1);
      if (i >= width) visit(i - width);
      if (i < width * (height - 1)) visit(i + width);
    }
    if (size > best.length) best = members.slice(0, size);
  }
  return best;
}

/** The convex hull (clockwise on screen, y down) of the region's pixel squares' outer corners, by the monotone chain. */
function convexHull(region: Int32Array, width: number): Point[] {
  // Per row only the leftmost and rightmost pixels can be on the hull.
  const rows = new Map<number, { min: number; max: number }>();
  for (const i of region) {
    const y = Math.floor(i / width);
    const x = i - y * width;
    const row = rows.get(y);
    if (!row) rows.set(y, { min: x, max: x });
    else {
      if (x < row.min) row.min = x;
      if (x > row.max) row.max = x;
    }
  }
  const points: Point[] = [];
  for (const [y, { min, max }] of rows) {
    points.push({ x: min, y }, { x: max + 1, y }, { x: min, y: y + 1 }, { x: max + 1, y: y + 1 });
  }
  points.sort((a, b) => a.x - b.x || a.y - b.y);
  const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const lower: Point[] = [];
  for (const p of points) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/** Area of a simple polygon (shoelace). */
export function polygonArea(polygon: readonly Point[]): number {
  let twice = 0;
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i]!;
    const b = polygon[(i + 1) % polygon.length]!;
    twice += a.x * b.y - b.x * a.y;
  }
  return Math.abs(twice) / 2;
}

/** Hull vertices kept for the quadrilateral search (its cost grows with the cube). */
const MAX_HULL = 120;

/**
 * The largest-area quadrilateral with corners among the hull's vertices, in
 * hull order: for each diagonal (i, j), the vertex farthest from it on each side.
 */
function largestQuad(hull: readonly Point[]): Point[] | null {
  const step = Math.ceil(hull.length / MAX_HULL);
  const h = step > 1 ? hull.filter((_, i) => i % step === 0) : hull;
  const n = h.length;
  if (n < 4) return null;
  const twiceTriangle = (a: Point, b: Point, c: Point) => Math.abs((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));
  let best = 0;
  let quad: Point[] | null = null;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      let sideA = -1;
      let a = -1;
      for (let k = i + 1; k < j; k++) {
        const area = twiceTriangle(h[i]!, h[j]!, h[k]!);
        if (area > sideA) [sideA, a] = [area, k];
      }
      let sideB = -1;
      let b = -1;
      for (let k = j + 1; k < n + i; k++) {
        const area = twiceTriangle(h[i]!, h[j]!, h[k % n]!);
        if (area > sideB) [sideB, b] = [area, k % n];
      }
      if (a < 0 || b < 0) continue;
      if (sideA + sideB > best) {
        best = sideA + sideB;
        quad = [h[i]!, h[a]!, h[j]!, h[b]!];
      }
    }
  }
  return quad;
}

/** Whether every corner's angle is within {@link MAX_ANGLE_OFF} of 90°. */
function rightEnough(quad: readonly Point[]): boolean {
  for (let i = 0; i < 4; i++) {
    const p = quad[i]!;
    const a = quad[(i + 3) % 4]!;
    const b = quad[(i + 1) % 4]!;
    const ux = a.x - p.x;
    const uy = a.y - p.y;
    const vx = b.x - p.x;
    const vy = b.y - p.y;
    const lengths = Math.hypot(ux, uy) * Math.hypot(vx, vy);
    if (lengths === 0) return false;
    const degrees = (Math.acos(Math.max(-1, Math.min(1, (ux * vx + uy * vy) / lengths))) * 180) / Math.PI;
    if (Math.abs(degrees - 90) > MAX_ANGLE_OFF) return false;
  }
  return true;
}

/**
 * The corners from top-left, clockwise on screen. The page is assumed laid
 * roughly upright (within 45°): its top side is the side whose middle is highest.
 */
function uprightOrder(quad: readonly Point[]): Quad {
  // Clockwise on screen (y down) has a positive shoelace sum.
  let twice = 0;
  for (let i = 0; i < 4; i++) twice += quad[i]!.x * quad[(i + 1) % 4]!.y - quad[(i + 1) % 4]!.x * quad[i]!.y;
  const clockwise = twice > 0 ? [...quad] : [...quad].reverse();
  let top = 0;
  let topY = Infinity;
  for (let i = 0; i < 4; i++) {
    const middle = (clockwise[i]!.y + clockwise[(i + 1) % 4]!.y) / 2;
    if (middle < topY) [topY, top] = [middle, i];
  }
  const at = (k: number) => clockwise[(top + k) % 4]!;
  return [at(0), at(1), at(2), at(3)];
}
