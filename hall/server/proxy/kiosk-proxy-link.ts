/**
 * The kiosks' side of the proxy cases over MQTT: a kiosk's message on
 * `…/kiosk/<id>/proxy` is checked (size, JSON, `ProxyUp`) and handed to the
 * registry with the kiosk id taken from the topic — which the broker's ACL
 * lets only that kiosk write — never from the payload. Answers go to
 * `…/kiosk/<id>/proxy/down` (QoS 1, not retained), validated as `ProxyDown`
 * before they leave. Logs name the kiosk and what was wrong, never content.
 */
import type { MqttClient } from 'mqtt';
import { ProxyDown, ProxyUp, proxyTopic } from '../../../electron/contract/proxy';
import { decodeLinkPayload } from '../link/payload-guard';
import { PROXY_UP_WILDCARD, parseProxyTopic } from './proxy-topics';

export interface KioskProxyLink {
  /** A message the hall's MQTT client received (any topic: others are ignored). */
  receive(topic: string, payload: Uint8Array | string): Promise<void>;
  /** Publishes to one kiosk. */
  send(kioskId: string, message: ProxyDown): void;
  /** Where valid kiosk messages go (the registry's `fromKiosk`). */
  connect(handler: (kioskId: string, message: ProxyUp) => Promise<void>): void;
  /** Messages refused (not JSON, wrong schema) and answers that failed to publish. */
  stats(): { received: number; refused: number; publishFailed: number };
}

export interface KioskProxyLinkOptions {
  publish: (topic: string, payload: string) => Promise<void>;
  log?: (line: string) => void;
}

export function createKioskProxyLink(options: KioskProxyLinkOptions): KioskProxyLink {
  const log = options.log ?? (() => undefined);
  const counts = { received: 0, refused: 0, publishFailed: 0 };
  let handler: ((kioskId: string, message: ProxyUp) => Promise<void>) | null = null;
  // One kiosk's messages are handled in order (an `open` awaiting its SMS before the `cancel` after it).
  const queues = new Map<string, Promise<void>>();

  return {
    receive(topic, payload) {
      const where = parseProxyTopic(topic);
      if (!where || where.direction !== 'up') return Promise.resolve();
      counts.received += 1;
      const body = decodeLinkPayload(typeof payload === 'string' ? Buffer.from(payload) : Buffer.from(payload));
      const parsed = body.ok ? ProxyUp.safeParse(body.value) : null;
      if (!parsed?.success) {
        counts.refused += 1;
        log(`proxy message refused (kiosk ${where.kioskId}: ${body.ok ? 'not a proxy message' : body.error})`);
        return Promise.resolve();
      }
      const run = handler;
      if (!run) return Promise.resolve();
      const next = (queues.get(where.kioskId) ?? Promise.resolve())
        .then(() => run(where.kioskId, parsed.data))
        .catch(() => log(`proxy message from kiosk ${where.kioskId} failed`));
      queues.set(where.kioskId, next);
      void next.then(() => {
        if (queues.get(where.kioskId) === next) queues.delete(where.kioskId);
      });
      return next;
    },
    send(kioskId, message) {
      const checked = ProxyDown.safeParse(message);
      if (!checked.success) {
        counts.publishFailed += 1;
        log(`proxy answer to kiosk ${kioskId} not sent: it does not fit the contract`);
        return;
      }
      options.publish(proxyTopic.down(kioskId), JSON.stringify(checked.data)).catch(() => {
        counts.publishFailed += 1;
        log(`proxy answer to kiosk ${kioskId} could not be published`);
      });
    },
    connect(next) {
      handler = next;
    },
    stats: () => ({ ...counts }),
  };
}

/** For a hall whose proxy has its own MQTT client: subscribes to every kiosk's proxy topic and feeds the link. */
export async function subscribeKioskProxy(client: MqttClient, link: KioskProxyLink): Promise<void> {
  client.on('message', (topic, payload) => void link.receive(topic, payload));
  await client.subscribeAsync(PROXY_UP_WILDCARD, { qos: 1 });
}

/** The publish a {@link KioskProxyLink} needs, from an MQTT client (QoS 1, not retained). */
export const mqttPublish = (client: MqttClient) => async (topic: string, payload: string) => {
  await client.publishAsync(topic, payload, { qos: 1, retain: false });
};
