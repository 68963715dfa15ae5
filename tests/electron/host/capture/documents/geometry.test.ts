/**
 * The page geometry of the document camera: the homography maps the four
 * corners it was made from exactly, collinear corners give no map (a
 * value), and the warp of a drawn page at an angle gives an upright page:
 * the marker bar at the top, paper (not desk) in its corners.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { homography, project, type Point, type Quad } from '../../../../../electron/host/capture/documents/homography';
import { pageAspect } from '../../../../../electron/host/capture/documents/page-aspect';
import { warpPerspective } from '../../../../../electron/host/capture/documents/warp';
import { ANGLED_CORNERS, angledFrame, flatPage, meanGrey } from './angled-page';

const coordinate = fc.double({ min: -2000, max: 4000, noNaN: true });
const point = fc.record({ x: coordinate, y: coordinate });

/** Twice the signed area of a triangle: far from 0 when its corners are not (nearly) collinear. */
const spread = (a: Point, b: Point, c: Point) => Math.abs((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));
const wellSpread = (q: Quad) => [0, 1, 2, 3].every((i) => spread(q[i]!, q[(i + 1) % 4]!, q[(i + 2) % 4]!) > 1000);
/** A convex quadrilateral around (cx, cy): four corners at increasing angles. */
const convexQuad = fc
  .tuple(fc.double({ min: 200, max: 1800, noNaN: true }), fc.double({ min: 200, max: 1800, noNaN: true }), fc.array(fc.double({ min: 80, max: 600, noNaN: true }), { minLength: 4, maxLength: 4 }), fc.array(fc.double({ min: -0.6, max: 0.6, noNaN: true }), { minLength: 4, maxLength: 4 }))
  .map(([cx, cy, radii, jitter]) => radii.map((r, i) => ({ x: cx + r * Math.cos(-2.356 + (i * Math.PI) / 2 + jitter[i]!), y: cy + r * Math.sin(-2.356 + (i * Math.PI) / 2 + jitter[i]!) })) as unknown as Quad);

describe('homography', () => {
  it('maps each of the four corners onto its partner (property)', () => {
    fc.assert(
      fc.property(convexQuad, convexQuad, (from, to) => {
        fc.pre(wellSpread(from) && wellSpread(to));
        const h = homography(from, to);
        expect(h.ok).toBe(true);
        if (!h.ok) return;
        for (let i = 0; i < 4; i++) {
          const p = project(h.value, from[i]!);
          expect(Math.hypot(p.x - to[i]!.x, p.y - to[i]!.y)).toBeLessThan(1e-6 * (1 + Math.hypot(to[i]!.x, to[i]!.y)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives no map, as a value, for corners on one line or on one spot; never throws on any corners', () => {
    const line: Quad = [{ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 2, y: 2 }, { x: 3, y: 3 }];
    const spot: Quad = [{ x: 5, y: 5 }, { x: 5, y: 5 }, { x: 5, y: 5 }, { x: 5, y: 5 }];
    const square: Quad = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }];
    expect(homography(line, square)).toEqual({ ok: false, error: 'degenerate' });
    expect(homography(square, spot).ok).toBe(false);
    fc.assert(
      fc.property(fc.tuple(point, point, point, point), fc.tuple(point, point, point, point), (from, to) => {
        const h = homography(from, to);
        if (h.ok) expect(h.value.every(Number.isFinite)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('perspective warp', () => {
  it('straightens a page drawn at an angle: upright, the right proportions, no desk in its corners', () => {
    const page = { width: 300, height: 424 };
    const frame = angledFrame({ width: 640, height: 480, page, corners: ANGLED_CORNERS.map((p) => ({ x: p.x / 2, y: p.y / 2 })) as unknown as Quad, noise: 0 });
    const toFrame = homography(
      [{ x: 0, y: 0 }, { x: page.width, y: 0 }, { x: page.width, y: page.height }, { x: 0, y: page.height }],
      ANGLED_CORNERS.map((p) => ({ x: p.x / 2, y: p.y / 2 })) as unknown as Quad,
    );
    if (!toFrame.ok) throw new Error('degenerate');
    const upright = warpPerspective(frame, toFrame.value, page.width, page.height, 0);
    const flat = flatPage(page.width, page.height);
    // The marker bar (6–12 % down) is dark; the margin above it and the page's corners are paper.
    expect(meanGrey(upright, { x0: 0.15, y0: 0.07, x1: 0.85, y1: 0.11 })).toBeLessThan(60);
    expect(meanGrey(upright, { x0: 0.15, y0: 0.01, x1: 0.85, y1: 0.04 })).toBeGreaterThan(200);
    for (const [x0, y0] of [[0.01, 0.01], [0.95, 0.01], [0.95, 0.96], [0.01, 0.96]] as const) expect(meanGrey(upright, { x0, y0, x1: x0 + 0.03, y1: y0 + 0.03 })).toBeGreaterThan(200);
    // Pixel by pixel close to the page as drawn (the two resamplings blur the strokes' edges a little).
    let difference = 0;
    for (let i = 0; i < flat.data.length; i++) difference += Math.abs(flat.data[i]! - upright.data[i]!);
    expect(difference / flat.data.length).toBeLessThan(25);
  });

  it('fills what falls outside the source and keeps any channel count', () => {
    const grey = { data: new Uint8Array([10, 20, 30, 40]), width: 2, height: 2, channels: 1 };
    const square: Quad = [{ x: 0, y: 0 }, { x: 4, y: 0 }, { x: 4, y: 4 }, { x: 0, y: 4 }];
    // The identity: the output's 4×4 pixels over the 2×2 source, its right and lower halves outside it.
    const h = homography(square, square);
    if (!h.ok) throw new Error('degenerate');
    const out = warpPerspective(grey, h.value, 4, 4, 99);
    expect([out.data[0], out.data[1], out.data[4], out.data[5]]).toEqual([10, 20, 30, 40]);
    expect([out.data[3], out.data[12], out.data[15]]).toEqual([99, 99, 99]);
  });
});

describe('page proportions seen in perspective', () => {
  /** The corners of a `w`×`h` rectangle tilted by (ax, ay, az) radians at `distance`, through a camera of focal length `f` centred on a 1280×960 frame. */
  function seen(w: number, h: number, ax: number, ay: number, az: number, distance: number, f: number): Quad {
    const rotate = ([x, y, z]: [number, number, number]): [number, number, number] => {
      const [x1, y1] = [x * Math.cos(az) - y * Math.sin(az), x * Math.sin(az) + y * Math.cos(az)];
      const [y2, z2] = [y1 * Math.cos(ax) - z * Math.sin(ax), y1 * Math.sin(ax) + z * Math.cos(ax)];
      const [x3, z3] = [x1 * Math.cos(ay) + z2 * Math.sin(ay), -x1 * Math.sin(ay) + z2 * Math.cos(ay)];
      return [x3, y2, z3 + distance];
    };
    return [[-w / 2, -h / 2], [w / 2, -h / 2], [w / 2, h / 2], [-w / 2, h / 2]].map(([x, y]) => {
      const [X, Y, Z] = rotate([x!, y!, 0]);
      return { x: 640 + (f * X) / Z, y: 480 + (f * Y) / Z };
    }) as unknown as Quad;
  }

  const tilt = fc.tuple(fc.double({ min: 0.08, max: 0.5, noNaN: true }), fc.boolean()).map(([a, negative]) => (negative ? -a : a));

  it('recovers a page\'s width ÷ height within 1 % from its corners alone, when tilted about both axes (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        tilt,
        tilt,
        fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        fc.double({ min: 1000, max: 2400, noNaN: true }),
        (aspect, ax, ay, az, f) => {
          const corners = seen(200 * aspect, 200, ax, ay, az, 500 * (f / 1000), f);
          fc.pre(corners.every((p) => p.x > 0 && p.y > 0 && p.x < 1280 && p.y < 960));
          expect(Math.abs(pageAspect(corners, 1280, 960) - aspect) / aspect).toBeLessThan(0.01);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('tilted about one axis only (the focal length cannot be known, a typical one is assumed): within 3 % at 10°', () => {
    for (const [ax, ay] of [[0.17, 0], [0, -0.17]] as const) {
      for (const aspect of [0.707, 1.5]) expect(Math.abs(pageAspect(seen(200 * aspect, 200, ax, ay, 0.1, 500, 1000), 1280, 960) - aspect) / aspect).toBeLessThan(0.03);
    }
  });

  it('a page seen straight on (no perspective) has the proportions of its sides', () => {
    expect(pageAspect([{ x: 100, y: 100 }, { x: 400, y: 100 }, { x: 400, y: 300 }, { x: 100, y: 300 }], 1280, 960)).toBeCloseTo(1.5, 6);
  });
});
