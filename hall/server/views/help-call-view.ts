/** {@link HelpCallView} from the `help_calls` table. */
import { HelpReason } from '../../../electron/contract/domain';
import type { HelpCallView } from '../../contract/console-api';
import type { HallDb } from '../store/hall-db';
import { intOrNull, iso, isoOrNull, textOrNull } from './rows';

const SELECT = `SELECT call_id, kiosk_id, reason, service_id, step, queued_at, state, claimed_by, claimed_at, eta_minutes, resolved_at FROM help_calls`;

type Row = {
  call_id: string; kiosk_id: string; reason: string; service_id: unknown; step: unknown; queued_at: unknown;
  state: HelpCallView['state']; claimed_by: unknown; claimed_at: unknown; eta_minutes: unknown; resolved_at: unknown;
};

function toView(row: Row): HelpCallView {
  const reason = HelpReason.safeParse(row.reason);
  return {
    callId: row.call_id,
    kioskId: row.kiosk_id,
    // A reason this server does not know (a newer kiosk) still shows as a help call.
    reason: reason.success ? reason.data : 'button',
    serviceId: textOrNull(row.service_id),
    step: textOrNull(row.step),
    queuedAt: iso(row.queued_at),
    state: row.state,
    claimedBy: textOrNull(row.claimed_by),
    claimedAt: isoOrNull(row.claimed_at),
    etaMinutes: intOrNull(row.eta_minutes),
    resolvedAt: isoOrNull(row.resolved_at),
  };
}

/** `open` = waiting or claimed, oldest first (the queue); `all` = newest first. */
export async function listHelpCalls(db: Pick<HallDb, 'query'>, which: 'open' | 'all'): Promise<HelpCallView[]> {
  const sql = which === 'open'
    ? `${SELECT} WHERE state IN ('waiting', 'claimed') ORDER BY queued_at, call_id`
    : `${SELECT} ORDER BY queued_at DESC, call_id LIMIT 1000`;
  const { rows } = await db.query<Row>(sql);
  return rows.map(toView);
}

export async function getHelpCall(db: Pick<HallDb, 'query'>, callId: string): Promise<HelpCallView | null> {
  const { rows } = await db.query<Row>(`${SELECT} WHERE call_id = $1`, [callId]);
  return rows[0] ? toView(rows[0]) : null;
}
