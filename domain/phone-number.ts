/** Shape of a mainland mobile number: 11 digits, 1[3-9]xxxxxxxxx, shown 3-4-4. */

/** Digits in a mainland mobile number. */
export const PHONE_LENGTH = 11;

/** Why a typed mobile number cannot be right. */
export type PhoneProblem = 'firstDigit' | 'secondDigit';

/** What the typed digits are so far. */
export type PhoneState = { kind: 'empty' } | { kind: 'incomplete'; left: number } | { kind: 'valid' } | { kind: 'invalid'; reason: PhoneProblem };

/** Judges the typed digits as soon as a prefix can no longer be a mobile number. */
export function phoneState(value: string): PhoneState {
  if (value.length === 0) return { kind: 'empty' };
  if (value[0] !== '1') return { kind: 'invalid', reason: 'firstDigit' };
  if (value.length >= 2 && !/^[3-9]$/.test(value[1]!)) return { kind: 'invalid', reason: 'secondDigit' };
  if (value.length < PHONE_LENGTH) return { kind: 'incomplete', left: PHONE_LENGTH - value.length };
  return /^1[3-9]\d{9}$/.test(value) ? { kind: 'valid' } : { kind: 'incomplete', left: 0 };
}

/** 138 0013 8000 */
export function groupPhone(value: string): string[] {
  return [value.slice(0, 3), value.slice(3, 7), value.slice(7, 11)].filter((g) => g.length > 0);
}
