import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeReceipt } from '../../../drivers/receipt/encode';
import { decodeGb18030, encodeGb18030, gb18030Length, isGb18030Encodable } from '../../../drivers/receipt/gb18030';
import { connectedPrinter } from './helpers';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').toUpperCase();

describe('GB18030 encoder', () => {
  it('encodes rare name characters with the codes Node decodes (GB18030-2005/2022 mapping)', () => {
    // With this mapping 喆 堃 龑 䶮 are two-byte codes; Extension A and supplementary characters take four.
    expect(hex(encodeGb18030('喆'))).toBe('86B4');
    expect(hex(encodeGb18030('堃'))).toBe('88D2');
    expect(hex(encodeGb18030('龑'))).toBe('FD8C');
    expect(hex(encodeGb18030('䶮'))).toBe('FE9F');
    expect(hex(encodeGb18030('㐀'))).toBe('8139EE39');
    // Supplementary plane: pointer 189000 + (cp − 0x10000), spread over 81–FE 30–39 81–FE 30–39.
    expect(hex(encodeGb18030('𠮷'))).toBe('9534B235');
    expect(hex(encodeGb18030('\u{10000}'))).toBe('90308130');
    expect(hex(encodeGb18030('\u{10FFFF}'))).toBe('E3329A35');
    expect(hex(encodeGb18030('€￥'))).toBe('A2E3A3A4');
    expect(hex(encodeGb18030('A1 '))).toBe('413120');
    expect(gb18030Length('喆')).toBe(2);
    expect(gb18030Length('㐀')).toBe(4);
    expect(gb18030Length('𠮷')).toBe(4);
    expect(gb18030Length('a')).toBe(1);
  });

  it('round-trips every encodable BMP code point and every supplementary one sampled', () => {
    let unmapped = 0;
    for (let cp = 0; cp < 0x10000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const s = String.fromCharCode(cp);
      if (!isGb18030Encodable(s)) {
        unmapped++;
        continue;
      }
      if (decodeGb18030(encodeGb18030(s)) !== s) throw new Error(`U+${cp.toString(16)} does not round-trip`);
    }
    // U+E5E5 and the PUA points whose codes GB18030-2005 gave to real characters.
    expect(unmapped).toBeLessThan(32);
    for (let cp = 0x10000; cp <= 0x10ffff; cp += 997) {
      const s = String.fromCodePoint(cp);
      expect(decodeGb18030(encodeGb18030(s))).toBe(s);
    }
  });

  it('replaces lone surrogates and unmapped code points with ?', () => {
    expect(hex(encodeGb18030('a\ud800b'))).toBe('613F62');
    expect(hex(encodeGb18030('\ue5e5'))).toBe('3F');
    expect(isGb18030Encodable('\ud800')).toBe(false);
  });

  it('property: any string of encodable characters round-trips through Node’s decoder', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const clean = Array.from(s).filter((ch) => isGb18030Encodable(ch)).join('');
        expect(decodeGb18030(encodeGb18030(clean))).toBe(clean);
      }),
      { numRuns: 500 },
    );
  });
});

/** CJK characters from the unified block, Extension A and Extension B, plus a few rare name characters. */
const cjkChar = fc.oneof(
  fc.integer({ min: 0x4e00, max: 0x9fa5 }),
  fc.integer({ min: 0x3400, max: 0x4db5 }),
  fc.integer({ min: 0x20000, max: 0x2a6d6 }),
  fc.constantFrom(0x5586, 0x5803, 0x9f91, 0x4dae),
).map((cp) => String.fromCodePoint(cp));

describe('GB18030 through the printer simulator', () => {
  it('property: random CJK lines come back from the simulator as the same text', async () => {
    const { printer, sim } = await connectedPrinter();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cjkChar, { minLength: 1, maxLength: 24 }).map((a) => a.join('')), { minLength: 1, maxLength: 4 }), async (lines) => {
        const bytes = encodeReceipt({ blocks: [...lines.map((text) => ({ kind: 'text' as const, text, overflow: 'truncate' as const })), { kind: 'cut' }] }, { paperWidthMm: 80, columns: 48 });
        if (!bytes.ok) throw new Error(bytes.error.message);
        const printed = await printer.print(bytes.value);
        expect(printed.ok).toBe(true);
        const receipt = sim.takeReceipts()[0]!;
        expect(receipt.lines).toEqual(lines);
        expect(receipt.cut).toBe(true);
      }),
      { numRuns: 60 },
    );
    await printer.stop();
  });
});
