/** Shape rules of the ID-number keypad: display groups and which keys may be pressed (domain/id-number judges the number). */

/** Characters in a resident ID number. */
export const ID_NUMBER_LENGTH = 18;

/** Group sizes for display: address code, birth date, sequence + check (410402 19900101 123X). */
export const ID_NUMBER_GROUPS: readonly number[] = [6, 8, 4];

/** Splits a (partial) number into the 6-8-4 groups, dropping empty trailing groups. */
export function groupIdNumber(value: string): string[] {
  const groups: string[] = [];
  let start = 0;
  for (const size of ID_NUMBER_GROUPS) {
    const part = value.slice(start, start + size);
    if (part.length > 0) groups.push(part);
    start += size;
  }
  return groups;
}

/** Whether `key` (a digit or `X`) may be appended to `value`: max 18, X only as the 18th. */
export function canAppendIdChar(value: string, key: string): boolean {
  if (value.length >= ID_NUMBER_LENGTH) return false;
  if (key === 'X') return value.length === ID_NUMBER_LENGTH - 1;
  return /^\d$/.test(key);
}
