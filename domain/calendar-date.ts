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

/** The hall's time zone when none is configured (DOMAIN.md: a hall in China). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Whether `timeZone` is an IANA time zone this runtime knows (`Asia/Shanghai`, `UTC`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of `instant` in `timeZone` (never the machine's zone). */
export function zonedFields(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** The calendar date of `instant` in `timeZone`, `YYYY-MM-DD`. */
export function zonedIsoDate(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): IsoDate {
  const { year, month, day } = zonedFields(instant, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The instant `day` (`YYYY-MM-DD`) begins in `timeZone`: its midnight there. */
export function zonedDayStart(day: IsoDate, timeZone: string = DEFAULT_TIME_ZONE): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, date);
  // The zone's offset at a guess, then again at the corrected instant (a change of offset near midnight).
  let instant = wall;
  for (let i = 0; i < 2; i++) {
    const f = zonedFields(new Date(instant), timeZone);
    const offset = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - instant;
    instant = wall - offset;
  }
  return new Date(instant);
}

/** `day` (`YYYY-MM-DD`) moved by whole calendar days (negative: back). */
export function addDays(day: IsoDate, days: number): IsoDate {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/**
 * `day` moved by whole calendar years (negative: back); 29 February lands on
 * 28 February in a common year (the last day of that month, as a licence or
 * a card whose term began on 29 February ends).
 */
export function addYears(day: IsoDate, years: number): IsoDate {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const target = year + years;
  const clamped = Math.min(date, daysInMonth(target, month));
  return `${String(target).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(clamped).padStart(2, '0')}`;
}

/** Whole years of age on `day` for someone born on `birthDate` (the birthday itself counts). */
export function ageOn(birthDate: IsoDate, day: IsoDate): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return addYears(birthDate, years) <= day ? years : years - 1;
}
