/**
 * The statistics' calendar: the hall's local days as `YYYY-MM-DD`, the
 * previous period of equal length (环比) and the same dates a year earlier
 * (同比). Pure date arithmetic on the proleptic Gregorian calendar; no clocks,
 * no time zones (the days already are the hall's).
 */
import { daysInMonth } from '../../../domain/calendar-date';
import { err, ok, type Result } from '../../../domain/result';

/** Inclusive range of local days. */
export interface DayRange {
  from: string;
  to: string;
}

export type PeriodError = { field: 'from' | 'to'; problem: 'notADate' } | { field: 'to'; problem: 'beforeFrom' };

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a real calendar date, or null. */
export function dayNumber(day: string): number | null {
  const m = ISO_DAY.exec(day);
  if (!m) return null;
  const [year, month, date] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || date < 1 || date > daysInMonth(year, month)) return null;
  return Date.UTC(year, month - 1, date) / DAY_MS;
}

/** `YYYY-MM-DD` of a day number. */
export function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** Checks a query's range: both real dates, `to` not before `from`. */
export function checkRange(range: DayRange): Result<{ from: number; to: number }, PeriodError> {
  const from = dayNumber(range.from);
  if (from === null) return err({ field: 'from', problem: 'notADate' });
  const to = dayNumber(range.to);
  if (to === null) return err({ field: 'to', problem: 'notADate' });
  if (to < from) return err({ field: 'to', problem: 'beforeFrom' });
  return ok({ from, to });
}

/** The same number of days just before `from` (环比): 2024-03-01..03-31 → 2024-01-30..02-29. */
export function previousPeriod(from: number, to: number): DayRange {
  const length = to - from + 1;
  return { from: dayString(from - length), to: dayString(from - 1) };
}

/** The same calendar dates one year earlier (同比); 29 February becomes the 28th. */
export function yearEarlier(from: number, to: number): DayRange {
  return { from: sameDateYearEarlier(dayString(from)), to: sameDateYearEarlier(dayString(to)) };
}

function sameDateYearEarlier(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const clamped = Math.min(date, daysInMonth(year - 1, month));
  return `${String(year - 1).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(clamped).padStart(2, '0')}`;
}

/**
 * The whole calendar months inside a range, as `[from, until)` first days of
 * months (`2025-02-01`, `2025-05-01` for 2025-01-15..2025-05-03), or null when
 * the range holds no whole month.
 */
export function wholeMonths(from: number, to: number): { from: string; until: string } | null {
  const first = dayString(from);
  const last = dayString(to);
  const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
  const nextMonth = (day: string) => {
    const [year, month] = day.split('-').map(Number) as [number, number];
    return month === 12 ? `${String(year + 1).padStart(4, '0')}-01-01` : `${day.slice(0, 4)}-${String(month + 1).padStart(2, '0')}-01`;
  };
  const start = first.endsWith('-01') ? first : nextMonth(first);
  const lastIsMonthEnd = dayNumber(nextMonth(last))! - 1 === to;
  const until = lastIsMonthEnd ? nextMonth(last) : monthStart(last);
  return start < until ? { from: start, until } : null;
}

/** Every day of a range, in order (gaps in the statistics are filled with zeros). */
export function daysOf(from: number, to: number): string[] {
  const out: string[] = [];
  for (let n = from; n <= to; n += 1) out.push(dayString(n));
  return out;
}

/** Every month (`YYYY-MM`) a range touches, in order. */
export function monthsOf(from: number, to: number): string[] {
  const out: string[] = [];
  for (const day of daysOf(from, to)) {
    const month = day.slice(0, 7);
    if (out[out.length - 1] !== month) out.push(month);
  }
  return out;
}
