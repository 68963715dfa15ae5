/** Numbers, dates and durations as the console shows them (pure; the language decides the wording via i18next). */

/**
 * A ratio of change as the seed reports write it: one decimal, cut (not
 * rounded), 0.529 → `+52.9 %`, −0.1 → `-10.0 %`. The seed cuts: 2,139
 * certificates, 1,352 more than a year before, is 1.71791… and it writes
 * +171.7 %; 7,985 户政, 2,765 more, is 0.52969… and it writes +52.9 %.
 */
export function formatChange(ratio: number): string {
  // Tenths of a percent, cut toward zero; the nudge keeps 0.529 (528.999… in binary) at 529.
  const tenths = Math.trunc(ratio * 1000 + Math.sign(ratio) * 1e-6);
  const percent = (tenths / 10).toFixed(1);
  return `${tenths > 0 ? '+' : ''}${percent === '-0.0' ? '0.0' : percent} %`;
}

/** Whole minutes and seconds of a duration. */
export function splitDuration(seconds: number): { m: number; s: number } {
  const whole = Math.max(0, Math.floor(seconds));
  return { m: Math.floor(whole / 60), s: whole % 60 };
}

export function secondsSince(iso: string, now: Date): number {
  return Math.max(0, (now.getTime() - Date.parse(iso)) / 1000);
}

/** Fen as yuan with two decimals (`12345` → `123.45`). */
export function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}

/** A count with thousands separators (`7985` → `7,985`). */
export function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** A local calendar day as `YYYY-MM-DD`. */
export function localDay(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export type QuickPeriod = 'thisMonth' | 'lastSixMonths' | 'thisYear';

/** The quick period choices, each ending today: this month, the last six calendar months (this one included), this year. */
export function quickPeriod(period: QuickPeriod, today: Date): { from: string; to: string } {
  const to = localDay(today);
  switch (period) {
    case 'thisMonth':
      return { from: localDay(new Date(today.getFullYear(), today.getMonth(), 1)), to };
    case 'lastSixMonths':
      return { from: localDay(new Date(today.getFullYear(), today.getMonth() - 5, 1)), to };
    case 'thisYear':
      return { from: localDay(new Date(today.getFullYear(), 0, 1)), to };
  }
}

/** A time of day as `HH:mm` (local), for lockout ends and timestamps. */
export function clock(iso: string): string {
  const date = new Date(iso);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** Date and time as `YYYY-MM-DD HH:mm` (local). */
export function dateTime(iso: string): string {
  return `${localDay(new Date(iso))} ${clock(iso)}`;
}
