/** Checks a kiosk's `open` before a case is made (pure). */
import { validateIdNumber } from '../../../../domain/id-number';
import { maskIdNumber } from '../../../../domain/mask';
import type { ProxyDown, ProxyUp } from '../../../../electron/contract/proxy';
import { proxyServiceName } from '../proxy-service-names';

type Open = Extract<ProxyUp, { type: 'open' }>;
export type OpenRefusal = Extract<ProxyDown, { type: 'openRefused' }>['reason'];

/**
 * The service must be one a kiosk may do by proxy, the principal's number a
 * real one, and the principal not the agent. The kiosk sends the agent
 * masked only, so "the same person" is judged on the masked forms (first 4
 * and last 4 characters): two relatives born in one county can collide about
 * once in ten thousand, and are then told to come in person. A service the
 * hall has no name for is refused too: the statement and the SMS name the
 * service in the hall's words only (`proxy-service-names.ts`).
 */
export function checkOpen(open: Open, proxyServiceIds: readonly string[], now: Date): OpenRefusal | null {
  if (!proxyServiceIds.includes(open.serviceId) || proxyServiceName(open.serviceId) === null) return 'serviceNotProxyAllowed';
  const id = validateIdNumber(open.principal.idNumber, { now });
  if (!id.ok) return 'invalidRequest';
  if (maskIdNumber(id.idNumber) === open.agent.idNumberMasked.toUpperCase()) return 'principalIsAgent';
  return null;
}
