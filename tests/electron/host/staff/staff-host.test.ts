/**
 * Staff at a composed host: the sample officer's card at the attract screen
 * offers staff sign-in instead of starting a citizen session; staff calls
 * are refused until an officer signed in; out of service survives a restart
 * and stops citizen sessions; nothing staff do leaves a full ID number in
 * the audit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type EventEnvelope } from '../../../../electron/contract';
import { KioskConfig } from '../../../../electron/host/config/schema';
import { createHost, type KioskHost } from '../../../../electron/host/create-host';
import { SANDBOX_OFFICER } from '../../../../electron/host/staff/sandbox-officer';
import { loadSampleCard } from '../../../../drivers/idcard/sample-cards';
import type { RawCardRead } from '../../../../drivers/manager';
import { createFakeDevices } from '../fake-devices';

let dir: string;
const hosts: KioskHost[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'onedoor-staff-host-'));
});
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
  rmSync(dir, { recursive: true, force: true });
});

const call = (method: string, params: unknown = {}) => ({ v: PROTOCOL_VERSION, type: 'call', id: 'r', method, params });
function card(sample: string): RawCardRead {
  const loaded = loadSampleCard(sample);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return { text: loaded.value.text, photo: loaded.value.photo, readAt: new Date() };
}

async function makeHost(options: { a4?: boolean } = {}) {
  const devices = createFakeDevices([]);
  const config = KioskConfig.parse({ simulation: true, printing: { a4: { enabled: options.a4 === true } } });
  const host = createHost(config, {
    logger: pino({ level: 'silent' }),
    devices,
    dataDir: join(dir, 'data'),
    keyDir: join(dir, 'keys'),
    printing: { warmUp: false, simulator: { msPerPage: 0, startDelayMs: 0 } },
  });
  hosts.push(host);
  const events: EventEnvelope[] = [];
  host.onEvent((event) => events.push(event));
  await host.start();
  return { host, devices, events };
}

describe('staff at the kiosk host', () => {
  it('offers the sample officer staff sign-in when their card is placed, and signs them in with the PIN', async () => {
    const { host, devices, events } = await makeHost();
    devices.present(card(SANDBOX_OFFICER.sampleCard));
    expect(events.some((e) => e.event === 'session.started')).toBe(false);
    expect(events.find((e) => e.event === 'staff.changed')?.payload).toMatchObject({
      phase: 'cardChoice',
      officer: { staffNumber: '100234', nameMasked: '王**' },
    });
    expect(await host.dispatch(call('staff.cardChoice', { choice: 'staff' }))).toMatchObject({
      ok: true,
      result: { phase: 'pin', via: 'card' },
    });
    expect(await host.dispatch(call('staff.pin', { pin: SANDBOX_OFFICER.pin }))).toMatchObject({
      ok: true,
      result: { outcome: 'signedIn' },
    });
    expect(host.staff.staffSignedIn()).toEqual({ staffNumber: '100234', nameMasked: '王**' });
    // A card placed while an officer is signed in starts no citizen session.
    devices.present(card('resident-han'));
    expect(events.some((e) => e.event === 'session.started')).toBe(false);
  });

  it('starts the citizen session when the officer chooses their own business', async () => {
    const { host, devices, events } = await makeHost();
    devices.present(card(SANDBOX_OFFICER.sampleCard));
    await host.dispatch(call('staff.cardChoice', { choice: 'citizen' }));
    expect(events.find((e) => e.event === 'session.started')?.payload).toMatchObject({
      identity: { nameMasked: '王**' },
    });
  });

  it('refuses every maintenance call while nobody is signed in', async () => {
    const { host } = await makeHost();
    for (const method of [
      'staff.devices',
      'staff.consumables',
      'staff.journal',
      'staff.dayEnd',
      'staff.reprintLast',
      'staff.diagnose',
    ]) {
      expect(await host.dispatch(call(method))).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect(await host.dispatch(call('staff.setServiceState', { message: '维护中' }))).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(await host.dispatch(call('staff.restartDevice', { deviceId: 'idcard' }))).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
  });

  it('keeps the kiosk out of service across a restart, with no citizen session meanwhile', async () => {
    const first = await makeHost();
    await first.host.dispatch(call('staff.beginWithNumber', { staffNumber: SANDBOX_OFFICER.staffNumber }));
    await first.host.dispatch(call('staff.pin', { pin: SANDBOX_OFFICER.pin }));
    expect(
      await first.host.dispatch(call('staff.setServiceState', { message: '设备维护中，请到3号窗口办理' })),
    ).toMatchObject({
      ok: true,
      result: { outOfService: { message: '设备维护中，请到3号窗口办理', by: 'kiosk' } },
    });
    expect(first.events.find((e) => e.event === 'kiosk.serviceState')?.payload).toMatchObject({
      outOfService: { message: '设备维护中，请到3号窗口办理' },
    });
    await first.host.stop();
    hosts.splice(hosts.indexOf(first.host), 1);

    const { host, devices, events } = await makeHost();
    expect(await host.dispatch(call('kiosk.serviceState'))).toMatchObject({
      ok: true,
      result: { outOfService: { message: '设备维护中，请到3号窗口办理' } },
    });
    devices.present(card('resident-han'));
    expect(events.some((e) => e.event === 'session.started')).toBe(false);
    expect(await host.dispatch(call('session.start', { language: 'zh-CN', elderMode: false }))).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });

    // Back in service from the same screen.
    devices.present(card(SANDBOX_OFFICER.sampleCard));
    await host.dispatch(call('staff.cardChoice', { choice: 'staff' }));
    await host.dispatch(call('staff.pin', { pin: SANDBOX_OFFICER.pin }));
    expect(await host.dispatch(call('staff.setServiceState', { message: null }))).toMatchObject({
      ok: true,
      result: { outOfService: null },
    });
    expect(await host.dispatch(call('session.start', { language: 'zh-CN', elderMode: false }))).toMatchObject({
      ok: true,
    });

    const audit = host.journal.db
      .prepare("SELECT action, subject, coalesce(detail, '') AS detail FROM audit_events WHERE actor = 'staff'")
      .all();
    expect(audit.length).toBeGreaterThan(4);
    expect(JSON.stringify(audit)).not.toMatch(/\d{17}[\dXx]/);
  });

  it('logs a refill and counts the receipt roll from it', async () => {
    const { host } = await makeHost();
    await host.dispatch(call('staff.beginWithNumber', { staffNumber: SANDBOX_OFFICER.staffNumber }));
    await host.dispatch(call('staff.pin', { pin: SANDBOX_OFFICER.pin }));
    const refilled = await host.dispatch(call('staff.refill', { deviceId: 'receiptPrinter', kind: 'receiptPaper' }));
    expect(refilled).toMatchObject({
      ok: true,
      result: {
        consumables: [
          {
            kind: 'receiptPaper',
            deviceId: 'receiptPrinter',
            estimatedLeft: 250,
            capacity: 250,
            state: 'ok',
            lastRefillAt: expect.any(String),
          },
        ],
      },
    });
    expect(host.staff.consumables()).toHaveLength(1);
    expect(await host.dispatch(call('staff.reprintLast'))).toMatchObject({
      ok: true,
      result: { outcome: 'refused', reason: 'noDocumentToday', document: null },
    });
  });

  it('prints an A4 test page without making it the document staff may reprint, and counts the sheet', { timeout: 60_000 }, async () => {
    const { host } = await makeHost({ a4: true });
    await host.dispatch(call('staff.beginWithNumber', { staffNumber: SANDBOX_OFFICER.staffNumber }));
    await host.dispatch(call('staff.pin', { pin: SANDBOX_OFFICER.pin }));
    const a4Id = host.printing.a4Device!.id;
    await host.dispatch(call('staff.refill', { deviceId: a4Id, kind: 'a4Paper' }));
    expect(await host.dispatch(call('staff.testPrint', { target: 'a4' }))).toMatchObject({ ok: true, result: { outcome: 'printed' } });
    expect(host.staff.consumables().find((item) => item.kind === 'a4Paper')).toMatchObject({ estimatedLeft: 249, capacity: 250 });
    expect(await host.dispatch(call('staff.lastDocument'))).toMatchObject({ ok: true, result: { document: null } });
    const audit = host.journal.db.prepare("SELECT subject, detail FROM audit_events WHERE action = 'staff.testPrint'").all();
    expect(audit).toEqual([{ subject: '100234 王** a4', detail: JSON.stringify({ target: 'a4', outcome: 'printed' }) }]);
  });
});
