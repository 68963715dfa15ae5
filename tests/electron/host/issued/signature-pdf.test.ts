/**
 * The citizen's signature on a document: the template's citizenSignature
 * box gets the request's strokes as vector paths (read back from the PDF's
 * content stream: every point inside the box, the pad's shape kept, no
 * image) and the time of signing beside it; without a signature the box
 * stays empty and no time is printed.
 */
import { execFileSync } from 'node:child_process';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { SignatureStrokes } from '../../../../electron/contract';
import { createPdfRenderer, documentSignature, type RenderRequest } from '../../../../electron/host/issued';
import { pdfText } from '../../../helpers/cups';
import { line, writtenName } from '../flows/library/signatures';

const renderer = createPdfRenderer({ now: () => new Date('2026-12-01T02:00:00Z') });

const pledge = {
  id: 'test-pledge',
  title: '告知承诺书',
  page: { widthMm: 210, heightMm: 297, marginMm: { top: 30, right: 25, bottom: 30, left: 25 } },
  styles: { title: { font: 'bold', sizePt: 18, lineHeightPt: 30 }, body: { font: 'regular', sizePt: 12, lineHeightPt: 22 } },
  blocks: [
    { kind: 'text', style: 'title', text: '告知承诺书', align: 'center' },
    { kind: 'text', style: 'body', text: '本人{{name}}承诺所填信息真实有效。', indentChars: 2 },
    { kind: 'citizenSignature', style: 'body', label: '承诺人签名：', widthMm: 60, heightMm: 20 },
  ],
};

async function render(request: Omit<RenderRequest, 'template'>) {
  const result = await renderer.render({ template: pledge, ...request });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value.pdf;
}

/** The first page's content stream, decoded, as a list of operations (operands then operator). */
async function operations(pdf: Uint8Array): Promise<Array<{ op: string; args: number[] }>> {
  const doc = await PDFDocument.load(pdf);
  const contents = doc.getPage(0).node.Contents();
  const streams: PDFStream[] = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref) as PDFStream) : contents ? [contents] : [];
  const text = streams.map((stream) => Buffer.from(stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents()).toString('latin1')).join('\n');
  const ops: Array<{ op: string; args: number[] }> = [];
  let args: number[] = [];
  // Text operands (strings in <> or ()) are skipped; numbers are kept for the path operators.
  for (const token of text.replace(/<[0-9A-Fa-f\s]*>|\([^)]*\)/g, ' ').split(/\s+/).filter(Boolean)) {
    if (/^-?\d*\.?\d+$/.test(token)) args.push(Number(token));
    else {
      ops.push({ op: token, args });
      args = [];
    }
  }
  return ops;
}

function boxOf(ops: Array<{ op: string; args: number[] }>) {
  const rects = ops.filter((o) => o.op === 're');
  expect(rects).toHaveLength(1);
  const [x, y, width, height] = rects[0]!.args as [number, number, number, number];
  return { x, y, width, height };
}

const signedAt = new Date('2026-12-01T02:05:00Z');

describe('citizenSignature block', () => {
  it('draws the strokes as vector paths inside the box, one subpath per stroke, no image', async () => {
    const strokes = writtenName();
    const pdf = await render({ vars: { name: '陈思远' }, signature: documentSignature(strokes, signedAt, 'Asia/Shanghai') });
    const ops = await operations(pdf);
    const box = boxOf(ops);
    expect(box.width).toBeCloseTo((60 * 72) / 25.4, 1);
    expect(box.height).toBeCloseTo((20 * 72) / 25.4, 1);
    const moves = ops.filter((o) => o.op === 'm');
    const lines = ops.filter((o) => o.op === 'l');
    expect(moves).toHaveLength(strokes.strokes.length);
    expect(lines).toHaveLength(strokes.strokes.flat().length - strokes.strokes.length);
    for (const { args } of [...moves, ...lines]) {
      const [x, y] = args.slice(-2) as [number, number];
      expect(x).toBeGreaterThanOrEqual(box.x);
      expect(x).toBeLessThanOrEqual(box.x + box.width);
      expect(y).toBeGreaterThanOrEqual(box.y);
      expect(y).toBeLessThanOrEqual(box.y + box.height);
    }
    expect(ops.filter((o) => o.op === 'S').length).toBeGreaterThanOrEqual(strokes.strokes.length);
    expect(ops.some((o) => o.op === 'Do')).toBe(false);
  }, 20_000);

  it('keeps the pad’s shape: a stroke from corner to corner of a 3:1 pad spans three times as wide as high', async () => {
    const strokes: SignatureStrokes = { aspect: 3, strokes: [line(0, 0, 1, 1, 5)] };
    const ops = await operations(await render({ vars: { name: '陈思远' }, signature: documentSignature(strokes, signedAt, 'Asia/Shanghai') }));
    const points = ops.filter((o) => o.op === 'm' || o.op === 'l').map((o) => o.args.slice(-2) as [number, number]);
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const w = Math.max(...xs) - Math.min(...xs);
    const h = Math.max(...ys) - Math.min(...ys);
    expect(w / h).toBeCloseTo(3, 1);
    // The pad's top-left (y down) is the drawing's top-left (y up).
    expect(points[0]![1]).toBe(Math.max(...ys));
    expect(points[0]![0]).toBe(Math.min(...xs));
  });

  it('prints the label and “签名时间” with the hall’s date and time beside the box', async () => {
    const pdf = await render({ vars: { name: '陈思远' }, signature: documentSignature(writtenName(), signedAt, 'Asia/Shanghai') });
    const text = pdfText(pdf);
    expect(text).toContain('承诺人签名：');
    expect(text).toContain('签名时间：2026年12月1日 10:05');
    const box = boxOf(await operations(pdf));
    const bbox = execFileSync('pdftotext', ['-bbox', '-', '-'], { input: pdf }).toString();
    const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">签名时间/.exec(bbox);
    expect(word).not.toBeNull();
    // Beside the box: to its right, on the box's bottom line (pdftotext measures y from the top of the page).
    expect(Number(word![1])).toBeGreaterThan(box.x + box.width);
    const pageHeight = (297 * 72) / 25.4;
    expect(Number(word![3])).toBeGreaterThan(pageHeight - (box.y + box.height));
    expect(Number(word![2])).toBeLessThan(pageHeight - box.y);
  });

  it('without a signature: the empty box, no strokes, no time', async () => {
    const pdf = await render({ vars: { name: '陈思远' } });
    const ops = await operations(pdf);
    boxOf(ops);
    expect(ops.filter((o) => o.op === 'm' || o.op === 'l')).toHaveLength(0);
    expect(pdfText(pdf)).not.toContain('签名时间');
    expect(pdfText(pdf)).toContain('承诺人签名：');
  });

  it('a one-point stroke prints as a dot (a zero-length line with round caps)', async () => {
    const strokes: SignatureStrokes = { aspect: 3, strokes: [...writtenName().strokes, [{ x: 0.9, y: 0.5, t: 5000 }]] };
    const ops = await operations(await render({ vars: { name: '陈思远' }, signature: documentSignature(strokes, signedAt, 'Asia/Shanghai') }));
    const moves = ops.filter((o) => o.op === 'm');
    const last = moves[moves.length - 1]!;
    const after = ops[ops.indexOf(last) + 1]!;
    expect(after.op).toBe('l');
    expect(after.args).toEqual(last.args);
    expect(ops.some((o) => o.op === 'J' && o.args[0] === 1)).toBe(true);
  });
});
