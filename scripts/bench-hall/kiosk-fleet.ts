/**
 * A child process holding `count` simulated kiosks (MQTT 5 clients) from
 * index `first`: each connects with its last will, publishes its retained
 * online flag and status, then its status every 10 s (staggered), and a help
 * call when the parent asks (IPC `{ help: index }`). Run by help-calls.ts with
 * `node --import tsx kiosk-fleet.ts <url> <first> <count>`.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { kioskTopic } from '../../electron/contract/hall-link';
import { helpCall, kioskId, statusMessage } from './simulated-kiosk';

const [url, firstArg, countArg] = process.argv.slice(2);
const first = Number(firstArg);
const count = Number(countArg);
const STATUS_EVERY_MS = 10_000;
const clients = new Map<number, MqttClient>();
let statusSent = 0;

function publishStatus(index: number, client: MqttClient): void {
  const id = kioskId(index);
  client.publish(kioskTopic.status(id), JSON.stringify(statusMessage(id, new Date())), { qos: 1, retain: true });
  statusSent += 1;
}

async function connectKiosk(index: number): Promise<void> {
  const id = kioskId(index);
  const client = await mqtt.connectAsync(url!, {
    protocolVersion: 5,
    clientId: id,
    clean: true,
    keepalive: 30,
    reconnectPeriod: 1000,
    will: { topic: kioskTopic.online(id), payload: Buffer.from(JSON.stringify({ online: false })), qos: 1, retain: true },
  });
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
    // queuedAt is stamped at the press: the console measures press → received from it.
    if (client) client.publish(kioskTopic.help(kioskId(message.help)), JSON.stringify(helpCall(new Date())), { qos: 1 });
  }
  if (message.report) process.send?.({ statusSent, connected: [...clients.values()].filter((c) => c.connected).length });
  if (message.stop) {
    for (const client of clients.values()) client.end(true);
    process.exit(0);
  }
});

// Connect in waves of 50 (a hall's kiosks do not all boot in the same millisecond; the broker's accept queue stays short).
for (let at = 0; at < count; at += 50) {
  await Promise.all(Array.from({ length: Math.min(50, count - at) }, (_, i) => connectKiosk(first + at + i)));
}
process.send?.({ ready: true, connected: clients.size });
