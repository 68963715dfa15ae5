/** The simulated code scanner through the device manager: scan → `scanned` event, pull and replug, serial without a path. */
import { afterEach, describe, expect, it } from 'vitest';
import type { DriverStatus } from '../../../drivers/device';
import { createDeviceManager, type DeviceManager, type DeviceManagerEvents } from '../../../drivers/manager';
import type { ScannerConfig } from '../../../drivers/scanner/config';
import { createScanner } from '../../../drivers/scanner/scanner';
import { createScannerSimulator } from '../../../drivers/scanner/simulator';
import { createMemoryPair } from '../../../drivers/transport/memory';

const scannerConfig = (patch: Partial<ScannerConfig> = {}): ScannerConfig => ({
  enabled: true,
  mode: 'simulated',
  baudRate: 9600,
  suffix: 'CR',
  maxLength: 4096,
  ...patch,
});

async function until(probe: () => boolean, what: string, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

let manager: DeviceManager | undefined;
afterEach(async () => {
  await manager?.stop();
  manager = undefined;
});

function startManager(config: ScannerConfig) {
  manager = createDeviceManager({ scanner: config }, { backoff: { initialMs: 20, maxMs: 100, factor: 2, jitter: 0 } });
  const scanned: Array<Parameters<DeviceManagerEvents['scanned']>[0]> = [];
  const errors: string[] = [];
  manager.on('scanned', (event) => scanned.push(event));
  manager.on('error', (event) => errors.push(event.message));
  const status = (): DriverStatus['kind'] | undefined => manager?.list().find((d) => d.id === (config.id ?? 'scanner'))?.status.kind;
  return { manager, scanned, errors, status };
}

describe('managed code scanner (simulated)', () => {
  it('is listed, comes online and emits each scanned code with its device id', async () => {
    const { manager: m, scanned, status } = startManager(scannerConfig());
    await m.start();
    await until(() => status() === 'online', 'scanner online');
    expect(m.list()).toMatchObject([{ id: 'scanner', kind: 'scanner', simulated: true }]);
    const controls = m.simulatorControls('scanner');
    if (controls?.kind !== 'scanner') throw new Error('no scanner controls');
    expect(controls.scan('OD-PAY-2026-0001')).toBe(true);
    expect(controls.scan('https://onedoor.example/验证?c=1')).toBe(true);
    await until(() => scanned.length === 2, 'two codes');
    expect(scanned).toEqual([
      { deviceId: 'scanner', text: 'OD-PAY-2026-0001' },
      { deviceId: 'scanner', text: 'https://onedoor.example/验证?c=1' },
    ]);
    expect(controls.scans).toBe(2);
  });

  it('goes to noDevice when the cable is pulled, refuses to scan, and reads again after replug', async () => {
    const { manager: m, scanned, status } = startManager(scannerConfig({ id: 'qr', suffix: 'CRLF' }));
    await m.start();
    await until(() => status() === 'online', 'online');
    const controls = m.simulatorControls('qr');
    if (controls?.kind !== 'scanner') throw new Error('no scanner controls');
    controls.unplug();
    await until(() => status() === 'noDevice', 'noDevice');
    expect(controls.plugged).toBe(false);
    expect(controls.scan('lost')).toBe(false);
    controls.replug();
    await until(() => status() === 'online', 'online again');
    controls.scan('OD-APT-2026-0317-A12');
    await until(() => scanned.length === 1, 'code after replug');
    expect(scanned).toEqual([{ deviceId: 'qr', text: 'OD-APT-2026-0317-A12' }]);
  });

  it('reports an over-long code as a device error without its content, and carries on', async () => {
    const { manager: m, scanned, errors, status } = startManager(scannerConfig({ maxLength: 16 }));
    await m.start();
    await until(() => status() === 'online', 'online');
    const controls = m.simulatorControls('scanner');
    if (controls?.kind !== 'scanner') throw new Error('no scanner controls');
    controls.scan('PERSONAL-DATA-'.repeat(3));
    controls.scan('OK-1');
    await until(() => scanned.length === 1, 'next code');
    expect(scanned).toEqual([{ deviceId: 'scanner', text: 'OK-1' }]);
    expect(errors).toEqual(['scanner dropped a line: line longer than 16 bytes dropped']);
  });

  it('is not created when disabled', () => {
    const { manager: m } = startManager(scannerConfig({ enabled: false }));
    expect(m.list()).toEqual([]);
  });

  it('in serial mode without a path reports noDevice and keeps retrying', async () => {
    const { manager: m, status } = startManager(scannerConfig({ mode: 'serial' }));
    await m.start();
    await until(() => status() === 'noDevice', 'noDevice');
    expect(m.simulatorControls('scanner')).toBeUndefined();
    expect(m.list()[0]?.status).toMatchObject({ kind: 'noDevice', message: expect.stringContaining('no serial path') });
  });
});

describe('scanner driver on a memory cable', () => {
  it('decodes codes torn into 1-byte chunks and goes noDevice on unplug', async () => {
    const [near, far] = createMemoryPair({ chunking: { kind: 'fixed', size: 1 } });
    const driver = createScanner(near, { suffix: 'LF' });
    const simulator = createScannerSimulator(far, { suffix: 'LF' });
    expect((await simulator.start()).ok).toBe(true);
    const codes: string[] = [];
    driver.on('scanned', (text) => codes.push(text));
    await driver.start();
    expect(driver.status.kind).toBe('online');
    await simulator.scan('二维码 OD-PAY-2026-0001');
    await until(() => codes.length === 1, 'code');
    expect(codes).toEqual(['二维码 OD-PAY-2026-0001']);
    far.unplug();
    expect(driver.status.kind).toBe('noDevice');
    await driver.stop();
    expect(driver.status.kind).toBe('offline');
  });
});
