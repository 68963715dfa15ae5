/**
 * Dates in the official form (2026年1月5日, GB/T 9704 Arabic numerals), for
 * services filling template fields. Input dates are calendar dates in the
 * hall's local time.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** `2026-01-05` → `2026年1月5日`; `undefined` for anything but a real calendar date. */
export function formatChineseDate(value: string): string | undefined {
  const m = DATE.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isCalendarDate(y, mo, d) ? `${y}年${mo}月${d}日` : undefined;
}

/** `2026-01-05T09:30` → `2026年1月5日 09:30`; `undefined` for anything but a real date and time. */
export function formatChineseDateTime(value: string): string | undefined {
  const m = DATE_TIME.exec(value);
  if (!m) return undefined;
  const date = formatChineseDate(`${m[1]}-${m[2]}-${m[3]}`);
  const [h, min] = [Number(m[4]), Number(m[5])];
  if (!date || h > 23 || min > 59) return undefined;
  return `${date} ${m[4]}:${m[5]}`;
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}
