import { describe, expect, it } from 'vitest';
import { encodeReceipt } from '../../../drivers/receipt/encode';
import {
  align,
  bold,
  characterSize,
  CHINESE_MODE_OFF,
  CHINESE_MODE_ON,
  chineseMode,
  cut,
  feedLines,
  INITIALIZE,
  qrCode,
  qrErrorCorrection,
  qrModel2,
  qrModuleSize,
  qrPrint,
  qrStore,
  statusRequest,
} from '../../../drivers/receipt/escpos';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').toUpperCase().replace(/(..)(?!$)/g, '$1 ');

describe('ESC/POS command bytes (DOMAIN.md §8)', () => {
  it('basics: initialise, align, bold, size, feed', () => {
    expect(hex(INITIALIZE)).toBe('1B 40');
    expect(hex(align('left'))).toBe('1B 61 00');
    expect(hex(align('center'))).toBe('1B 61 01');
    expect(hex(align('right'))).toBe('1B 61 02');
    expect(hex(bold(true))).toBe('1B 45 01');
    expect(hex(bold(false))).toBe('1B 45 00');
    expect(hex(characterSize(2, 2))).toBe('1D 21 11');
    expect(hex(characterSize(1, 2))).toBe('1D 21 01');
    expect(hex(characterSize(8, 1))).toBe('1D 21 70');
    expect(hex(characterSize(0, 99))).toBe('1D 21 07');
    expect(hex(feedLines(3))).toBe('1B 64 03');
  });

  it('Chinese mode: FS & enters, FS . leaves, FS ! sets 汉字 double size', () => {
    expect(hex(CHINESE_MODE_ON)).toBe('1C 26');
    expect(hex(CHINESE_MODE_OFF)).toBe('1C 2E');
    expect(hex(chineseMode({ doubleWidth: true, doubleHeight: true }))).toBe('1C 21 0C');
  });

  it('cuts: GS V 0 full, GS V 1 partial, GS V 65/66 n feed and cut', () => {
    expect(hex(cut())).toBe('1D 56 00');
    expect(hex(cut({ partial: true }))).toBe('1D 56 01');
    expect(hex(cut({ feedLines: 3 }))).toBe('1D 56 41 03');
    expect(hex(cut({ partial: true, feedLines: 5 }))).toBe('1D 56 42 05');
  });

  it('QR code model 2: model, module size, error correction, store, print', () => {
    expect(hex(qrModel2())).toBe('1D 28 6B 04 00 31 41 32 00');
    expect(hex(qrModuleSize(6))).toBe('1D 28 6B 03 00 31 43 06');
    expect(hex(qrErrorCorrection('L'))).toBe('1D 28 6B 03 00 31 45 30');
    expect(hex(qrErrorCorrection('M'))).toBe('1D 28 6B 03 00 31 45 31');
    expect(hex(qrErrorCorrection('Q'))).toBe('1D 28 6B 03 00 31 45 32');
    expect(hex(qrErrorCorrection('H'))).toBe('1D 28 6B 03 00 31 45 33');
    expect(hex(qrStore(new TextEncoder().encode('AB')))).toBe('1D 28 6B 05 00 31 50 30 41 42');
    expect(hex(qrPrint())).toBe('1D 28 6B 03 00 31 51 30');
    // pL + pH·256 = length + 3, also past 255 bytes.
    const long = qrStore(new Uint8Array(300).fill(0x41));
    expect([long[3], long[4]]).toEqual([(303 & 0xff), 303 >> 8]);
    expect(long.length).toBe(8 + 300);
    expect(hex(qrCode(new TextEncoder().encode('x'), { moduleSize: 4, errorCorrection: 'M' }))).toBe(
      '1D 28 6B 04 00 31 41 32 00 1D 28 6B 03 00 31 43 04 1D 28 6B 03 00 31 45 31 1D 28 6B 04 00 31 50 30 78 1D 28 6B 03 00 31 51 30',
    );
  });

  it('real-time status requests are DLE EOT n', () => {
    expect(hex(statusRequest(1))).toBe('10 04 01');
    expect(hex(statusRequest(4))).toBe('10 04 04');
  });

  it('a receipt starts with ESC @ and FS &, encodes text as GB18030 and ends with the cut', () => {
    const r = encodeReceipt({ blocks: [{ kind: 'text', text: '王喆 A' }, { kind: 'cut' }] }, { paperWidthMm: 80 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(hex(r.value)).toBe('1B 40 1C 26 CD F5 86 B4 20 41 0A 1D 56 00');
  });

  it('strips control characters so that data cannot inject commands', () => {
    const r = encodeReceipt({ blocks: [{ kind: 'text', text: 'A\u001b@\u001dV\u0000B\u0010\u0004\u0001C' }] }, { paperWidthMm: 80 });
    // ESC, GS, NUL, DLE, EOT and SOH are dropped; the letters after them are plain text.
    expect(r.ok && hex(r.value)).toBe('1B 40 1C 26 41 40 56 42 43 0A');
  });

  it('emits alignment, bold and size only when they change, and resets them at the end', () => {
    const r = encodeReceipt(
      {
        blocks: [
          { kind: 'text', text: 'T', align: 'center', bold: true, size: 'double' },
          { kind: 'text', text: 'U', align: 'center', bold: true, size: 'double' },
        ],
      },
      { paperWidthMm: 58 },
    );
    expect(r.ok && hex(r.value)).toBe('1B 40 1C 26 1B 61 01 1B 45 01 1D 21 11 54 0A 55 0A 1B 61 00 1B 45 00 1D 21 00');
  });

  it('refuses a QR payload no symbol can hold, as a value', () => {
    const r = encodeReceipt({ blocks: [{ kind: 'qr', data: 'x'.repeat(8000) }] }, { paperWidthMm: 80 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe('qrTooLong');
    const r2 = encodeReceipt({ blocks: [{ kind: 'qr', data: 'y'.repeat(2500), errorCorrection: 'H' }] }, { paperWidthMm: 58 });
    expect(r2.ok).toBe(false);
  });

  it('shrinks the QR module size to fit the paper', () => {
    const data = 'https://example.gov.cn/' + 'a'.repeat(200);
    const r = encodeReceipt({ blocks: [{ kind: 'qr', data, moduleSize: 16 }] }, { paperWidthMm: 58 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const at = hex(r.value).indexOf('1D 28 6B 03 00 31 43');
    const size = parseInt(hex(r.value).slice(at + 21, at + 23), 16);
    expect(size).toBeGreaterThanOrEqual(1);
    expect(size).toBeLessThan(16);
  });
});
