/** Generated test portraits: a plain background, hair, a face and shoulders, with the landmarks that go with them. */
import type { FaceLandmarks } from '../../../../../electron/host/capture/photo/checks';
import type { RgbaImage } from '../../../../../face-analysis/decode-jpeg';

type Rgb = [number, number, number];

/** Where and how big the head is. */
export interface Portrait {
  width: number;
  height: number;
  background: Rgb | ((x: number, y: number) => Rgb);
  centreX: number;
  /** Top of the hair. */
  crownY: number;
  faceWidth: number;
  chinY: number;
}

function ellipse(x: number, y: number, cx: number, cy: number, rx: number, ry: number): boolean {
  return ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
}

/** Draws the portrait and returns it with its landmarks. */
export function drawPortrait(p: Portrait): { image: RgbaImage; face: FaceLandmarks } {
  const data = new Uint8Array(p.width * p.height * 4);
  const faceTop = p.crownY + (p.chinY - p.crownY) * 0.22;
  const eyeY = faceTop + (p.chinY - faceTop) * 0.4;
  for (let y = 0; y < p.height; y++) {
    for (let x = 0; x < p.width; x++) {
      let colour: Rgb = typeof p.background === 'function' ? p.background(x, y) : p.background;
      if (ellipse(x, y, p.centreX, p.crownY + (p.chinY - p.crownY) * 0.35, p.faceWidth * 0.56, (p.chinY - p.crownY) * 0.35)) colour = [40, 30, 25];
      if (ellipse(x, y, p.centreX, (faceTop + p.chinY) / 2, p.faceWidth / 2, (p.chinY - faceTop) / 2)) colour = [222, 184, 152];
      if (y > p.chinY + 20 && Math.abs(x - p.centreX) < p.faceWidth * 0.9 + (y - p.chinY)) colour = [30, 35, 60];
      const o = (y * p.width + x) * 4;
      data[o] = colour[0];
      data[o + 1] = colour[1];
      data[o + 2] = colour[2];
      data[o + 3] = 255;
    }
  }
  return {
    image: { width: p.width, height: p.height, data },
    face: { left: p.centreX - p.faceWidth / 2, right: p.centreX + p.faceWidth / 2, eyeY, chinY: p.chinY, centreX: p.centreX },
  };
}

/**
 * A head drawn as two boxes, for rules tested at their exact edges: hair from
 * row `crownY` (whole, so the host measures exactly it) down to the forehead,
 * then the face to the chin, both `faceWidth` wide, on a plain background.
 * `chinY` may be fractional: the host takes the chin from the landmarks.
 */
export function drawBoxHead(p: Omit<Portrait, 'background'> & { background: Rgb }): { image: RgbaImage; face: FaceLandmarks } {
  const data = new Uint8Array(p.width * p.height * 4);
  const foreheadY = p.crownY + (p.chinY - p.crownY) * 0.22;
  const eyeY = foreheadY + (p.chinY - foreheadY) * 0.4;
  const [left, right] = [p.centreX - p.faceWidth / 2, p.centreX + p.faceWidth / 2];
  for (let y = 0; y < p.height; y++) {
    for (let x = 0; x < p.width; x++) {
      let colour: Rgb = p.background;
      if (x >= left && x < right && y >= p.crownY && y < p.chinY) colour = y < foreheadY ? [40, 30, 25] : [222, 184, 152];
      const o = (y * p.width + x) * 4;
      data[o] = colour[0];
      data[o + 1] = colour[1];
      data[o + 2] = colour[2];
      data[o + 3] = 255;
    }
  }
  return { image: { width: p.width, height: p.height, data }, face: { left, right, eyeY, chinY: p.chinY, centreX: p.centreX } };
}
