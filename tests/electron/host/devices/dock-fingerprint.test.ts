/** The dock acting on the simulated fingerprint scanner: state shows the sensor, placeFinger good/bad feeds the next capture, unplugged refuses. */
import { afterEach, describe, expect, it } from 'vitest';
import { createDeviceManager, type DeviceManager, type ManagedFingerprint } from '../../../../drivers/manager';
import { ID_CARD_DEFAULTS } from '../../../../drivers/manager/config';
import { createDock } from '../../../../electron/host/devices/dock';
import { simulatedPersonOf } from '../../../../drivers/fingerprint/sim-template';
import { loadSampleCard } from '../../../../drivers/idcard/sample-cards';

let manager: DeviceManager | undefined;
afterEach(async () => {
  await manager?.stop();
  manager = undefined;
});

async function until(probe: () => boolean): Promise<void> {
  const deadline = Date.now() + 3000;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('dock: fingerprint scanner', () => {
  it('lists the sensor, places a good then a bad finger, and refuses while unplugged', async () => {
    manager = createDeviceManager({ fingerprint: { enabled: true, mode: 'simulated', simulator: { settleMs: 5 } } });
    await manager.start();
    await until(() => manager!.list()[0]?.status.kind === 'online');
    const dock = createDock(manager, true);
    const state = dock.state();
    expect(state.ok && state.value.devices).toEqual([{ id: 'fingerprint', kind: 'fingerprint', plugged: true, fingerprint: { fingerOn: false, capturing: false } }]);
    const device = manager.device('fingerprint') as ManagedFingerprint;
    expect(dock.act({ action: 'placeFinger', deviceId: 'fingerprint', quality: 'good' }).ok).toBe(true);
    const good = await device.capture({ timeoutMs: 1000 });
    expect(good.ok && good.value.quality).toBeGreaterThanOrEqual(80);
    expect(dock.act({ action: 'placeFinger', deviceId: 'fingerprint', quality: 'bad' }).ok).toBe(true);
    const bad = await device.capture({ timeoutMs: 1000 });
    expect(bad.ok && bad.value.quality).toBeLessThan(40);
    expect(dock.act({ action: 'unplug', deviceId: 'fingerprint' }).ok).toBe(true);
    expect(dock.act({ action: 'placeFinger', deviceId: 'fingerprint', quality: 'good' })).toMatchObject({ ok: false, error: { code: 'deviceUnavailable' } });
  });

  it("places the holder's finger (of the card placed last) or someone else's: their simulated templates tell them apart", async () => {
    manager = createDeviceManager({ idcard: { ...ID_CARD_DEFAULTS, enabled: true, mode: 'simulated', pollIntervalMs: 20, simulator: { paceBaud: 0 } }, fingerprint: { enabled: true, mode: 'simulated', simulator: { settleMs: 5 } } });
    await manager.start();
    await until(() => manager!.list().every((d) => d.status.kind === 'online'));
    const dock = createDock(manager, true);
    const readerId = manager.list().find((d) => d.kind === 'idcard')!.id;
    expect(dock.act({ action: 'placeCard', deviceId: readerId, sampleCard: 'resident-moved' }).ok).toBe(true);
    const device = manager.device('fingerprint') as ManagedFingerprint;
    expect(dock.act({ action: 'placeFinger', deviceId: 'fingerprint', quality: 'good' }).ok).toBe(true);
    const holder = await device.capture({ timeoutMs: 1000 });
    expect(dock.act({ action: 'placeFinger', deviceId: 'fingerprint', quality: 'good', whose: 'other' }).ok).toBe(true);
    const other = await device.capture({ timeoutMs: 1000 });
    if (!holder.ok || !other.ok) throw new Error('no capture');
    const sample = loadSampleCard('resident-moved');
    if (!sample.ok) throw new Error('no sample');
    const cardPerson = simulatedPersonOf(sample.value.fingerprint!.subarray(0, 512));
    expect(simulatedPersonOf(holder.value.template)).toBe(cardPerson);
    expect(simulatedPersonOf(other.value.template)).toBeDefined();
    expect(simulatedPersonOf(other.value.template)).not.toBe(cardPerson);
  });
});
