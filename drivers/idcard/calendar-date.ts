/**
 * Compact `YYYYMMDD` dates as printed on ID cards and inside ID numbers,
 * checked against the real (proleptic Gregorian) calendar.
 */

/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/** Whether `year` is a Gregorian leap year (1900 is not, 2000 is). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`; 0 for a month outside 1–12. */
export function daysInMonth(year: number, month: number): number {
  switch (month) {
    case 1:
    case 3:
    case 5:
    case 7:
    case 8:
    case 10:
    case 12:
      return 31;
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    case 2:
      return isLeapYear(year) ? 29 : 28;
    default:
      return 0;
  }
}

/**
 * Parses `YYYYMMDD` into `YYYY-MM-DD`, or `undefined` when it is not exactly
 * eight digits naming a real calendar date (month 1–12, day within the month,
 * leap years honoured, year ≥ 1).
 */
export function parseCompactDate(compact: string): IsoDate | undefined {
  const m = COMPACT_DATE.exec(compact);
  if (!m) return undefined;
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (year < 1 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${y}-${mo}-${d}`;
}

/** `YYYY-MM-DD` → `YYYYMMDD` (no validation; the inverse of {@link parseCompactDate}). */
export function toCompactDate(iso: IsoDate): string {
  return iso.replaceAll('-', '');
}

/** Today's date in the kiosk's local time zone as `YYYY-MM-DD`. */
export function localIsoDate(now: Date): IsoDate {
  const y = String(now.getFullYear()).padStart(4, '0');
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
