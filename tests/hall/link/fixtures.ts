/** Valid kiosk messages (checked against the contract), for the hall link tests. */
import {
  CommandAck, HelpCallMessage, JournalBatch, KioskAlertMessage, KioskStatusMessage, StaffAllowList, SupervisionMessage,
  type AuditRow, type JournalRow, type SessionRow,
} from '../../../electron/contract/hall-link';

export const AT = '2026-12-03T09:00:00.000Z';

export const status = (kioskId: string, at = AT) =>
  KioskStatusMessage.parse({
    kioskId, hallName: '城东派出所户籍大厅', version: '0.1.0', at, outOfService: null, devices: [], consumables: [], session: null, staffSignedIn: null, journalBacklog: 0,
  });

export const alert = (kioskId: string, alertId: string) =>
  KioskAlertMessage.parse({ alertId, alert: { kind: 'paperLow', deviceId: 'receipt-1', deviceKind: 'receiptPrinter', messageKey: 'alerts.paperLow', kioskId, at: AT } });

export const helpRaised = (callId: string) =>
  HelpCallMessage.parse({ type: 'raised', callId, reason: 'button', serviceId: 'huzheng.move-in', step: 'scanId', queuedAt: AT });
export const helpWithdrawn = (callId: string) => HelpCallMessage.parse({ type: 'withdrawn', callId, at: AT });

export const session = (sessionId: string, step: string, at = AT) =>
  SupervisionMessage.parse({
    type: 'session', at,
    session: { sessionId, serviceId: 'huzheng.move-in', category: 'huzheng', step, stepSince: at, startedAt: AT, nameMasked: '张*', idNumberMasked: '4104**********1230' },
  });
export const sessionEnded = (sessionId: string) => SupervisionMessage.parse({ type: 'ended', sessionId, outcome: 'completed', at: '2026-12-03T09:10:00.000Z' });

export const sessionRow = (rowId: string): SessionRow => ({
  type: 'session', rowId, sessionId: `s-${rowId}`, serviceId: 'certificates.no-crime', category: 'certificates', outcome: 'completed',
  startedAt: AT, endedAt: '2026-12-03T09:05:00.000Z', lastStep: 'done', feeFen: 0, idNumberMasked: '4104**********1230',
});
export const auditRow = (rowId: string): AuditRow => ({
  type: 'audit', rowId, at: AT, actor: 'staff', action: 'reprint', subject: 'receipt', detail: { staff: 'A1**', copies: 1 },
});
export const batch = (batchId: string, rows: JournalRow[]) => JournalBatch.parse({ batchId, rows });

export const ack = (commandId: string) => CommandAck.parse({ commandId, outcome: 'done', at: AT });

export const allowList = (version: number) =>
  StaffAllowList.parse({
    version, issuedAt: AT,
    staff: [{ staffNumber: 'A1001', nameMasked: '李*', idDigest: 'a'.repeat(64), idNumberMasked: '4104**********1230', role: 'officer', pinHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA' }],
  });
