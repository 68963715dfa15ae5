/** The hall's own audit (`hall_audit`): who did what in the console, on which subject. Never an ID number or a PIN. */
import type { HallDb } from '../store/hall-db';

export type HallAuditAction =
  | 'login' | 'loginRefused' | 'logout'
  | 'kioskCommand'
  | 'alertAcknowledge' | 'alertResolve'
  | 'helpClaim' | 'helpResolve'
  | 'staffSave' | 'staffRemove'
  | 'proxyJoin' | 'proxyRecordingStart' | 'proxyRecordingStored' | 'proxyRecordingFailed' | 'proxyDecision' | 'proxyLeave';

export async function audit(
  db: Pick<HallDb, 'query'>,
  entry: { at: Date; username: string | null; action: HallAuditAction; subject: string | null; detail?: Record<string, unknown> },
): Promise<void> {
  await db.query('INSERT INTO hall_audit (at, username, action, subject, detail) VALUES ($1, $2, $3, $4, $5)', [
    entry.at, entry.username, entry.action, entry.subject, JSON.stringify(entry.detail ?? {}),
  ]);
}
