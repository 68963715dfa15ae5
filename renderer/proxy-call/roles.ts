/**
 * Who gives way in a glare (both sides offering at once), for perfect
 * negotiation. The order is fixed: kiosk < phone < console. Between two
 * parties the lower one is impolite (its offer wins, and it drives ICE
 * restarts); the higher one is polite (it rolls its own offer back). The
 * kiosk is therefore impolite to everyone and the console polite to everyone.
 */
import type { ProxyRole } from '../../electron/contract/proxy';

const ROLE_ORDER: Readonly<Record<ProxyRole, number>> = { kiosk: 0, phone: 1, console: 2 };

/** True when `self` gives way to `peer`. */
export function isPolite(self: ProxyRole, peer: ProxyRole): boolean {
  return ROLE_ORDER[self] > ROLE_ORDER[peer];
}
