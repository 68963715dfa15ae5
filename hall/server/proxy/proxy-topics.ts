/** The kiosk ↔ hall proxy topics as the hall's MQTT client sees them (electron/contract/proxy.ts `proxyTopic`). */
import { HALL_LINK_ROOT, KioskId } from '../../../electron/contract/hall-link';

/** Every kiosk's `proxy` topic (a standalone client subscribes to it; the hall link sees it under `kiosk/+/#`). */
export const PROXY_UP_WILDCARD = `${HALL_LINK_ROOT}/kiosk/+/proxy`;

/** `up`: a kiosk → hall message; `down`: the hall's own; null: not a proxy topic. The kiosk id comes from the topic only. */
export function parseProxyTopic(topic: string): { kioskId: string; direction: 'up' | 'down' } | null {
  const prefix = `${HALL_LINK_ROOT}/kiosk/`;
  if (!topic.startsWith(prefix)) return null;
  const [kioskId, ...rest] = topic.slice(prefix.length).split('/');
  if (!kioskId || !KioskId.safeParse(kioskId).success) return null;
  const tail = rest.join('/');
  if (tail === 'proxy') return { kioskId, direction: 'up' };
  if (tail === 'proxy/down') return { kioskId, direction: 'down' };
  return null;
}
