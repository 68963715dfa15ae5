/**
 * The kiosk's MQTT 5 connection options: TLS with the hall's CA only, the
 * kiosk id as client id, a persistent session (`clean: false`, kept a day)
 * so QoS 1 messages survive short outages, and the last will that tells the
 * hall the kiosk is gone (retained `online: false`).
 */
import type { IClientOptions } from 'mqtt';
import { kioskTopic, type KioskOnline } from '../../contract/hall-link';
import type { HallLinkSettings } from './credentials';

/** Reconnect backoff: 1 s doubling to 30 s, back to 1 s once connected. */
export const RECONNECT_MIN_MS = 1000;
export const RECONNECT_MAX_MS = 30_000;
const SESSION_EXPIRY_SECONDS = 24 * 3600;

export function mqttOptions(kioskId: string, settings: HallLinkSettings): IClientOptions {
  const will: KioskOnline = { online: false };
  return {
    protocolVersion: 5,
    clientId: kioskId,
    username: settings.username,
    password: settings.password,
    ...(settings.caPem ? { ca: settings.caPem } : {}),
    rejectUnauthorized: true,
    clean: false,
    keepalive: settings.keepaliveSeconds,
    reconnectPeriod: RECONNECT_MIN_MS,
    // A refused password may be fixed at the hall: keep trying, with the backoff.
    reconnectOnConnackError: true,
    connectTimeout: Math.max(5, settings.keepaliveSeconds * 2) * 1000,
    properties: { sessionExpiryInterval: SESSION_EXPIRY_SECONDS },
    will: { topic: kioskTopic.online(kioskId), payload: Buffer.from(JSON.stringify(will)), qos: 1, retain: true },
  };
}

/** The next reconnect delay after `current` failed. */
export function nextBackoff(current: number): number {
  return Math.min(RECONNECT_MAX_MS, Math.max(RECONNECT_MIN_MS, current * 2));
}
