/**
 * `hall check`: can this kiosk reach its hall's broker with its credentials?
 * Connects once (a separate client id, so the running kiosk's session is not
 * taken over; no last will), subscribes to the staff list (which every
 * kiosk may read) and times the SUBACK: a round trip through the broker that
 * publishes nothing. Refusals are named: an untrusted or misnamed server
 * certificate, a wrong password, no broker listening, no answer.
 */
import { randomUUID } from 'node:crypto';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { err, ok, type Result } from '../../../domain/result';
import { hallTopic } from '../../contract/hall-link';
import type { HallLinkSettings } from './credentials';
import { mqttOptions } from './mqtt-options';

export type HallCheckRefusal = 'serverUntrusted' | 'serverNameMismatch' | 'badCredentials' | 'notAuthorized' | 'unreachable' | 'timeout' | 'other';

export interface HallCheckFailure {
  refusal: HallCheckRefusal;
  /** The library's or the broker's words (no secrets). */
  detail: string;
}

export interface HallCheckDeps {
  connect?: (url: string, options: IClientOptions) => MqttClient;
  timeoutMs?: number;
  clock?: () => number;
}

export async function checkHall(kioskId: string, settings: HallLinkSettings, deps: HallCheckDeps = {}): Promise<Result<{ roundTripMs: number }, HallCheckFailure>> {
  const clock = deps.clock ?? (() => performance.now());
  const connect = deps.connect ?? ((url: string, options: IClientOptions) => mqtt.connect(url, options));
  const { will: _will, ...base } = mqttOptions(kioskId, settings);
  const client = connect(settings.url, { ...base, clientId: `${kioskId}-check-${randomUUID().slice(0, 8)}`, clean: true, reconnectPeriod: 0, properties: {} });
  try {
    return await new Promise((resolve) => {
      const timer = setTimeout(() => resolve(err({ refusal: 'timeout', detail: `no answer within ${deps.timeoutMs ?? 10_000} ms` })), deps.timeoutMs ?? 10_000);
      client.once('error', (error) => {
        clearTimeout(timer);
        resolve(err(refusalOf(error)));
      });
      client.once('connect', () => {
        const started = clock();
        client.subscribe(hallTopic.staff, { qos: 1 }, (error) => {
          clearTimeout(timer);
          if (error) resolve(err({ refusal: 'notAuthorized', detail: error.message }));
          else resolve(ok({ roundTripMs: Math.round((clock() - started) * 10) / 10 }));
        });
      });
    });
  } finally {
    await client.endAsync(true).catch(() => undefined);
  }
}

function refusalOf(error: Error & { code?: unknown }): HallCheckFailure {
  const code = error.code;
  const detail = error.message;
  if (code === 134 || code === 4) return { refusal: 'badCredentials', detail };
  if (code === 135 || code === 5) return { refusal: 'notAuthorized', detail };
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return { refusal: 'serverNameMismatch', detail };
  if (typeof code === 'string' && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code)) return { refusal: 'serverUntrusted', detail };
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH') return { refusal: 'unreachable', detail };
  return { refusal: 'other', detail };
}
