/**
 * The hall console's statistics (issue 18): sessions, completed applications,
 * average time and fees by service, category, kiosk, day or month, with the
 * previous period (环比) and the same dates a year earlier (同比), drop-off by
 * step, and the CSV export. Reads the rollups of migrations 2 and 4 when their
 * days are the hall's days, the journal rows otherwise (same figures).
 */
import type { DropOffAnswer, StatsAnswer, StatsQuery } from '../../contract/console-api';
import type { HallDb } from '../store/hall-db';
import { statsCsv } from './stats-csv';
import { checkRange, daysOf, monthsOf, previousPeriod, yearEarlier, type DayRange, type PeriodError } from './periods';
import { chooseSource, dropOffSql, figuresSql, type FiguresRow, type GroupBy, type StatsFilters } from './stats-sql';

export interface HallStatsOptions {
  /** The hall's IANA time zone; its calendar days are the statistics' days. */
  timeZone: string;
  /** Every figure from journal_sessions, never a rollup: an audit of the rollups (slower at scale). */
  fromRows?: boolean;
}

export interface HallStats {
  /** The figures for `q` and its comparisons. Throws a RangeError for a range {@link checkStatsRange} refuses (check first). */
  summary(q: StatsQuery): Promise<StatsAnswer>;
  /** Sessions of `serviceId` not completed between the local days `from` and `to`, by the step they ended on, most first. */
  dropOff(serviceId: string, from: string, to: string): Promise<DropOffAnswer>;
  /** {@link summary} as a CSV file for Excel (UTF-8 with BOM). */
  csv(q: StatsQuery): Promise<string>;
}

type Figures = StatsAnswer['total'];

/** Whether a query's dates are real and in order; the HTTP layer answers `badRequest` with `field` when not. */
export function checkStatsRange(range: DayRange): { ok: true } | { ok: false; error: PeriodError } {
  const checked = checkRange(range);
  return checked.ok ? { ok: true } : checked;
}

export function createHallStats(db: Pick<HallDb, 'query'>, options: HallStatsOptions): HallStats {
  const { timeZone, fromRows = false } = options;
  // The rollups' zone is fixed by the migration; read once, the answer does not change while the server runs.
  let rollupsInZone: Promise<boolean> | null = null;
  const rollupsUsable = async () =>
    !fromRows &&
    (await (rollupsInZone ??= db
      .query<{ zone: string }>('SELECT journal_rollup_zone() AS zone')
      .then(({ rows }) => rows[0]?.zone === timeZone)
      .catch(() => false)));

  async function figures(groupBy: GroupBy | null, filters: StatsFilters, range: DayRange): Promise<Map<string, Figures>> {
    const source = chooseSource(groupBy, filters, await rollupsUsable());
    const { sql, params } = figuresSql(source, groupBy, filters, range, timeZone);
    const { rows } = await db.query<FiguresRow>(sql, params);
    return new Map(rows.map((row) => [String(row.key), toFigures(row)]));
  }

  async function summary(q: StatsQuery): Promise<StatsAnswer> {
    const checked = checkRange(q);
    if (!checked.ok) throw new RangeError(`statistics range: ${checked.error.field} ${checked.error.problem}`);
    const filters: StatsFilters = { category: q.category, serviceId: q.serviceId, kioskId: q.kioskId };
    const previous = previousPeriod(checked.value.from, checked.value.to);
    const earlier = yearEarlier(checked.value.from, checked.value.to);
    const [grouped, before, yearBefore] = await Promise.all([
      figures(q.groupBy, filters, q),
      figures(null, filters, previous),
      figures(null, filters, earlier),
    ]);
    const rows = orderedRows(q.groupBy, grouped, checked.value);
    const total = sumFigures([...grouped.values()]);
    const base = (range: DayRange, found: Map<string, Figures>) => {
      const figures = found.get('') ?? EMPTY;
      return { ...figures, ...range, change: figures.completed === 0 ? null : total.completed / figures.completed - 1 };
    };
    return { query: q, rows, total, previousPeriod: base(previous, before), yearEarlier: base(earlier, yearBefore) };
  }

  async function dropOff(serviceId: string, from: string, to: string): Promise<DropOffAnswer> {
    const checked = checkRange({ from, to });
    if (!checked.ok) throw new RangeError(`statistics range: ${checked.error.field} ${checked.error.problem}`);
    const { sql, params } = dropOffSql((await rollupsUsable()) ? 'rollup' : 'rows', serviceId, { from, to }, timeZone);
    const { rows } = await db.query<{ step: string; sessions: unknown }>(sql, params);
    return { serviceId, steps: rows.map((row) => ({ step: String(row.step), sessions: Number(row.sessions) })) };
  }

  return { summary, dropOff, csv: async (q) => statsCsv(await summary(q)) };
}

const EMPTY: Figures = { sessions: 0, completed: 0, averageSeconds: null, feeFen: 0 };

/** Milliseconds are kept beside the figures so that sums of groups average right. */
const millisOf = new WeakMap<Figures, number>();

function toFigures(row: FiguresRow): Figures {
  const sessions = Number(row.sessions);
  const millis = Number(row.millis);
  const figures: Figures = { sessions, completed: Number(row.completed), averageSeconds: average(millis, sessions), feeFen: Number(row.fee) };
  millisOf.set(figures, millis);
  return figures;
}

function average(millis: number, sessions: number): number | null {
  return sessions === 0 ? null : Math.round(millis / sessions / 100) / 10;
}

function sumFigures(all: readonly Figures[]): Figures {
  let sessions = 0;
  let completed = 0;
  let millis = 0;
  let feeFen = 0;
  for (const f of all) {
    sessions += f.sessions;
    completed += f.completed;
    millis += millisOf.get(f) ?? 0;
    feeFen += f.feeFen;
  }
  return { sessions, completed, averageSeconds: average(millis, sessions), feeFen };
}

/** Days and months in calendar order with empty ones as zeros (a chart's axis); the others most completed first. */
function orderedRows(groupBy: GroupBy, grouped: Map<string, Figures>, range: { from: number; to: number }): StatsAnswer['rows'] {
  switch (groupBy) {
    case 'day':
    case 'month': {
      const keys = groupBy === 'day' ? daysOf(range.from, range.to) : monthsOf(range.from, range.to);
      return keys.map((key) => ({ key, ...(grouped.get(key) ?? EMPTY) }));
    }
    case 'service':
    case 'category':
    case 'kiosk':
      return [...grouped.entries()]
        .map(([key, f]) => ({ key, ...f }))
        .sort((a, b) => b.completed - a.completed || b.sessions - a.sessions || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}
