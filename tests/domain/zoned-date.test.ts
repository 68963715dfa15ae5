/**
 * Calendar dates in the configured zone, whatever the machine's zone (issue
 * 12, defect 13): a kiosk whose machine runs on UTC still starts its day at
 * midnight in Asia/Shanghai.
 */
import { describe, expect, it } from 'vitest';
import { isTimeZone, zonedDayStart, zonedIsoDate } from '../../domain/calendar-date';
import { validateIdNumber } from '../../domain/id-number';

describe('dates in the configured zone', () => {
  it('puts 17:30 UTC on the next day in Shanghai, and on the same day in London', () => {
    const instant = new Date('2026-03-01T17:30:00Z');
    expect(zonedIsoDate(instant, 'Asia/Shanghai')).toBe('2026-03-02');
    expect(zonedIsoDate(instant)).toBe('2026-03-02');
    expect(zonedIsoDate(instant, 'Europe/London')).toBe('2026-03-01');
  });

  it('starts a day at its midnight in the zone, across a change of offset too', () => {
    expect(zonedDayStart('2026-03-02', 'Asia/Shanghai').toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(zonedDayStart('2026-03-29', 'Europe/London').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(zonedDayStart('2026-03-30', 'Europe/London').toISOString()).toBe('2026-03-29T23:00:00.000Z');
  });

  it('knows a real zone from a typo', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Asia/Shang_hai')).toBe(false);
  });

  it('judges a birth date "in the future" by the zone\'s today: born on 2 March, checked at 01:30 that day in Shanghai', () => {
    // 410402 20260302 123 + check: a baby registered on the day it was born.
    const first17 = '41040220260302123';
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
    const id = first17 + '10X98765432'[sum % 11]!;
    const at = new Date('2026-03-01T17:30:00Z');
    expect(validateIdNumber(id, { now: at, timeZone: 'Asia/Shanghai' }).ok).toBe(true);
    expect(validateIdNumber(id, { now: at, timeZone: 'Europe/London' })).toMatchObject({ ok: false, reason: 'futureBirthDate' });
  });
});
