import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkDigit,
  idNumberCheckForKeypad,
  PROVINCE_CODES,
  upgradeFifteenDigit,
  validateIdNumber,
  validatePermitNumber2017,
} from '../../domain/id-number';

const NOW = new Date(2025, 5, 15); // 2025-06-15 local
const opts = { now: NOW };

function withCheck(first17: string): string {
  return first17 + checkDigit(first17)!;
}

describe('validateIdNumber: DOMAIN.md §2 vectors', () => {
  it('accepts the GB sample 11010519491231002X', () => {
    const r = validateIdNumber('11010519491231002X', opts);
    expect(r).toEqual({
      ok: true,
      kind: 'resident',
      idNumber: '11010519491231002X',
      regionCode: '110105',
      provinceCode: '11',
      birthDate: '1949-12-31',
      sex: 'female',
    });
  });

  it('accepts the NIA 2023 foreigner samples', () => {
    const saudi = validateIdNumber('932682198501010017', opts);
    expect(saudi).toMatchObject({
      ok: true,
      kind: 'foreigner2023',
      provinceCode: '32',
      nationalityCode: '682',
      birthDate: '1985-01-01',
      sex: 'male',
    });
    const canada = validateIdNumber('911124198108030024', opts);
    expect(canada).toMatchObject({
      ok: true,
      kind: 'foreigner2023',
      provinceCode: '11',
      nationalityCode: '124',
      birthDate: '1981-08-03',
      sex: 'female',
    });
  });

  it('accepts a lower-case x and normalises it', () => {
    expect(validateIdNumber('11010519491231002x', opts)).toMatchObject({ ok: true, idNumber: '11010519491231002X' });
  });

  it('classifies 81/82/83 numbers as hmt', () => {
    for (const p of ['81', '82', '83']) {
      expect(validateIdNumber(withCheck(`${p}000019950720002`), opts)).toMatchObject({ ok: true, kind: 'hmt' });
    }
  });

  it('computes the check digit (10 → X)', () => {
    expect(checkDigit('11010519491231002')).toBe('X');
    expect(checkDigit('93268219850101001')).toBe('7');
    expect(checkDigit('1234')).toBeUndefined();
    expect(checkDigit('1101051949123100A')).toBeUndefined();
  });
});

describe('validateIdNumber: rejections', () => {
  it.each([
    ['', 'length'],
    ['11010519491231002', 'length'],
    ['11010519491231002XX', 'length'],
    ['1101051949123100X2', 'characters'],
    ['11010519491231002Y', 'characters'],
    ['１10105194912310020', 'characters'],
    ['00010519491231002X', 'province'],
    ['16010519491231002X', 'province'],
    ['72010519491231002X', 'province'],
    ['84010519491231002X', 'province'],
    ['900000198501010017', 'province'],
    ['11010519491331002X', 'birthDate'],
    ['110105194912320020', 'birthDate'],
    ['11010517991231002X', 'birthDate'],
    ['110105194912310021', 'checksum'],
  ])('%s → %s', (id, reason) => {
    const r = validateIdNumber(id, opts);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe(reason);
      expect(r.zh.length).toBeGreaterThan(0);
      expect(r.en.length).toBeGreaterThan(0);
    }
  });

  it('treats 1900-02-29 as invalid and 2000-02-29 as valid (leap years)', () => {
    expect(validateIdNumber(withCheck('11010519000229001'), opts)).toMatchObject({ ok: false, reason: 'birthDate' });
    expect(validateIdNumber(withCheck('11010520000229001'), opts)).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(validateIdNumber(withCheck('11010520230229001'), opts)).toMatchObject({ ok: false, reason: 'birthDate' });
    expect(validateIdNumber(withCheck('11010520240229001'), opts)).toMatchObject({ ok: true });
  });

  it('rejects a birth date after today, accepts today', () => {
    expect(validateIdNumber(withCheck('11010520250616001'), opts)).toMatchObject({
      ok: false,
      reason: 'futureBirthDate',
    });
    expect(validateIdNumber(withCheck('11010520250615001'), opts)).toMatchObject({ ok: true });
  });

  it('accepts every listed province and nothing else', () => {
    const expected = [
      ...[11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46],
      ...[50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83],
    ].map(String);
    expect([...PROVINCE_CODES].sort()).toEqual(expected.sort());
    for (let p = 10; p <= 89; p++) {
      const r = validateIdNumber(withCheck(`${p}010519800101001`), opts);
      expect(r.ok, String(p)).toBe(PROVINCE_CODES.has(String(p)));
    }
    // 2023 foreigner numbers: the province of acceptance is digits 2–3.
    for (let p = 10; p <= 99; p++) {
      const r = validateIdNumber(withCheck(`9${p}12419800101001`), opts);
      expect(r.ok, `9${p}`).toBe(PROVINCE_CODES.has(String(p)));
    }
  });
});

describe('validateIdNumber: properties', () => {
  const province = fc.constantFrom(...PROVINCE_CODES);
  const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
  const birth = fc
    .date({ min: new Date(1900, 0, 1), max: new Date(2025, 5, 15), noInvalidDate: true })
    .map(
      (d) => `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`,
    );
  const first17 = fc.tuple(province, digits(4), birth, digits(3)).map(([p, r, b, s]) => `${p}${r}${b}${s}`);

  it('any 17 digits with a valid province and birth date plus the computed check digit validate', () => {
    fc.assert(
      fc.property(first17, (f) => {
        const r = validateIdNumber(f + checkDigit(f)!, opts);
        expect(r.ok).toBe(true);
      }),
    );
  });

  it('any single-character change of a valid number is rejected', () => {
    fc.assert(
      fc.property(first17, fc.nat(17), fc.integer({ min: 1, max: 10 }), (f, pos, delta) => {
        const valid = f + checkDigit(f)!;
        const alphabet = '0123456789X';
        const current = alphabet.indexOf(valid[pos]!);
        const size = pos === 17 ? 11 : 10;
        const replacement = alphabet[(current + (delta % size || 1)) % size]!;
        fc.pre(replacement !== valid[pos]);
        const changed = valid.slice(0, pos) + replacement + valid.slice(pos + 1);
        expect(validateIdNumber(changed, opts).ok).toBe(false);
      }),
    );
  });

  it('sex follows the parity of the 17th digit', () => {
    fc.assert(
      fc.property(first17, (f) => {
        const r = validateIdNumber(f + checkDigit(f)!, opts);
        expect(r.ok && r.sex).toBe(Number(f[16]) % 2 === 1 ? 'male' : 'female');
      }),
    );
  });
});

describe('upgradeFifteenDigit', () => {
  it('inserts 19 and appends the check digit', () => {
    expect(upgradeFifteenDigit('110105491231002', opts)).toEqual({ ok: true, value: '11010519491231002X' });
    const r = upgradeFifteenDigit('410402900101123', opts);
    expect(r).toEqual({ ok: true, value: '410402199001011230' });
  });

  it('rejects wrong length, characters and impossible dates', () => {
    expect(upgradeFifteenDigit('11010549123100', opts)).toMatchObject({ ok: false, error: { reason: 'length' } });
    expect(upgradeFifteenDigit('11010549123100X', opts)).toMatchObject({ ok: false, error: { reason: 'characters' } });
    expect(upgradeFifteenDigit('110105000229002', opts)).toMatchObject({ ok: false, error: { reason: 'birthDate' } });
    expect(upgradeFifteenDigit('990105491231002', opts)).toMatchObject({ ok: false, error: { reason: 'province' } });
  });

  it('the upgrade always validates when the 15-digit number is well formed', () => {
    const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
    const yymmdd = fc
      .date({ min: new Date(1900, 0, 1), max: new Date(1999, 11, 31), noInvalidDate: true })
      .map(
        (d) =>
          `${String(d.getFullYear()).slice(2)}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`,
      );
    fc.assert(
      fc.property(fc.constantFrom(...PROVINCE_CODES), digits(4), yymmdd, digits(3), (p, r, b, s) => {
        const up = upgradeFifteenDigit(`${p}${r}${b}${s}`, opts);
        expect(up.ok).toBe(true);
        if (up.ok) expect(validateIdNumber(up.value, opts).ok).toBe(true);
      }),
    );
  });
});

describe('validatePermitNumber2017', () => {
  it('accepts 3 letters + 12 digits', () => {
    expect(validatePermitNumber2017('SWE110085031501')).toEqual({
      ok: true,
      kind: 'foreigner2017',
      permitNumber: 'SWE110085031501',
      prefix: 'SWE',
    });
    expect(validatePermitNumber2017('swe110085031501')).toMatchObject({ ok: true, permitNumber: 'SWE110085031501' });
  });
  it('rejects other shapes', () => {
    expect(validatePermitNumber2017('SWE11008503150')).toMatchObject({ ok: false, reason: 'length' });
    expect(validatePermitNumber2017('SW1110085031501')).toMatchObject({ ok: false, reason: 'characters' });
    expect(validatePermitNumber2017('SWE11008503150X')).toMatchObject({ ok: false, reason: 'characters' });
  });
});

describe('idNumberCheckForKeypad', () => {
  const state = (s: string) => idNumberCheckForKeypad(s, opts);

  it('is incomplete while a valid prefix is typed', () => {
    const full = '11010519491231002X';
    for (let n = 0; n < 18; n++) expect(state(full.slice(0, n)).state, full.slice(0, n)).toBe('incomplete');
    expect(state(full)).toMatchObject({ state: 'valid', info: { birthDate: '1949-12-31' } });
    const foreign = '932682198501010017';
    for (let n = 0; n < 18; n++) expect(state(foreign.slice(0, n)).state).toBe('incomplete');
    expect(state(foreign).state).toBe('valid');
  });

  it.each([
    ['1101A', 'characters'],
    ['11010519491231X', 'characters'],
    ['19', 'province'],
    ['900', 'province'],
    ['1101051749', 'birthDate'],
    ['1101052099', 'futureBirthDate'],
    ['11010519492', 'birthDate'],
    ['110105194913', 'birthDate'],
    ['110105194900', 'birthDate'],
    ['1101051949124', 'birthDate'],
    ['11010519490230', 'birthDate'],
    ['11010520250616', 'futureBirthDate'],
    ['110105194912310021', 'checksum'],
    ['11010519491231002X1', 'length'],
  ])('%s → invalid %s', (s, reason) => {
    const r = state(s);
    expect(r).toMatchObject({ state: 'invalid', reason });
    if (r.state === 'invalid') expect(r.zh).not.toBe('');
  });
});
