/**
 * The name in pinyin as 出入境 documents print it, proposed from the Chinese
 * name when the back-end holds none: surname and given name apart, each in
 * capitals without tones or spaces (GB/T 28039-2011); a 复姓 (欧阳, 司马…) is
 * the surname whole; surnames read otherwise than the character's common
 * sound (单 SHAN, 曾 ZENG, 区 OU, 解 XIE, 仇 QIU, 朴 PIAO…) come out right
 * (pinyin-pro's surname mode); ü is written YU in LÜ and NÜ, U in LÜE and
 * NÜE (公安部出入境管理局 on ü in 出入境证件). The citizen checks it and may
 * correct it on the latin keyboard: it is a proposal, never a decision.
 */
import { pinyin } from 'pinyin-pro';

export interface PinyinName {
  surname: string;
  givenName: string;
}

/** Two-character surnames (复姓) still in use; a name starting with one keeps it whole. */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木', '西门',
  '南宫', '独孤', '澹台', '公冶', '万俟', '轩辕', '呼延', '申屠', '太史', '闻人', '赫连', '濮阳', '百里', '东郭', '钟离', '司空',
]);

/** One syllable as printed: capitals, ü written YU after L and N (LYU, NYU) and U in LÜE and NÜE. */
export function printedSyllable(syllable: string): string {
  const plain = syllable.replace(/^([ln])üe$/, '$1ue').replace(/^([ln])ü$/, '$1yu').replace(/ü/g, 'u').replace(/v/g, 'u');
  return plain.toUpperCase();
}

/** The proposal for a Chinese name (Han characters only), or null (a name with · or other letters: the citizen types it). */
export function proposePinyin(chineseName: string): PinyinName | null {
  if (!/^\p{Script=Han}{2,12}$/u.test(chineseName)) return null;
  const syllables = pinyin(chineseName, { surname: 'head', toneType: 'none', type: 'array' });
  if (syllables.length !== [...chineseName].length) return null;
  const surnameLength = chineseName.length > 2 && COMPOUND_SURNAMES.has(chineseName.slice(0, 2)) ? 2 : 1;
  const printed = syllables.map(printedSyllable);
  if (printed.some((syllable) => !/^[A-Z]+$/.test(syllable))) return null;
  return { surname: printed.slice(0, surnameLength).join(''), givenName: printed.slice(surnameLength).join('') };
}
