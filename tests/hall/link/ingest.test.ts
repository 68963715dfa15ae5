import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hallTopic, kioskTopic, KioskCommandMessage, StaffAllowList, type JournalRow } from '../../../electron/contract/hall-link';
import type { HallBroker } from '../../../hall/server/broker/hall-broker';
import type { KioskCredentials } from '../../../hall/server/broker/credentials';
import { startHallLink } from '../../../hall/server/link/hall-link-server';
import type { HallChange, HallLinkServer } from '../../../hall/server/link/types';
import type { HallDb } from '../../../hall/server/store/hall-db';
import { migrateHallDb } from '../../../hall/server/store/migrations';
import { openPgliteDb } from '../../../hall/server/store/pglite-db';
import { openPostgresDb } from '../../../hall/server/store/postgres-db';
import { startLocalPostgres, type LocalPostgres } from '../../../scripts/lib/local-postgres';
import { connectAs, eventually, inbox } from '../broker/mqtt-test-clients';
import * as fx from './fixtures';
import { startHallBrokerOnFreePort } from '../broker/broker-on-free-port';

let postgres: LocalPostgres;
beforeAll(async () => {
  postgres = await startLocalPostgres();
}, 60_000);
afterAll(async () => {
  await postgres?.stop();
});

const engines: Array<[string, () => Promise<HallDb>]> = [
  ['PGlite (embedded)', () => openPgliteDb()],
  ['PostgreSQL server', () => openPostgresDb({ connectionString: postgres.connectionString })],
];

describe.each(engines)('the hall link on %s', (_name, open) => {
  let dir: string;
  let broker: HallBroker;
  let db: HallDb;
  let link: HallLinkServer;
  const kiosks = new Map<string, KioskCredentials>();
  const clients: MqttClient[] = [];
  const changes: HallChange[] = [];

  const startLink = async () => {
    link = await startHallLink({ db, url: broker.url, caPem: broker.caPem, ...broker.hallCredentials });
    link.onChange((c) => changes.push(c));
  };
  const kiosk = async (id: string, extra = {}) => {
    const client = await connectAs(kiosks.get(id) ?? (await broker.addKiosk(id)), extra);
    clients.push(client);
    return client;
  };
  const publish = (client: MqttClient, topic: string, body: unknown, retain = false) =>
    client.publishAsync(topic, typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body), { qos: 1, retain });
  const one = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params)).rows[0];
  const count = async (sql: string, params: unknown[] = []) => (await one<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params))?.n ?? 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'onedoor-hall-link-'));
    broker = await startHallBrokerOnFreePort({ dir });
    for (const id of ['k1', 'k2', 'k3', 'k4', 'k5']) kiosks.set(id, await broker.addKiosk(id));
    db = await open();
    const migrated = await migrateHallDb(db);
    if (!migrated.ok) throw new Error(JSON.stringify(migrated.error));
    await db.exec('TRUNCATE kiosks, alerts, help_calls, supervision, journal_sessions, journal_audit, hall_audit');
    await startLink();
  }, 60_000);

  afterAll(async () => {
    for (const c of clients) c.end(true);
    await link?.stop();
    await broker?.stop();
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores what a kiosk reports on each topic, once, and says what changed', async () => {
    const k1 = await kiosk('k1');
    await publish(k1, kioskTopic.online('k1'), { online: true, at: fx.AT }, true);
    await publish(k1, kioskTopic.status('k1'), fx.status('k1'), true);
    await publish(k1, kioskTopic.alert('k1'), fx.alert('k1', 'a1'));
    await publish(k1, kioskTopic.alert('k1'), fx.alert('k1', 'a1')); // re-sent: still one alert
    await publish(k1, kioskTopic.help('k1'), fx.helpRaised('call-1'));
    await publish(k1, kioskTopic.supervision('k1'), fx.session('sess-1', 'scanId'));
    await publish(k1, kioskTopic.journal('k1'), fx.batch('b0', [fx.sessionRow('r0'), fx.auditRow('r0a')]));
    await publish(k1, kioskTopic.commandAck('k1'), fx.ack('cmd-1'));
    const ackRow = await eventually(() => one<{ detail: { commandId: string; outcome: string } }>(`SELECT detail FROM hall_audit WHERE action = 'kioskCommandAck' AND subject = 'k1'`), 10_000, 'ack stored');
    expect(ackRow.detail).toMatchObject({ commandId: 'cmd-1', outcome: 'done' });
    // The link handles one message at a time, in order: everything before the ack is written.
    const row = await one<{ online: boolean; status: { hallName: string }; last_seen: Date | null }>('SELECT online, status, last_seen FROM kiosks WHERE kiosk_id = $1', ['k1']);
    expect(row).toMatchObject({ online: true, status: { hallName: '城东派出所户籍大厅' } });
    expect(row?.last_seen).not.toBeNull();
    expect(await count(`alerts WHERE kiosk_id = 'k1' AND alert_id = 'a1' AND kind = 'paperLow' AND state = 'open'`)).toBe(1);
    expect(await one(`SELECT kiosk_id, reason, state, step FROM help_calls WHERE call_id = 'call-1'`)).toEqual({ kiosk_id: 'k1', reason: 'button', state: 'waiting', step: 'scanId' });
    expect(await one(`SELECT session->>'step' AS step, session->>'idNumberMasked' AS id FROM supervision WHERE kiosk_id = 'k1'`)).toEqual({ step: 'scanId', id: '4104**********1230' });
    expect(await count(`journal_sessions WHERE kiosk_id = 'k1' AND row_id = 'r0' AND id_number_masked = '4104**********1230'`)).toBe(1);
    expect(await one(`SELECT actor, action, detail FROM journal_audit WHERE kiosk_id = 'k1' AND row_id = 'r0a'`)).toEqual({ actor: 'staff', action: 'reprint', detail: { staff: 'A1**', copies: 1 } });
    const alertId = (await one<{ id: string }>(`SELECT id::text AS id FROM alerts WHERE alert_id = 'a1'`))?.id;
    expect(changes).toEqual(expect.arrayContaining([
      { type: 'kiosk', kioskId: 'k1' },
      { type: 'alert', kioskId: 'k1', id: alertId },
      { type: 'helpCall', kioskId: 'k1', callId: 'call-1' },
      { type: 'supervision', kioskId: 'k1' },
    ]));
    expect(changes.filter((c) => c.type === 'alert')).toHaveLength(1);

    // The call withdrawn, the session ended.
    await publish(k1, kioskTopic.help('k1'), fx.helpWithdrawn('call-1'));
    await publish(k1, kioskTopic.supervision('k1'), fx.sessionEnded('sess-1'));
    await eventually(async () => ((await count(`supervision WHERE kiosk_id = 'k1'`)) === 0 ? true : undefined), 10_000, 'session ended');
    expect(await one(`SELECT state FROM help_calls WHERE call_id = 'call-1'`)).toEqual({ state: 'withdrawn' });
  });

  it("refuses a status naming another kiosk, and a kiosk withdrawing another's help call", async () => {
    const k2 = await kiosk('k2');
    const before = link.stats().rejected;
    await publish(k2, kioskTopic.status('k2'), fx.status('k1', '2026-12-03T10:00:00.000Z'));
    await eventually(async () => (link.stats().rejected === before + 1 ? true : undefined), 10_000, 'status refused');
    expect(await one(`SELECT status->>'at' AS at FROM kiosks WHERE kiosk_id = 'k1'`)).toEqual({ at: fx.AT });
    await publish(k2, kioskTopic.help('k2'), fx.helpRaised('call-2'));
    await publish((await kiosk('k1')), kioskTopic.help('k1'), fx.helpRaised('call-1b'));
    await publish(k2, kioskTopic.help('k2'), fx.helpWithdrawn('call-1b'));
    await publish(k2, kioskTopic.commandAck('k2'), fx.ack('sync'));
    await eventually(() => one(`SELECT 1 AS x FROM hall_audit WHERE subject = 'k2' AND detail->>'commandId' = 'sync'`), 10_000, 'k2 done');
    expect(await one(`SELECT state FROM help_calls WHERE call_id = 'call-1b'`)).toEqual({ state: 'waiting' });
  });

  it('stores a re-sent journal batch once', async () => {
    const k2 = await kiosk('k2');
    const before = link.stats();
    const rows: JournalRow[] = Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? fx.auditRow(`a${i}`) : fx.sessionRow(`s${i}`)));
    await publish(k2, kioskTopic.journal('k2'), fx.batch('b1', rows.slice(0, 30)));
    await publish(k2, kioskTopic.journal('k2'), fx.batch('b1', rows.slice(0, 30))); // no PUBACK seen: sent again
    await publish(k2, kioskTopic.journal('k2'), fx.batch('b2', [...rows.slice(20), rows[25]!])); // overlaps, and repeats a row inside
    await eventually(async () => (link.stats().received >= before.received + 3 && link.stats().journalRowsStored >= before.journalRowsStored + 40 ? true : undefined), 10_000, 'journal stored');
    expect((await count(`journal_sessions WHERE kiosk_id = 'k2'`)) + (await count(`journal_audit WHERE kiosk_id = 'k2'`))).toBe(40);
    const after = link.stats();
    expect(after.journalRowsStored - before.journalRowsStored).toBe(40);
    expect(after.duplicatesIgnored - before.duplicatesIgnored).toBe(30 + 11 + 1 - 1);
  });

  it('drops and counts garbage, oversize and hostile payloads, and keeps serving', async () => {
    const k3 = await kiosk('k3');
    const before = link.stats().rejected;
    const hostile: Array<[string, string | Buffer]> = [
      [kioskTopic.status('k3'), 'not json {'],
      [kioskTopic.online('k3'), JSON.stringify({ online: 'yes' })],
      [kioskTopic.journal('k3'), JSON.stringify({ batchId: 'x', rows: [{ type: 'session', rowId: 1 }] })],
      [kioskTopic.alert('k3'), '['.repeat(100_000)],
      [kioskTopic.help('k3'), JSON.stringify({ type: 'raised', callId: 'x'.repeat(600_000) })],
      [kioskTopic.journal('k3'), JSON.stringify(fx.batch('nul', [{ ...fx.auditRow('z'), subject: 'a\u0000b' }]))],
      [kioskTopic.journal('k3'), JSON.stringify(fx.batch('sur', [{ ...fx.auditRow('y'), detail: { bad: '\ud800' } }]))],
      [kioskTopic.supervision('k3'), Buffer.from([0xff, 0xfe, 0x00, 0x01])],
    ];
    for (const [topic, body] of hostile) await publish(k3, topic, body);
    await eventually(async () => (link.stats().rejected === before + hostile.length ? true : undefined), 10_000, 'all refused');
    // Larger than the broker takes: the broker drops the sender; the hall never sees it.
    const k4 = await kiosk('k4');
    const closed = new Promise<void>((resolve) => k4.once('close', () => resolve()));
    k4.publish(kioskTopic.journal('k4'), Buffer.alloc(2 * 1024 * 1024, 0x20), { qos: 1 });
    await closed;
    // Still serving, and nothing of the above was stored.
    await publish(k3, kioskTopic.online('k3'), { online: true });
    await eventually(() => one(`SELECT online FROM kiosks WHERE kiosk_id = 'k3' AND online`), 10_000, 'k3 online');
    expect(await count(`journal_audit WHERE kiosk_id = 'k3'`)).toBe(0);
    expect(await count(`journal_sessions WHERE kiosk_id IN ('k3', 'k4')`)).toBe(0);
    expect(link.stats().rejected).toBe(before + hostile.length);
  });

  it('sends commands to an online kiosk, refuses session commands to an offline one, and queues out-of-service', async () => {
    const k1 = await kiosk('k1');
    const got = inbox(k1);
    await k1.subscribeAsync(kioskTopic.command('k1'), { qos: 1 });
    const sent = await link.sendCommand('k1', { type: 'hint', text: '请把身份证放在感应区' }, { username: 'wang', role: 'officer' });
    if (!sent.ok) throw new Error(sent.error);
    const message = KioskCommandMessage.parse(JSON.parse(await got.waitFor(kioskTopic.command('k1'))));
    expect(message).toMatchObject({ commandId: sent.value.commandId, by: { username: 'wang', role: 'officer' }, command: { type: 'hint', text: '请把身份证放在感应区' } });
    expect(await one(`SELECT username, subject FROM hall_audit WHERE action = 'kioskCommand' AND detail->>'commandId' = $1`, [sent.value.commandId])).toEqual({ username: 'wang', subject: 'k1' });
    expect(await link.sendCommand('k1', { type: 'moreTime', seconds: 5 }, { username: 'wang', role: 'officer' })).toEqual({ ok: false, error: 'invalid' });
    expect(await link.sendCommand('k1/#', { type: 'endSession' }, { username: 'wang', role: 'officer' })).toEqual({ ok: false, error: 'invalid' });

    // k5: a kiosk with a persistent session that is now offline.
    const first = await kiosk('k5', { clientId: 'kiosk-k5', clean: false, properties: { sessionExpiryInterval: 3600 } });
    await first.subscribeAsync(kioskTopic.command('k5'), { qos: 1 });
    await first.endAsync();
    expect(await link.sendCommand('k5', { type: 'endSession' }, { username: 'wang', role: 'officer' })).toEqual({ ok: false, error: 'kioskOffline' });
    const out = await link.sendCommand('k5', { type: 'outOfService', message: '设备维护中，请到窗口办理' }, { username: 'li', role: 'supervisor' });
    expect(out.ok).toBe(true);
    const back = await kiosk('k5', { clientId: 'kiosk-k5', clean: false, properties: { sessionExpiryInterval: 3600 } });
    const queued = KioskCommandMessage.parse(JSON.parse(await inbox(back).waitFor(kioskTopic.command('k5'))));
    expect(queued.command).toEqual({ type: 'outOfService', message: '设备维护中，请到窗口办理' });
  });

  it('publishes the staff allow-list retained, for kiosks that connect later', async () => {
    await link.publishAllowList(fx.allowList(7));
    const k2 = await kiosk('k2');
    const got = inbox(k2);
    await k2.subscribeAsync(hallTopic.staff, { qos: 1 });
    expect(StaffAllowList.parse(JSON.parse(await got.waitFor(hallTopic.staff))).version).toBe(7);
    await expect(link.publishAllowList({ ...fx.allowList(8), version: -1 })).rejects.toThrow(/allow-list/);
  });

  it("marks a kiosk offline through its last will when its connection dies", async () => {
    const k4 = await kiosk('k4', { keepalive: 2, will: { topic: kioskTopic.online('k4'), payload: Buffer.from(JSON.stringify({ online: false })), retain: true, qos: 1 } });
    await publish(k4, kioskTopic.online('k4'), { online: true }, true);
    await eventually(() => one(`SELECT 1 AS x FROM kiosks WHERE kiosk_id = 'k4' AND online`), 10_000, 'k4 online');
    k4.options.reconnectPeriod = 0;
    k4.stream.destroy(); // the network cable, not a clean DISCONNECT
    // Mosquitto gives up after 1.5 × keep-alive (3 s); generous deadline for a loaded machine.
    await eventually(() => one(`SELECT 1 AS x FROM kiosks WHERE kiosk_id = 'k4' AND NOT online`), 15_000, 'k4 offline');
  });

  it('receives every journal row sent while the hall server was down, exactly once', async () => {
    await link.stop();
    const k3 = await kiosk('k3');
    for (let b = 0; b < 20; b += 1) {
      const rows = Array.from({ length: 25 }, (_, i) => fx.sessionRow(`down-${b}-${i}`));
      await publish(k3, kioskTopic.journal('k3'), fx.batch(`down-${b}`, rows));
    }
    await startLink();
    await eventually(async () => ((await count(`journal_sessions WHERE kiosk_id = 'k3' AND row_id LIKE 'down-%'`)) === 500 ? true : undefined), 20_000, '500 rows');
    await publish(k3, kioskTopic.commandAck('k3'), fx.ack('after'));
    await eventually(() => one(`SELECT 1 AS x FROM hall_audit WHERE subject = 'k3' AND detail->>'commandId' = 'after'`), 10_000, 'k3 after');
    expect(await count(`journal_sessions WHERE kiosk_id = 'k3' AND row_id LIKE 'down-%'`)).toBe(500);
    expect(link.stats().journalRowsStored).toBe(500);
  }, 40_000);
});
