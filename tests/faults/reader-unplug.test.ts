/**
 * The ID card reader's cable pulled while a card is being read (the read
 * command sent, its answer not yet back), then plugged in again: the device
 * manager in simulated mode with the real reader and the GA 467 simulator on
 * a memory cable. No partial card ever reaches the host, nothing throws, the
 * reader goes noDevice, comes back online after the replug, and the card is
 * read whole, once.
 *
 * Found here: the simulator halts the card when it answers the read, even
 * when the answer never left the cable, and a replug does not reset it (a
 * real reader's field drops with its power, so the card would be fresh). So
 * in simulation the card must be lifted and placed again after the replug;
 * this test does that, and says so.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DriverStatus } from '../../drivers/device';
import { createIdCardSimulator, type IdCardSimulator } from '../../drivers/idcard/simulator';
import { createDeviceManager, type DeviceManager, type RawCardRead } from '../../drivers/manager';
import { until } from '../electron/host/integration/host-harness';

let manager: DeviceManager | undefined;
afterEach(async () => {
  await manager?.stop();
  manager = undefined;
});

describe('ID card reader unplugged mid-read and replugged (manager + simulator)', () => {
  it('no partial card, noDevice while out, one whole read after the replug', async () => {
    let sim: IdCardSimulator | undefined;
    manager = createDeviceManager(
      { idcard: { enabled: true, mode: 'simulated', baudRate: 115200, autoBaud: false, pollIntervalMs: 50, readFingerprint: false, simulator: { paceBaud: 115200 } } },
      {
        random: () => 0.5,
        createSimulator: (transport, options) => {
          sim = createIdCardSimulator(transport, options);
          return sim;
        },
      },
    );
    const m = manager;
    const cards: RawCardRead[] = [];
    const errors: string[] = [];
    m.on('cardPresented', ({ card }) => cards.push(card));
    m.on('error', ({ message }) => errors.push(message));
    const status = (): DriverStatus['kind'] | undefined => m.list()[0]?.status.kind;
    await m.start();
    await until(() => (status() === 'online' ? true : undefined), 'reader online', 5000);

    const controls = m.simulatorControls('idcard');
    if (controls?.kind !== 'idcard' || !sim) throw new Error('expected the simulated reader');
    const simulator = sim;
    // Hold every answer long enough that the cable goes while the read's answer is still owed.
    simulator.setResponseDelayMs(400);
    const readsBefore = simulator.received.filter((c) => c === 'readText').length;
    expect(controls.placeCard('resident-han')).toEqual({ ok: true });
    await until(() => (simulator.received.filter((c) => c === 'readText').length > readsBefore ? true : undefined), 'read command sent', 5000);
    controls.unplug();

    await until(() => (status() === 'noDevice' ? true : undefined), 'noDevice', 5000);
    // The held answer would have arrived by now; nothing reached the host.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(cards).toHaveLength(0);
    expect(status()).toBe('noDevice');

    simulator.setResponseDelayMs(0);
    controls.replug();
    await until(() => (status() === 'online' ? true : undefined), 'online after the replug', 5000);
    // The card never left the reader: once powered again, the reader reads it, exactly once.
    await until(() => (cards.length > 0 ? true : undefined), 'card read after the replug', 5000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(cards).toHaveLength(1);
    for (const card of cards) {
      expect(card.text).toHaveLength(256);
      expect(card.photo).toHaveLength(1024);
    }
    expect(errors).toEqual([]);
  });
});
