import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProxyDown, proxyTopic } from '../../../electron/contract/proxy';
import type { KioskCredentials } from '../../../hall/server/broker/credentials';
import type { HallBroker } from '../../../hall/server/broker/hall-broker';
import { startHallLink } from '../../../hall/server/link/hall-link-server';
import type { HallLinkServer } from '../../../hall/server/link/types';
import { createProxyCaseStore } from '../../../hall/server/proxy/cases/case-store';
import { createProxyCaseRegistry, type ProxyCaseRegistryService } from '../../../hall/server/proxy/cases/registry';
import { createKioskProxyLink, type KioskProxyLink } from '../../../hall/server/proxy/kiosk-proxy-link';
import { createSandboxSms } from '../../../hall/server/proxy/sms/sandbox-sms';
import type { HallDb } from '../../../hall/server/store/hall-db';
import { migrateHallDb } from '../../../hall/server/store/migrations';
import { openPgliteDb } from '../../../hall/server/store/pglite-db';
import { connectAs, eventually, inbox } from '../broker/mqtt-test-clients';
import { PRINCIPAL_ID, openMessage } from './fixtures';
import { startHallBrokerOnFreePort } from '../broker/broker-on-free-port';

/**
 * The kiosks' proxy topics end to end on a real hall broker (Mosquitto, TLS,
 * passwords, the hall's ACL): kiosk → broker → hall link → registry →
 * broker → kiosk, with the cases written to PGlite.
 */
let dir: string;
let broker: HallBroker;
let db: HallDb;
let hallLink: HallLinkServer;
let proxyLink: KioskProxyLink;
let registry: ProxyCaseRegistryService;
let k1: KioskCredentials;
let k2: KioskCredentials;
const clients: MqttClient[] = [];
const logs: string[] = [];

async function kiosk(credentials: KioskCredentials) {
  const client = await connectAs(credentials);
  clients.push(client);
  const got = inbox(client);
  await client.subscribeAsync(proxyTopic.down(credentials.kioskId), { qos: 1 });
  const down = () => got.messages.filter((m) => m.topic === proxyTopic.down(credentials.kioskId)).map((m) => ProxyDown.parse(JSON.parse(m.body)));
  return { client, down };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'onedoor-proxy-link-'));
  broker = await startHallBrokerOnFreePort({ dir });
  k1 = await broker.addKiosk('k1');
  k2 = await broker.addKiosk('k2');
  db = await openPgliteDb();
  const migrated = await migrateHallDb(db);
  if (!migrated.ok) throw new Error(JSON.stringify(migrated.error));
  proxyLink = createKioskProxyLink({ publish: (topic, payload) => hallLink.publishProxy(topic, payload), log: (line) => logs.push(line) });
  registry = createProxyCaseRegistry({
    hallName: '测试大厅',
    timeZone: 'Asia/Shanghai',
    phonePublicUrl: 'https://127.0.0.1:8751',
    proxyServiceIds: ['no-criminal-record'],
    turn: { secret: null, urls: [], stunUrls: [], ttlSeconds: 600 },
    sms: createSandboxSms(),
    store: createProxyCaseStore(db, (line) => logs.push(line)),
    toKiosk: (kioskId, message) => proxyLink.send(kioskId, message),
    log: (line) => logs.push(line),
  });
  proxyLink.connect(registry.fromKiosk);
  hallLink = await startHallLink({ db, url: broker.url, caPem: broker.caPem, ...broker.hallCredentials, onProxyMessage: (topic, payload) => void proxyLink.receive(topic, payload) });
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.end(true);
  await registry?.close();
  await hallLink?.stop();
  await broker?.stop();
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the kiosks' proxy topics on the hall broker", () => {
  it('answers a kiosk that opens a case with opened on its own down topic, and stores the case masked', async () => {
    const one = await kiosk(k1);
    await one.client.publishAsync(proxyTopic.up('k1'), JSON.stringify(openMessage()), { qos: 1 });
    const answer = await eventually(async () => one.down().find((m) => m.type === 'opened'), 15_000, 'opened');
    expect(answer).toMatchObject({ type: 'opened', requestId: 'req-00000001', sms: 'sent', iceServers: [], case: { kioskId: 'k1', state: 'invited' } });
    // The hall link saw the proxy topic and left it alone: nothing refused, nothing stored as a kiosk record.
    expect(hallLink.stats().rejected).toBe(0);
    const row = await eventually(async () => {
      const { rows } = await db.query('SELECT * FROM proxy_cases');
      return rows[0];
    }, 10_000, 'the case row');
    expect(row).toMatchObject({ kiosk_id: 'k1', service_id: 'no-criminal-record', state: 'invited', principal_id_masked: '4104**********4564', agent_id_masked: '4104**********1238', agent_name_masked: '张*' });
    expect(JSON.stringify(row)).not.toContain(PRINCIPAL_ID);
    expect(JSON.stringify(row)).not.toContain('13812345678');
  });

  it("gives another kiosk nothing of k1's case, and lets it act on none of it", async () => {
    const caseId = registry.list('open').find((c) => c.kioskId === 'k1')?.caseId;
    if (!caseId) throw new Error('no case of k1');
    const two = await kiosk(k2);
    await two.client.publishAsync(proxyTopic.up('k2'), JSON.stringify({ type: 'cancel', caseId, reason: 'agentCancelled' }), { qos: 1 });
    await two.client.publishAsync(proxyTopic.up('k2'), JSON.stringify({ type: 'signal', caseId, to: 'console', body: { kind: 'hello' } }), { qos: 1 });
    // Publishing on k1's topic is refused by the broker (PUBACK 0x87: not authorised).
    await expect(two.client.publishAsync(proxyTopic.up('k1'), JSON.stringify({ type: 'cancel', caseId, reason: 'agentCancelled' }), { qos: 1 })).rejects.toMatchObject({ code: 0x87 });
    // A message from k2 after those: once it is answered, the earlier ones were handled.
    await two.client.publishAsync(proxyTopic.up('k2'), JSON.stringify(openMessage({ requestId: 'req-k2-0001', serviceId: 'passport-photo' })), { qos: 1 });
    await eventually(async () => two.down().find((m) => m.type === 'openRefused'), 15_000, "k2's refusal");
    expect(registry.list('open').find((c) => c.caseId === caseId)).toMatchObject({ state: 'invited' });
    expect(two.down()).toEqual([{ type: 'openRefused', requestId: 'req-k2-0001', reason: 'serviceNotProxyAllowed' }]);
    expect(logs.join('\n')).toContain('kiosk k2 spoke about a case that is not its live one');
  });

  it("never delivers k1's proxy answers to k2, even when k2 subscribes to them", async () => {
    const spy = await connectAs(k2);
    clients.push(spy);
    const got = inbox(spy);
    await spy.subscribeAsync([proxyTopic.down('k1'), 'onedoor/v1/kiosk/+/proxy/down'], { qos: 1 });
    const one = await kiosk(k1);
    const caseId = registry.list('open').find((c) => c.kioskId === 'k1')?.caseId;
    if (!caseId) throw new Error('no case of k1');
    await one.client.publishAsync(proxyTopic.up('k1'), JSON.stringify({ type: 'cancel', caseId, reason: 'agentCancelled' }), { qos: 1 });
    const ended = await eventually(async () => one.down().find((m) => m.type === 'case' && m.case.state === 'dropped'), 15_000, "k1's case dropped");
    expect(ended).toMatchObject({ case: { endReason: 'agentCancelled' } });
    expect(got.messages.filter((m) => m.topic.includes('/k1/'))).toEqual([]);
  });

  it('drops a payload that is not a proxy message, counted, without stopping the link', async () => {
    const one = await kiosk(k1);
    const before = proxyLink.stats().refused;
    await one.client.publishAsync(proxyTopic.up('k1'), '{"type":"open","requestId":"x"}', { qos: 1 });
    await one.client.publishAsync(proxyTopic.up('k1'), 'not json', { qos: 1 });
    await eventually(async () => (proxyLink.stats().refused === before + 2 ? true : undefined), 10_000, 'both refused');
    expect(hallLink.stats().rejected).toBe(0);
  });
});
