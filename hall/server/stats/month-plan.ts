/**
 * How a range of local days is read from a monthly rollup plus the journal
 * rows, reading as few rows as possible: a month the range covers whole comes
 * from the rollup; a month it covers in part either adds the rows of its days
 * in the range, or — when the days outside are fewer — comes whole from the
 * rollup minus the rows of the days outside. Sums are exact integers, so the
 * difference is the same figure as the direct count; a range never reads more
 * than about half a month of rows at each end.
 */
import { dayNumber, dayString } from './periods';

export interface DaySpan {
  from: string;
  to: string;
}

export interface MonthPlan {
  /** Months read whole from the rollup, as first days `[from, until)`; null when none. */
  months: { from: string; until: string } | null;
  /** Days read from the rows: added (`1`), or taken away (`-1`: days of a month in `months` that are outside the range). */
  rowSpans: Array<DaySpan & { sign: 1 | -1 }>;
}

/** The plan for the days `from..to` (day numbers, `from <= to`). */
export function monthPlan(from: number, to: number): MonthPlan {
  const months: string[] = [];
  const rowSpans: MonthPlan['rowSpans'] = [];
  for (let start = monthStart(from); start <= to; start = monthEnd(start) + 1) {
    const end = monthEnd(start);
    const first = Math.max(from, start);
    const last = Math.min(to, end);
    const inside = last - first + 1;
    const outside = end - start + 1 - inside;
    if (outside === 0) {
      months.push(dayString(start));
    } else if (outside < inside) {
      months.push(dayString(start));
      if (first > start) rowSpans.push({ from: dayString(start), to: dayString(first - 1), sign: -1 });
      if (last < end) rowSpans.push({ from: dayString(last + 1), to: dayString(end), sign: -1 });
    } else {
      rowSpans.push({ from: dayString(first), to: dayString(last), sign: 1 });
    }
  }
  // Only the first and last month can be partial, so the months taken whole are consecutive.
  const lastMonth = months.at(-1);
  return { months: lastMonth === undefined ? null : { from: months[0]!, until: dayString(monthEnd(dayNumber(lastMonth)!) + 1) }, rowSpans };
}

function monthStart(day: number): number {
  return dayNumber(`${dayString(day).slice(0, 7)}-01`)!;
}

function monthEnd(day: number): number {
  const d = new Date(day * 86_400_000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 86_400_000 - 1;
}
