import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IdCardFields } from '../../../drivers/idcard/card';
import { CARD_TEXT_LENGTH, cardToCliJson, encodeCardText, parseCardText } from '../../../drivers/idcard/card-text';

/** A 256-byte block of spaces (`20 00`), written independently of the encoder. */
function blank(): Uint8Array {
  const b = new Uint8Array(256);
  for (let i = 0; i < 256; i += 2) b[i] = 0x20;
  return b;
}

/** Writes UCS-2LE text at a byte offset. */
function put(b: Uint8Array, offset: number, text: string): void {
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    b[offset + 2 * i] = u & 0xff;
    b[offset + 2 * i + 1] = u >> 8;
  }
}

/** Reads UCS-2LE text of `width` bytes at `offset`, trailing spaces removed. */
function get(b: Uint8Array, offset: number, width: number): string {
  let s = '';
  for (let i = 0; i < width; i += 2) s += String.fromCharCode(b[offset + i]! | (b[offset + i + 1]! << 8));
  return s.replace(/ +$/, '');
}

function residentBytes(): Uint8Array {
  const b = blank();
  put(b, 0, '陈思远');
  put(b, 30, '1');
  put(b, 32, '01');
  put(b, 36, '19900101');
  put(b, 52, '河南省平顶山市新华区青石街17号');
  put(b, 122, '410402199001011230');
  put(b, 158, '平顶山市公安局新华分局');
  put(b, 188, '20150301');
  put(b, 204, '20350301');
  return b;
}

const resident: IdCardFields = {
  type: 'resident',
  name: '陈思远',
  gender: 'male',
  nationCode: '01',
  birthDate: '1990-01-01',
  address: '河南省平顶山市新华区青石街17号',
  idNumber: '410402199001011230',
  authority: '平顶山市公安局新华分局',
  validFrom: '2015-03-01',
  validTo: '2035-03-01',
};

const hmt: IdCardFields = {
  type: 'hmt',
  name: '陈嘉欣',
  gender: 'female',
  birthDate: '1995-07-20',
  address: '河南省平顶山市湛河区南环路8号',
  idNumber: '810000199507200020',
  authority: '平顶山市公安局',
  validFrom: '2024-05-01',
  validTo: '2029-05-01',
  passNumber: 'H60000123',
  issueCount: 3,
};

const foreigner2017: IdCardFields = {
  type: 'foreigner',
  cardVersion: '2017',
  englishName: 'LINDQVIST, ERIK JOHAN',
  chineseName: '林德奎',
  gender: 'male',
  permitNumber: 'SWE110085031501',
  nationality: 'SWE',
  birthDate: '1985-03-15',
  validFrom: '2018-06-01',
  validTo: '2028-06-01',
  versionField: '20',
  authorityCode: '1100',
};

const foreigner2023: IdCardFields = {
  type: 'foreigner',
  cardVersion: '2023',
  chineseName: '麦夏洛',
  englishName: 'MACKENZIE-FRASER, CHARLOTTE ELIZABETH ANNE',
  gender: 'female',
  renewalCount: 1,
  birthDate: '1988-04-12',
  idNumber: '941124198804120029',
  validFrom: '2024-02-01',
  validTo: '2034-02-01',
  nationality: 'CAN',
  previousNumberLink: '',
};

describe('parseCardText: hand-built byte vectors (DOMAIN.md §1 offsets)', () => {
  it('parses a resident card (flag space)', () => {
    const r = parseCardText(residentBytes());
    expect(r.ok).toBe(true);
    if (!r.ok || r.value.type !== 'resident') throw new Error('expected a resident card');
    expect(r.value).toMatchObject({ ...resident, nation: '汉' });
    expect(r.value.idNumberCheck).toMatchObject({ ok: true, kind: 'resident', birthDate: '1990-01-01', sex: 'male' });
  });

  it('treats a NUL flag as a resident card and NUL padding as padding', () => {
    const b = residentBytes();
    b[248] = 0;
    b[249] = 0;
    // NUL-pad the rest of the name field
    for (let i = 6; i < 30; i++) b[i] = 0;
    const r = parseCardText(b);
    expect(r).toMatchObject({ ok: true, value: { type: 'resident', name: '陈思远' } });
  });

  it('reads the raw gender and nation codes', () => {
    const b = residentBytes();
    put(b, 30, '2');
    put(b, 32, '46');
    expect(parseCardText(b)).toMatchObject({ ok: true, value: { gender: 'female', nationCode: '46', nation: '德昂' } });
    put(b, 30, '9');
    expect(parseCardText(b)).toMatchObject({ ok: true, value: { gender: 'unstated' } });
    put(b, 30, '0');
    expect(parseCardText(b)).toMatchObject({ ok: true, value: { gender: 'unknown' } });
  });

  it('parses 长期 as long-term', () => {
    const b = residentBytes();
    put(b, 204, '长期      ');
    expect(parseCardText(b)).toMatchObject({ ok: true, value: { validTo: 'long-term' } });
  });

  it('parses an hmt card (flag J): pass number at 220, issue count at 238', () => {
    const b = residentBytes();
    put(b, 32, '  ');
    put(b, 122, '810000199507200020');
    put(b, 220, 'H60000123');
    put(b, 238, '02');
    put(b, 248, 'J');
    const r = parseCardText(b);
    expect(r).toMatchObject({
      ok: true,
      value: { type: 'hmt', passNumber: 'H60000123', issueCount: 2, idNumberCheck: { ok: true, kind: 'hmt' } },
    });
    if (r.ok) expect('nation' in r.value).toBe(false);
  });

  it('parses a 2017 foreigner card (flag I)', () => {
    const b = blank();
    put(b, 0, 'LINDQVIST, ERIK JOHAN');
    put(b, 120, '1');
    put(b, 122, 'SWE110085031501');
    put(b, 152, 'SWE');
    put(b, 158, '林德奎');
    put(b, 188, '20180601');
    put(b, 204, '20280601');
    put(b, 220, '19850315');
    put(b, 236, '20');
    put(b, 240, '1100');
    put(b, 248, 'I');
    const r = parseCardText(b);
    expect(r).toEqual({
      ok: true,
      value: {
        ...foreigner2017,
        name: '林德奎',
        idNumber: 'SWE110085031501',
        idNumberCheck: { ok: true, kind: 'foreigner2017', permitNumber: 'SWE110085031501', prefix: 'SWE' },
      },
    });
  });

  it('parses a 2023 foreigner card (flag Y), joining the English name across bytes 52 and 220', () => {
    const b = blank();
    put(b, 0, '麦夏洛');
    put(b, 30, '2');
    put(b, 32, '01');
    put(b, 36, '19880412');
    // 35 characters, the last of which is a space that belongs to the name
    put(b, 52, 'MACKENZIE-FRASER, CHARLOTTE ELIZAB ');
    put(b, 122, '941124198804120029');
    put(b, 188, '20240201');
    put(b, 204, '20340201');
    put(b, 220, 'ETH ANNE');
    put(b, 242, 'CAN');
    put(b, 248, 'Y');
    const r = parseCardText(b);
    expect(r).toMatchObject({
      ok: true,
      value: {
        type: 'foreigner',
        cardVersion: '2023',
        name: '麦夏洛',
        englishName: 'MACKENZIE-FRASER, CHARLOTTE ELIZAB ETH ANNE',
        renewalCount: 1,
        nationality: 'CAN',
        idNumberCheck: { ok: true, kind: 'foreigner2023', nationalityCode: '124' },
      },
    });
  });
});

describe('parseCardText: errors', () => {
  it.each([0, 255, 257, 1024])('rejects %i bytes with wrongLength', (n) => {
    expect(parseCardText(new Uint8Array(n))).toMatchObject({
      ok: false,
      error: { kind: 'wrongLength', expected: 256, actual: n },
    });
  });

  it.each(['A', 'j', 'X', '1', '长'])('rejects flag %s with unknownCardType', (flag) => {
    const b = residentBytes();
    put(b, 248, flag);
    const r = parseCardText(b);
    expect(r).toMatchObject({ ok: false, error: { kind: 'unknownCardType', flag: flag.charCodeAt(0) } });
  });

  it('classifies by the flag before anything else', () => {
    const b = new Uint8Array(256).fill(0xff);
    b[248] = 0x5a; // Z
    b[249] = 0;
    expect(parseCardText(b)).toMatchObject({ ok: false, error: { kind: 'unknownCardType' } });
  });

  it.each([
    [36, '19000229', 'birthDate'],
    [36, '19901301', 'birthDate'],
    [36, '1990010A', 'birthDate'],
    [36, '        ', 'birthDate'],
    [188, '20150230', 'validFrom'],
    [204, '20350431', 'validTo'],
    [204, '永久    ', 'validTo'],
    [204, '长期1   ', 'validTo'],
  ])('rejects an invalid date at byte %i (%s) as invalidDate %s', (offset, text, field) => {
    const b = residentBytes();
    put(b, offset, text);
    expect(parseCardText(b)).toMatchObject({ ok: false, error: { kind: 'invalidDate', field } });
  });

  it('accepts 2000-02-29 as a birth date', () => {
    const b = residentBytes();
    put(b, 36, '20000229');
    expect(parseCardText(b)).toMatchObject({ ok: true, value: { birthDate: '2000-02-29' } });
  });

  it.each([
    [30, '3', 'gender'],
    [32, '57', 'nationCode'],
    [32, '00', 'nationCode'],
    [32, '1 ', 'nationCode'],
    [0, '               ', 'name'],
  ])('rejects byte %i = %j as invalidField %s', (offset, text, field) => {
    const b = residentBytes();
    put(b, offset, text);
    expect(parseCardText(b)).toMatchObject({ ok: false, error: { kind: 'invalidField', field } });
  });

  it('rejects a non-numeric hmt issue count', () => {
    const b = encodeCardText(hmt);
    put(b, 238, 'AB');
    expect(parseCardText(b)).toMatchObject({ ok: false, error: { kind: 'invalidField', field: 'issueCount' } });
  });

  it('keeps personal data out of error messages', () => {
    const b = residentBytes();
    put(b, 36, '19901301');
    const r = parseCardText(b);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).not.toContain('1990');
  });

  it('reports an invalid ID number without failing the parse', () => {
    const b = residentBytes();
    put(b, 122, '410402199001011231');
    expect(parseCardText(b)).toMatchObject({
      ok: true,
      value: { idNumber: '410402199001011231', idNumberCheck: { ok: false, reason: 'checksum' } },
    });
  });
});

describe('encodeCardText', () => {
  it('writes fields at the documented offsets, space padded', () => {
    const b = encodeCardText(resident);
    expect(b.length).toBe(CARD_TEXT_LENGTH);
    expect(b).toEqual(residentBytes());
    expect(get(b, 0, 30)).toBe('陈思远');
    expect([b[248], b[249]]).toEqual([0x20, 0x00]);
  });

  it('writes the J flag, pass number and issue count', () => {
    const b = encodeCardText(hmt);
    expect(get(b, 220, 18)).toBe('H60000123');
    expect(get(b, 238, 4)).toBe('03');
    expect([b[248], b[249]]).toEqual([0x4a, 0x00]);
    expect(get(b, 32, 4)).toBe('');
  });

  it('writes 2017 and 2023 foreigner layouts', () => {
    const a = encodeCardText(foreigner2017);
    expect(get(a, 122, 30)).toBe('SWE110085031501');
    expect(get(a, 220, 16)).toBe('19850315');
    expect([a[248], a[249]]).toEqual([0x49, 0x00]);
    const b = encodeCardText(foreigner2023);
    expect(get(b, 52, 70)).toBe('MACKENZIE-FRASER, CHARLOTTE ELIZABE');
    expect(get(b, 220, 22)).toBe('TH ANNE');
    expect(get(b, 242, 6)).toBe('CAN');
    expect([b[248], b[249]]).toEqual([0x59, 0x00]);
  });

  it('writes 长期 for long-term', () => {
    const b = encodeCardText({ ...resident, validTo: 'long-term' });
    expect(get(b, 204, 16)).toBe('长期');
  });

  it('truncates fields to their width', () => {
    const long = '一二三四五六七八九十甲乙丙丁戊己庚';
    const b = encodeCardText({ ...resident, name: long });
    expect(get(b, 0, 30)).toBe(long.slice(0, 15));
    expect(get(b, 30, 2)).toBe('1');
    const r = parseCardText(b);
    expect(r).toMatchObject({ ok: true, value: { name: long.slice(0, 15) } });
  });

  it('does not split a surrogate pair when truncating', () => {
    const name = `${'一'.repeat(14)}𠀀`; // 14 BMP characters + one needing 2 code units
    const b = encodeCardText({ ...resident, name });
    expect(get(b, 0, 30)).toBe('一'.repeat(14));
  });
});

describe('round trip: encode → parse', () => {
  it.each([
    ['resident', resident],
    ['resident long-term', { ...resident, validTo: 'long-term' } as IdCardFields],
    ['hmt', hmt],
    ['foreigner 2017', foreigner2017],
    ['foreigner 2023', foreigner2023],
  ])('%s', (_label, fields) => {
    const r = parseCardText(encodeCardText(fields));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject(fields);
  });

  it('any resident fields within width survive the round trip', () => {
    const cjk = fc.string({ unit: fc.constantFrom(...'张王李赵喆堃龑路号街区市省局'), minLength: 1, maxLength: 15 });
    const date = fc
      .date({ min: new Date(1900, 0, 1), max: new Date(2099, 11, 31), noInvalidDate: true })
      .map(
        (d) =>
          `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`,
      );
    fc.assert(
      fc.property(
        cjk,
        fc.constantFrom('male', 'female', 'unknown', 'unstated' as const),
        fc.integer({ min: 1, max: 56 }),
        date,
        date,
        fc.oneof(date, fc.constant('long-term')),
        (name, gender, nation, birthDate, validFrom, validTo) => {
          const fields: IdCardFields = {
            ...resident,
            name,
            gender,
            nationCode: String(nation).padStart(2, '0'),
            birthDate,
            validFrom,
            validTo,
          };
          const r = parseCardText(encodeCardText(fields));
          expect(r.ok).toBe(true);
          if (r.ok) expect(r.value).toMatchObject(fields);
        },
      ),
    );
  });

  it('never throws on arbitrary 256-byte input', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 256, maxLength: 256 }),
        fc.constantFrom(0x20, 0x4a, 0x49, 0x59, 0x00),
        (b, flag) => {
          b[248] = flag;
          b[249] = 0;
          const r = parseCardText(b);
          expect(typeof r.ok).toBe('boolean');
        },
      ),
    );
  });
});

describe('cardToCliJson', () => {
  const parse = (f: IdCardFields) => {
    const r = parseCardText(encodeCardText(f));
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };

  it('gives exactly the resident keys, in order', () => {
    const json = cardToCliJson(parse(resident));
    expect(Object.keys(json)).toEqual([
      'type',
      'name',
      'gender',
      'nation',
      'birthDate',
      'address',
      'idNumber',
      'authority',
      'validFrom',
      'validTo',
    ]);
    expect(json).toEqual({
      type: 'resident',
      name: '陈思远',
      gender: 'male',
      nation: '汉',
      birthDate: '1990-01-01',
      address: '河南省平顶山市新华区青石街17号',
      idNumber: '410402199001011230',
      authority: '平顶山市公安局新华分局',
      validFrom: '2015-03-01',
      validTo: '2035-03-01',
    });
    expect(cardToCliJson(parse({ ...resident, validTo: 'long-term' })).validTo).toBe('long-term');
  });

  it('gives hmt keys with passNumber and a numeric issueCount, no nation', () => {
    const json = cardToCliJson(parse(hmt));
    expect(Object.keys(json)).toEqual([
      'type',
      'name',
      'gender',
      'birthDate',
      'address',
      'idNumber',
      'authority',
      'validFrom',
      'validTo',
      'passNumber',
      'issueCount',
    ]);
    expect(json.issueCount).toBe(3);
    expect(json.passNumber).toBe('H60000123');
  });

  it('adds englishName and nationality for foreigners', () => {
    const a = cardToCliJson(parse(foreigner2017));
    expect(a).toMatchObject({
      type: 'foreigner',
      name: '林德奎',
      idNumber: 'SWE110085031501',
      englishName: 'LINDQVIST, ERIK JOHAN',
      nationality: 'SWE',
      authority: '1100',
    });
    expect('nation' in a).toBe(false);
    const b = cardToCliJson(parse(foreigner2023));
    expect(b).toMatchObject({
      idNumber: '941124198804120029',
      nationality: 'CAN',
      englishName: foreigner2023.type === 'foreigner' ? foreigner2023.englishName : '',
    });
    expect(JSON.parse(JSON.stringify(b))).toEqual(b);
  });
});
