/** Host data for renderer tests, valid against the contract. */
import type { DeviceStatus, KioskInfo, SessionInfo } from '../../../electron/contract';

export const HALL_NAME = '平顶山市公安局城乡一体化示范区分局湖滨派出所 智慧警务工作站';

export const kioskInfo: KioskInfo = {
  hallName: HALL_NAME,
  kioskId: 'kiosk-01',
  version: '0.1.0',
  protocolVersion: 1,
  simulation: true,
  backend: 'sandbox',
  defaultLanguage: 'zh-CN',
};

const since = '2026-05-01T08:00:00.000Z';

export function device(overrides: Partial<DeviceStatus> & Pick<DeviceStatus, 'id' | 'kind'>): DeviceStatus {
  return { simulated: true, state: 'online', messageKey: `devices.state.${overrides.state ?? 'online'}`, since, ...overrides };
}

export const devices: DeviceStatus[] = [
  device({ id: 'idcard', kind: 'idcard' }),
  device({ id: 'receipt', kind: 'receiptPrinter', media: 'present' }),
  device({ id: 'camera', kind: 'camera', state: 'noDevice' }),
];

export const session: SessionInfo = { sessionId: 's-1', startedAt: '2026-05-01T08:01:00.000Z', language: 'zh-CN', elderMode: false };
