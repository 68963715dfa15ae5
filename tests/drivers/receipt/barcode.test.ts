/** CODE128 on receipts: the bytes (Epson GS k function B), what the simulator reads back, and what does not fit. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeReceipt } from '../../../drivers/receipt/encode';
import { code128, code128Data } from '../../../drivers/receipt/escpos';
import { code128Text, EscPosParser, type EscPosEvent } from '../../../drivers/receipt/escpos-parser';
import { formatPrintedReceipt } from '../../../drivers/receipt/simulator';
import { connectedPrinter } from './helpers';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').toUpperCase().replace(/(..)(?!$)/g, '$1 ');

function parse(input: Uint8Array, chunk = input.length): EscPosEvent[] {
  const parser = new EscPosParser();
  const events: EscPosEvent[] = [];
  for (let at = 0; at < input.length; at += Math.max(1, chunk)) events.push(...parser.push(input.subarray(at, at + chunk)));
  return [...events, ...parser.flush()];
}

const printableAscii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 40 });

describe('CODE128 bytes', () => {
  it('sends HRI below, height, module width, then GS k 73 n with {B and a { doubled', () => {
    expect(hex(code128Data('A{1')!.bytes)).toBe('7B 42 41 7B 7B 31');
    expect(hex(code128(code128Data('XJ1')!.bytes, { height: 64, moduleWidth: 2, hri: 'below' }))).toBe('1D 48 02 1D 68 40 1D 77 02 1D 6B 49 05 7B 42 58 4A 31');
  });

  it('packs runs of four or more digits two to a symbol in code set C, the first digit of an odd run in B', () => {
    const number = code128Data('SL410402202611150031')!;
    expect(hex(number.bytes)).toBe('7B 42 53 4C 7B 43 29 04 02 14 1A 0B 0F 00 1F');
    expect(number.symbols).toBe(2 + 1 + 9);
    expect(hex(code128Data('No.12345')!.bytes)).toBe('7B 42 4E 6F 2E 31 7B 43 17 2D');
    expect(code128Data('20261202')!.symbols).toBe(4);
    // Short runs stay in B: a switch would cost more than it saves.
    expect(hex(code128Data('A12B')!.bytes)).toBe('7B 42 41 31 32 42');
  });

  it('refuses what code set B cannot carry: nothing, Chinese, control characters', () => {
    expect(code128Data('')).toBeNull();
    expect(code128Data('受理')).toBeNull();
    expect(code128Data('A\nB')).toBeNull();
  });

  it('round-trips any printable ASCII of 1–40 characters through the parser, whole or byte by byte', () => {
    fc.assert(
      fc.property(printableAscii, fc.integer({ min: 1, max: 7 }), (text, chunk) => {
        const bytes = code128(code128Data(text)!.bytes, { height: 64, moduleWidth: 2, hri: 'below' });
        const events = parse(bytes, chunk);
        expect(events).toEqual([
          { kind: 'barcodeHri', position: 2 },
          { kind: 'other', name: 'GS h' },
          { kind: 'other', name: 'GS w' },
          { kind: 'barcode', system: 'CODE128', text },
        ]);
      }),
    );
  });

  it('never throws on a malformed GS k (any m, any length, any data), and text after a complete one still prints', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 300 }), (m, n, data) => {
        const input = Uint8Array.from([0x1d, 0x6b, m, n, ...data]);
        expect(() => parse(input)).not.toThrow();
        expect(() => parse(input, 1)).not.toThrow();
      }),
    );
    // A wrong code set start is no barcode; the length still tells where it ends.
    const events = parse(Uint8Array.from([0x1d, 0x6b, 73, 3, 0x41, 0x42, 0x43, 0x4f, 0x4b]));
    expect(events).toEqual([{ kind: 'other', name: 'GS k' }, { kind: 'text', bytes: Uint8Array.of(0x4f, 0x4b) }]);
  });

  it('reads code sets A and C and the special characters as the HRI shows them', () => {
    expect(code128Text(Uint8Array.from([0x7b, 0x42, 0x4e, 0x6f, 0x2e, 0x7b, 0x43, 12, 34, 5]))).toBe('No.123405');
    expect(code128Text(Uint8Array.from([0x7b, 0x41, 0x41, 0x09, 0x7b, 0x31, 0x42]))).toBe('A B');
    expect(code128Text(Uint8Array.from([0x7b, 0x42, 0x7b, 0x7a]))).toBeUndefined();
    expect(code128Text(Uint8Array.from([0x7b, 0x43, 100]))).toBeUndefined();
    expect(code128Text(Uint8Array.from([0x41, 0x42]))).toBeUndefined();
  });
});

describe('a barcode block on a receipt', () => {
  it('prints on the simulated paper as its number under the bars, and is listed as a barcode, not a QR code', async () => {
    const encoded = encodeReceipt({ blocks: [{ kind: 'text', text: '领证回执' }, { kind: 'barcode', data: 'SL410402202611150031' }, { kind: 'cut' }] }, { paperWidthMm: 80 });
    if (!encoded.ok) throw new Error(encoded.error.message);
    const { printer, sim } = await connectedPrinter();
    await printer.print(encoded.value);
    await printer.stop();
    const r = sim.receipts[0]!;
    expect(r.barcodes).toEqual(['SL410402202611150031']);
    expect(r.qrCodes).toEqual([]);
    expect(r.lines).toContain('SL410402202611150031');
    expect(r.cut).toBe(true);
    expect(formatPrintedReceipt(r)).toContain('[CODE128] SL410402202611150031');
  });

  it('shows no number on the paper when HRI is off (GS H 0), but still records the barcode', async () => {
    const bytes = Uint8Array.from([0x1b, 0x40, ...code128(code128Data('A1')!.bytes, { height: 50, moduleWidth: 2, hri: 'none' }), 0x0a, 0x1d, 0x56, 0x00]);
    const { printer, sim } = await connectedPrinter();
    await printer.print(bytes);
    await printer.stop();
    expect(sim.receipts[0]!.barcodes).toEqual(['A1']);
    expect(sim.receipts[0]!.lines).not.toContain('A1');
  });

  it('says why when the number does not fit the paper or is not ASCII, instead of printing half a barcode', () => {
    const fits = encodeReceipt({ blocks: [{ kind: 'barcode', data: 'SL410402202611150031' }] }, { paperWidthMm: 80 });
    expect(fits.ok).toBe(true);
    // Its 18 digits go two to a symbol, so it fits 58 mm paper too; 40 letters do not.
    const narrow = encodeReceipt({ blocks: [{ kind: 'barcode', data: 'SL410402202611150031' }] }, { paperWidthMm: 58 });
    expect(narrow.ok).toBe(true);
    const letters = encodeReceipt({ blocks: [{ kind: 'barcode', data: 'ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMN' }] }, { paperWidthMm: 58 });
    expect(letters.ok ? null : letters.error.kind).toBe('barcodeTooWide');
    const chinese = encodeReceipt({ blocks: [{ kind: 'barcode', data: '受理编号' }] }, { paperWidthMm: 80 });
    expect(chinese.ok ? null : chinese.error.kind).toBe('barcodeInvalid');
  });
});
