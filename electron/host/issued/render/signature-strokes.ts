/**
 * A signature's strokes as PDF path operators in a box: the pad's shape is
 * kept (scaled to fit, centred), each stroke a polyline with round caps and
 * joins, so a one-point stroke prints as a dot. Coordinates are the page's
 * (points, origin bottom-left); the pad's y grows downwards.
 */
import { LineCapStyle, LineJoinStyle, lineTo, moveTo, popGraphicsState, pushGraphicsState, rectangle, setLineCap, setLineJoin, setLineWidth, setStrokingGrayscaleColor, setStrokingRgbColor, stroke, type PDFOperator } from 'pdf-lib';
import type { SignatureStrokes } from '../../../contract';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Ink width, in points: a ballpoint's line at signature size. */
const PEN_PT = 1.2;

/** A hairline grey frame: where the signature belongs, signed or not. */
export function signatureFrameOperators(box: Box): PDFOperator[] {
  return [pushGraphicsState(), setStrokingGrayscaleColor(0.6), setLineWidth(0.5), rectangle(round(box.x), round(box.y), round(box.width), round(box.height)), stroke(), popGraphicsState()];
}

/** The operators that draw `signature` inside `box` (a pen's half width in from its edges). */
export function signatureOperators(signature: SignatureStrokes, box: Box): PDFOperator[] {
  const inset = PEN_PT;
  const width = Math.max(0, box.width - 2 * inset);
  const height = Math.max(0, box.height - 2 * inset);
  // One pad height in points: the pad (aspect × 1) fits the box whole.
  const unit = Math.min(width / signature.aspect, height);
  const left = box.x + inset + (width - signature.aspect * unit) / 2;
  const top = box.y + inset + height - (height - unit) / 2;
  const at = (point: { x: number; y: number }): [number, number] => [round(left + point.x * signature.aspect * unit), round(top - point.y * unit)];

  const ops: PDFOperator[] = [pushGraphicsState(), setStrokingRgbColor(0, 0, 0), setLineWidth(PEN_PT), setLineCap(LineCapStyle.Round), setLineJoin(LineJoinStyle.Round)];
  for (const points of signature.strokes) {
    const [first, ...rest] = points;
    if (!first) continue;
    ops.push(moveTo(...at(first)));
    // A single touch: a zero-length line, which round caps print as a dot.
    for (const point of rest.length > 0 ? rest : [first]) ops.push(lineTo(...at(point)));
    ops.push(stroke());
  }
  ops.push(popGraphicsState());
  return ops;
}

/** Hundredths of a point: finer than any printer, and a shorter content stream. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}
