/**
 * A child process running `count` simulated kiosks from `first` on, each with
 * its own login (its credential file in the hall broker's folder) and the
 * real kiosk's MQTT options (MQTT 5 over TLS with the hall CA, client id =
 * kiosk id, persistent session, last will). Each publishes a valid retained
 * status every 10 s, staggered; on `{ help: index }` from the parent that
 * kiosk presses its help button: `Date.now()` is taken, the call published
 * (QoS 1, queuedAt = that instant) and `{ pressed: { callId, at } }` sent back.
 * `{ report: true }` answers with counts and this process's CPU time.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { kioskTopic } from '../../electron/contract/hall-link';
import { mqttOptions } from '../../electron/host/hall-link/mqtt-options';
import { readKioskCredentials } from '../../hall/server/broker/credentials';
import { helpCall, kioskId, statusMessage } from './simulated-kiosk';

const [brokerDir, firstArg, countArg] = process.argv.slice(2);
const first = Number(firstArg);
const count = Number(countArg);
const STATUS_EVERY_MS = 10_000;
const WAVE = 50;
const clients = new Map<number, MqttClient>();
let statusSent = 0;
let statusFailed = 0;

function publishStatus(index: number, client: MqttClient): void {
  const id = kioskId(index);
  client.publish(kioskTopic.status(id), JSON.stringify(statusMessage(id, new Date())), { qos: 1, retain: true }, (error) => {
    if (error) statusFailed += 1;
  });
  statusSent += 1;
}

async function connectKiosk(index: number): Promise<void> {
  const id = kioskId(index);
  const credentials = readKioskCredentials(brokerDir!, id);
  if (!credentials) throw new Error(`no credential file for ${id}`);
  const client = await mqtt.connectAsync(credentials.url, mqttOptions(id, {
    url: credentials.url, username: credentials.username, password: credentials.password, caPem: credentials.caPem,
    statusIntervalSeconds: STATUS_EVERY_MS / 1000, keepaliveSeconds: 30, source: null, staffIdKey: null,
  }));
  client.on('error', () => undefined); // reconnects on its own, as the kiosk does
  clients.set(index, client);
  client.publish(kioskTopic.online(id), JSON.stringify({ online: true, at: new Date().toISOString() }), { qos: 1, retain: true });
  publishStatus(index, client);
  // Staggered: each kiosk's 10 s cycle starts at a random offset.
  setTimeout(() => {
    publishStatus(index, client);
    setInterval(() => publishStatus(index, client), STATUS_EVERY_MS);
  }, Math.random() * STATUS_EVERY_MS);
}

process.on('message', (message: { help?: number; report?: boolean; stop?: boolean }) => {
  if (message.help !== undefined) {
    const client = clients.get(message.help);
    if (client) {
      const at = Date.now();
      const call = helpCall(new Date(at));
      client.publish(kioskTopic.help(kioskId(message.help)), JSON.stringify(call), { qos: 1 });
      process.send?.({ pressed: { callId: call.callId, at } });
    }
  }
  if (message.report) {
    const cpu = process.cpuUsage();
    process.send?.({ statusSent, statusFailed, connected: [...clients.values()].filter((c) => c.connected).length, cpuMs: (cpu.user + cpu.system) / 1000 });
  }
  if (message.stop) {
    for (const client of clients.values()) client.end(true);
    process.exit(0);
  }
});

// Connect in waves (a hall's kiosks do not all boot in the same millisecond; TLS handshakes stay in step with the broker).
for (let at = 0; at < count; at += WAVE) {
  await Promise.all(Array.from({ length: Math.min(WAVE, count - at) }, (_, i) => connectKiosk(first + at + i)));
}
process.send?.({ ready: true, connected: clients.size });
