/** Whole calendar years: a licence's term (6 or 10 years, one year past expiry) and a driver's age. */
import { describe, expect, it } from 'vitest';
import { addYears, ageOn } from '../../domain/calendar-date';

describe('addYears', () => {
  it('moves a date by whole years, forward and back', () => {
    expect(addYears('2026-12-01', 1)).toBe('2027-12-01');
    expect(addYears('2026-12-01', -10)).toBe('2016-12-01');
  });

  it('lands 29 February on 28 February in a common year, and keeps it in a leap year', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });
});

describe('ageOn', () => {
  it('counts the birthday itself as the new year of age', () => {
    expect(ageOn('1953-04-18', '2023-04-17')).toBe(69);
    expect(ageOn('1953-04-18', '2023-04-18')).toBe(70);
    expect(ageOn('1954-11-07', '2026-12-01')).toBe(72);
  });

  it('has someone born on 29 February turn a year older on 28 February in a common year', () => {
    expect(ageOn('1956-02-29', '2026-02-27')).toBe(69);
    expect(ageOn('1956-02-29', '2026-02-28')).toBe(70);
  });
});
