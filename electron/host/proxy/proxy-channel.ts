/**
 * The hall link as the kiosk's proxy side uses it: publish one `ProxyUp` on
 * `proxyTopic.up(kioskId)` (QoS 1), and whether the link is up. The hall
 * link implements it (hall-link.ts); tests give a plain MQTT client.
 */
import type { ProxyUp } from '../../contract/proxy';

export interface ProxyChannel {
  /** False when it could not be handed to the broker (the link is down). */
  publish(message: ProxyUp): boolean;
  online(): boolean;
}
