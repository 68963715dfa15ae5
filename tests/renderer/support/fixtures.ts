/** Host data for renderer tests, valid against the contract. */
import type { DeviceStatus, KioskInfo, MaskedIdentity, ServiceEntry, SessionInfo } from '../../../electron/contract';

export const HALL_NAME = '平顶山市公安局城乡一体化示范区分局湖滨派出所 智慧警务工作站';

export const kioskInfo: KioskInfo = {
  hallName: HALL_NAME,
  kioskId: 'kiosk-01',
  version: '0.1.0',
  protocolVersion: 1,
  simulation: true,
  backend: 'sandbox',
  defaultLanguage: 'zh-CN',
  timeZone: 'Asia/Shanghai',
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

/** A citizen (fictional): what must never stay on the screen after their session. */
export const citizen = { name: '陈思远', idNumber: '410402199001011230' };

/** The citizen as session and identity messages carry them from the host (masked). */
export const identity: MaskedIdentity = {
  source: 'card',
  cardType: 'resident',
  nameMasked: '陈**',
  idNumberMasked: '4104**********1230',
  idNumberValid: true,
  expired: false,
};

function service(overrides: Partial<ServiceEntry> & Pick<ServiceEntry, 'id' | 'category'>): ServiceEntry {
  return { name: { 'zh-CN': overrides.id, en: overrides.id }, handling: 'counter', feeFen: 0, available: true, window: '1号窗口', ...overrides };
}

/** A small catalogue: one greyed kiosk service, counter services, six in 户政 (two pages in elder mode). */
export const services: ServiceEntry[] = [
  service({ id: 'residence-permit', category: 'huzheng', name: { 'zh-CN': '居住证申领', en: 'Residence permit application' } }),
  service({ id: 'temporary-id', category: 'huzheng', name: { 'zh-CN': '临时身份证申领', en: 'Temporary ID card' }, feeFen: 1000 }),
  service({
    id: 'id-card-renewal',
    category: 'huzheng',
    name: { 'zh-CN': '身份证换领', en: 'ID card renewal' },
    handling: 'kiosk',
    feeFen: 2000,
    feeMaxFen: 4000,
    available: false,
    reasonKey: 'service.deviceDown.camera',
    window: undefined,
  }),
  service({ id: 'id-card-replacement', category: 'huzheng', name: { 'zh-CN': '身份证补领', en: 'ID card replacement' }, feeFen: 4000 }),
  service({ id: 'residence-permit-endorsement', category: 'huzheng', name: { 'zh-CN': '居住证签注', en: 'Residence permit endorsement' } }),
  service({ id: 'id-card-cross-province', category: 'huzheng', name: { 'zh-CN': '异地身份证申请', en: 'ID card outside home province' }, feeFen: 2000 }),
  service({ id: 'no-criminal-record', category: 'certificates', name: { 'zh-CN': '无犯罪记录证明', en: 'No-criminal-record certificate' }, window: '2号窗口' }),
  service({ id: 'hk-macau-endorsement', category: 'exitEntry', name: { 'zh-CN': '港澳签注', en: 'Hong Kong and Macau endorsement' }, feeFen: 1500, window: '3号窗口' }),
];
