/**
 * ESC/POS command bytes (DOMAIN.md §8), as pure functions returning
 * `Uint8Array`. Only what the kiosk's receipts use; the simulator's parser
 * understands these and more.
 */

export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

/** Text alignment (`ESC a n`). */
export type Align = 'left' | 'center' | 'right';

/** QR error-correction level. */
export type QrErrorCorrection = 'L' | 'M' | 'Q' | 'H';

/** `ESC @`: initialise the printer (modes back to their defaults). */
export const INITIALIZE: Uint8Array = Uint8Array.of(ESC, 0x40);
/** `FS &`: enter 汉字 (Chinese character) mode. */
export const CHINESE_MODE_ON: Uint8Array = Uint8Array.of(FS, 0x26);
/** `FS .`: leave 汉字 mode. */
export const CHINESE_MODE_OFF: Uint8Array = Uint8Array.of(FS, 0x2e);
/** `LF`: print the line buffer and feed one line. */
export const LINE_FEED: Uint8Array = Uint8Array.of(LF);

const ALIGN_CODE: Record<Align, number> = { left: 0, center: 1, right: 2 };

/** `ESC a n`: alignment (0 left, 1 centre, 2 right). */
export function align(value: Align): Uint8Array {
  return Uint8Array.of(ESC, 0x61, ALIGN_CODE[value]);
}

/** `ESC E n`: bold on or off. */
export function bold(on: boolean): Uint8Array {
  return Uint8Array.of(ESC, 0x45, on ? 1 : 0);
}

/**
 * `GS ! n`: character size, `width` and `height` multipliers 1..8 (high nibble
 * width−1, low nibble height−1). Applies to ASCII and 汉字 alike on the
 * printers we target.
 */
export function characterSize(width: number, height: number): Uint8Array {
  const w = Math.min(8, Math.max(1, Math.floor(width))) - 1;
  const h = Math.min(8, Math.max(1, Math.floor(height))) - 1;
  return Uint8Array.of(GS, 0x21, (w << 4) | h);
}

/** `FS ! n`: 汉字 print mode (bit2 double width, bit3 double height, bit7 underline). */
export function chineseMode(options: { doubleWidth?: boolean; doubleHeight?: boolean; underline?: boolean }): Uint8Array {
  const n = (options.doubleWidth ? 0x04 : 0) | (options.doubleHeight ? 0x08 : 0) | (options.underline ? 0x80 : 0);
  return Uint8Array.of(FS, 0x21, n);
}

/** `ESC d n`: print the buffer and feed `lines` lines (0..255). */
export function feedLines(lines: number): Uint8Array {
  return Uint8Array.of(ESC, 0x64, Math.min(255, Math.max(0, Math.floor(lines))));
}

/**
 * Cut. Without `feedLines`: `GS V 0` (full) or `GS V 1` (partial). With it:
 * `GS V 65 n` / `GS V 66 n`, which feed to the cutter plus n lines first.
 */
export function cut(options: { partial?: boolean; feedLines?: number } = {}): Uint8Array {
  if (options.feedLines === undefined) return Uint8Array.of(GS, 0x56, options.partial ? 0x01 : 0x00);
  const n = Math.min(255, Math.max(0, Math.floor(options.feedLines)));
  return Uint8Array.of(GS, 0x56, options.partial ? 0x42 : 0x41, n);
}

const EC_CODE: Record<QrErrorCorrection, number> = { L: 48, M: 49, Q: 50, H: 51 };

/** Most QR data `GS ( k` can store in one go (pL + pH·256 − 3, capped by QR version 40). */
export const QR_MAX_DATA_BYTES = 7089;

/** `GS ( k` function 165: select model 2. */
export function qrModel2(): Uint8Array {
  return Uint8Array.of(GS, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00);
}

/** `GS ( k` function 167: module size 1..16 dots. */
export function qrModuleSize(size: number): Uint8Array {
  return Uint8Array.of(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, Math.min(16, Math.max(1, Math.floor(size))));
}

/** `GS ( k` function 169: error correction level (48 L, 49 M, 50 Q, 51 H). */
export function qrErrorCorrection(level: QrErrorCorrection): Uint8Array {
  return Uint8Array.of(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, EC_CODE[level]);
}

/** `GS ( k` function 180: store `data` (pL + pH·256 = length + 3). `data` must be ≤ {@link QR_MAX_DATA_BYTES}. */
export function qrStore(data: Uint8Array): Uint8Array {
  const length = Math.min(data.length, QR_MAX_DATA_BYTES) + 3;
  const out = new Uint8Array(8 + length - 3);
  out.set([GS, 0x28, 0x6b, length & 0xff, length >> 8, 0x31, 0x50, 0x30]);
  out.set(data.subarray(0, QR_MAX_DATA_BYTES), 8);
  return out;
}

/** `GS ( k` function 181: print the stored symbol. */
export function qrPrint(): Uint8Array {
  return Uint8Array.of(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30);
}

/** The whole QR sequence: model 2, module size, error correction, store, print. */
export function qrCode(data: Uint8Array, options: { moduleSize: number; errorCorrection: QrErrorCorrection }): Uint8Array {
  return concatBytes([qrModel2(), qrModuleSize(options.moduleSize), qrErrorCorrection(options.errorCorrection), qrStore(data), qrPrint()]);
}

/** Where a barcode's human-readable text (HRI) is printed (`GS H n`). */
export type HriPosition = 'none' | 'above' | 'below' | 'both';

const HRI_CODE: Record<HriPosition, number> = { none: 0, above: 1, below: 2, both: 3 };

/** `GS H n`: HRI position (0 none, 1 above, 2 below, 3 both). */
export function barcodeHri(position: HriPosition): Uint8Array {
  return Uint8Array.of(GS, 0x48, HRI_CODE[position]);
}

/** `GS h n`: barcode height in dots, 1..255 (Epson default 162). */
export function barcodeHeight(dots: number): Uint8Array {
  return Uint8Array.of(GS, 0x68, Math.min(255, Math.max(1, Math.floor(dots))));
}

/** Narrowest and widest module `GS w n` accepts on the Epson TM printers (2..6 dots). */
export const BARCODE_MODULE_MIN = 2;
export const BARCODE_MODULE_MAX = 6;

/** `GS w n`: module width in dots, {@link BARCODE_MODULE_MIN}..{@link BARCODE_MODULE_MAX}. */
export function barcodeModuleWidth(dots: number): Uint8Array {
  return Uint8Array.of(GS, 0x77, Math.min(BARCODE_MODULE_MAX, Math.max(BARCODE_MODULE_MIN, Math.floor(dots))));
}

/** `GS k m n` function B, m = 73: CODE128. */
export const CODE128_SYSTEM = 73;
/** `n` counts `{B` and the data, at most 255 bytes. */
const CODE128_MAX_BYTES = 255;

/** CODE128 data for `GS k 73 n`, and how many symbol characters it makes (for the width). */
export interface Code128Data {
  bytes: Uint8Array;
  /** Symbol characters between the start and the check character: data, plus one per code-set switch. */
  symbols: number;
}

/** Digit runs at least this long go in code set C (two digits a symbol); shorter ones cost more in switches than they save. */
const CODE_C_MIN_RUN = 4;

/**
 * CODE128 data for `GS k 73 n`: printable ASCII in code set B (`{B`, a
 * literal `{` sent as `{{`, Epson: a `{` starts a special character), and
 * runs of 4 or more digits in code set C (`{C`, one byte 0–99 per digit
 * pair), so a 受理编号 like `SL410402202611150031` (2 letters, 18 digits)
 * takes 12 symbols, not 20, and fits 58 mm paper. An odd run leaves its
 * first digit in code set B. Null when the text is empty, not printable
 * ASCII (0x20–0x7E) or too long for the command's one-byte length.
 */
export function code128Data(text: string): Code128Data | null {
  if (text.length === 0) return null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return null;
  }
  const out: number[] = [];
  let symbols = 0;
  let set: 'B' | 'C' | null = null;
  const switchTo = (next: 'B' | 'C') => {
    if (set === next) return;
    // The first selection is the start character; each later one is a symbol of its own.
    if (set !== null) symbols++;
    out.push(0x7b, next === 'B' ? 0x42 : 0x43);
    set = next;
  };
  let i = 0;
  while (i < text.length) {
    let run = 0;
    while (i + run < text.length && /[0-9]/.test(text[i + run]!)) run++;
    if (run >= CODE_C_MIN_RUN) {
      if (run % 2 === 1) {
        switchTo('B');
        out.push(text.charCodeAt(i));
        symbols++;
        i++;
        run--;
      }
      switchTo('C');
      for (let k = 0; k < run; k += 2) {
        out.push(Number(text.slice(i + k, i + k + 2)));
        symbols++;
      }
      i += run;
      continue;
    }
    switchTo('B');
    const c = text.charCodeAt(i);
    if (c === 0x7b) out.push(0x7b);
    out.push(c);
    symbols++;
    i++;
  }
  return out.length > CODE128_MAX_BYTES ? null : { bytes: Uint8Array.from(out), symbols };
}

/** Modules of a CODE128 symbol of `symbols` symbol characters: start, data, check (11 each), stop (13). */
export function code128Modules(symbols: number): number {
  return 11 * (symbols + 2) + 13;
}

/**
 * The whole barcode sequence: HRI position, height, module width, then
 * `GS k 73 n {B…` (Epson ESC/POS reference, GS k function B). `data` comes
 * from {@link code128Data}.
 */
export function code128(data: Uint8Array, options: { height: number; moduleWidth: number; hri: HriPosition }): Uint8Array {
  const head = Uint8Array.of(GS, 0x6b, CODE128_SYSTEM, data.length);
  return concatBytes([barcodeHri(options.hri), barcodeHeight(options.height), barcodeModuleWidth(options.moduleWidth), head, data]);
}

/** `DLE EOT n`: real-time status request, n = 1 printer, 2 offline cause, 3 error cause, 4 roll paper. */
export function statusRequest(n: 1 | 2 | 3 | 4): Uint8Array {
  return Uint8Array.of(DLE, EOT, n);
}

/** Concatenates byte arrays. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
