import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthPlan } from '../../../hall/server/stats/month-plan';
import { dayNumber, dayString } from '../../../hall/server/stats/periods';

const day = (iso: string) => dayNumber(iso)!;
const plan = (from: string, to: string) => monthPlan(day(from), day(to));

/** How many times each day counts under a plan: +1 per whole month and added span, −1 per subtracted span. */
function countedDays(p: ReturnType<typeof monthPlan>): Map<string, number> {
  const counted = new Map<string, number>();
  const add = (from: number, to: number, sign: number) => {
    for (let n = from; n <= to; n += 1) counted.set(dayString(n), (counted.get(dayString(n)) ?? 0) + sign);
  };
  if (p.months) add(day(p.months.from), day(p.months.until) - 1, 1);
  for (const span of p.rowSpans) add(day(span.from), day(span.to), span.sign);
  return counted;
}

describe('reading a range from monthly rollups plus rows', () => {
  it('reads whole months from the rollup alone', () => {
    expect(plan('2025-11-01', '2026-10-31')).toEqual({ months: { from: '2025-11-01', until: '2026-11-01' }, rowSpans: [] });
    expect(plan('2024-02-01', '2024-02-29')).toEqual({ months: { from: '2024-02-01', until: '2024-03-01' }, rowSpans: [] });
  });

  it('adds the rows of a few days at an end, and subtracts the few days outside when most of a month is wanted', () => {
    // 4 days of January (27 outside): rows; March to 29 (2 outside): the month minus 30–31.
    expect(plan('2024-01-28', '2024-03-29')).toEqual({
      months: { from: '2024-02-01', until: '2024-04-01' },
      rowSpans: [
        { from: '2024-01-28', to: '2024-01-31', sign: 1 },
        { from: '2024-03-30', to: '2024-03-31', sign: -1 },
      ],
    });
    // Inside one month, most of it: the month minus both ends.
    expect(plan('2024-02-03', '2024-02-27')).toEqual({
      months: { from: '2024-02-01', until: '2024-03-01' },
      rowSpans: [
        { from: '2024-02-01', to: '2024-02-02', sign: -1 },
        { from: '2024-02-28', to: '2024-02-29', sign: -1 },
      ],
    });
    // A single day: its rows.
    expect(plan('2025-12-31', '2025-12-31')).toEqual({ months: null, rowSpans: [{ from: '2025-12-31', to: '2025-12-31', sign: 1 }] });
  });

  it('counts every day of any range exactly once and no other day, reading at most about half a month of rows at each end', () => {
    const first = day('2023-11-01');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1200 }), fc.integer({ min: 0, max: 500 }), (start, length) => {
        const from = first + start;
        const to = from + length;
        const p = monthPlan(from, to);
        const counted = countedDays(p);
        const wrong = [...counted].filter(([d, times]) => times !== (day(d) >= from && day(d) <= to ? 1 : 0));
        expect(wrong).toEqual([]);
        expect([...counted].filter(([, times]) => times === 1).length).toBe(length + 1);
        const rowDays = p.rowSpans.reduce((sum, s) => sum + day(s.to) - day(s.from) + 1, 0);
        expect(rowDays).toBeLessThanOrEqual(30);
      }),
      { numRuns: 300 },
    );
  });
});
