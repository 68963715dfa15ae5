/** The pinyin proposed for the form: surname-aware readings, 复姓 whole, ü as printed on 出入境 documents, nothing for a name the kiosk cannot read. */
import { describe, expect, it } from 'vitest';
import { printedSyllable, proposePinyin } from '../../../../../electron/host/services/exit-entry-application/pinyin';

describe('proposePinyin', () => {
  it.each([
    ['周婷', 'ZHOU', 'TING'],
    ['陈思远', 'CHEN', 'SIYUAN'],
    ['单田芳', 'SHAN', 'TIANFANG'],
    ['曾国藩', 'ZENG', 'GUOFAN'],
    ['区志强', 'OU', 'ZHIQIANG'],
    ['解小东', 'XIE', 'XIAODONG'],
    ['仇英', 'QIU', 'YING'],
    ['朴树', 'PIAO', 'SHU'],
    ['欧阳娜娜', 'OUYANG', 'NANA'],
    ['司马光', 'SIMA', 'GUANG'],
    ['诸葛亮', 'ZHUGE', 'LIANG'],
    ['长孙无忌', 'ZHANGSUN', 'WUJI'],
    ['吕绿女', 'LYU', 'LYUNYU'],
    ['聂略', 'NIE', 'LUE'],
  ])('%s → %s %s', (name, surname, givenName) => {
    expect(proposePinyin(name)).toEqual({ surname, givenName });
  });

  it('a two-character name starting like a 复姓 is one surname and one given name (欧阳 alone is 欧 YANG)', () => {
    expect(proposePinyin('欧阳')).toEqual({ surname: 'OU', givenName: 'YANG' });
  });

  it('a name with · or other letters is not guessed: the citizen types it', () => {
    expect(proposePinyin('古丽·买买提')).toBeNull();
    expect(proposePinyin('John')).toBeNull();
    expect(proposePinyin('周')).toBeNull();
  });

  it('prints ü as YU after L and N, U in LÜE and NÜE, and upper-cases', () => {
    expect(printedSyllable('lü')).toBe('LYU');
    expect(printedSyllable('nü')).toBe('NYU');
    expect(printedSyllable('lüe')).toBe('LUE');
    expect(printedSyllable('nüe')).toBe('NUE');
    expect(printedSyllable('qu')).toBe('QU');
  });
});
