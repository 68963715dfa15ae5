/** What a simulated kiosk publishes: a valid status (checked against the contract once) and help calls. */
import { randomUUID } from 'node:crypto';
import { type HelpCallMessage, KioskStatusMessage } from '../../electron/contract/hall-link';

export function kioskId(index: number): string {
  return `bench-k${String(index).padStart(4, '0')}`;
}

export function statusMessage(id: string, at: Date): KioskStatusMessage {
  const since = '2026-12-01T00:00:00.000Z';
  return KioskStatusMessage.parse({
    kioskId: id,
    hallName: '模拟大厅 Bench hall',
    version: '1.0.0-bench',
    at: at.toISOString(),
    outOfService: null,
    devices: [
      { id: 'idcard-1', kind: 'idcard', simulated: true, state: 'online', messageKey: 'devices.state.online', since },
      { id: 'receipt-1', kind: 'receiptPrinter', simulated: true, state: 'online', media: 'present', messageKey: 'devices.state.online', since },
      { id: 'a4-1', kind: 'a4Printer', simulated: true, state: 'online', media: 'present', messageKey: 'devices.state.online', since },
      { id: 'camera-1', kind: 'camera', simulated: true, state: 'online', messageKey: 'devices.state.online', since },
    ],
    consumables: [{ kind: 'receiptPaper', deviceId: 'receipt-1', estimatedLeft: 420, capacity: 600, state: 'ok', lastRefillAt: since }],
    session: null,
    staffSignedIn: null,
    journalBacklog: 0,
  });
}

export function helpCall(at: Date): HelpCallMessage {
  return { type: 'raised', callId: randomUUID(), reason: 'button', serviceId: 'id.renewal', step: 'photo', queuedAt: at.toISOString() };
}
