/** The plate keypad's pickers in order: province, then the office letter, then the serial (a screen matter, not a plate rule). */

/** Which picker the keypad shows for the next character. */
export type PlateStep = 'province' | 'letter' | 'chars';

/** The step for the next character of `value`. */
export function plateStep(value: string): PlateStep {
  const n = Array.from(value).length;
  if (n === 0) return 'province';
  if (n === 1) return 'letter';
  return 'chars';
}
