/** {@link KioskView}: the kiosk row as last heard, with its open alerts and waiting help calls counted. */
import { KioskStatusMessage } from '../../../electron/contract/hall-link';
import type { KioskView } from '../../contract/console-api';
import type { HallDb } from '../store/hall-db';
import { isoOrNull } from './rows';

const SELECT = `
  SELECT k.kiosk_id, k.online, k.last_seen, k.status,
    (SELECT count(*)::int FROM alerts a WHERE a.kiosk_id = k.kiosk_id AND a.state = 'open') AS open_alerts,
    (SELECT count(*)::int FROM help_calls h WHERE h.kiosk_id = k.kiosk_id AND h.state = 'waiting') AS waiting_help_calls
  FROM kiosks k`;

type Row = { kiosk_id: string; online: boolean; last_seen: unknown; status: unknown; open_alerts: number; waiting_help_calls: number };

function toView(row: Row): KioskView {
  // Stored as the kiosk sent it (the link validated it); checked again so a bad row shows as "no status", not a broken console.
  const status = KioskStatusMessage.safeParse(row.status);
  return {
    kioskId: row.kiosk_id,
    online: row.online === true,
    lastSeen: isoOrNull(row.last_seen),
    status: status.success ? status.data : null,
    openAlerts: Number(row.open_alerts),
    waitingHelpCalls: Number(row.waiting_help_calls),
  };
}

export async function listKiosks(db: Pick<HallDb, 'query'>): Promise<KioskView[]> {
  const { rows } = await db.query<Row>(`${SELECT} ORDER BY k.kiosk_id`);
  return rows.map(toView);
}

export async function getKiosk(db: Pick<HallDb, 'query'>, kioskId: string): Promise<KioskView | null> {
  const { rows } = await db.query<Row>(`${SELECT} WHERE k.kiosk_id = $1`, [kioskId]);
  return rows[0] ? toView(rows[0]) : null;
}
