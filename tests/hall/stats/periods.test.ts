import { describe, expect, it } from 'vitest';
import { checkRange, dayNumber, monthsOf, previousPeriod, wholeMonths, yearEarlier } from '../../../hall/server/stats/periods';

const range = (from: string, to: string) => {
  const checked = checkRange({ from, to });
  if (!checked.ok) throw new Error(JSON.stringify(checked.error));
  return checked.value;
};

describe('the statistics calendar', () => {
  it('takes the previous period of equal length (环比) across month ends', () => {
    const march = range('2025-03-01', '2025-03-31');
    expect(previousPeriod(march.from, march.to)).toEqual({ from: '2025-01-29', to: '2025-02-28' });
    const oneDay = range('2025-03-01', '2025-03-01');
    expect(previousPeriod(oneDay.from, oneDay.to)).toEqual({ from: '2025-02-28', to: '2025-02-28' });
    const newYear = range('2025-01-01', '2025-01-07');
    expect(previousPeriod(newYear.from, newYear.to)).toEqual({ from: '2024-12-25', to: '2024-12-31' });
  });

  it('counts 29 February in a leap year', () => {
    const march = range('2024-03-01', '2024-03-31');
    expect(previousPeriod(march.from, march.to)).toEqual({ from: '2024-01-30', to: '2024-02-29' });
    const oneDay = range('2024-03-01', '2024-03-01');
    expect(previousPeriod(oneDay.from, oneDay.to)).toEqual({ from: '2024-02-29', to: '2024-02-29' });
  });

  it('takes the same dates a year earlier (同比), 29 February becoming the 28th', () => {
    const half = range('2025-01-01', '2025-06-30');
    expect(yearEarlier(half.from, half.to)).toEqual({ from: '2024-01-01', to: '2024-06-30' });
    const leap = range('2024-02-01', '2024-02-29');
    expect(yearEarlier(leap.from, leap.to)).toEqual({ from: '2023-02-01', to: '2023-02-28' });
    const after = range('2025-02-01', '2025-02-28');
    expect(yearEarlier(after.from, after.to)).toEqual({ from: '2024-02-01', to: '2024-02-28' });
  });

  it('refuses dates that do not exist and a range that ends before it starts', () => {
    expect(checkRange({ from: '2025-02-29', to: '2025-03-01' })).toEqual({ ok: false, error: { field: 'from', problem: 'notADate' } });
    expect(checkRange({ from: '2025-02-01', to: '2025-13-01' })).toEqual({ ok: false, error: { field: 'to', problem: 'notADate' } });
    expect(checkRange({ from: '2025-03-02', to: '2025-03-01' })).toEqual({ ok: false, error: { field: 'to', problem: 'beforeFrom' } });
    expect(dayNumber('2024-02-29')).not.toBeNull();
  });

  it('lists the months a range touches', () => {
    const span = range('2024-11-15', '2025-02-01');
    expect(monthsOf(span.from, span.to)).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });

  it('finds the whole months inside a range (the monthly kiosk rollup reads those)', () => {
    const whole = (from: string, to: string) => {
      const r = range(from, to);
      return wholeMonths(r.from, r.to);
    };
    expect(whole('2025-01-15', '2025-05-03')).toEqual({ from: '2025-02-01', until: '2025-05-01' });
    expect(whole('2024-02-01', '2024-02-29')).toEqual({ from: '2024-02-01', until: '2024-03-01' });
    expect(whole('2024-02-01', '2024-02-28')).toBeNull();
    expect(whole('2025-11-01', '2026-10-31')).toEqual({ from: '2025-11-01', until: '2026-11-01' });
    expect(whole('2025-12-01', '2025-12-31')).toEqual({ from: '2025-12-01', until: '2026-01-01' });
    expect(whole('2025-03-02', '2025-03-31')).toBeNull();
  });
});
