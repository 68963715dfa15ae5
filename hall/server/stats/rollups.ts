/**
 * Rebuilding the statistics rollups of migrations 2 and 4 from `journal_sessions` in
 * one pass: after a bulk load made with the trigger disabled (a province's
 * import, the 10 M-row benchmark), or to check the trigger's work. Same
 * expressions as the trigger, so the totals are identical.
 */
import type { HallDb } from '../store/hall-db';

const DAY = `(started_at AT TIME ZONE journal_rollup_zone())::date`;
const MILLIS = `sum(greatest(0, round(extract(epoch FROM ended_at - started_at) * 1000)))::bigint`;

export const REBUILD_ROLLUPS_SQL = [
  'TRUNCATE journal_daily, journal_daily_kiosk, journal_monthly_kiosk, journal_dropoff, journal_monthly_kiosk_category, journal_monthly_kiosk_service',
  `INSERT INTO journal_daily (day, service_id, category, outcome, sessions, millis, fee_fen)
     SELECT ${DAY}, coalesce(service_id, ''), coalesce(category, ''), outcome, count(*), ${MILLIS}, sum(fee_fen)
     FROM journal_sessions GROUP BY 1, 2, 3, 4`,
  `INSERT INTO journal_daily_kiosk (day, kiosk_id, sessions, completed, millis, fee_fen)
     SELECT ${DAY}, kiosk_id, count(*), count(*) FILTER (WHERE outcome = 'completed'), ${MILLIS}, sum(fee_fen)
     FROM journal_sessions GROUP BY 1, 2`,
  `INSERT INTO journal_monthly_kiosk (month, kiosk_id, sessions, completed, millis, fee_fen)
     SELECT date_trunc('month', day)::date, kiosk_id, sum(sessions), sum(completed), sum(millis), sum(fee_fen)
     FROM journal_daily_kiosk GROUP BY 1, 2`,
  `INSERT INTO journal_dropoff (service_id, day, last_step, sessions)
     SELECT coalesce(service_id, ''), ${DAY}, coalesce(last_step, ''), count(*)
     FROM journal_sessions WHERE outcome <> 'completed' GROUP BY 1, 2, 3`,
  `INSERT INTO journal_monthly_kiosk_service (service_id, month, category, kiosk_id, sessions, completed, millis, fee_fen)
     SELECT coalesce(service_id, ''), date_trunc('month', ${DAY})::date, coalesce(category, ''), kiosk_id,
            count(*), count(*) FILTER (WHERE outcome = 'completed'), ${MILLIS}, sum(fee_fen)
     FROM journal_sessions GROUP BY 1, 2, 3, 4`,
  `INSERT INTO journal_monthly_kiosk_category (category, month, kiosk_id, sessions, completed, millis, fee_fen)
     SELECT category, month, kiosk_id, sum(sessions), sum(completed), sum(millis), sum(fee_fen)
     FROM journal_monthly_kiosk_service GROUP BY 1, 2, 3`,
] as const;

/** The statement-level triggers that keep the rollups current (migrations 2 and 4). */
const ROLLUP_TRIGGERS = ['journal_rollup', 'journal_rollup_kiosk_service'] as const;

/** Replaces the rollups with sums over every journal row, in one transaction. */
export async function rebuildRollups(db: Pick<HallDb, 'transaction'>): Promise<void> {
  await db.transaction(async (tx) => {
    for (const sql of REBUILD_ROLLUPS_SQL) await tx.query(sql);
  });
}

/** Bulk loading without the per-statement triggers (rebuild afterwards); the ingest keeps them on. */
export async function setRollupTrigger(db: Pick<HallDb, 'query'>, enabled: boolean): Promise<void> {
  for (const trigger of ROLLUP_TRIGGERS) await db.query(`ALTER TABLE journal_sessions ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER ${trigger}`);
}
