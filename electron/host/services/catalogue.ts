/**
 * The hall's services (户政, 证明, 交管, 出入境, 可视化代办), as data. Fees from
 * DOMAIN.md §5, in fen. `kioskFlow` says whether the kiosk has the flow for it
 * yet; until it does, the kiosk sends the citizen to the right counter window
 * instead of pretending. Adding a kiosk flow flips that flag in its own folder.
 *
 * Reason keys the renderer translates:
 * - `service.deviceDown.<kind>`: a device the service needs is not ready;
 * - `service.deviceMissing.<kind>`: this kiosk has no such device;
 * - `service.disabledAtSite`: switched off in this hall's config.
 */
import type { DeviceKind, ServiceCategory } from '../../contract';

export interface ServiceDefinition {
  id: string;
  category: ServiceCategory;
  name: { 'zh-CN': string; en: string };
  feeFen: number;
  /** Devices a kiosk run of this service needs. */
  devices: readonly DeviceKind[];
  /** True once the kiosk has this service's flow. */
  kioskFlow: boolean;
}

export const SERVICE_CATALOGUE: readonly ServiceDefinition[] = [
  { id: 'residence-permit', category: 'huzheng', name: { 'zh-CN': '居住证申领', en: 'Residence permit application' }, feeFen: 0, devices: ['idcard', 'camera', 'receiptPrinter'], kioskFlow: false },
  { id: 'residence-permit-endorsement', category: 'huzheng', name: { 'zh-CN': '居住证签注', en: 'Residence permit annual endorsement' }, feeFen: 0, devices: ['idcard', 'receiptPrinter'], kioskFlow: false },
  { id: 'temporary-id', category: 'huzheng', name: { 'zh-CN': '临时身份证申领', en: 'Temporary ID card' }, feeFen: 1000, devices: ['camera', 'receiptPrinter'], kioskFlow: false },
  { id: 'id-card-replacement', category: 'huzheng', name: { 'zh-CN': '身份证补领', en: 'ID card replacement (lost or damaged)' }, feeFen: 4000, devices: ['camera', 'fingerprint', 'receiptPrinter'], kioskFlow: false },
  { id: 'id-card-renewal', category: 'huzheng', name: { 'zh-CN': '身份证换领', en: 'ID card renewal' }, feeFen: 2000, devices: ['idcard', 'camera', 'fingerprint', 'receiptPrinter'], kioskFlow: false },
  { id: 'id-card-cross-province', category: 'huzheng', name: { 'zh-CN': '异地身份证申请', en: 'ID card application outside home province' }, feeFen: 2000, devices: ['idcard', 'camera', 'fingerprint', 'receiptPrinter'], kioskFlow: false },
  { id: 'no-criminal-record', category: 'certificates', name: { 'zh-CN': '无犯罪记录证明', en: 'No-criminal-record certificate' }, feeFen: 0, devices: ['camera', 'a4Printer'], kioskFlow: true },
  { id: 'licence-renewal', category: 'traffic', name: { 'zh-CN': '驾驶证期满换证', en: "Driving licence renewal" }, feeFen: 1000, devices: ['idcard', 'camera', 'receiptPrinter'], kioskFlow: false },
  { id: 'licence-application', category: 'traffic', name: { 'zh-CN': '驾驶证申领（体检拍照）', en: 'Driving licence application (medical check and photo)' }, feeFen: 1000, devices: ['idcard', 'camera', 'receiptPrinter'], kioskFlow: false },
  { id: 'traffic-violations', category: 'traffic', name: { 'zh-CN': '交通违法处理', en: 'Traffic violations: query, confirm, pay' }, feeFen: 0, devices: ['idcard', 'receiptPrinter'], kioskFlow: false },
  { id: 'exit-entry-application', category: 'exitEntry', name: { 'zh-CN': '出入境证件自助受理', en: 'Passport and travel permit application' }, feeFen: 12000, devices: ['idcard', 'camera', 'fingerprint', 'receiptPrinter'], kioskFlow: false },
  { id: 'hk-macau-endorsement', category: 'exitEntry', name: { 'zh-CN': '港澳签注', en: 'Hong Kong and Macau endorsement' }, feeFen: 1500, devices: ['idcard', 'camera', 'receiptPrinter'], kioskFlow: false },
  { id: 'video-proxy', category: 'proxy', name: { 'zh-CN': '可视化代办', en: 'Video-assisted proxy application' }, feeFen: 0, devices: ['idcard', 'camera'], kioskFlow: false },
];
