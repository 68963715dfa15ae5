/** The simulated fingerprint scanner through the device manager: listed, captures through dock controls, unplug and replug, HID without an address. */
import { afterEach, describe, expect, it } from 'vitest';
import type { DriverStatus } from '../../../drivers/device';
import type { FingerprintConfig } from '../../../drivers/fingerprint/config';
import { createDeviceManager, type DeviceManager, type ManagedFingerprint } from '../../../drivers/manager';

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

function start(config: FingerprintConfig) {
  manager = createDeviceManager({ fingerprint: config }, { backoff: { initialMs: 20, maxMs: 100, factor: 2, jitter: 0 } });
  const status = (): DriverStatus['kind'] | undefined => manager?.list().find((d) => d.id === 'fingerprint')?.status.kind;
  return { m: manager, status };
}

describe('managed fingerprint scanner (simulated)', () => {
  it('is listed, comes online, and captures a good and then a bad print placed from the dock', async () => {
    const { m, status } = start({ enabled: true, mode: 'simulated', simulator: { settleMs: 10 } });
    await m.start();
    await until(() => status() === 'online', 'scanner online');
    expect(m.list()).toMatchObject([{ id: 'fingerprint', kind: 'fingerprint', simulated: true }]);
    const controls = m.simulatorControls('fingerprint');
    if (controls?.kind !== 'fingerprint') throw new Error('no fingerprint controls');
    const device = m.device('fingerprint') as ManagedFingerprint;
    controls.placeFinger();
    const good = await device.capture({ timeoutMs: 2000 });
    expect(good.ok && good.value.quality).toBeGreaterThanOrEqual(80);
    controls.placeBadFinger();
    const bad = await device.capture({ timeoutMs: 2000 });
    expect(bad.ok && bad.value.quality).toBeLessThan(40);
  });

  it('unplugged mid-capture: the capture fails as noDevice, the device goes noDevice, and is back online after replug', async () => {
    const { m, status } = start({ enabled: true, mode: 'simulated', simulator: { settleMs: 10 } });
    await m.start();
    await until(() => status() === 'online', 'scanner online');
    const controls = m.simulatorControls('fingerprint');
    if (controls?.kind !== 'fingerprint') throw new Error('no fingerprint controls');
    const device = m.device('fingerprint') as ManagedFingerprint;
    const pending = device.capture({ timeoutMs: 5000 });
    await until(() => controls.capturing, 'capture running');
    controls.unplug();
    const result = await pending;
    expect(result.ok ? null : result.error.kind).toBe('noDevice');
    await until(() => status() === 'noDevice', 'noDevice');
    expect((await device.capture({ timeoutMs: 100 })).ok).toBe(false);
    controls.replug();
    await until(() => status() === 'online', 'online again');
  });

  it('a HID scanner with neither path nor VID/PID stays noDevice with the reason', async () => {
    const { m, status } = start({ enabled: true, mode: 'hid' });
    await m.start();
    await until(() => status() === 'noDevice', 'noDevice');
    const s = m.list()[0]!.status;
    expect(s.kind === 'noDevice' && s.message).toMatch(/no HID path or VID\/PID/);
  });
});
