/** {@link SupervisedSession}: what each kiosk's citizen is doing now (masked identity only). */
import { CurrentSession } from '../../../electron/contract/hall-link';
import type { SupervisedSession } from '../../contract/console-api';
import type { HallDb } from '../store/hall-db';
import { iso } from './rows';

type Row = { kiosk_id: string; session: unknown; updated_at: unknown };

function toView(row: Row): SupervisedSession | null {
  // Checked again: a row that is not a masked CurrentSession is never shown.
  const session = CurrentSession.safeParse(row.session);
  return session.success ? { kioskId: row.kiosk_id, session: session.data, updatedAt: iso(row.updated_at) } : null;
}

export async function listSupervision(db: Pick<HallDb, 'query'>): Promise<SupervisedSession[]> {
  const { rows } = await db.query<Row>('SELECT kiosk_id, session, updated_at FROM supervision ORDER BY kiosk_id');
  return rows.map(toView).filter((v): v is SupervisedSession => v !== null);
}

export async function getSupervision(db: Pick<HallDb, 'query'>, kioskId: string): Promise<SupervisedSession | null> {
  const { rows } = await db.query<Row>('SELECT kiosk_id, session, updated_at FROM supervision WHERE kiosk_id = $1', [kioskId]);
  return rows[0] ? toView(rows[0]) : null;
}
