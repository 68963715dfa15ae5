import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ID_NUMBER_PATTERN, maskIdNumber, maskIdNumbersInText, maskName, maskPlate } from '../../domain/mask';

describe('maskIdNumber', () => {
  it('keeps the first 4 and last 4 of an 18-character number, as on paper forms', () => {
    expect(maskIdNumber('410402199001011234')).toBe('4104**********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskIdNumber('932682198501010017')).toBe('9326**********0017');
  });

  it('keeps the first 4 and last 3 of a 15-digit number (its birth date ends at the 12th digit)', () => {
    expect(maskIdNumber('410402900101123')).toBe('4104********123');
  });

  it('keeps first 3 and last 2 of other lengths, and hides short ones fully', () => {
    expect(maskIdNumber('SWE110085031501')).toBe('SWE**********01');
    expect(maskIdNumber('H60000123')).toBe('H60****23');
    expect(maskIdNumber('1234567')).toBe('*******');
    expect(maskIdNumber('')).toBe('');
  });

  it('never reveals the birth date or the county of an 18-character number and keeps the length', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 18, maxLength: 18 }), (id) => {
        const m = maskIdNumber(id);
        expect(m).toHaveLength(18);
        expect(m.slice(4, 14)).toBe('**********');
      }),
    );
  });

  it('never reveals the birth date or the county of a 15-digit number', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 15, maxLength: 15 }), (id) => {
        expect(maskIdNumber(id).slice(4, 12)).toBe('********');
      }),
    );
  });
});

describe('maskName', () => {
  it.each([
    ['张三丰', '张**'],
    ['王喆', '王*'],
    ['欧阳娜娜', '欧***'],
    ['张', '*'],
    ['', ''],
    ['买买提·艾力', '买**·**'],
    ['JOHN SMITH', 'J*** S****'],
    ['LINDQVIST, ERIK JOHAN', 'L********, E*** J****'],
    ['𠀀𠀁', '𠀀*'],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});

describe('ID_NUMBER_PATTERN and maskIdNumbersInText', () => {
  it('is not global (no lastIndex state)', () => {
    expect(ID_NUMBER_PATTERN.global).toBe(false);
  });

  it('masks numbers in free text', () => {
    expect(maskIdNumbersInText('读卡成功 410402199001011234，姓名 …')).toBe('读卡成功 4104**********1234，姓名 …');
    expect(maskIdNumbersInText('id=11010519491231002x; other=410402199001011234')).toBe(
      'id=1101**********002x; other=4104**********1234',
    );
    expect(maskIdNumbersInText('身份证号410402199001011234已核验')).toBe('身份证号4104**********1234已核验');
    expect(maskIdNumbersInText('{"idNumber":"932682198501010017"}')).toBe('{"idNumber":"9326**********0017"}');
  });

  it('masks numbers glued to letters (over-masking is the safe side for logs)', () => {
    expect(maskIdNumbersInText('sfz410402199001011234')).toBe('sfz4104**********1234');
    expect(maskIdNumbersInText('410402199001011234b')).toBe('4104**********1234b');
  });

  it('leaves longer digit runs alone', () => {
    const untouched = [
      '6222021234567890123', // 19-digit bank card
      '62220212345678901234',
      '5410402199001011234',
      '410402199001011234X',
      '41040219900101123XX',
      '41040219900101123', // 17 digits
      'no numbers here',
    ];
    for (const text of untouched) expect(maskIdNumbersInText(text)).toBe(text);
  });

  it('masks every embedded number, whatever non-digit surrounds it', () => {
    const id = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 17, maxLength: 17 });
    const sep = fc.constantFrom(' ', ',', '：', '"', '\n', '号', '(', 'a', '');
    fc.assert(
      fc.property(id, fc.constantFrom('0', '9', 'X', 'x'), sep, sep, (d, last, a, b) => {
        const text = `${a}${d}${last}${b}`;
        const out = maskIdNumbersInText(text);
        expect(out).toBe(`${a}${d.slice(0, 4)}**********${d.slice(14)}${last}${b}`);
      }),
    );
  });
});

describe('maskPlate', () => {
  it('keeps the province, the office letter, the first and the last two characters', () => {
    expect(maskPlate('豫D12345')).toBe('豫D1**45');
    expect(maskPlate('豫DA5678')).toBe('豫DA**78');
    expect(maskPlate('粤BD12345')).toBe('粤BD***45');
  });

  it('masks something too short to be a plate entirely', () => {
    expect(maskPlate('豫D123')).toBe('*****');
    expect(maskPlate('')).toBe('');
  });

  it('always keeps the length and hides at least two characters of a plate', () => {
    fc.assert(
      fc.property(fc.constantFrom('豫', '京', '粤'), fc.constantFrom('A', 'D', 'Q'), fc.stringMatching(/^[A-HJ-NP-Z0-9]{5,6}$/), (province, letter, serial) => {
        const masked = maskPlate(`${province}${letter}${serial}`);
        expect(Array.from(masked)).toHaveLength(2 + serial.length);
        expect(Array.from(masked).filter((ch) => ch === '*').length).toBeGreaterThanOrEqual(2);
      }),
    );
  });
});
