/** Journal session rows for the statistics tests, inserted the way the hall's ingest does (batch, ON CONFLICT DO NOTHING, one transaction). */
import type { HallDb } from '../../../hall/server/store/hall-db';

export interface TestRow {
  kioskId: string;
  rowId: string;
  serviceId: string | null;
  category: string | null;
  outcome: string;
  startedAt: string;
  endedAt: string;
  lastStep: string | null;
  feeFen: number;
}

/** Inserts rows in one statement; the number really inserted (duplicates of stored rows are ignored). */
export async function insertRows(db: Pick<HallDb, 'transaction'>, rows: readonly TestRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  return db.transaction(async (tx) => {
    const params: unknown[] = [];
    const tuples = rows.map((r) => {
      const base = params.length;
      params.push(r.kioskId, r.rowId, `s-${r.rowId}`, r.serviceId, r.category, r.outcome, r.startedAt, r.endedAt, r.lastStep, r.feeFen);
      return `(${Array.from({ length: 10 }, (_, i) => `$${base + i + 1}`).join(', ')})`;
    });
    const result = await tx.query(
      `INSERT INTO journal_sessions (kiosk_id, row_id, session_id, service_id, category, outcome, started_at, ended_at, last_step, fee_fen)
       VALUES ${tuples.join(', ')} ON CONFLICT DO NOTHING`,
      params,
    );
    return result.rowCount;
  });
}

/** `count` rows generated in the database (fast for thousands), all starting at local 10:00 on days spread over `from..to`. */
export async function generateRows(
  db: Pick<HallDb, 'query'>,
  spec: { prefix: string; count: number; from: string; days: number; category: string; serviceId: string; outcome: string; feeFen?: number },
): Promise<void> {
  await db.query(
    `INSERT INTO journal_sessions (kiosk_id, row_id, session_id, service_id, category, outcome, started_at, ended_at, last_step, fee_fen)
     SELECT 'kiosk-' || (g % 7), $1 || g, $1 || 's' || g, $2, $3, $4,
            (($5::date + (g % $6::int)) + time '10:00') AT TIME ZONE 'Asia/Shanghai',
            (($5::date + (g % $6::int)) + time '10:05') AT TIME ZONE 'Asia/Shanghai',
            'done', $8
     FROM generate_series(1, $7::int) g ON CONFLICT DO NOTHING`,
    [spec.prefix, spec.serviceId, spec.category, spec.outcome, spec.from, spec.days, spec.count, spec.feeFen ?? 0],
  );
}
