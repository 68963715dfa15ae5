/**
 * Service names for the console, keyed by service id. The kiosk's catalogue
 * (`electron/host/services/catalogue.ts`) builds its list from the host's
 * service modules, which the browser bundle must not import; this map copies
 * its ids and names (regenerate when a service is added). Unknown ids show as
 * they are.
 */
import type { ServiceCategory } from '../../electron/contract/domain';

export interface ServiceName {
  id: string;
  category: ServiceCategory;
  name: { 'zh-CN': string; en: string };
}

export const SERVICE_NAMES: readonly ServiceName[] = [
  { id: 'id-card-renewal', category: 'huzheng', name: { 'zh-CN': '身份证换领补领', en: 'ID card renewal and replacement' } },
  { id: 'child-id-card', category: 'huzheng', name: { 'zh-CN': '未满十六周岁首次申领身份证', en: "Child's first ID card (under 16, with a guardian)" } },
  { id: 'temporary-id', category: 'huzheng', name: { 'zh-CN': '临时身份证申领', en: 'Temporary ID card' } },
  { id: 'residence-permit', category: 'huzheng', name: { 'zh-CN': '居住证申领', en: 'Residence permit application' } },
  { id: 'residence-permit-endorsement', category: 'huzheng', name: { 'zh-CN': '居住证签注', en: 'Residence permit annual endorsement' } },
  { id: 'id-card-progress', category: 'huzheng', name: { 'zh-CN': '身份证办理进度查询', en: 'ID card application progress' } },
  { id: 'capability-demo', category: 'huzheng', name: { 'zh-CN': '功能演示（模拟）', en: 'Capability demo (simulation)' } },
  { id: 'no-criminal-record', category: 'certificates', name: { 'zh-CN': '无犯罪记录证明', en: 'No-criminal-record certificate' } },
  { id: 'driving-licence-renewal', category: 'traffic', name: { 'zh-CN': '驾驶证换证补证', en: 'Driving licence renewal and replacement' } },
  { id: 'driver-points', category: 'traffic', name: { 'zh-CN': '记分查询·驾驶人信息单', en: 'Driver points and record' } },
  { id: 'traffic-violations', category: 'traffic', name: { 'zh-CN': '交通违法处理', en: 'Traffic violations: query, confirm, pay' } },
  { id: 'safe-driving-certificate', category: 'traffic', name: { 'zh-CN': '驾驶人安全驾驶证明', en: 'Safe-driving certificate' } },
  { id: 'elderly-driver-check', category: 'traffic', name: { 'zh-CN': '70周岁以上驾驶人年度审验（体检及三力测试）', en: 'Drivers aged 70+: annual medical check and ability test' } },
  { id: 'licence-application', category: 'traffic', name: { 'zh-CN': '驾驶证申领（体检拍照）', en: 'Driving licence application (medical check and photo)' } },
  { id: 'exit-entry-application', category: 'exitEntry', name: { 'zh-CN': '出入境证件申请', en: 'Passport and travel permit application' } },
  { id: 'exit-entry-endorsement', category: 'exitEntry', name: { 'zh-CN': '港澳台签注', en: 'Hong Kong, Macau and Taiwan endorsements' } },
  { id: 'exit-entry-progress', category: 'exitEntry', name: { 'zh-CN': '出入境办理进度查询及领证', en: 'Passport and permit progress and collection' } },
  { id: 'video-proxy', category: 'proxy', name: { 'zh-CN': '可视化代办', en: 'Video-assisted proxy application' } },
];

const BY_ID = new Map(SERVICE_NAMES.map((service) => [service.id, service]));

/** The service's name in the language, or its id when the console does not know it. */
export function serviceName(serviceId: string | null, language: string): string | null {
  if (serviceId === null) return null;
  const known = BY_ID.get(serviceId);
  if (!known) return serviceId;
  return language.startsWith('en') ? known.name.en : known.name['zh-CN'];
}
