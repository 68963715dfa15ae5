import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskTopic } from '../../../electron/contract/hall-link';
import { proxyTopic } from '../../../electron/contract/proxy';
import { startHallBroker, type HallBroker } from '../../../hall/server/broker/hall-broker';
import type { KioskCredentials } from '../../../hall/server/broker/credentials';
import { kioskCommand } from '../../../hall/server/broker/kiosk-cli';
import { ensureBrokerPki } from '../../../hall/server/broker/pki';
import { readBrokerRuntime } from '../../../hall/server/broker/runtime-file';
import { freePort } from '../../../scripts/lib/local-postgres';
import { connectAs, inbox } from './mqtt-test-clients';

let dir: string;
let port: number;
let broker: HallBroker;
let k1: KioskCredentials;
let k2: KioskCredentials;
const clients: MqttClient[] = [];
const track = (c: MqttClient) => {
  clients.push(c);
  return c;
};
const hallLogin = () => ({ url: broker.url, caPem: broker.caPem, ...broker.hallCredentials });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'onedoor-hall-broker-'));
  port = await freePort();
  broker = await startHallBroker({ dir, port });
  k1 = await broker.addKiosk('k1');
  k2 = await broker.addKiosk('k2');
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.end(true);
  await broker?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the hall broker (mosquitto, TLS, passwords, ACL)', () => {
  it('gives each kiosk its own credential file, readable by its owner only', () => {
    expect(k1).toMatchObject({ kioskId: 'k1', username: 'k1', url: `mqtts://127.0.0.1:${port}` });
    expect(k1.password).not.toBe(k2.password);
    expect(k1.caPem).toBe(broker.caPem);
    expect(statSync(join(dir, 'kiosks', 'k1.json')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'ca.key')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'server.key')).mode & 0o777).toBe(0o600);
  });

  it("refuses a kiosk's message under another kiosk's id (PUBACK 0x87) and delivers its own", async () => {
    const hall = track(await connectAs(hallLogin()));
    const seen = inbox(hall);
    await hall.subscribeAsync('onedoor/v1/kiosk/#', { qos: 1 });
    const kiosk1 = track(await connectAs(k1));
    const forged = kiosk1.publishAsync(kioskTopic.status('k2'), '{"forged":true}', { qos: 1 });
    await expect(forged).rejects.toMatchObject({ code: 0x87 });
    await kiosk1.publishAsync(kioskTopic.status('k1'), '{"own":true}', { qos: 1 });
    expect(await seen.waitFor(kioskTopic.status('k1'))).toBe('{"own":true}');
    // The broker delivers in order: had the forged message passed, it would be here already.
    expect(seen.messages.filter((m) => m.topic === kioskTopic.status('k2'))).toEqual([]);
  });

  it("never delivers one kiosk's commands to another, even when it subscribes to them", async () => {
    const kiosk1 = track(await connectAs(k1));
    const kiosk2 = track(await connectAs(k2));
    const got1 = inbox(kiosk1);
    const got2 = inbox(kiosk2);
    // Mosquitto 2.0 grants this SUBACK and filters each delivery by the read ACL; a refusal code would do as well.
    const grants = await kiosk1.subscribeAsync([kioskTopic.command('k2'), 'onedoor/v1/kiosk/+/command', kioskTopic.command('k1')], { qos: 1 });
    expect(grants).toHaveLength(3);
    await kiosk2.subscribeAsync(kioskTopic.command('k2'), { qos: 1 });
    const hall = track(await connectAs(hallLogin()));
    await hall.publishAsync(kioskTopic.command('k2'), 'for k2', { qos: 1 });
    await hall.publishAsync(kioskTopic.command('k1'), 'for k1', { qos: 1 });
    expect(await got2.waitFor(kioskTopic.command('k2'))).toBe('for k2');
    expect(await got1.waitFor(kioskTopic.command('k1'))).toBe('for k1');
    // (Twice: its two matching subscriptions each get a copy.) Never k2's.
    expect(new Set(got1.messages.map((m) => m.body))).toEqual(new Set(['for k1']));
  });

  it('lets a kiosk publish only its own topics, not the hall-wide ones', async () => {
    const kiosk1 = track(await connectAs(k1));
    await expect(kiosk1.publishAsync('onedoor/v1/hall/staff', '{}', { qos: 1 })).rejects.toMatchObject({ code: 0x87 });
    await expect(kiosk1.publishAsync(kioskTopic.command('k1'), '{}', { qos: 1 })).rejects.toMatchObject({ code: 0x87 });
    await expect(kiosk1.publishAsync(kioskTopic.commandAck('k1'), '{}', { qos: 1 })).resolves.toBeDefined();
  });

  it("lets a kiosk write its own proxy topic, not another's, and read only its own proxy answers", async () => {
    const kiosk1 = track(await connectAs(k1));
    const kiosk2 = track(await connectAs(k2));
    await expect(kiosk1.publishAsync(proxyTopic.up('k1'), '{}', { qos: 1 })).resolves.toBeDefined();
    await expect(kiosk1.publishAsync(proxyTopic.up('k2'), '{}', { qos: 1 })).rejects.toMatchObject({ code: 0x87 });
    // The answers are the hall's to write.
    await expect(kiosk1.publishAsync(proxyTopic.down('k1'), '{}', { qos: 1 })).rejects.toMatchObject({ code: 0x87 });
    const got1 = inbox(kiosk1);
    const got2 = inbox(kiosk2);
    await kiosk1.subscribeAsync(proxyTopic.down('k1'), { qos: 1 });
    await kiosk2.subscribeAsync([proxyTopic.down('k1'), 'onedoor/v1/kiosk/+/proxy/down', proxyTopic.down('k2')], { qos: 1 });
    const hall = track(await connectAs(hallLogin()));
    await hall.publishAsync(proxyTopic.down('k1'), 'for k1', { qos: 1 });
    await hall.publishAsync(proxyTopic.down('k2'), 'for k2', { qos: 1 });
    expect(await got1.waitFor(proxyTopic.down('k1'))).toBe('for k1');
    expect(await got2.waitFor(proxyTopic.down('k2'))).toBe('for k2');
    expect(new Set(got2.messages.map((m) => m.body))).toEqual(new Set(['for k2']));
  });

  it('refuses a wrong password, a connection without TLS and a server it cannot verify', async () => {
    await expect(connectAs({ ...k1, password: `${k1.password}x` })).rejects.toMatchObject({ code: expect.any(Number) });
    await expect(connectAs({ ...k1, username: 'k2' })).rejects.toMatchObject({ code: expect.any(Number) });
    await expect(connectAs({ ...k1, url: `mqtt://127.0.0.1:${port}` })).rejects.toBeInstanceOf(Error);
    const otherDir = mkdtempSync(join(tmpdir(), 'onedoor-other-ca-'));
    try {
      const other = ensureBrokerPki(otherDir);
      if (!other.ok) throw new Error(other.error);
      await expect(connectAs({ ...k1, caPem: other.value.caPem })).rejects.toThrow(/certificate/i);
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('withdraws a removed kiosk at once, and refuses "hall" as a kiosk id', async () => {
    const k3 = await broker.addKiosk('k3');
    track(await connectAs(k3));
    await broker.removeKiosk('k3');
    await expect(connectAs(k3)).rejects.toMatchObject({ code: expect.any(Number) });
    expect(broker.listKiosks().map((k) => k.kioskId)).toEqual(['k1', 'k2']);
    await expect(broker.addKiosk('hall')).rejects.toThrow(/hall/);
    await expect(broker.addKiosk('k/#')).rejects.toThrow(/kiosk id/);
  });

  it('adds a kiosk from the CLI while the broker runs (it reloads), and says where the file is', async () => {
    const out: string[] = [];
    const errors: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => errors.push(t) };
    expect(await kioskCommand(['kiosk', 'add', 'k4'], { dir, io })).toBe(0);
    expect(out.join('\n')).toContain(join(dir, 'kiosks', 'k4.json'));
    const k4 = broker.listKiosks().find((k) => k.kioskId === 'k4');
    expect(k4?.url).toBe(`mqtts://127.0.0.1:${port}`);
    if (!k4) throw new Error('k4 missing');
    track(await connectAs(k4)); // accepted without a broker restart
    out.length = 0;
    expect(await kioskCommand(['kiosk', 'list'], { dir, io })).toBe(0);
    expect(out.map((l) => l.split('\t')[0])).toEqual(['k1', 'k2', 'k4']);
    expect(out.join('\n')).not.toContain(k4.password);
    expect(await kioskCommand(['kiosk', 'add', 'bad id'], { dir, io })).toBe(64);
    expect(errors.join('\n')).toMatch(/自助机编号 "bad id" 无效.*Kiosk id "bad id" is not valid/);
    expect(await kioskCommand(['kiosk', 'remove', 'nobody'], { dir, io })).toBe(64);
    expect(await kioskCommand(['kiosk', 'remove', 'k4'], { dir, io })).toBe(0);
    expect(await kioskCommand(['kiosk'], { dir, io })).toBe(64);
  });

  it('says plainly when its port is taken', async () => {
    const blocker = createServer();
    const taken = await freePort();
    await new Promise<void>((resolve) => blocker.listen(taken, '127.0.0.1', resolve));
    const otherDir = mkdtempSync(join(tmpdir(), 'onedoor-hall-broker-busy-'));
    try {
      await expect(startHallBroker({ dir: otherDir, port: taken })).rejects.toThrow(`the hall broker cannot listen on 127.0.0.1:${taken}: the port is in use`);
    } finally {
      blocker.close();
      rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('names the left-over broker when an earlier one still holds the port', async () => {
    const pid = readBrokerRuntime(dir)?.pid;
    await expect(startHallBroker({ dir, port })).rejects.toThrow(`the port is in use by an earlier hall broker (mosquitto, pid ${pid})`);
  });

  it('keeps every credential across a restart', async () => {
    const hallBefore = broker.hallCredentials;
    await broker.stop();
    broker = await startHallBroker({ dir, port });
    expect(broker.hallCredentials).toEqual(hallBefore);
    expect(broker.caPem).toBe(k1.caPem);
    track(await connectAs(k1));
    track(await connectAs(hallLogin()));
    expect(await broker.addKiosk('k1')).toEqual(k1);
  }, 30_000);

  it('tells the kiosks a new port in their credential files after a restart, keeping their passwords', async () => {
    await broker.stop();
    const newPort = await freePort();
    broker = await startHallBroker({ dir, port: newPort });
    const moved = broker.listKiosks().find((k) => k.kioskId === 'k1');
    expect(moved).toEqual({ ...k1, url: `mqtts://127.0.0.1:${newPort}` });
    if (moved) track(await connectAs(moved));
  }, 30_000);
});
