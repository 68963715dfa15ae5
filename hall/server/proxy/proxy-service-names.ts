/**
 * The names of the services a kiosk may do by proxy, as the hall says them
 * (issue 19). The statement the principal reads aloud, the invitation SMS
 * and every view of a case take the name from here by the case's service id:
 * a kiosk sends an id, never words the principal is asked to consent to.
 * Copied from the kiosk's catalogue entries
 * (`electron/host/services/<id>/index.ts`); `proxy.services` in the hall's
 * config may only name ids this table knows (`hall/server/config.ts`).
 */
import type { ProxyCaseView } from '../../../electron/contract/proxy';

export type ProxyServiceName = ProxyCaseView['serviceName'];

export const PROXY_SERVICE_NAMES: Readonly<Record<string, ProxyServiceName>> = {
  'no-criminal-record': { 'zh-CN': '无犯罪记录证明', en: 'No-criminal-record certificate' },
  'residence-permit-endorsement': { 'zh-CN': '居住证签注', en: 'Residence permit annual endorsement' },
  'id-card-progress': { 'zh-CN': '身份证办理进度查询', en: 'ID card application progress' },
  'exit-entry-progress': { 'zh-CN': '出入境办理进度查询及领证', en: 'Passport and permit progress and collection' },
};

/** The hall's name for a proxy service, or null when the hall has none (the case is refused). */
export function proxyServiceName(serviceId: string): ProxyServiceName | null {
  return Object.hasOwn(PROXY_SERVICE_NAMES, serviceId) ? PROXY_SERVICE_NAMES[serviceId]! : null;
}
