/**
 * Places a resolved document on pages: text lines (with justification by
 * character spacing), field rows, the signature block with its seal, and the
 * footer QR code. Units are PDF points, origin bottom-left. Pure apart from
 * glyph metrics, which come from `charWidth`.
 */
import type { FontStyle } from '../fonts/font-library';
import type { ResolvedDocument } from '../templates/resolve';
import type { TextStyle } from '../templates/template-schema';
import { breakParagraph } from './line-break';

export const PT_PER_MM = 72 / 25.4;

/** A line of text; `y` is the baseline. */
export interface TextItem {
  kind: 'text';
  x: number;
  y: number;
  text: string;
  font: FontStyle;
  sizePt: number;
  /** Extra space after each character (PDF Tc), for justified lines. */
  charSpacing: number;
}

/** Where the seal goes (a square); the renderer draws the request's seal there, or nothing. */
export interface SealItem {
  kind: 'seal';
  x: number;
  y: number;
  size: number;
}

export interface QrItem {
  kind: 'qr';
  value: string;
  x: number;
  y: number;
  size: number;
}

/** Where the citizen's signature goes (bottom-left corner and size); the renderer draws the request's strokes there, or leaves it empty. */
export interface SignatureBoxItem {
  kind: 'signatureBox';
  x: number;
  y: number;
  width: number;
  height: number;
}

export type DrawItem = TextItem | SealItem | QrItem | SignatureBoxItem;

export interface LaidOutDocument {
  title: string;
  widthPt: number;
  heightPt: number;
  pages: DrawItem[][];
}

/** Advance width in points of one character in a font style at a size. */
export type CharWidth = (font: FontStyle, sizePt: number, char: string) => number;

const QR_GAP_MM = 4;

/** Lays out `doc`. */
export function layoutDocument(doc: ResolvedDocument, charWidth: CharWidth): LaidOutDocument {
  const widthPt = doc.page.widthMm * PT_PER_MM;
  const heightPt = doc.page.heightMm * PT_PER_MM;
  const m = doc.page.marginMm;
  const left = m.left * PT_PER_MM;
  const right = widthPt - m.right * PT_PER_MM;
  const top = heightPt - m.top * PT_PER_MM;
  const contentWidth = right - left;
  const footer = doc.footerQr;
  const footerHeight = footer ? Math.max(footer.sizeMm * PT_PER_MM, footer.caption.length * (doc.styles[footer.style]?.lineHeightPt ?? 0)) + QR_GAP_MM * PT_PER_MM : 0;
  const bottom = m.bottom * PT_PER_MM + footerHeight;

  const pages: DrawItem[][] = [[]];
  let y = top;
  const page = (): DrawItem[] => pages[pages.length - 1]!;
  const newPage = (): void => {
    pages.push([]);
    y = top;
  };
  const styleOf = (name: string): TextStyle => doc.styles[name]!;
  const width = (style: TextStyle, text: string): number => Array.from(text).reduce((s, c) => s + charWidth(style.font, style.sizePt, c), 0);
  /** Baseline that centres the CJK em box (−0.12…0.88 em) in a line box. */
  const baseline = (lineTop: number, style: TextStyle): number => lineTop - style.lineHeightPt / 2 - 0.38 * style.sizePt;
  const takeLine = (style: TextStyle): number => {
    if (y - style.lineHeightPt < bottom - 0.01 && y < top) newPage();
    const lineTop = y;
    y -= style.lineHeightPt;
    return baseline(lineTop, style);
  };
  const text = (x: number, yBase: number, value: string, style: TextStyle, charSpacing = 0): void => {
    if (value) page().push({ kind: 'text', x, y: yBase, text: value, font: style.font, sizePt: style.sizePt, charSpacing });
  };

  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'space':
        y -= block.lines * styleOf(block.style).lineHeightPt;
        break;
      case 'text': {
        const style = styleOf(block.style);
        const indent = block.indentChars * style.sizePt;
        for (const paragraph of block.text.split('\n')) {
          const lines = breakParagraph(paragraph, contentWidth - indent, contentWidth, (c) => charWidth(style.font, style.sizePt, c));
          lines.forEach((line, i) => {
            const yBase = takeLine(style);
            const x0 = left + (i === 0 ? indent : 0);
            const avail = right - x0;
            switch (block.align) {
              case 'left':
                text(x0, yBase, line.text, style);
                break;
              case 'center':
                text(x0 + (avail - line.width) / 2, yBase, line.text, style);
                break;
              case 'right':
                text(right - line.width, yBase, line.text, style);
                break;
              case 'justify':
                text(x0, yBase, line.text, style, line.last ? 0 : justifySpacing(line.text, line.width, avail, style.sizePt));
                break;
              default:
                assertNever(block.align);
            }
          });
        }
        y -= block.spaceAfterLines * style.lineHeightPt;
        break;
      }
      case 'fields': {
        const style = styleOf(block.style);
        const labelWidth = Math.max(...block.rows.map((r) => width(style, r.label)));
        for (const row of block.rows) {
          const valueWidth = contentWidth - labelWidth;
          const lines = breakParagraph(row.value, valueWidth, valueWidth, (c) => charWidth(style.font, style.sizePt, c));
          lines.forEach((line, i) => {
            const yBase = takeLine(style);
            if (i === 0) text(left, yBase, row.label, style);
            text(left + labelWidth, yBase, line.text, style);
          });
        }
        y -= block.spaceAfterLines * style.lineHeightPt;
        break;
      }
      case 'signature': {
        const style = styleOf(block.style);
        const needed = (block.spaceBeforeLines + block.lines.length) * style.lineHeightPt;
        if (y - needed < bottom) newPage();
        y -= block.spaceBeforeLines * style.lineHeightPt;
        const widths = block.lines.map((l) => width(style, l));
        const blockRight = right - block.rightIndentChars * style.sizePt;
        const centre = blockRight - Math.max(...widths) / 2;
        const blockTop = y;
        block.lines.forEach((line, i) => {
          const yBase = takeLine(style);
          text(centre - widths[i]! / 2, yBase, line, style);
        });
        if (block.seal) {
          const d = block.seal.diameterMm * PT_PER_MM;
          const middle = (blockTop + y) / 2;
          page().push({ kind: 'seal', x: centre - d / 2, y: middle - d / 2, size: d });
        }
        break;
      }
      case 'citizenSignature': {
        // label | box | time, on the box's bottom line; the time goes under the box when the row is too narrow.
        const style = styleOf(block.style);
        const boxWidth = Math.min(block.widthMm * PT_PER_MM, contentWidth);
        const boxHeight = block.heightMm * PT_PER_MM;
        const gap = style.sizePt;
        const labelWidth = width(style, block.label);
        const timeWidth = block.time ? width(style, block.time) : 0;
        const beside = labelWidth + gap + boxWidth + gap + timeWidth <= contentWidth;
        const needed = block.spaceBeforeLines * style.lineHeightPt + boxHeight + (block.time && !beside ? style.lineHeightPt : 0);
        if (y - needed < bottom) newPage();
        y -= block.spaceBeforeLines * style.lineHeightPt;
        const boxLeft = Math.min(left + labelWidth + gap, right - boxWidth);
        const boxBottom = y - boxHeight;
        const lineBase = boxBottom + 0.3 * style.sizePt;
        text(left, lineBase, block.label, style);
        page().push({ kind: 'signatureBox', x: boxLeft, y: boxBottom, width: boxWidth, height: boxHeight });
        y = boxBottom;
        if (block.time) {
          if (beside) text(boxLeft + boxWidth + gap, lineBase, block.time, style);
          else text(boxLeft, takeLine(style), block.time, style);
        }
        break;
      }
      default:
        assertNever(block);
    }
  }

  if (footer) {
    const size = footer.sizeMm * PT_PER_MM;
    const qrBottom = m.bottom * PT_PER_MM;
    page().push({ kind: 'qr', value: footer.value, x: left, y: qrBottom, size });
    const style = styleOf(footer.style);
    const captionX = left + size + QR_GAP_MM * PT_PER_MM;
    const captionTop = qrBottom + size / 2 + (footer.caption.length * style.lineHeightPt) / 2;
    footer.caption.forEach((line, i) => text(captionX, baseline(captionTop - i * style.lineHeightPt, style), line, style));
  }
  return { title: doc.title, widthPt, heightPt, pages };
}

/** Character spacing that stretches a line to `available`; 0 when that would look wrong. */
function justifySpacing(text: string, width: number, available: number, sizePt: number): number {
  const gaps = Array.from(text).length - 1;
  if (gaps < 1) return 0;
  const spacing = (available - width) / gaps;
  return spacing > 0.5 * sizePt || spacing < -0.15 * sizePt ? 0 : spacing;
}

function assertNever(value: never): never {
  throw new Error(`unhandled layout case ${JSON.stringify(value)}`);
}
