import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSampleCard } from '../../drivers/idcard/sample-cards';
import { createIdCardSimulator } from '../../drivers/idcard/simulator';
import { createSerialTransport } from '../../drivers/transport/serial';
import { createPtyPair } from '../helpers/pty';
import type { CommandResult, DeviceFailure, DriverStatus } from '../../drivers/device';
import {
  createDeviceManager,
  type DeviceManager,
  type DeviceManagerDeps,
  type DeviceSnapshot,
  type IdCardDeviceConfig,
  type IdCardReaderPort,
  type RawCardRead,
  type Timers,
  type TransportSpec,
} from '../../drivers/manager';
import { backoffDelay, DEFAULT_BACKOFF } from '../../drivers/manager/backoff';
import type { DeviceMatch, DeviceRecord } from '../../drivers/transport/enumerate';
import type { Transport, TransportEvents, TransportResult } from '../../drivers/transport/transport';
import { createEmitter } from '../../drivers/transport/transport-events';

/** Timers under test control: nothing fires until `advance`. */
function manualTimers(): Timers & { advance(ms: number): Promise<void>; pending(): number[] } {
  let now = 0;
  let nextId = 1;
  const queue = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimeout(fn, ms) {
      const id = nextId++;
      queue.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout(id) {
      queue.delete(id as number);
    },
    pending: () => [...queue.values()].map((t) => t.at - now).sort((a, b) => a - b),
    async advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...queue.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        queue.delete(due[0]);
        now = due[1].at;
        due[1].fn();
        await flush();
      }
      now = until;
      await flush();
    },
  };
}

async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

class FakeTransport implements Transport {
  readonly events = createEmitter<TransportEvents>();
  isOpen = false;
  closed = 0;
  constructor(
    readonly spec: TransportSpec,
    private readonly openResult: TransportResult = { ok: true, value: undefined },
  ) {}
  get description(): string {
    return `fake:${this.spec.path}`;
  }
  async open(): Promise<TransportResult> {
    if (this.openResult.ok) this.isOpen = true;
    return this.openResult;
  }
  async close(): Promise<void> {
    this.isOpen = false;
    this.closed++;
  }
  async write(): Promise<TransportResult> {
    return { ok: true, value: undefined };
  }
  on<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): () => void {
    return this.events.on(event, listener);
  }
  pull(): void {
    this.isOpen = false;
    this.events.emit('disconnected', { kind: 'io', message: 'EIO: cable pulled' });
  }
}

type ReaderEvents = {
  statusChanged: (s: DriverStatus) => void;
  cardPresented: (c: RawCardRead) => void;
  cardRemoved: () => void;
  cardReadFailed: (f: DeviceFailure) => void;
};

class FakeReader implements IdCardReaderPort {
  readonly events = createEmitter<ReaderEvents>();
  status: DriverStatus = { kind: 'offline', message: 'not started' };
  stopped = false;
  constructor(readonly transport: Transport) {}
  async start(): Promise<void> {
    this.set({ kind: 'online', media: 'absent' });
  }
  async stop(): Promise<void> {
    this.stopped = true;
  }
  async samId(): Promise<CommandResult<string>> {
    return { ok: true, value: '05.01-20101119-0000000001-1234567890' };
  }
  set(status: DriverStatus): void {
    this.status = status;
    this.events.emit('statusChanged', status);
  }
  on(event: keyof ReaderEvents, listener: never): () => void {
    return this.events.on(event, listener);
  }
}

const serialConfig: IdCardDeviceConfig = {
  enabled: true,
  mode: 'serial',
  path: '/dev/ttyUSB0',
  vendorId: 0x0400,
  productId: 0xc35a,
  baudRate: 115200,
  autoBaud: false,
  pollIntervalMs: 1000,
  readFingerprint: false,
};

interface Rig {
  manager: DeviceManager;
  timers: ReturnType<typeof manualTimers>;
  transports: FakeTransport[];
  readers: FakeReader[];
  matches: DeviceMatch[];
  statuses: DriverStatus[];
  present: { record: DeviceRecord | undefined };
}

const running: DeviceManager[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.stop();
});

function rig(config: IdCardDeviceConfig, extra: DeviceManagerDeps & { openResults?: TransportResult[] } = {}): Rig {
  const timers = manualTimers();
  const transports: FakeTransport[] = [];
  const readers: FakeReader[] = [];
  const matches: DeviceMatch[] = [];
  const present: Rig['present'] = { record: undefined };
  const openResults = [...(extra.openResults ?? [])];
  const manager = createDeviceManager(
    { idcard: config },
    {
      timers,
      random: () => 0.5,
      findDevice: async (match) => {
        matches.push(match);
        return present.record;
      },
      createTransport: (spec) => {
        const t = new FakeTransport(spec, openResults.shift());
        transports.push(t);
        return t;
      },
      createReader: (transport) => {
        const r = new FakeReader(transport);
        readers.push(r);
        return r;
      },
      ...extra,
    },
  );
  running.push(manager);
  const statuses: DriverStatus[] = [];
  manager.on('changed', (list) => statuses.push(list[0]!.status));
  return { manager, timers, transports, readers, matches, statuses, present };
}

describe('backoff', () => {
  it('doubles from 500 ms to a 30 s cap, with ±20 % jitter', () => {
    const exact = [1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => backoffDelay(n, DEFAULT_BACKOFF, () => 0.5));
    expect(exact).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(backoffDelay(1, DEFAULT_BACKOFF, () => 0)).toBe(400);
    expect(backoffDelay(1, DEFAULT_BACKOFF, () => 0.999999)).toBe(600);
    expect(backoffDelay(10, DEFAULT_BACKOFF, () => 0.999999)).toBe(30000);
  });
});

describe('device manager, real modes with fake transports', () => {
  it('retries with backoff until re-enumeration finds the reader at a new path', async () => {
    const r = rig(serialConfig);
    expect(r.manager.list()[0]!.status).toEqual({ kind: 'starting' });
    await r.manager.start();
    await flush();
    expect(r.manager.list()[0]!.status.kind).toBe('noDevice');
    expect(r.timers.pending()).toEqual([500]);
    await r.timers.advance(500);
    expect(r.timers.pending()).toEqual([1000]);
    await r.timers.advance(1000);
    expect(r.timers.pending()).toEqual([2000]);
    expect(r.transports).toHaveLength(0);
    // The adapter comes back as ttyUSB1.
    r.present.record = { kind: 'serial', path: '/dev/ttyUSB1', vendorId: 0x0400, productId: 0xc35a };
    await r.timers.advance(2000);
    expect(r.matches).toHaveLength(4);
    expect(r.matches[0]).toEqual({ kind: 'serial', path: '/dev/ttyUSB0', vendorId: 0x0400, productId: 0xc35a });
    expect(r.transports.map((t) => t.spec)).toEqual([{ kind: 'serial', path: '/dev/ttyUSB1', baudRate: 115200 }]);
    expect(r.manager.list()[0]!.status).toEqual({ kind: 'online', media: 'absent' });
    expect(r.statuses.map((s) => s.kind)).toEqual(['noDevice', 'noDevice', 'noDevice', 'online']);
    expect(r.statuses[0]).toMatchObject({ message: expect.stringContaining('retrying in 0.5 s') });
    expect(r.timers.pending()).toEqual([]);
  });

  it('goes noDevice on disconnect, ends the card, reconnects after 500 ms with a new reader', async () => {
    const r = rig({ ...serialConfig, vendorId: undefined, productId: undefined });
    const cards: string[] = [];
    r.manager.on('cardPresented', (e) => cards.push(`presented:${e.deviceId}:${e.card.text.length}`));
    r.manager.on('cardRemoved', (e) => cards.push(`removed:${e.deviceId}`));
    await r.manager.start();
    await flush();
    expect(r.matches).toEqual([]); // path only: no enumeration, just open
    expect(r.manager.list()[0]!.status.kind).toBe('online');
    r.readers[0]!.events.emit('cardPresented', {
      text: new Uint8Array(256),
      photo: new Uint8Array(1024),
      readAt: new Date(0),
    });
    r.transports[0]!.pull();
    await flush();
    expect(cards).toEqual(['presented:idcard:256', 'removed:idcard']);
    expect(r.readers[0]!.stopped).toBe(true);
    expect(r.transports[0]!.closed).toBeGreaterThan(0);
    expect(r.manager.list()[0]!.status).toMatchObject({
      kind: 'noDevice',
      message: expect.stringContaining('EIO: cable pulled'),
    });
    // Late statuses of the old reader are ignored.
    r.readers[0]!.set({ kind: 'online', media: 'absent' });
    expect(r.manager.list()[0]!.status.kind).toBe('noDevice');
    expect(r.timers.pending()).toEqual([500]);
    await r.timers.advance(500);
    expect(r.readers).toHaveLength(2);
    expect(r.transports).toHaveLength(2);
    expect(r.manager.list()[0]!.status.kind).toBe('online');
  });

  it('keeps retrying through open failures (busy, permission) and resets backoff after success', async () => {
    const r = rig(
      { ...serialConfig, vendorId: undefined, productId: undefined },
      {
        openResults: [
          { ok: false, error: { kind: 'busy', message: 'Cannot lock port' } },
          { ok: false, error: { kind: 'permission', message: 'Permission denied' } },
        ],
      },
    );
    await r.manager.start();
    await flush();
    expect(r.manager.list()[0]!.status).toMatchObject({ kind: 'noDevice', message: expect.stringContaining('(busy)') });
    await r.timers.advance(500);
    expect(r.manager.list()[0]!.status).toMatchObject({
      kind: 'noDevice',
      message: expect.stringContaining('(permission)'),
    });
    expect(r.timers.pending()).toEqual([1000]);
    await r.timers.advance(1000);
    expect(r.manager.list()[0]!.status.kind).toBe('online');
    expect(r.transports.map((t) => t.closed)).toEqual([1, 1, 0]);
    r.transports[2]!.pull();
    await flush();
    expect(r.timers.pending()).toEqual([500]);
  });

  it('turns a throwing driver into a status and a retry, never an unhandled rejection', async () => {
    let calls = 0;
    const r = rig(
      { ...serialConfig, vendorId: undefined, productId: undefined },
      {
        createReader: (transport) => {
          calls++;
          if (calls === 1) throw new Error('driver bug');
          return new FakeReader(transport);
        },
      },
    );
    await r.manager.start();
    await flush();
    expect(r.manager.list()[0]!.status).toMatchObject({
      kind: 'noDevice',
      message: expect.stringContaining('driver bug'),
    });
    await r.timers.advance(500);
    expect(r.manager.list()[0]!.status.kind).toBe('online');
  });

  it('stops cleanly: no timers left, port released, status offline', async () => {
    const r = rig(serialConfig);
    await r.manager.start();
    await flush();
    expect(r.timers.pending()).toEqual([500]);
    await r.manager.stop();
    expect(r.timers.pending()).toEqual([]);
    expect(r.manager.list()[0]!.status).toEqual({ kind: 'offline', message: 'stopped' });
    await r.timers.advance(60_000);
    expect(r.matches).toHaveLength(1);
  });

  it('finds a HID reader by VID/PID and opens it with the configured report layout', async () => {
    const r = rig({
      ...serialConfig,
      mode: 'hid',
      path: undefined,
      hid: { reportId: 2, reportSize: 64, lengthPrefix: 'u16be' },
    });
    r.present.record = { kind: 'hid', path: '/dev/hidraw4', vendorId: 0x0400, productId: 0xc35a };
    await r.manager.start();
    await flush();
    expect(r.matches[0]).toMatchObject({ kind: 'hid' });
    expect(r.transports[0]!.spec).toEqual({
      kind: 'hid',
      path: '/dev/hidraw4',
      reportId: 2,
      reportSize: 64,
      lengthPrefix: 'u16be',
    });
    expect(r.manager.list()[0]!.status.kind).toBe('online');
  });

  it('lists snapshots with since, skips disabled devices, survives throwing listeners', async () => {
    const r = rig({ ...serialConfig, id: 'reader-1', vendorId: undefined, productId: undefined });
    const errors: string[] = [];
    r.manager.on('error', (e) => errors.push(e.message));
    r.manager.on('changed', () => {
      throw new Error('host listener bug');
    });
    await r.timers.advance(1234);
    await r.manager.start();
    await flush();
    const [snap] = r.manager.list() as [DeviceSnapshot];
    expect(snap).toMatchObject({ id: 'reader-1', kind: 'idcard', simulated: false, status: { kind: 'online' } });
    expect(snap.since.getTime()).toBe(1234);
    expect(errors.length).toBeGreaterThan(0);
    expect(r.manager.simulatorControls('reader-1')).toBeUndefined();

    // Before start, a configured device is starting, not offline: staff are not told it is down at boot.
    const fresh = createDeviceManager({
      idcard: { ...serialConfig, id: 'reader-2' },
      receiptPrinter: { enabled: true, mode: 'simulated', baudRate: 115_200, paperWidthMm: 80, statusPollMs: 2000 },
      scanner: { enabled: true, mode: 'simulated', baudRate: 9600, suffix: 'CR', maxLength: 4096 },
    });
    expect(fresh.list().map((d) => [d.kind, d.status.kind])).toEqual([
      ['idcard', 'starting'],
      ['receiptPrinter', 'starting'],
      ['scanner', 'starting'],
    ]);

    const none = createDeviceManager({ idcard: { ...serialConfig, enabled: false } });
    expect(none.list()).toEqual([]);
    await none.start();
    await none.stop();
    expect(createDeviceManager({}).list()).toEqual([]);
  });
});

describe('device manager, simulated mode (real reader + simulator on a memory cable)', () => {
  const simConfig: IdCardDeviceConfig = {
    enabled: true,
    mode: 'simulated',
    baudRate: 115200,
    autoBaud: true,
    pollIntervalMs: 50,
    readFingerprint: false,
    simulator: { paceBaud: 0, initialCard: 'resident-han' },
  };

  function until<T>(subscribe: (resolve: (value: T) => void) => void, ms = 3000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out')), ms);
      subscribe((value) => {
        clearTimeout(timer);
        resolve(value);
      });
    });
  }

  it('reads the initial card, follows dock controls: remove, place, unplug, replug, SAM fault', async () => {
    const manager = createDeviceManager({ idcard: simConfig }, { random: () => 0.5 });
    running.push(manager);
    const statusIs = (kind: DriverStatus['kind']): Promise<DeviceSnapshot[]> =>
      until((resolve) => {
        if (manager.list()[0]?.status.kind === kind) return resolve(manager.list());
        const off = manager.on('changed', (list) => {
          if (list[0]!.status.kind === kind) {
            off();
            resolve(list);
          }
        });
      });
    const firstCard = until<{ deviceId: string; card: RawCardRead }>((resolve) => manager.on('cardPresented', resolve));
    await manager.start();
    const { deviceId, card } = await firstCard;
    expect(deviceId).toBe('idcard');
    expect(card.text).toHaveLength(256);
    expect(card.photo).toHaveLength(1024);
    expect(manager.list()[0]).toMatchObject({ simulated: true });

    const controls = manager.simulatorControls('idcard')!;
    if (controls.kind !== 'idcard') throw new Error('expected ID card controls');
    expect(controls.placeCard('no-such-person').ok).toBe(false);
    const removed = until((resolve) => manager.on('cardRemoved', resolve));
    controls.removeCard();
    expect(await removed).toEqual({ deviceId: 'idcard' });
    const second = until<{ card: RawCardRead }>((resolve) => manager.on('cardPresented', resolve));
    expect(controls.placeCard('hmt-hong-kong')).toEqual({ ok: true });
    expect((await second).card.text).toHaveLength(256);

    controls.unplug();
    expect(controls.plugged).toBe(false);
    await statusIs('noDevice');
    controls.replug();
    await statusIs('online');

    controls.setSamFault(0x60);
    const [fault] = await statusIs('hardwareError');
    expect(fault!.status).toMatchObject({ kind: 'hardwareError', code: 0x60 });
    controls.setSamFault(null);
    await until((resolve) => manager.on('changed', (l) => l[0]!.status.kind === 'online' && resolve(undefined)), 4000);
  });
});

describe('device manager, serial mode over a socat pty (real binding, real reader, simulator on the far end)', () => {
  it('reads a card, goes noDevice when the cable goes, reconnects when it is back at the same path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onedoor-mgr-'));
    const sample = loadSampleCard('resident-han');
    if (!sample.ok) throw new Error(sample.error.message);

    const plug = async (): Promise<{ close(): Promise<void> }> => {
      const pair = await createPtyPair({ dir });
      const simulator = createIdCardSimulator(createSerialTransport({ path: pair.a, baudRate: 115200 }), {
        paceBaud: 115200,
      });
      expect((await simulator.start()).ok).toBe(true);
      simulator.placeCard({ text: sample.value.text, photo: sample.value.photo });
      return {
        async close() {
          await pair.close();
          await simulator.stop();
        },
      };
    };

    let cable = await plug();
    const manager = createDeviceManager(
      {
        idcard: {
          enabled: true,
          mode: 'serial',
          path: join(dir, 'b'),
          baudRate: 115200,
          autoBaud: false,
          pollIntervalMs: 100,
          readFingerprint: false,
        },
      },
      { random: () => 0.5, backoff: { initialMs: 100, maxMs: 400, factor: 2, jitter: 0 } },
    );
    running.push(manager);
    const kinds: string[] = [];
    manager.on('changed', (list) => kinds.push(list[0]!.status.kind));
    const waitKind = (kind: string, ms = 8000): Promise<void> =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${kind}; saw ${kinds.join(',')}`)), ms);
        const check = (): void => {
          if (manager.list()[0]!.status.kind === kind) {
            clearTimeout(timer);
            off();
            resolve();
          }
        };
        const off = manager.on('changed', check);
        check();
      });
    try {
      const card = new Promise<RawCardRead>((resolve) => manager.on('cardPresented', (e) => resolve(e.card)));
      await manager.start();
      expect((await card).text).toEqual(sample.value.text);
      await cable.close();
      await waitKind('noDevice');
      cable = await plug();
      await waitKind('online');
      expect(kinds).toContain('noDevice');
    } finally {
      await manager.stop();
      await cable.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 20_000);
});
