/** The photo studio receipt code parser (domain/photo-receipt-code.ts): what reaches the back-end is always a bare code. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePhotoReceiptCode, RECEIPT_CODE } from '../../domain/photo-receipt-code';

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const code = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...ALNUM), minLength: min, maxLength: max });

describe('photo receipt code', () => {
  it('takes a printed code as it is, grouped, lower-cased or padded', () => {
    expect(parsePhotoReceiptCode('4401062026A1B2C3D4E5')).toEqual({ ok: true, value: '4401062026A1B2C3D4E5' });
    expect(parsePhotoReceiptCode('  4401 0620-26a1 b2c3 d4e5\n')).toEqual({ ok: true, value: '4401062026A1B2C3D4E5' });
  });

  it('says why a text is not a code', () => {
    expect(parsePhotoReceiptCode('   ')).toEqual({ ok: false, error: 'empty' });
    expect(parsePhotoReceiptCode('12345678901234567')).toEqual({ ok: false, error: 'tooShort' });
    expect(parsePhotoReceiptCode('123456789012345678901')).toEqual({ ok: false, error: 'tooLong' });
    expect(parsePhotoReceiptCode('https://pay.example/4401062026A1B2C3')).toEqual({ ok: false, error: 'badCharacter' });
    expect(parsePhotoReceiptCode("4401062026A1B2C3D'--")).toEqual({ ok: false, error: 'badCharacter' });
    // Letters that upper-case into ASCII ('ß' → 'SS', 'ﬁ' → 'FI') are not code letters.
    expect(parsePhotoReceiptCode('4401062026A1B2C3Dß')).toEqual({ ok: false, error: 'badCharacter' });
    expect(parsePhotoReceiptCode('４４０１０６２０２６Ａ１Ｂ２Ｃ３Ｄ４')).toEqual({ ok: false, error: 'badCharacter' });
    expect(parsePhotoReceiptCode('1'.repeat(100_000))).toEqual({ ok: false, error: 'tooLong' });
  });

  it('accepts every 18–20 character code and gives it back unchanged', () => {
    fc.assert(fc.property(code(18, 20), (c) => {
        expect(parsePhotoReceiptCode(c)).toEqual({ ok: true, value: c });
      }));
  });

  it('reads the same code however it is grouped and cased', () => {
    fc.assert(
      fc.property(code(18, 20), fc.array(fc.constantFrom(' ', '-'), { maxLength: 6 }), fc.boolean(), (c, seps, lower) => {
        // Separators at fixed positions, kept under the input limit.
        let text = lower ? c.toLowerCase() : c;
        seps.forEach((sep, i) => {
          const at = Math.min(text.length, 3 + i * 4);
          text = text.slice(0, at) + sep + text.slice(at);
        });
        expect(parsePhotoReceiptCode(text)).toEqual({ ok: true, value: c });
      }),
    );
  });

  it('never answers with anything but a bare code, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: fc.constantFrom(...ALNUM, ' ', '-', 'ß', 'ı', '\u0000', '/', 'a'), maxLength: 30 })), (text) => {
        const parsed = parsePhotoReceiptCode(text);
        if (parsed.ok) expect(parsed.value).toMatch(RECEIPT_CODE);
        else expect(['empty', 'badCharacter', 'tooShort', 'tooLong']).toContain(parsed.error);
      }),
      { numRuns: 2000 },
    );
  });
});
