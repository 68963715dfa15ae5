/**
 * The maintenance screen's checks and restarts at a composed host: every
 * check the device CLI offers an installer (`a4 status`, `idcard samid`,
 * `fingerprint info`, `endorsement readers`, `payment check`, `hall check`,
 * the devices' states) runs from the screen, with its result worded by a
 * `staff.check.*` key; the A4 printer's "restart" asks its CUPS queue again;
 * a camera's is the screen's to do; an unknown device is said so.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PROTOCOL_VERSION, type DiagnosticCheck } from '../../../../electron/contract';
import { KioskConfig } from '../../../../electron/host/config/schema';
import { createHost, type KioskHost } from '../../../../electron/host/create-host';
import { createMaintenance } from '../../../../electron/host/staff/maintenance';
import { SANDBOX_OFFICER } from '../../../../electron/host/staff/sandbox-officer';
import type { DocumentService } from '../../../../electron/host/issued/document-service';
import type { StaffJournal } from '../../../../electron/host/staff/staff-journal';
import { createFakeDevices } from '../fake-devices';
import { probeDevice } from '../../../../electron/host/staff/device-probes';
import { hallDiagnostic } from '../../../../electron/host/staff/hall-diagnostic';
import { checkHall } from '../../../../electron/host/hall-link/check';
import { ok } from '../../../../domain/result';
import { freePort } from '../../../../scripts/lib/local-postgres';

let dir: string;
let closedPort: number;
let host: KioskHost | undefined;
beforeEach(async () => {
  closedPort = await freePort();
  dir = mkdtempSync(join(tmpdir(), 'onedoor-staff-maint-'));
});
afterEach(async () => {
  await host?.stop();
  host = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const call = (method: string, params: unknown = {}) => ({ v: PROTOCOL_VERSION, type: 'call', id: 'r', method, params });

async function signedInHost(): Promise<KioskHost> {
  const config = KioskConfig.parse({ simulation: true, printing: { a4: { enabled: true } } });
  host = createHost(config, {
    logger: pino({ level: 'silent' }),
    devices: createFakeDevices([]),
    dataDir: join(dir, 'data'),
    keyDir: join(dir, 'keys'),
    printing: { warmUp: false, simulator: { msPerPage: 0, startDelayMs: 0 } },
  });
  await host.start();
  await host.dispatch(call('staff.beginWithNumber', { staffNumber: SANDBOX_OFFICER.staffNumber }));
  expect(await host.dispatch(call('staff.pin', { pin: SANDBOX_OFFICER.pin }))).toMatchObject({ result: { outcome: 'signedIn' } });
  return host;
}

describe('diagnostics and restarts from the maintenance screen', () => {
  it('runs the CLI\'s a4 status and payment check on screen, each worded', async () => {
    const kiosk = await signedInHost();
    const answer = (await kiosk.dispatch(call('staff.diagnose'))) as { ok: true; result: { checks: DiagnosticCheck[] } };
    expect(answer.ok).toBe(true);
    const a4 = answer.result.checks.find((check) => check.kind === 'a4Printer');
    expect(a4).toMatchObject({ ok: true, summaryKey: 'staff.check.a4Ready' });
    // The CLI's own lines for `a4 status`.
    expect(a4?.lines).toEqual(expect.arrayContaining([expect.stringMatching(/^queue onedoor-a4 on simulated: idle/), '可以打印 / ready to print']));
    const payment = answer.result.checks.find((check) => check.kind === 'payment');
    expect(payment).toMatchObject({ deviceId: 'payment', ok: true, summaryKey: 'staff.check.paymentOk' });
    expect(payment?.lines[0]).toMatch(/^payment service sandbox \(embedded\): ok, signature verified; statement \d{4}-\d{2}-\d{2}: 0 orders/);
  });

  it('runs the CLI\'s idcard samid, fingerprint info, endorsement readers and hall check on screen at a simulated kiosk', async () => {
    const config = KioskConfig.parse({ simulation: true });
    host = createHost(config, { logger: pino({ level: 'silent' }), dataDir: join(dir, 'data'), keyDir: join(dir, 'keys'), printing: { warmUp: false } });
    await host.start();
    await host.dispatch(call('staff.beginWithNumber', { staffNumber: SANDBOX_OFFICER.staffNumber }));
    await host.dispatch(call('staff.pin', { pin: SANDBOX_OFFICER.pin }));
    const kiosk = host;
    // The simulated devices come up after the host: diagnose until each has answered once.
    const checks = await vi.waitFor(async () => {
      const answer = (await kiosk.dispatch(call('staff.diagnose'))) as { ok: true; result: { checks: DiagnosticCheck[] } };
      const found = answer.result.checks;
      expect(found.filter((check) => ['idcard', 'fingerprint', 'endorsementWriter'].includes(check.kind)).every((check) => check.ok)).toBe(true);
      return found;
    }, { timeout: 20_000, interval: 200 });
    const byKind = (kind: string) => checks.find((check) => check.kind === kind);
    expect(byKind('idcard')).toMatchObject({ ok: true, summaryKey: 'staff.check.idcardReady' });
    expect(byKind('idcard')?.lines).toEqual(expect.arrayContaining([expect.stringMatching(/^SAM ID \d{2}\.\d{2}-\d{8}-\d{10}-\d{10}$/)]));
    expect(byKind('fingerprint')).toMatchObject({ ok: true, summaryKey: 'staff.check.fingerprintReady' });
    expect(byKind('fingerprint')?.lines).toEqual(expect.arrayContaining([expect.stringMatching(/^FP-HID v\d+, firmware .+, sensor \d+×\d+ at \d+ dpi, serial /)]));
    expect(byKind('endorsementWriter')).toMatchObject({ ok: true, summaryKey: 'staff.check.endorsementReady' });
    // No hall configured: said, and not a fault (the kiosk works alone).
    expect(byKind('hall')).toMatchObject({ deviceId: 'hall', ok: true, summaryKey: 'staff.check.hallNotConfigured' });
  });

  it('re-probes the A4 printer\'s queue for its restart, and says a device is not found', async () => {
    const kiosk = await signedInHost();
    const a4 = (kiosk.staff.consumables().find((c) => c.kind === 'a4Paper')?.deviceId) ?? 'a4Printer';
    expect(await kiosk.dispatch(call('staff.restartDevice', { deviceId: a4 }))).toMatchObject({ ok: true, result: { outcome: 'reprobed' } });
    expect(await kiosk.dispatch(call('staff.restartDevice', { deviceId: 'nothing-here' }))).toMatchObject({ ok: true, result: { outcome: 'unknownDevice' } });
  });
});

describe('maintenance without a host', () => {
  const base = {
    kioskId: 'T-01',
    timeZone: 'Asia/Shanghai',
    now: () => new Date('2026-12-03T02:00:00Z'),
    devices: () => [],
    device: () => undefined,
    receiptPrinter: () => undefined,
    paperWidthMm: 80 as const,
    documents: {} as DocumentService,
    journal: {} as StaffJournal,
  };

  it('answers a camera\'s restart as the screen\'s to do, and says a CUPS failure in zh-CN and English', async () => {
    let probed = 0;
    const maintenance = createMaintenance({
      ...base,
      devices: () => [{ id: 'a4Printer', kind: 'a4Printer', state: 'online', simulated: false, since: '2026-12-03T02:00:00.000Z' } as never],
      cameraIds: ['faceCamera'],
      a4: {
        id: 'a4Printer',
        check: async () => ({ ready: false, problem: 'cupsUnavailable', lines: ['queue onedoor-a4 on localhost', '打印服务不可用 / print service unavailable'] }),
        reprobe: async () => void probed++,
      },
      payment: async () => { throw new Error('boom'); },
    });
    expect(await maintenance.restart('faceCamera')).toBe('checkOnScreen');
    expect(await maintenance.restart('a4Printer')).toBe('reprobed');
    expect(probed).toBe(1);
    const checks = await maintenance.diagnose();
    expect(checks[0]).toMatchObject({ deviceId: 'a4Printer', ok: false, summaryKey: 'staff.check.a4NotReady' });
    expect(checks[1]).toMatchObject({ deviceId: 'payment', ok: false, summaryKey: 'staff.check.paymentFailed', lines: ['payment check failed: boom'] });
  });

  it('says an ID card reader that does not answer, a writer whose reader pcscd does not list, and a hall nothing answers for', async () => {
    const status = (id: string, kind: string) => ({ id, kind, state: 'online', simulated: false, messageKey: 'devices.state.online', since: '2026-12-03T02:00:00.000Z' }) as never;
    const reader = { id: 'idcard', kind: 'idcard', samId: async () => ({ ok: false, error: { kind: 'timeout', message: 'no answer in 500 ms' } }) };
    const writer = { id: 'endorsementWriter', kind: 'endorsementWriter', readers: async () => ({ ok: true, value: ['Generic USB Reader 00 00'] }) };
    const devices = new Map<string, unknown>([['idcard', reader], ['endorsementWriter', writer]]);
    const maintenance = createMaintenance({
      ...base,
      devices: () => [status('idcard', 'idcard'), status('endorsementWriter', 'endorsementWriter')],
      probe: (s) => probeDevice(s, devices.get(s.id) as never, { endorsementReader: 'ACS ACR1281' }),
      // The CLI's own check against a port nothing listens on.
      hall: async () =>
        hallDiagnostic({
          kioskId: 'T-01',
          timeZone: 'Asia/Shanghai',
          settings: () => ok({ url: `mqtt://127.0.0.1:${closedPort}`, username: 'T-01', password: 'x', caPem: null, statusIntervalSeconds: 10, keepaliveSeconds: 10, source: null, staffIdKey: null }),
          check: (kioskId, settings) => checkHall(kioskId, settings, { timeoutMs: 5000 }),
          link: () => ({ state: () => 'offline', lastContact: () => null }),
        }),
    });
    const checks = await maintenance.diagnose();
    expect(checks[0]).toMatchObject({ deviceId: 'idcard', ok: false, summaryKey: 'staff.check.idcardProblem' });
    expect(checks[0]?.lines).toContain('timeout: no answer in 500 ms');
    expect(checks[1]).toMatchObject({ deviceId: 'endorsementWriter', ok: false, summaryKey: 'staff.check.endorsementProblem' });
    expect(checks[1]?.lines).toEqual(['online', 'Generic USB Reader 00 00', 'configured reader "ACS ACR1281" not listed']);
    expect(checks[2]).toMatchObject({ deviceId: 'hall', ok: false, summaryKey: 'staff.check.hallUnreachable' });
    expect(checks[2]?.lines).toEqual([expect.stringMatching(/^hall mqtt:\/\/127\.0\.0\.1:\d+: refused — nothing answers at that address/), 'link offline, last contact never']);
  });
});
