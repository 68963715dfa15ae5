/**
 * Masking for screens, receipts and logs, in the form citizens know from paper
 * forms: `4104**********1234`. Masked output never reveals a birth date, and
 * keeps too little (no county code) for a keyed hash to be reversed by trying
 * birth dates against a handful of candidates.
 */

/**
 * An 18-character ID number in free text: 17 digits then a digit or X/x, with
 * no digit before it and no digit or X/x after it, so a 19-digit bank card
 * number or a longer digit run is never taken for one. Letters next to it do
 * not stop a match (`sfz410402…`): for a log redactor over-masking is cheap,
 * a leaked number is not. Not global: build a `g` copy to scan.
 */
export const ID_NUMBER_PATTERN = /(?<!\d)\d{17}[\dXx](?![\dXx])/;

/**
 * Masks an ID number for display:
 * - 18 characters: first 4, 10 asterisks, last 4 (`4104**********1234`);
 * - 15 digits (old numbers, birth date in characters 7–12): first 4, 8 asterisks, last 3;
 * - anything else of 8 or more characters (passports, 2017 permits): first 3, asterisks, last 2;
 * - shorter: all asterisks.
 * The result always has the input's length (in code points).
 */
export function maskIdNumber(idNumber: string): string {
  const chars = Array.from(idNumber);
  const n = chars.length;
  const keep = (head: number, tail: number): string =>
    chars.slice(0, head).join('') + '*'.repeat(n - head - tail) + chars.slice(n - tail).join('');
  if (n === 18) return keep(4, 4);
  if (n === 15 && /^\d{15}$/.test(idNumber)) return keep(4, 3);
  if (n >= 8) return keep(3, 2);
  return '*'.repeat(n);
}

const LATIN = /[A-Za-z]/;
const SEPARATORS = new Set([' ', '·', '•', '-', '.', "'", ',']);

/**
 * Masks a name: Chinese names keep the first character (`张三丰` → `张**`,
 * `王喆` → `王*`); names in Latin letters keep the first letter of each word
 * (`JOHN SMITH` → `J*** S****`). Separators (space, `·`, hyphen…) are kept.
 * A single-character name is fully masked.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*'.repeat(chars.length);
  if (LATIN.test(name)) {
    let wordStart = true;
    return chars
      .map((ch) => {
        if (SEPARATORS.has(ch)) {
          wordStart = true;
          return ch;
        }
        const out = wordStart ? ch : '*';
        wordStart = false;
        return out;
      })
      .join('');
  }
  return chars.map((ch, i) => (i === 0 || SEPARATORS.has(ch) ? ch : '*')).join('');
}

/** Replaces every 18-character ID number in `text` (see {@link ID_NUMBER_PATTERN}) by its mask. */
export function maskIdNumbersInText(text: string): string {
  return text.replace(new RegExp(ID_NUMBER_PATTERN.source, 'g'), (m) => maskIdNumber(m));
}

/**
 * Masks a vehicle plate (号牌号码) on paper and screens where it sits beside a
 * person's data (a driver's violations: where their car was, and when): the
 * province character and the office letter, the serial's first character and
 * its last two (`豫D12345` → `豫D1**45`, new energy `豫DD12345` → `豫DD***45`),
 * enough for the owner to know their car. Shorter input is fully masked.
 */
export function maskPlate(plate: string): string {
  const chars = Array.from(plate);
  if (chars.length < 6) return '*'.repeat(chars.length);
  return chars.map((ch, i) => (i < 3 || i >= chars.length - 2 ? ch : '*')).join('');
}
