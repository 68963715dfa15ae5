/**
 * The form's field checks as properties: no input crashes them (any JSON
 * value for any field), and an accepted value is kept exactly as sent, so
 * checking it again accepts it again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormField } from '../../../../../electron/contract';
import { resolveBound } from '../../../../../electron/host/flows/library/form/fields';
import { REGIONS } from '../../../../../electron/host/flows/library/form/regions';
import { checkField, checkForm } from '../../../../../electron/host/flows/library/form/validate';
import { countiesOf } from '../../../../../domain/region';

const base = { labelKey: 'svc.t.label', required: true };
const FIELDS: FormField[] = [
  { ...base, id: 'name', type: 'text', input: 'chineseName', maxLength: 20 },
  { ...base, id: 'note', type: 'text', input: 'chinese', maxLength: 30, required: false },
  { ...base, id: 'pinyin', type: 'text', input: 'latin', maxLength: 40 },
  { ...base, id: 'reason', type: 'choice', options: [{ value: 'lost', labelKey: 'svc.t.lost' }, { value: 'damaged', labelKey: 'svc.t.damaged' }] },
  { ...base, id: 'moved', type: 'date', min: '1990-01-01', max: '2026-12-01' },
  { ...base, id: 'phone', type: 'phone' },
  { ...base, id: 'address', type: 'address', detailMaxLength: 40 },
];

const han = fc.constantFrom(...Array.from('陈思远王芳李娜张伟刘洋买提艾力科技园路号栋单元'));
const counties = Object.keys(REGIONS.names).filter((code) => !code.endsWith('00'));
const countylessCities = Object.keys(REGIONS.names).filter((code) => code.endsWith('00') && !code.endsWith('0000') && countiesOf(REGIONS, code).length === 0);

/** Values each field should accept. */
const valid = {
  name: fc.tuple(fc.array(han, { minLength: 1, maxLength: 6 }), fc.option(fc.array(han, { minLength: 1, maxLength: 6 }), { nil: undefined })).map(([a, b]) => a.join('') + (b ? `·${b.join('')}` : '')),
  note: fc.array(fc.oneof(han, fc.constantFrom('1', '2', 'A', '#', '-')), { minLength: 1, maxLength: 30 }).map((chars) => chars.join('')),
  pinyin: fc.array(fc.stringMatching(/^[A-Z]{1,8}$/), { minLength: 1, maxLength: 4 }).map((words) => words.join(' ').slice(0, 40).trim()).filter((s) => /^[A-Z]+( [A-Z]+)*$/.test(s)),
  reason: fc.constantFrom('lost', 'damaged'),
  moved: fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2026-12-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  phone: fc.tuple(fc.constantFrom('3', '4', '5', '6', '7', '8', '9'), fc.stringMatching(/^\d{9}$/)).map(([second, rest]) => `1${second}${rest}`),
  address: fc.tuple(fc.oneof(fc.constantFrom(...counties).map((county) => ({ county, city: `${county.slice(0, 4)}00` })), fc.constantFrom(...countylessCities).map((city) => ({ county: null, city }))), fc.array(han, { minLength: 1, maxLength: 40 })).map(([{ county, city }, detail]) => ({ province: `${city.slice(0, 2)}0000`, city, county, detail: detail.join('') })),
};

describe('form field checks', () => {
  it('never throw, whatever a field is sent, and answer a value or a problem', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIELDS), fc.jsonValue(), (field, raw) => {
        const result = checkField(field, raw, REGIONS);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('never throw on address-shaped input with any strings', () => {
    const address = FIELDS.find((field) => field.type === 'address')!;
    fc.assert(
      fc.property(fc.record({ province: fc.string(), city: fc.string(), county: fc.option(fc.string(), { nil: null }), detail: fc.string() }), (raw) => {
        const result = checkField(address, raw, REGIONS);
        if (result.ok && result.value !== null) expect(checkField(address, result.value, REGIONS)).toEqual(result);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throw on a whole form of any values', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('name', 'note', 'pinyin', 'reason', 'moved', 'phone', 'address', 'other'), fc.jsonValue()), (values) => {
        const result = checkForm(FIELDS, values, REGIONS);
        if (!result.ok) for (const key of Object.values(result.error)) expect(key).toMatch(/^flow\.form\.error\.[a-zA-Z]+$/);
      }),
    );
  });

  it('accept valid values unchanged, and accept them again (round trip)', () => {
    fc.assert(
      fc.property(fc.record(valid), (values) => {
        const result = checkForm(FIELDS, values, REGIONS);
        expect(result).toEqual({ ok: true, value: values });
        if (result.ok) expect(checkForm(FIELDS, JSON.parse(JSON.stringify(result.value)), REGIONS)).toEqual(result);
      }),
      { numRuns: 500 },
    );
  });

  it('accept any string a field accepts only within its length', () => {
    const note = FIELDS.find((field) => field.id === 'note')!;
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const result = checkField(note, text, REGIONS);
        if (result.ok && result.value !== null) {
          expect(Array.from(text).length).toBeLessThanOrEqual(30);
          expect(result.value).toBe(text);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('relative date bounds', () => {
  it('move by years, months and days, keeping to the month’s last day', () => {
    expect(resolveBound({ fromToday: { years: -30 } }, '2026-12-01')).toBe('1996-12-01');
    expect(resolveBound({ fromToday: { years: 1 } }, '2024-02-29')).toBe('2025-02-28');
    expect(resolveBound({ fromToday: { months: 1 } }, '2026-01-31')).toBe('2026-02-28');
    expect(resolveBound({ fromToday: { days: 31 } }, '2026-12-01')).toBe('2027-01-01');
    expect(resolveBound({ fromToday: { years: -2000 } }, '2026-12-01')).toBe('0026-12-01');
    expect(resolveBound({ date: '2000-01-01' }, '2026-12-01')).toBe('2000-01-01');
  });
});
