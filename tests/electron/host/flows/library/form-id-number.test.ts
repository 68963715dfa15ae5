/**
 * A form's `idNumber` text field (another person's number, e.g. a child's):
 * accepted only as an 18-character citizen number that passes GB 11643
 * (province, a birth date not after today, the MOD 11-2 check character),
 * kept exactly as sent; anything else is refused with its own error key.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormField } from '../../../../../electron/contract';
import { REGIONS } from '../../../../../electron/host/flows/library/form/regions';
import { checkField } from '../../../../../electron/host/flows/library/form/validate';
import { checkDigit } from '../../../../../domain/id-number';

const FIELD: FormField = { id: 'child', labelKey: 'svc.t.child', required: true, type: 'text', input: 'idNumber', maxLength: 18 };

/** A valid resident number: a real province, a birth date in 1950–2020, any sequence, its check character. */
const validNumber = fc
  .tuple(
    fc.constantFrom('110105', '320106', '410402', '440305'),
    fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z'), noInvalidDate: true }),
    fc.stringMatching(/^\d{3}$/),
  )
  .map(([region, birth, sequence]) => {
    const first17 = `${region}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${sequence}`;
    return `${first17}${checkDigit(first17)!}`;
  });

describe('form field: idNumber', () => {
  it('accepts a valid number exactly as sent', () => {
    fc.assert(
      fc.property(validNumber, (idNumber) => {
        expect(checkField(FIELD, idNumber, REGIONS)).toEqual({ ok: true, value: idNumber });
      }),
    );
  });

  it('refuses a number whose check character is wrong', () => {
    fc.assert(
      fc.property(validNumber, fc.constantFrom(...'0123456789X'), (idNumber, last) => {
        fc.pre(last !== idNumber[17]);
        expect(checkField(FIELD, `${idNumber.slice(0, 17)}${last}`, REGIONS)).toEqual({ ok: false, error: 'idNumber' });
      }),
    );
  });

  it('refuses any other text (too short, letters, a lower-case x) with the idNumber problem', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }).filter((s) => s.length > 0 && !/^\d{17}[\dX]$/.test(s)), (text) => {
        expect(checkField(FIELD, text, REGIONS)).toEqual({ ok: false, error: 'idNumber' });
      }),
    );
    expect(checkField(FIELD, '32010219920308005x', REGIONS)).toEqual({ ok: false, error: 'idNumber' });
    expect(checkField(FIELD, '32010219920308005X', REGIONS)).toEqual({ ok: true, value: '32010219920308005X' });
  });

  it('is required like any field: empty is `required`, not `idNumber`', () => {
    expect(checkField(FIELD, '', REGIONS)).toEqual({ ok: false, error: 'required' });
  });
});
