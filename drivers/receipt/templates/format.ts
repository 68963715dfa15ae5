/** Formatting shared by the receipt templates: money, dates, masked identity, long codes. */
import { DEFAULT_TIME_ZONE } from '../../../domain/calendar-date';
import { maskIdNumber, maskName } from '../../../domain/mask';
import type { LayoutOptions } from '../paper';

/** Options of every template: the paper, and the time zone dates are printed in. */
export interface TemplateOptions extends LayoutOptions {
  /** IANA time zone for printed dates; default `Asia/Shanghai`. */
  timeZone?: string;
}

/** The hall's time zone, used when a template is given none (the host passes the configured one). */
export { DEFAULT_TIME_ZONE };

/**
 * An amount in fen (integer, to avoid floating point) as `￥20.00`. The
 * full-width yen sign is used because it has a two-byte GB18030 code (A3A4).
 * Negative or non-integer input is printed as given, rounded to the fen.
 */
export function formatCny(amountFen: number): string {
  const fen = Number.isFinite(amountFen) ? Math.round(amountFen) : 0;
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}￥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** `2024-05-20 09:31` in `timeZone` (default Asia/Shanghai); an invalid date prints as `----------`. */
export function formatDateTime(date: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  if (Number.isNaN(date.getTime())) return '----------';
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(date);
  } catch {
    return formatDateTime(date, DEFAULT_TIME_ZONE);
  }
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '--';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** A name as it may appear on paper: always masked. */
export function printedName(name: string): string {
  return maskName(name);
}

/** An ID number as it may appear on paper: always masked. */
export function printedIdNumber(idNumber: string): string {
  return maskIdNumber(idNumber.trim());
}

/** Groups a long code in fours for reading aloud at a counter: `1234 5678 9012 3456`. */
export function groupDigits(code: string, size = 4): string {
  const chars = Array.from(code.replace(/\s+/gu, ''));
  const groups: string[] = [];
  for (let i = 0; i < chars.length; i += size) groups.push(chars.slice(i, i + size).join(''));
  return groups.join(' ');
}
