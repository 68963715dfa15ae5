/** Dates as printed on documents (GB/T 9704: Arabic numerals, no leading zeros). */
import { describe, expect, it } from 'vitest';
import { formatChineseDate, formatChineseDateTime } from '../../../../electron/host/issued';

describe('document dates', () => {
  it('prints a calendar date as 2026年1月5日 and a time as 2026年1月5日 09:30', () => {
    expect(formatChineseDate('2026-01-05')).toBe('2026年1月5日');
    expect(formatChineseDate('2028-02-29')).toBe('2028年2月29日');
    expect(formatChineseDateTime('2026-01-05T09:30')).toBe('2026年1月5日 09:30');
  });

  it('gives nothing for a date that is not on the calendar, so the template refuses it instead of printing it', () => {
    for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-1-5', '']) expect(formatChineseDate(bad)).toBeUndefined();
    for (const bad of ['2026-01-05T24:00', '2026-01-05T09:60', '2026-01-05 09:30']) expect(formatChineseDateTime(bad)).toBeUndefined();
  });
});
