import { afterEach, describe, expect, it } from 'vitest';
import type { DriverStatus } from '../../../drivers/device';
import type { DeviceFactoryContext } from '../../../drivers/manager';
import type { ManagedDevice } from '../../../drivers/manager/managed-device';
import { createManagedReceiptPrinter, receiptPrinterFactory, type ReceiptDeviceDeps, type ReceiptPrinterConfig } from '../../../drivers/manager/receipt-device';
import { systemTimers } from '../../../drivers/manager/timers';
import { createTransport } from '../../../drivers/manager/transport-factory';
import { encodeQueueTicket } from '../../../drivers/receipt/templates/queue-ticket';
import { createReceiptSimulator } from '../../../drivers/receipt/simulator';
import { createMemoryPair } from '../../../drivers/transport/memory';
import { createSerialTransport } from '../../../drivers/transport/serial';
import { createPtyPair, type PtyPair } from '../../helpers/pty';

// The factory fits the manager's DEVICE_FACTORIES context (checked by tsc).
const _fitsManager = (config: ReceiptPrinterConfig, context: DeviceFactoryContext): ManagedDevice | undefined => receiptPrinterFactory(config, context)?.device;

const deps: ReceiptDeviceDeps = {
  timers: systemTimers,
  random: () => 0.5,
  backoff: { initialMs: 30, maxMs: 200, factor: 2, jitter: 0 },
  createTransport,
  createMemoryPair: (names) => createMemoryPair({ names }),
};

const config = (patch: Partial<ReceiptPrinterConfig> = {}): ReceiptPrinterConfig => ({
  enabled: true,
  mode: 'simulated',
  baudRate: 115_200,
  paperWidthMm: 80,
  statusPollMs: 25,
  ...patch,
});

async function until(device: { status: DriverStatus }, kind: DriverStatus['kind'], ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (device.status.kind !== kind) {
    if (Date.now() > deadline) throw new Error(`status stayed ${JSON.stringify(device.status)}, wanted ${kind}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const ticket = (): Uint8Array => {
  const r = encodeQueueTicket({ site: '城东派出所', window: '1号窗口', number: 'B007', waiting: 2, issuedAt: new Date() }, { paperWidthMm: 80 });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const pairs: PtyPair[] = [];
afterEach(async () => {
  while (pairs.length) await pairs.pop()!.close();
});

describe('managed receipt printer', () => {
  it('is undefined when disabled, and uses its default id', () => {
    expect(receiptPrinterFactory(config({ enabled: false }), { deps })).toBeUndefined();
    const entry = receiptPrinterFactory(config(), { deps });
    expect(entry?.device.id).toBe('receiptPrinter');
    expect(entry?.controls?.kind).toBe('receiptPrinter');
  });

  it('simulated: prints, and follows the dock through paper, cover, jam and cable', async () => {
    const device = createManagedReceiptPrinter('rp', config({ simulator: { paper: 'low' } }), deps);
    const controls = device.simulator!;
    // Not yet started: starting, never offline (staff would be told it is down at boot).
    expect(device.status).toEqual({ kind: 'starting' });
    const seen: string[] = [];
    device.on('statusChanged', (s) => seen.push(s.kind));
    await device.start();
    await until(device, 'online');
    expect(device.status).toEqual({ kind: 'online', media: 'low' });
    expect(await device.print(ticket())).toEqual({ ok: true, value: undefined });
    expect(controls.receipts.at(-1)?.lines).toContain('B007');

    controls.emptyPaper();
    await until(device, 'userError');
    expect(await device.print(ticket())).toMatchObject({ ok: false, error: { kind: 'paperOut' } });
    controls.refillPaper();
    await until(device, 'online');
    controls.openCover();
    await until(device, 'userError');
    expect(device.status).toMatchObject({ message: 'printer cover open' });
    controls.closeCover();
    controls.setCutterJam(true);
    await until(device, 'hardwareError');
    controls.setCutterJam(false);
    await until(device, 'online');

    controls.unplug();
    await until(device, 'noDevice');
    expect(await device.print(ticket())).toMatchObject({ ok: false, error: { kind: 'noDevice' } });
    controls.replug();
    await until(device, 'online');
    expect((await device.queryStatus()).ok).toBe(true);
    await device.stop();
    expect(device.status).toMatchObject({ kind: 'offline' });
    expect(seen).toEqual(expect.arrayContaining(['online', 'userError', 'hardwareError', 'noDevice', 'offline']));
  });

  it('serial: no path configured is noDevice with retries, never a throw', async () => {
    const device = createManagedReceiptPrinter('rp', config({ mode: 'serial' }), deps);
    await device.start();
    await until(device, 'noDevice');
    expect(device.status).toMatchObject({ message: expect.stringContaining('no serial path') });
    expect(await device.print(ticket())).toMatchObject({ ok: false, error: { kind: 'noDevice' } });
    await device.stop();
  });

  it('serial: a simulator on a socat pty pair, then the cable pulled', async () => {
    const pair = await createPtyPair();
    pairs.push(pair);
    const sim = createReceiptSimulator(createSerialTransport({ path: pair.a, baudRate: 115_200 }));
    expect((await sim.start()).ok).toBe(true);
    const device = createManagedReceiptPrinter('rp', config({ mode: 'serial', path: pair.b, statusPollMs: 100 }), deps);
    await device.start();
    await until(device, 'online');
    expect(await device.print(ticket())).toEqual({ ok: true, value: undefined });
    await new Promise((r) => setTimeout(r, 50));
    expect(sim.receipts[0]?.lines).toContain('B007');
    await pair.close();
    await until(device, 'noDevice', 5000);
    await device.stop();
    await sim.stop();
  });
});
