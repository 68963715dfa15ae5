/**
 * Receipt documents to ESC/POS bytes: a small block model (text, label/value
 * fields, rules, QR codes, CODE128 barcodes, feeds, cut) laid out for the paper width and
 * encoded with GB18030 in 汉字 mode (DOMAIN.md §8). Pure: data in, bytes out.
 * Every text is sanitized (no control characters reach the wire) and wrapped
 * or truncated to the paper, so nothing overflows whatever the input.
 */
import type { Result } from '../../domain/result';
import QRCode from 'qrcode';
import {
  align as alignCommand,
  bold as boldCommand,
  BARCODE_MODULE_MAX,
  BARCODE_MODULE_MIN,
  characterSize,
  CHINESE_MODE_ON,
  code128,
  code128Data,
  code128Modules,
  concatBytes,
  cut,
  feedLines,
  INITIALIZE,
  LINE_FEED,
  QR_MAX_DATA_BYTES,
  qrCode,
  type Align,
  type QrErrorCorrection,
} from './escpos';
import { encodeGb18030 } from './gb18030';
import { resolveLayout, type LayoutOptions, type PaperLayout } from './paper';
import { sanitizeText, textColumns } from './text';
import { truncateText, wrapText } from './wrap';

/** Character size: normal, double width and height, double height only, double width only. */
export type TextSize = 'normal' | 'double' | 'tall' | 'wide';

/** What to do with text longer than a line. */
export type Overflow = 'wrap' | 'truncate';

/** One block of a receipt. */
export type ReceiptBlock =
  | { kind: 'text'; text: string; align?: Align; bold?: boolean; size?: TextSize; overflow?: Overflow }
  /** `label：value`; the value wraps under itself (hanging indent) or is truncated. */
  | { kind: 'field'; label: string; value: string; bold?: boolean; overflow?: Overflow }
  /** A full-width line of `-` (or `=`). */
  | { kind: 'rule'; char?: '-' | '=' }
  | { kind: 'qr'; data: string; moduleSize?: number; errorCorrection?: QrErrorCorrection }
  /** A CODE128 barcode (printable ASCII), its text printed below it. */
  | { kind: 'barcode'; data: string; height?: number }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut'; partial?: boolean; feedLines?: number };

/** A receipt: blocks printed top to bottom. */
export interface ReceiptDocument {
  blocks: readonly ReceiptBlock[];
}

/** Why a document could not be encoded. */
export type EncodeError =
  | { kind: 'qrTooLong'; message: string }
  | { kind: 'qrTooWide'; message: string }
  | { kind: 'barcodeInvalid'; message: string }
  | { kind: 'barcodeTooWide'; message: string };

/** Bytes, or why there are none. */
export type EncodeResult = Result<Uint8Array, EncodeError>;

/** Default barcode height in dots (8 mm at 203 dpi). */
export const DEFAULT_BARCODE_HEIGHT = 64;
/** Quiet zone either side of a CODE128 symbol, in modules. */
const BARCODE_QUIET_MODULES = 10;

/** Default QR module size in dots. */
export const DEFAULT_QR_MODULE_SIZE = 6;

const SIZE: Record<TextSize, { width: number; height: number }> = {
  normal: { width: 1, height: 1 },
  double: { width: 2, height: 2 },
  tall: { width: 1, height: 2 },
  wide: { width: 2, height: 1 },
};

const FIELD_SEPARATOR = '：';

interface Mode {
  align: Align;
  bold: boolean;
  size: TextSize;
}

/** Collects command bytes, emitting mode changes only when they change. */
class Writer {
  private readonly parts: Uint8Array[] = [];
  private mode: Mode = { align: 'left', bold: false, size: 'normal' };

  push(bytes: Uint8Array): void {
    this.parts.push(bytes);
  }

  setMode(next: Partial<Mode>): void {
    if (next.align !== undefined && next.align !== this.mode.align) this.push(alignCommand(next.align));
    if (next.bold !== undefined && next.bold !== this.mode.bold) this.push(boldCommand(next.bold));
    if (next.size !== undefined && next.size !== this.mode.size) {
      const s = SIZE[next.size];
      this.push(characterSize(s.width, s.height));
    }
    this.mode = { ...this.mode, ...next };
  }

  line(text: string): void {
    if (text) this.push(encodeGb18030(text));
    this.push(LINE_FEED);
  }

  bytes(): Uint8Array {
    return concatBytes(this.parts);
  }
}

function textLines(text: string, columns: number, overflow: Overflow): string[] {
  const clean = sanitizeText(text);
  return overflow === 'wrap' ? wrapText(clean, columns) : [truncateText(clean, columns)];
}

function fieldLines(label: string, value: string, columns: number, overflow: Overflow): string[] {
  const head = sanitizeText(label) + FIELD_SEPARATOR;
  const headWidth = textColumns(head);
  const body = sanitizeText(value);
  // A label taking more than half the line puts the value on lines of its own.
  if (headWidth > columns / 2) {
    const labelLines = wrapText(head, columns);
    return [...labelLines, ...textLines(body, columns, overflow)];
  }
  const room = columns - headWidth;
  if (overflow === 'truncate') return [head + truncateText(body, room)];
  const pad = ' '.repeat(headWidth);
  return wrapText(body, room).map((piece, i) => (i === 0 ? head : pad) + piece);
}

function qrBlock(w: Writer, block: Extract<ReceiptBlock, { kind: 'qr' }>, layout: PaperLayout): EncodeError | undefined {
  const data = new TextEncoder().encode(block.data);
  const level = block.errorCorrection ?? 'M';
  if (data.length > QR_MAX_DATA_BYTES) return { kind: 'qrTooLong', message: `QR data is ${data.length} bytes; at most ${QR_MAX_DATA_BYTES}` };
  let modules: number;
  try {
    modules = QRCode.create(block.data, { errorCorrectionLevel: level }).modules.size;
  } catch (error) {
    return { kind: 'qrTooLong', message: `QR data does not fit a symbol at level ${level}: ${error instanceof Error ? error.message : String(error)}` };
  }
  // Quiet zone of 4 modules either side.
  const fit = Math.floor(layout.dots / (modules + 8));
  const moduleSize = Math.min(block.moduleSize ?? DEFAULT_QR_MODULE_SIZE, fit, 16);
  if (moduleSize < 1) return { kind: 'qrTooWide', message: `a ${modules}-module QR code does not fit ${layout.dots} dots` };
  w.setMode({ align: 'center' });
  w.push(qrCode(data, { moduleSize, errorCorrection: level }));
  w.push(LINE_FEED);
  return undefined;
}

function barcodeBlock(w: Writer, block: Extract<ReceiptBlock, { kind: 'barcode' }>, layout: PaperLayout): EncodeError | undefined {
  const data = code128Data(block.data);
  if (!data) return { kind: 'barcodeInvalid', message: `CODE128 takes printable ASCII, 1 to 253 bytes with its code-set selections; got ${block.data.length} characters` };
  const modules = code128Modules(data.symbols) + 2 * BARCODE_QUIET_MODULES;
  const moduleWidth = Math.min(BARCODE_MODULE_MAX, Math.floor(layout.dots / modules));
  if (moduleWidth < BARCODE_MODULE_MIN) return { kind: 'barcodeTooWide', message: `a ${block.data.length}-character CODE128 does not fit ${layout.dots} dots` };
  w.setMode({ align: 'center' });
  w.push(code128(data.bytes, { height: block.height ?? DEFAULT_BARCODE_HEIGHT, moduleWidth, hri: 'below' }));
  w.push(LINE_FEED);
  return undefined;
}

/** Encodes a document for the paper `options` names. */
export function encodeReceipt(document: ReceiptDocument, options: LayoutOptions): EncodeResult {
  const layout = resolveLayout(options);
  const w = new Writer();
  w.push(INITIALIZE);
  w.push(CHINESE_MODE_ON);
  for (const block of document.blocks) {
    switch (block.kind) {
      case 'text': {
        const size = block.size ?? 'normal';
        const columns = Math.floor(layout.columns / SIZE[size].width);
        w.setMode({ align: block.align ?? 'left', bold: block.bold ?? false, size });
        for (const line of textLines(block.text, columns, block.overflow ?? 'wrap')) w.line(line);
        break;
      }
      case 'field':
        w.setMode({ align: 'left', bold: block.bold ?? false, size: 'normal' });
        for (const line of fieldLines(block.label, block.value, layout.columns, block.overflow ?? 'wrap')) w.line(line);
        break;
      case 'rule':
        w.setMode({ align: 'left', bold: false, size: 'normal' });
        w.line((block.char ?? '-').repeat(layout.columns));
        break;
      case 'qr': {
        const error = qrBlock(w, block, layout);
        if (error) return { ok: false, error };
        break;
      }
      case 'barcode': {
        const error = barcodeBlock(w, block, layout);
        if (error) return { ok: false, error };
        break;
      }
      case 'feed':
        w.push(feedLines(block.lines));
        break;
      case 'cut':
        w.push(block.feedLines === undefined ? cut({ partial: block.partial ?? false }) : cut({ partial: block.partial ?? false, feedLines: block.feedLines }));
        break;
      default: {
        const unreachable: never = block;
        return unreachable;
      }
    }
  }
  w.setMode({ align: 'left', bold: false, size: 'normal' });
  return { ok: true, value: w.bytes() };
}
