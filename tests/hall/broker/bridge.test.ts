import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskTopic } from '../../../electron/contract/hall-link';
import { brokerUser, giveToBroker } from '../../../hall/server/broker/file-owner';
import { startHallBroker, type HallBroker } from '../../../hall/server/broker/hall-broker';
import { randomPassword, writePasswordFile } from '../../../hall/server/broker/password-file';
import { ensureBrokerPki } from '../../../hall/server/broker/pki';
import { startLocalMosquitto, type LocalMosquitto } from '../../../scripts/lib/local-mosquitto';
import { freePort } from '../../../scripts/lib/local-postgres';
import { connectAs, eventually, inbox } from './mqtt-test-clients';

/**
 * A hall broker bridged to a second mosquitto standing in for the city's MQTT
 * cluster: TLS both ways, the hall's bridge user may touch only its own
 * `halls/<hallId>/…` subtree on the central side.
 */
let centralDir: string;
let hallDir: string;
let central: LocalMosquitto;
let hall: HallBroker;
let centralCa: string;
const centralApp = { username: 'fleet', password: randomPassword() };
const clients: MqttClient[] = [];

beforeAll(async () => {
  centralDir = mkdtempSync(join(tmpdir(), 'onedoor-central-'));
  const pki = ensureBrokerPki(centralDir);
  if (!pki.ok) throw new Error(pki.error);
  centralCa = pki.value.caPem;
  const bridgeUser = { username: 'hall-h1', password: randomPassword() };
  const user = brokerUser(centralDir);
  writePasswordFile(join(centralDir, 'passwd'), [bridgeUser, centralApp]);
  writeFileSync(join(centralDir, 'acl'), 'user hall-h1\ntopic readwrite halls/h1/#\n\nuser fleet\ntopic readwrite halls/#\n');
  for (const f of ['passwd', 'acl', 'server.key', 'server.crt', 'ca.crt']) giveToBroker(user, join(centralDir, f));
  // The central listener speaks TLS with its own CA; startLocalMosquitto writes `listener <port> 127.0.0.1` first.
  central = await startLocalMosquitto({
    config: [
      ...(user.kind === 'mosquitto' ? ['user mosquitto'] : []),
      `cafile ${pki.value.caFile}`, `certfile ${pki.value.certFile}`, `keyfile ${pki.value.keyFile}`,
      `password_file ${join(centralDir, 'passwd')}`, `acl_file ${join(centralDir, 'acl')}`,
    ],
  });
  hallDir = mkdtempSync(join(tmpdir(), 'onedoor-hall-bridged-'));
  hall = await startHallBroker({
    dir: hallDir,
    port: await freePort(),
    bridge: { hallId: 'h1', address: `127.0.0.1:${central.port}`, caPem: centralCa, ...bridgeUser, fromCentral: { commands: true, hallPublications: true } },
  });
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.end(true);
  await hall?.stop();
  await central?.stop();
  rmSync(hallDir, { recursive: true, force: true });
  rmSync(centralDir, { recursive: true, force: true });
});

const atCentral = async () => {
  const client = await connectAs({ url: `mqtts://127.0.0.1:${central.port}`, caPem: centralCa, ...centralApp });
  clients.push(client);
  return client;
};

describe('a hall broker bridged to a central MQTT broker', () => {
  it('forwards kiosk messages up under the hall prefix and commands down to the kiosk', async () => {
    const fleet = await atCentral();
    const up = inbox(fleet);
    await fleet.subscribeAsync(['halls/h1/bridge/state', 'halls/+/onedoor/v1/kiosk/+/status'], { qos: 1 });
    expect(await up.waitFor('halls/h1/bridge/state', 15_000)).toBe('1'); // the bridge is connected

    const k1Login = await hall.addKiosk('k1');
    const k1 = await connectAs(k1Login);
    clients.push(k1);
    const down = inbox(k1);
    await k1.subscribeAsync(kioskTopic.command('k1'), { qos: 1 });
    await k1.publishAsync(kioskTopic.status('k1'), '{"kioskId":"k1"}', { qos: 1 });
    expect(await up.waitFor('halls/h1/onedoor/v1/kiosk/k1/status')).toBe('{"kioskId":"k1"}');

    // The bridge's subscription on the central side may lag its state message by a moment: send until one arrives.
    await eventually(async () => {
      if (down.messages.length > 0) return true;
      await fleet.publishAsync('halls/h1/onedoor/v1/kiosk/k1/command', '{"from":"city"}', { qos: 1 });
      await new Promise((r) => setTimeout(r, 200));
      return undefined;
    }, 15_000, 'command delivered');
    expect(down.messages[0]).toMatchObject({ topic: kioskTopic.command('k1'), body: '{"from":"city"}' });
  });

  it('does not send a command that came down back up, nor a topic kiosks may not write', async () => {
    const fleet = await atCentral();
    const seen = inbox(fleet);
    await fleet.subscribeAsync('halls/h1/#', { qos: 1 });
    const k1 = await connectAs((await hall.addKiosk('k1')));
    clients.push(k1);
    const hallServer = await connectAs({ url: hall.url, caPem: hall.caPem, ...hall.hallCredentials });
    clients.push(hallServer);
    await hallServer.publishAsync(kioskTopic.command('k1'), '{"from":"hall"}', { qos: 1 });
    await k1.publishAsync(kioskTopic.commandAck('k1'), '{"after":true}', { qos: 1 });
    await seen.waitFor('halls/h1/onedoor/v1/kiosk/k1/command/ack');
    // Only the retained bridge state and what kiosks wrote: no command (from the hall or from the city) went up.
    expect(seen.messages.filter((m) => m.topic.endsWith('/command'))).toEqual([]);
  });
});
