/**
 * The test's stand-in for the hall server: a plain MQTT subscriber on the
 * broker (persistent session, so a restarted broker keeps its queue) that
 * records everything the kiosks publish, counts journal rows by row id, and
 * can send a kiosk a command.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { KIOSK_WILDCARD, kioskTopic, parseKioskTopic, type JournalBatch, type JournalRow, type KioskCommandMessage } from '../../../../electron/contract/hall-link';

export interface Received {
  topic: string;
  kind: string;
  kioskId: string;
  payload: unknown;
  retained: boolean;
}

export interface HallWatcher {
  messages: Received[];
  /** The latest payload of a kind for a kiosk (retained ones included). */
  latest<T>(kioskId: string, kind: string): T | undefined;
  /** Journal rows by row id, with how many times each arrived. */
  rows(kioskId: string): Map<string, { row: JournalRow; count: number }>;
  command(kioskId: string, message: KioskCommandMessage): Promise<void>;
  /** Publishes as the hall server does (e.g. the retained staff allow-list). */
  publish(topic: string, payload: unknown, retain: boolean): Promise<void>;
  close(): Promise<void>;
}

export async function startHallWatcher(url: string, clientId = `watcher-${Math.random().toString(16).slice(2)}`): Promise<HallWatcher> {
  const client: MqttClient = mqtt.connect(url, { protocolVersion: 5, clientId, clean: false, properties: { sessionExpiryInterval: 3600 }, reconnectPeriod: 200 });
  const messages: Received[] = [];
  const rows = new Map<string, Map<string, { row: JournalRow; count: number }>>();
  client.on('message', (topic, payload, packet) => {
    const parsed = parseKioskTopic(topic);
    if (!parsed) return;
    const json: unknown = JSON.parse(payload.toString());
    messages.push({ topic, kind: parsed.kind, kioskId: parsed.kioskId, payload: json, retained: packet.retain });
    if (parsed.kind === 'journal') {
      const byId = rows.get(parsed.kioskId) ?? new Map<string, { row: JournalRow; count: number }>();
      rows.set(parsed.kioskId, byId);
      for (const row of (json as JournalBatch).rows) {
        const seen = byId.get(row.rowId);
        byId.set(row.rowId, { row, count: (seen?.count ?? 0) + 1 });
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('error', reject);
  });
  await client.subscribeAsync(KIOSK_WILDCARD, { qos: 1 });
  return {
    messages,
    latest<T>(kioskId: string, kind: string) {
      return messages.filter((m) => m.kioskId === kioskId && m.kind === kind).at(-1)?.payload as T | undefined;
    },
    rows: (kioskId) => rows.get(kioskId) ?? new Map(),
    async command(kioskId, message) {
      await client.publishAsync(kioskTopic.command(kioskId), JSON.stringify(message), { qos: 1 });
    },
    async publish(topic, payload, retain) {
      await client.publishAsync(topic, typeof payload === 'string' ? payload : JSON.stringify(payload), { qos: 1, retain });
    },
    async close() {
      await client.endAsync(true);
    },
  };
}
