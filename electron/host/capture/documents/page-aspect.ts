/**
 * The true proportions (width ÷ height) of a rectangular page seen in
 * perspective, from its four corners in the frame, after Zhang and He
 * ("Whiteboard scanning and image enhancement", 2007): the corners give the
 * camera's focal length (the principal point taken as the frame's centre),
 * and with it the page's sides in space. When a pair of the page's opposite
 * sides is (nearly) parallel in the frame the focal length is undefined:
 * then a typical document camera's is assumed (about a 53° diagonal field
 * of view), which is exact when both pairs are parallel (an affine view).
 */
import type { Quad } from './homography';

type Vec3 = readonly [number, number, number];

const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/** Width ÷ height of the page whose corners (top-left first, clockwise) are `corners` in a `width`×`height` frame. */
export function pageAspect(corners: Quad, width: number, height: number): number {
  const [tl, tr, br, bl] = corners.map((p) => [p.x - width / 2, p.y - height / 2, 1] as Vec3) as [Vec3, Vec3, Vec3, Vec3];
  const k2 = dot(cross(tl, br), bl) / dot(cross(tr, br), bl);
  const k3 = dot(cross(tl, br), tr) / dot(cross(bl, br), tr);
  const n2: Vec3 = [k2 * tr[0] - tl[0], k2 * tr[1] - tl[1], k2 * tr[2] - tl[2]];
  const n3: Vec3 = [k3 * bl[0] - tl[0], k3 * bl[1] - tl[1], k3 * bl[2] - tl[2]];
  const f2 = -(n2[0] * n3[0] + n2[1] * n3[1]) / (n2[2] * n3[2]);
  // A focal length far outside a camera's (or none): a vanishing point is (near) infinity.
  const diagonal2 = width * width + height * height;
  const focal2 = Number.isFinite(f2) && f2 >= 0.1 * diagonal2 && f2 <= 100 * diagonal2 ? f2 : diagonal2;
  const norm = (n: Vec3) => (n[0] * n[0] + n[1] * n[1]) / focal2 + n[2] * n[2];
  const aspect = Math.sqrt(norm(n2) / norm(n3));
  return Number.isFinite(aspect) && aspect > 0 ? aspect : sideRatio(corners);
}

/** Mean width ÷ mean height of the quadrilateral's opposite sides. */
function sideRatio([tl, tr, br, bl]: Quad): number {
  const length = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
  const h = length(tl, bl) + length(tr, br);
  return h > 0 ? (length(tl, tr) + length(bl, br)) / h : 1;
}
