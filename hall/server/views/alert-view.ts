/** {@link AlertView} from the `alerts` table (its bigserial id as text). */
import type { AlertView } from '../../contract/console-api';
import type { HallDb } from '../store/hall-db';
import { iso, textOrNull } from './rows';

const SELECT = `SELECT id::text AS id, kiosk_id, kind, message_key, device_id, raised_at, state, acknowledged_by, resolved_by FROM alerts`;

type Row = { id: string; kiosk_id: string; kind: string; message_key: string; device_id: unknown; raised_at: unknown; state: AlertView['state']; acknowledged_by: unknown; resolved_by: unknown };

function toView(row: Row): AlertView {
  return {
    id: row.id,
    kioskId: row.kiosk_id,
    kind: row.kind,
    messageKey: row.message_key,
    deviceId: textOrNull(row.device_id),
    raisedAt: iso(row.raised_at),
    state: row.state,
    acknowledgedBy: textOrNull(row.acknowledged_by),
    resolvedBy: textOrNull(row.resolved_by),
  };
}

/** `open` lists what still needs someone (open or acknowledged), newest first. */
export async function listAlerts(db: Pick<HallDb, 'query'>, which: 'open' | 'all'): Promise<AlertView[]> {
  const where = which === 'open' ? `WHERE state <> 'resolved'` : '';
  const { rows } = await db.query<Row>(`${SELECT} ${where} ORDER BY raised_at DESC, id DESC LIMIT 1000`);
  return rows.map(toView);
}

export async function getAlert(db: Pick<HallDb, 'query'>, id: string): Promise<AlertView | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const { rows } = await db.query<Row>(`${SELECT} WHERE id = $1::bigint`, [id]);
  return rows[0] ? toView(rows[0]) : null;
}

/** By the kiosk's own alert id (what the link knows before the row has a number). */
export async function getAlertByKioskAlertId(db: Pick<HallDb, 'query'>, kioskId: string, alertId: string): Promise<AlertView | null> {
  const { rows } = await db.query<Row>(`${SELECT} WHERE kiosk_id = $1 AND alert_id = $2`, [kioskId, alertId]);
  return rows[0] ? toView(rows[0]) : null;
}
