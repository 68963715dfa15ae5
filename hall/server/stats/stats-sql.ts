/**
 * The SQL behind the statistics, over the source that answers a query
 * fastest: the daily rollup (no kiosk dimension), the per-kiosk daily rollup
 * (no service dimension), the per-kiosk monthly rollups by category and by
 * service (ranking kiosks within a category or service), or the journal rows
 * themselves (one kiosk with a service or category filter, through the kiosk
 * index, or a hall whose time zone is not the rollups').
 * Ranking kiosks or counting one kiosk's months reads whole months from the
 * monthly kiosk rollup and only the days around them from the daily one.
 * Every source yields the same figures for the same rows: the rollup
 * expressions in migrations 2 and 4 are repeated here for the rows.
 */
import type { StatsQuery } from '../../contract/console-api';
import { monthPlan } from './month-plan';
import { dayNumber, wholeMonths, type DayRange } from './periods';

export type StatsSource = 'daily' | 'dailyKiosk' | 'monthlyKioskService' | 'rows';
export type GroupBy = StatsQuery['groupBy'];
export type StatsFilters = Pick<StatsQuery, 'category' | 'serviceId' | 'kioskId'>;

/** One result row of {@link figuresSql}: sums as the engine returns them (bigint may come back as a string). */
export interface FiguresRow extends Record<string, unknown> {
  key: string;
  sessions: unknown;
  completed: unknown;
  millis: unknown;
  fee: unknown;
}

/** Which source answers `groupBy` with `filters`; the rollups only when their days are the hall's days. */
export function chooseSource(groupBy: GroupBy | null, filters: StatsFilters, rollupsInHallZone: boolean): StatsSource {
  if (!rollupsInHallZone) return 'rows';
  const needsKiosk = groupBy === 'kiosk' || filters.kioskId !== undefined;
  if (!needsKiosk) return 'daily';
  const needsService = groupBy === 'service' || groupBy === 'category' || filters.serviceId !== undefined || filters.category !== undefined;
  if (!needsService) return 'dailyKiosk';
  // Every kiosk within a category or service; one kiosk's rows are few and read through the kiosk index.
  return groupBy === 'kiosk' && filters.kioskId === undefined ? 'monthlyKioskService' : 'rows';
}

const ROW_DAY = `(started_at AT TIME ZONE $3)::date`;
const ROW_MILLIS = `greatest(0, round(extract(epoch FROM ended_at - started_at) * 1000))`;
/** A local day range as instants (local midnight of `from` to local midnight after `to`): the range can use the indexes on started_at. */
const rowsBetween = (from: string, to: string, zone: string) =>
  `started_at >= (${from}::date::timestamp AT TIME ZONE ${zone}) AND started_at < ((${to}::date + 1)::timestamp AT TIME ZONE ${zone})`;

/**
 * Sessions, completed, duration (ms) and fees over `range`, one row per key of
 * `groupBy` (or one row with key '' for `null`: the period's total).
 */
export function figuresSql(source: StatsSource, groupBy: GroupBy | null, filters: StatsFilters, range: DayRange, timeZone: string): { sql: string; params: unknown[] } {
  const params: unknown[] = [range.from, range.to];
  const where: string[] = [];
  const filter = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    params.push(value);
    where.push(`${column} = $${params.length}`);
  };
  switch (source) {
    case 'daily': {
      where.unshift('day BETWEEN $1::date AND $2::date');
      filter('category', filters.category);
      filter('service_id', filters.serviceId);
      const key = keyOf(groupBy, { service: 'service_id', category: 'category', kiosk: null, day: 'day' });
      return {
        sql: `SELECT ${key} AS key, sum(sessions)::bigint AS sessions, coalesce(sum(sessions) FILTER (WHERE outcome = 'completed'), 0)::bigint AS completed,
                sum(millis)::bigint AS millis, sum(fee_fen)::bigint AS fee
              FROM journal_daily WHERE ${where.join(' AND ')} GROUP BY 1`,
        params,
      };
    }
    case 'dailyKiosk': {
      const months = groupBy === 'kiosk' || groupBy === 'month' || groupBy === null ? wholeMonthsOf(range) : null;
      if (months) {
        // Whole months from the monthly rollup, the days before and after them from the daily one.
        params.push(months.from, months.until);
        filter('kiosk_id', filters.kioskId);
        const kiosk = where.length > 0 ? ` AND ${where.join(' AND ')}` : '';
        const monthKey = keyOf(groupBy, { service: null, category: null, kiosk: 'kiosk_id', day: 'month' });
        const dayKey = keyOf(groupBy, { service: null, category: null, kiosk: 'kiosk_id', day: 'day' });
        return {
          sql: `SELECT key, sum(sessions)::bigint AS sessions, sum(completed)::bigint AS completed, sum(millis)::bigint AS millis, sum(fee_fen)::bigint AS fee
                FROM (SELECT ${monthKey} AS key, sessions, completed, millis, fee_fen FROM journal_monthly_kiosk WHERE month >= $3::date AND month < $4::date${kiosk}
                      UNION ALL
                      SELECT ${dayKey} AS key, sessions, completed, millis, fee_fen FROM journal_daily_kiosk
                      WHERE day BETWEEN $1::date AND $2::date AND (day < $3::date OR day >= $4::date)${kiosk}) AS parts
                GROUP BY 1`,
          params,
        };
      }
      where.unshift('day BETWEEN $1::date AND $2::date');
      filter('kiosk_id', filters.kioskId);
      const key = keyOf(groupBy, { service: null, category: null, kiosk: 'kiosk_id', day: 'day' });
      return {
        sql: `SELECT ${key} AS key, sum(sessions)::bigint AS sessions, sum(completed)::bigint AS completed, sum(millis)::bigint AS millis, sum(fee_fen)::bigint AS fee
              FROM journal_daily_kiosk WHERE ${where.join(' AND ')} GROUP BY 1`,
        params,
      };
    }
    case 'monthlyKioskService':
      if (groupBy !== 'kiosk') throw new Error('the monthly kiosk × service rollups answer a ranking of kiosks only');
      return kioskRankingSql(filters, range, timeZone);
    case 'rows': {
      params.push(timeZone);
      where.push(rowsBetween('$1', '$2', '$3'));
      // coalesce: the rollups key a missing service or category as '', and so does every source.
      filter(`coalesce(category, '')`, filters.category);
      filter(`coalesce(service_id, '')`, filters.serviceId);
      filter('kiosk_id', filters.kioskId);
      const key = keyOf(groupBy, { service: `coalesce(service_id, '')`, category: `coalesce(category, '')`, kiosk: 'kiosk_id', day: ROW_DAY });
      return {
        sql: `SELECT ${key} AS key, count(*)::bigint AS sessions, count(*) FILTER (WHERE outcome = 'completed')::bigint AS completed,
                coalesce(sum(${ROW_MILLIS}), 0)::bigint AS millis, coalesce(sum(fee_fen), 0)::bigint AS fee
              FROM journal_sessions WHERE ${where.join(' AND ')} GROUP BY 1`,
        params,
      };
    }
  }
}

/**
 * Kiosks ranked within a category or a service: whole months from the
 * monthly kiosk × category (or × service) rollup, corrected by the rows of
 * the days at either end ({@link monthPlan}); a kiosk whose sum comes to no
 * session is left out, as the other sources never list it.
 */
function kioskRankingSql(filters: StatsFilters, range: DayRange, timeZone: string): { sql: string; params: unknown[] } {
  const from = dayNumber(range.from);
  const to = dayNumber(range.to);
  if (from === null || to === null) throw new RangeError(`statistics range: ${range.from}..${range.to}`);
  const plan = monthPlan(from, to);
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const rollupWhere: string[] = [];
  const rowWhere: string[] = [];
  if (filters.serviceId !== undefined) {
    const service = param(filters.serviceId);
    rollupWhere.push(`service_id = ${service}`);
    rowWhere.push(`coalesce(service_id, '') = ${service}`);
  }
  if (filters.category !== undefined) {
    const category = param(filters.category);
    rollupWhere.push(`category = ${category}`);
    rowWhere.push(`coalesce(category, '') = ${category}`);
  }
  const parts: string[] = [];
  if (plan.months) {
    // A service filter reads its own table (a category filter with it narrows those rows); a category alone, the category table.
    const table = filters.serviceId !== undefined ? 'journal_monthly_kiosk_service' : 'journal_monthly_kiosk_category';
    parts.push(`SELECT kiosk_id AS key, sessions, completed, millis, fee_fen FROM ${table}
                WHERE month >= ${param(plan.months.from)}::date AND month < ${param(plan.months.until)}::date AND ${rollupWhere.join(' AND ')}`);
  }
  const zone = plan.rowSpans.length > 0 ? param(timeZone) : '';
  for (const span of plan.rowSpans) {
    const sign = span.sign === 1 ? '' : '-';
    parts.push(`SELECT kiosk_id AS key, ${sign}count(*) AS sessions, ${sign}count(*) FILTER (WHERE outcome = 'completed') AS completed,
                  ${sign}coalesce(sum(${ROW_MILLIS}), 0)::bigint AS millis, ${sign}coalesce(sum(fee_fen), 0)::bigint AS fee_fen
                FROM journal_sessions WHERE ${rowsBetween(param(span.from), param(span.to), zone)} AND ${rowWhere.join(' AND ')} GROUP BY 1`);
  }
  return {
    sql: `SELECT key, sum(sessions)::bigint AS sessions, sum(completed)::bigint AS completed, sum(millis)::bigint AS millis, sum(fee_fen)::bigint AS fee
          FROM (${parts.join(' UNION ALL ')}) AS parts GROUP BY 1 HAVING sum(sessions) > 0`,
    params,
  };
}

function wholeMonthsOf(range: DayRange): { from: string; until: string } | null {
  const from = dayNumber(range.from);
  const to = dayNumber(range.to);
  return from === null || to === null ? null : wholeMonths(from, to);
}

/** The key expression of a grouping in one source (`null` where the source lacks that dimension: a caller's bug). */
function keyOf(groupBy: GroupBy | null, columns: { service: string | null; category: string | null; kiosk: string | null; day: string }): string {
  if (groupBy === null) return `''::text`;
  const column = (name: string | null) => {
    if (name === null) throw new Error(`this statistics source has no ${groupBy} dimension`);
    return name;
  };
  switch (groupBy) {
    case 'service':
      return column(columns.service);
    case 'category':
      return column(columns.category);
    case 'kiosk':
      return column(columns.kiosk);
    case 'day':
      return `to_char(${columns.day}, 'YYYY-MM-DD')`;
    case 'month':
      return `to_char(${columns.day}, 'YYYY-MM')`;
  }
}

/** Sessions of a service not completed, by last step, most first, over `range`. */
export function dropOffSql(source: 'rollup' | 'rows', serviceId: string, range: DayRange, timeZone: string): { sql: string; params: unknown[] } {
  if (source === 'rollup') {
    return {
      sql: `SELECT last_step AS step, sum(sessions)::bigint AS sessions FROM journal_dropoff
            WHERE service_id = $3 AND day BETWEEN $1::date AND $2::date GROUP BY 1 ORDER BY 2 DESC, 1`,
      params: [range.from, range.to, serviceId],
    };
  }
  return {
    sql: `SELECT coalesce(last_step, '') AS step, count(*)::bigint AS sessions FROM journal_sessions
          WHERE coalesce(service_id, '') = $4 AND outcome <> 'completed'
            AND started_at >= ($1::date::timestamp AT TIME ZONE $3) AND started_at < (($2::date + 1)::timestamp AT TIME ZONE $3)
          GROUP BY 1 ORDER BY 2 DESC, 1`,
    params: [range.from, range.to, timeZone, serviceId],
  };
}
