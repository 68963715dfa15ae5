/**
 * The maintenance screen's checks and restarts at a composed host: every
 * check the device CLI offers an installer (`a4 status`, `payment check`,
 * the devices' states) runs from the screen, with its result worded by a
 * `staff.check.*` key; the A4 printer's "restart" asks its CUPS queue again;
 * a camera's is the screen's to do; an unknown device is said so.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type DiagnosticCheck } from '../../../../electron/contract';
import { KioskConfig } from '../../../../electron/host/config/schema';
import { createHost, type KioskHost } from '../../../../electron/host/create-host';
import { createMaintenance } from '../../../../electron/host/staff/maintenance';
import { SANDBOX_OFFICER } from '../../../../electron/host/staff/sandbox-officer';
import type { DocumentService } from '../../../../electron/host/issued/document-service';
import type { StaffJournal } from '../../../../electron/host/staff/staff-journal';
import { createFakeDevices } from '../fake-devices';

let dir: string;
let host: KioskHost | undefined;
beforeEach(() => {
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
});
