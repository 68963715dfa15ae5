/**
 * The hall server's MQTT client: one persistent session (`hall-server`,
 * clean start off, session never expires) subscribed to every kiosk's topics
 * with QoS 1, so messages sent while the hall server is down wait in the
 * broker. A message is acknowledged (PUBACK) only after its row is written:
 * if the database fails, the connection is dropped unacknowledged and the
 * broker delivers it again. A message the kiosk got wrong is acknowledged,
 * dropped and counted; nothing a kiosk sends can stop the server. Statuses
 * (retained, latest wins) are the exception: acknowledged at once and written
 * newest-per-kiosk in the background (`status-coalescer.ts`), so a help call
 * never queues behind them.
 */
import mqtt, { type IPublishPacket, type MqttClient } from 'mqtt';
import { KIOSK_WILDCARD, StaffAllowList, hallTopic, parseKioskTopic } from '../../../electron/contract/hall-link';
import { BROKER_MAX_PACKET_BYTES } from '../broker/broker-config';
import { parseProxyTopic } from '../proxy/proxy-topics';
import type { HallDb } from '../store/hall-db';
import { sendKioskCommand } from './commands';
import { isPayloadError } from './db-errors';
import { ingestKioskMessage } from './ingest';
import { decodeLinkPayload } from './payload-guard';
import { createStatusCoalescer } from './status-coalescer';
import type { HallChange, HallLinkServer, HallLinkStats, LinkLogger } from './types';

export const HALL_CLIENT_ID = 'hall-server';

export interface HallLinkOptions {
  db: HallDb;
  url: string;
  username: string;
  password: string;
  caPem: string;
  now?: () => Date;
  logger?: LinkLogger;
  /** MQTT keep-alive of the hall server's own connection (default 30 s). */
  keepaliveSeconds?: number;
  /**
   * A kiosk's 可视化代办 message (`…/kiosk/<id>/proxy`, issue 19): handed over
   * as received (proxy/kiosk-proxy-link.ts checks it), never stored here.
   * Without it proxy messages are dropped, quietly.
   */
  onProxyMessage?: (topic: string, payload: Buffer) => void;
}

/** How long a 可视化代办 message may wait for its kiosk (MQTT 5 message expiry). */
export const PROXY_MESSAGE_EXPIRY_SECONDS = 30;

const silent: LinkLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

type Handled = 'done' | 'retry';

export async function startHallLink(options: HallLinkOptions): Promise<HallLinkServer> {
  const logger = options.logger ?? silent;
  const now = options.now ?? (() => new Date());
  const listeners = new Set<(change: HallChange) => void>();
  const counters: HallLinkStats = { received: 0, rejected: 0, journalRowsStored: 0, duplicatesIgnored: 0 };

  const client: MqttClient = mqtt.connect(options.url, {
    protocolVersion: 5,
    clientId: HALL_CLIENT_ID,
    clean: false,
    username: options.username,
    password: options.password,
    ca: options.caPem,
    rejectUnauthorized: true,
    keepalive: options.keepaliveSeconds ?? 30,
    reconnectPeriod: 1000,
    connectTimeout: 10_000,
    properties: { sessionExpiryInterval: 0xffffffff, maximumPacketSize: BROKER_MAX_PACKET_BYTES },
  });

  const emit = (change: HallChange) => {
    for (const listener of listeners) {
      try {
        listener(change);
      } catch (error) {
        logger.error(`a hall change listener failed: ${messageOf(error)}`);
      }
    }
  };

  const reject = (kioskId: string, what: string) => {
    counters.rejected += 1;
    logger.warn(`kiosk message refused (${kioskId}: ${what})`);
  };

  const handle = async (packet: IPublishPacket): Promise<Handled> => {
    counters.received += 1;
    const topic = parseKioskTopic(packet.topic);
    if (!topic) {
      reject('?', 'foreign topic');
      return 'done';
    }
    const body = decodeLinkPayload(Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload));
    if (!body.ok) {
      reject(topic.kioskId, `${topic.kind}: ${body.error}`);
      return 'done';
    }
    try {
      const result = await ingestKioskMessage({ db: options.db, kioskId: topic.kioskId, now: now(), retained: packet.retain }, topic.kind, body.value);
      if (!result.ok) {
        reject(topic.kioskId, `${topic.kind}: ${result.error}`);
        return 'done';
      }
      if (result.value.journal) {
        counters.journalRowsStored += result.value.journal.stored;
        counters.duplicatesIgnored += result.value.journal.duplicates;
        if (result.value.journal.refused > 0) reject(topic.kioskId, `journal: ${result.value.journal.refused} row(s) the database refused`);
      }
      for (const change of result.value.changes) emit(change);
      return 'done';
    } catch (error) {
      if (isPayloadError(error)) {
        reject(topic.kioskId, `${topic.kind}: the database refused its values`);
        return 'done';
      }
      logger.error(`hall database write failed, the broker will deliver again: ${messageOf(error)}`);
      return 'retry';
    }
  };

  const statuses = createStatusCoalescer<IPublishPacket>(
    (packet) => handle(packet),
    (error) => logger.error(`a kiosk status could not be written: ${messageOf(error)}`),
  );

  // MQTT.js sends the PUBACK when this callback is called, and handles one packet at a time.
  client.handleMessage = (packet, done) => {
    // Proxy calls are live signalling, not records: acknowledged at once, not counted as foreign.
    if (parseProxyTopic(packet.topic)) {
      const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
      try {
        options.onProxyMessage?.(packet.topic, payload);
      } catch (error) {
        logger.error(`a proxy message handler failed: ${messageOf(error)}`);
      }
      done();
      return;
    }
    const topic = parseKioskTopic(packet.topic);
    if (topic?.kind === 'status') {
      statuses.offer(topic.kioskId, packet);
      done();
      return;
    }
    void handle(packet).then((outcome) => {
      if (outcome === 'done') done();
      else client.stream.destroy(); // no PUBACK: redelivered after the reconnect
    });
  };

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('no answer within 15 s')), 15_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      client.removeListener('connect', connected);
      client.end(true);
      reject(new Error(`the hall server could not connect to the hall broker at ${options.url}: ${error.message}`));
    };
    const connected = () => {
      clearTimeout(timer);
      client.removeListener('error', fail);
      resolve();
    };
    client.once('connect', connected);
    client.once('error', fail);
  });
  client.on('error', (error) => logger.error(`hall broker connection: ${error.message}`));
  client.on('offline', () => logger.warn('hall broker connection lost; reconnecting'));

  const granted = await client.subscribeAsync(KIOSK_WILDCARD, { qos: 1, nl: true });
  if (granted.some((g) => g.qos > 2)) {
    await client.endAsync(true);
    throw new Error(`the hall broker refused the hall server's subscription to ${KIOSK_WILDCARD} (check its ACL)`);
  }
  logger.info(`hall link connected to ${options.url}`);

  const publish = async (topic: string, payload: string, publishOptions: { qos: 1; retain: boolean; messageExpiryInterval?: number }) => {
    const { messageExpiryInterval, ...rest } = publishOptions;
    await client.publishAsync(topic, payload, messageExpiryInterval === undefined ? rest : { ...rest, properties: { messageExpiryInterval } });
  };

  return {
    sendCommand: (kioskId, command, by) => sendKioskCommand({ db: options.db, now, linkConnected: () => client.connected, publish }, kioskId, command, by),
    async publishAllowList(list) {
      const parsed = StaffAllowList.safeParse(list);
      if (!parsed.success) throw new Error(`the staff allow-list is not valid: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      await publish(hallTopic.staff, JSON.stringify(parsed.data), { qos: 1, retain: true });
    },
    // A proxy message is for a live call: one a kiosk could not take within half a minute is stale (a replayed
    // `opened` or signal), and an expiring message is not kept for an offline session on the broker's disk.
    publishProxy: (topic, payload) => publish(topic, payload, { qos: 1, retain: false, messageExpiryInterval: PROXY_MESSAGE_EXPIRY_SECONDS }),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stats: () => ({ ...counters }),
    async stop() {
      await client.endAsync();
      await statuses.idle();
      listeners.clear();
    },
  };
}
