/**
 * Shape of a Chinese motor-vehicle plate (GA 36): province character, the
 * issuing office's letter, then 5 characters (ordinary, the last may be 挂/学/警)
 * or 6 (new energy: D/F first then a letter or digit and 4 digits for small
 * cars; 5 digits then D/F for large ones). Letters I and O are never used.
 */

/** Province characters in the order the picker shows them. */
export const PROVINCES: readonly string[] = Array.from('京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼');

/** Letters used on plates: A–Z without I and O. */
export const PLATE_LETTERS: readonly string[] = Array.from('ABCDEFGHJKLMNPQRSTUVWXYZ');

/** Characters that may only end an ordinary plate. */
export const PLATE_ENDINGS: readonly string[] = ['挂', '学', '警'];

/** Length of an ordinary plate (province + letter + 5) and a new-energy plate (+ 6). */
export const ORDINARY_LENGTH = 7;
export const NEW_ENERGY_LENGTH = 8;

/** What is wrong with a plate, in the order the checks run. */
export type PlateProblem =
  | 'province'
  | 'letter'
  | 'letterIO'
  | 'characters'
  | 'ending'
  | 'tooLong'
  | 'newEnergyPosition'
  | 'newEnergyDigits'
  | 'newEnergyLargeDigits'
  | 'newEnergyEnding';

/** The judgement of a typed plate. */
export type PlateState =
  | { kind: 'empty' }
  | { kind: 'incomplete' }
  | { kind: 'valid'; plateKind: 'ordinary' | 'newEnergy' }
  | { kind: 'invalid'; reason: PlateProblem };

const SERIAL_CHAR = /^[A-HJ-NP-Z0-9]$/;

function isEnding(c: string): boolean {
  return PLATE_ENDINGS.includes(c);
}

/** Problems visible in a prefix (characters, I/O, a misplaced ending), before the length is known. */
function prefixProblem(chars: readonly string[]): PlateProblem | undefined {
  if (chars.length > NEW_ENERGY_LENGTH) return 'tooLong';
  if (!PROVINCES.includes(chars[0]!)) return 'province';
  const letter = chars[1];
  if (letter !== undefined) {
    if (letter === 'I' || letter === 'O') return 'letterIO';
    if (!PLATE_LETTERS.includes(letter)) return 'letter';
  }
  const serial = chars.slice(2);
  for (const [i, c] of serial.entries()) {
    if (c === 'I' || c === 'O') return 'letterIO';
    if (isEnding(c)) {
      if (i < 4) return 'ending';
      if (serial.length > 5) return 'newEnergyEnding';
      continue;
    }
    if (!SERIAL_CHAR.test(c)) return 'characters';
  }
  return undefined;
}

function newEnergyProblem(serial: string): PlateProblem | undefined {
  const first = serial[0]!;
  const last = serial[5]!;
  if (first === 'D' || first === 'F') return /^\d{4}$/.test(serial.slice(2)) ? undefined : 'newEnergyDigits';
  if (last === 'D' || last === 'F') return /^\d{5}$/.test(serial.slice(0, 5)) ? undefined : 'newEnergyLargeDigits';
  return 'newEnergyPosition';
}

/** Judges a whole or partial plate such as 京A12345 or 粤BD12345. */
export function plateState(value: string): PlateState {
  const chars = Array.from(value);
  if (chars.length === 0) return { kind: 'empty' };
  const problem = prefixProblem(chars);
  if (problem) return { kind: 'invalid', reason: problem };
  if (chars.length < ORDINARY_LENGTH) return { kind: 'incomplete' };
  const serial = chars.slice(2).join('');
  if (chars.length === ORDINARY_LENGTH) return { kind: 'valid', plateKind: 'ordinary' };
  const nev = newEnergyProblem(serial);
  return nev ? { kind: 'invalid', reason: nev } : { kind: 'valid', plateKind: 'newEnergy' };
}

/** Whether an ordinary plate has been ended with 挂/学/警 (nothing may follow). */
export function plateEnded(value: string): boolean {
  const chars = Array.from(value);
  return chars.length === ORDINARY_LENGTH && isEnding(chars[ORDINARY_LENGTH - 1]!);
}

/** 京A·12345 */
export function formatPlate(value: string): string[] {
  const chars = Array.from(value);
  return [chars.slice(0, 2).join(''), chars.slice(2).join('')].filter((g) => g.length > 0);
}
