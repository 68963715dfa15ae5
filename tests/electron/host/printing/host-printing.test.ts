/**
 * The simulated A4 printer inside a whole host (default config: everything
 * simulated): it is listed with the devices, and when it cannot print the
 * services that print on A4 are greyed out with the reason; paper low is a
 * staff warning that leaves them available.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceStatus, ServiceEntry } from '../../../../electron/contract';
import { KioskConfig } from '../../../../electron/host/config/schema';
import { createHost, type KioskHost } from '../../../../electron/host/create-host';
import { createLogger } from '../../../../electron/host/log/logger';

let dataDir: string;
let host: KioskHost;

async function call<T>(method: string, params: unknown = {}): Promise<T> {
  const reply = await host.dispatch({ v: 1, type: 'call', id: method, method, params });
  if (!reply.ok) throw new Error(`${method}: ${JSON.stringify(reply.error)}`);
  return reply.result as T;
}
const a4 = async (): Promise<DeviceStatus | undefined> =>
  (await call<DeviceStatus[]>('devices.list')).find((d) => d.kind === 'a4Printer');
const certificate = async (): Promise<ServiceEntry | undefined> =>
  (await call<{ services: ServiceEntry[] }>('catalogue.list')).services.find((s) => s.id === 'no-criminal-record');

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'onedoor-host-printing-'));
  host = createHost(KioskConfig.parse({ simulation: true, dataDir, keyStore: { dir: `${dataDir}-keys` } }), { logger: createLogger('silent') });
  await host.start();
  // The renderer reports a working face camera, as it does when it starts.
  await call('devices.reportCamera', { role: 'face', state: 'online' });
});
afterEach(async () => {
  await host.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(`${dataDir}-keys`, { recursive: true, force: true });
});

describe('host with the simulated A4 printer', () => {
  it('greys out A4 services while the printer is out of paper, jammed or offline, with the reason', async () => {
    const controls = host.printing.simulatorControls!;
    expect(controls).toBeDefined();
    await expect.poll(async () => (await a4())?.state).toBe('online');
    await expect.poll(async () => (await certificate())?.available).toBe(true);

    controls.emptyPaper();
    await expect.poll(async () => (await a4())?.media).toBe('out');
    expect(await certificate()).toMatchObject({ available: false, reasonKey: 'service.deviceDown.a4Printer' });

    controls.refillPaper();
    controls.jam();
    await expect.poll(async () => (await a4())?.media).toBe('jammed');
    expect(await certificate()).toMatchObject({ available: false });

    controls.clearJam();
    controls.goOffline();
    await expect.poll(async () => (await a4())?.state).toBe('offline');
    expect(await certificate()).toMatchObject({ available: false, reasonKey: 'service.deviceDown.a4Printer' });

    controls.goOnline();
    await expect.poll(async () => (await certificate())?.available).toBe(true);
  });

  it('paper low reaches staff as a device warning and leaves the services available', async () => {
    host.printing.simulatorControls!.setPaperLow();
    await expect
      .poll(async () => await a4())
      .toMatchObject({ state: 'online', media: 'low', messageKey: 'devices.media.low' });
    expect(await certificate()).toMatchObject({ available: true });
  });
});
