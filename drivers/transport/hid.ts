/**
 * HID transport over node-hid's async API (`HIDAsync`): carries the reader's
 * byte stream in fixed-size reports (see hid-reports.ts for the layout). The
 * node-hid module is injectable, so tests run against a fake device; the real
 * one is loaded lazily so that a kiosk without libusb still starts.
 */
import type { Result } from '../../domain/result';
import type { Transport, TransportError, TransportEvents, TransportResult } from './transport';
import { createEmitter } from './transport-events';
import { toTransportError } from './transport-error';
import { describeHidFramingError, encodeReports, validateFraming, type HidFraming } from './hid-reports';
import { readInputReport } from './hid-input';

export type { HidFraming, HidLengthPrefix } from './hid-reports';

/** A HID device as node-hid lists it. */
export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  path?: string | undefined;
  serialNumber?: string | undefined;
  manufacturer?: string | undefined;
  product?: string | undefined;
  release?: number;
  interface?: number;
  usagePage?: number | undefined;
  usage?: number | undefined;
}

/** The part of node-hid's `HIDAsync` device this transport uses. */
export interface HidDeviceHandle {
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  removeAllListeners(): unknown;
  write(values: number[] | Buffer): Promise<number>;
  close(): Promise<void>;
}

/** The part of the node-hid module this transport and enumeration use. */
export interface HidModule {
  HIDAsync: { open(path: string, options?: { nonExclusive?: boolean }): Promise<HidDeviceHandle> };
  devicesAsync(): Promise<HidDeviceInfo[]>;
}

/** Options of {@link createHidTransport}: which device, and its report layout. */
export interface HidTransportOptions extends HidFraming {
  /** hidraw path (Linux) or platform path; wins over VID/PID when given. */
  path?: string;
  vendorId?: number;
  productId?: number;
  /** Picks one of several identical devices. */
  serialNumber?: string;
  /** Open without exclusive access (macOS only in hidapi). */
  nonExclusive?: boolean;
}

let cachedModule: Promise<Result<HidModule, TransportError>> | undefined;

/** Loads the real node-hid once; a missing native library is an error value, not a throw. */
export function loadNodeHid(): Promise<Result<HidModule, TransportError>> {
  cachedModule ??= import('node-hid').then(
    (mod) => {
      const real = ((mod as { default?: unknown }).default ?? mod) as HidModule;
      return { ok: true as const, value: real };
    },
    (error: unknown) => ({
      ok: false as const,
      error: { kind: 'io' as const, message: `node-hid unavailable: ${String(error)}` },
    }),
  );
  return cachedModule;
}

/** Finds the path of the device the options name, by path or VID/PID(/serial). */
export async function resolveHidPath(
  options: Pick<HidTransportOptions, 'path' | 'vendorId' | 'productId' | 'serialNumber'>,
  hid: HidModule,
): Promise<TransportResult<string>> {
  if (options.path) return { ok: true, value: options.path };
  if (options.vendorId === undefined || options.productId === undefined) {
    return { ok: false, error: { kind: 'notFound', message: 'hid: give a path or a vendorId and productId' } };
  }
  let list: HidDeviceInfo[];
  try {
    list = await hid.devicesAsync();
  } catch (error) {
    return { ok: false, error: toTransportError(error, 'hid enumerate') };
  }
  const found = list.find(
    (d) =>
      d.vendorId === options.vendorId &&
      d.productId === options.productId &&
      (options.serialNumber === undefined || d.serialNumber === options.serialNumber) &&
      typeof d.path === 'string',
  );
  if (!found?.path) {
    return {
      ok: false,
      error: { kind: 'notFound', message: `hid ${describeSelector(options)}: no such device present` },
    };
  }
  return { ok: true, value: found.path };
}

function hex4(n: number | undefined): string {
  return n === undefined ? '????' : n.toString(16).padStart(4, '0');
}

function describeSelector(o: Pick<HidTransportOptions, 'path' | 'vendorId' | 'productId' | 'serialNumber'>): string {
  if (o.path) return o.path;
  return `${hex4(o.vendorId)}:${hex4(o.productId)}${o.serialNumber ? `/${o.serialNumber}` : ''}`;
}

/** Creates a HID {@link Transport}. `hidModule` defaults to the real node-hid. */
export function createHidTransport(options: HidTransportOptions, hidModule?: HidModule): Transport {
  const framing: HidFraming = {
    reportId: options.reportId,
    reportSize: options.reportSize,
    lengthPrefix: options.lengthPrefix,
  };
  const events = createEmitter<TransportEvents>();
  let device: HidDeviceHandle | undefined;
  let openedPath: string | undefined;
  let writeChain: Promise<unknown> = Promise.resolve();

  const context = (): string => `hid ${openedPath ?? describeSelector(options)}`;

  function lost(handle: HidDeviceHandle, reason: TransportError): void {
    if (device !== handle) return;
    device = undefined;
    handle.removeAllListeners();
    handle.on('error', () => undefined);
    handle.close().catch(() => undefined);
    events.emit('disconnected', reason);
  }

  function attach(handle: HidDeviceHandle): void {
    handle.on('error', (error) => lost(handle, toTransportError(error, context())));
    handle.on('data', (data) => {
      if (device !== handle) return;
      const decoded = readInputReport(new Uint8Array(data), framing);
      if (!decoded.ok) {
        events.emit('error', { kind: 'io', message: `${context()}: ${describeHidFramingError(decoded.error)}` });
        return;
      }
      if (decoded.value.length > 0) events.emit('data', decoded.value);
    });
  }

  async function writeReports(bytes: Uint8Array): Promise<TransportResult> {
    for (const report of encodeReports(bytes, framing)) {
      const handle = device;
      if (!handle) return { ok: false, error: { kind: 'closed', message: `${context()}: device is not open` } };
      try {
        await handle.write(Buffer.from(report));
      } catch (error) {
        const mapped = toTransportError(error, context());
        lost(handle, mapped);
        return { ok: false, error: mapped };
      }
    }
    return { ok: true, value: undefined };
  }

  return {
    get description() {
      return `hid:${openedPath ?? describeSelector(options)}#${framing.reportId}/${framing.reportSize}/${framing.lengthPrefix}`;
    },
    get isOpen() {
      return device !== undefined;
    },
    async open(): Promise<TransportResult> {
      if (device) return { ok: true, value: undefined };
      const valid = validateFraming(framing);
      if (!valid.ok) return { ok: false, error: { kind: 'io', message: `hid framing: ${describeHidFramingError(valid.error)}` } };
      let hid = hidModule;
      if (!hid) {
        const loaded = await loadNodeHid();
        if (!loaded.ok) return loaded;
        hid = loaded.value;
      }
      const path = await resolveHidPath(options, hid);
      if (!path.ok) return path;
      try {
        const handle = await hid.HIDAsync.open(path.value, options.nonExclusive ? { nonExclusive: true } : undefined);
        openedPath = path.value;
        device = handle;
        attach(handle);
        return { ok: true, value: undefined };
      } catch (error) {
        return { ok: false, error: toTransportError(error, `hid ${path.value}`) };
      }
    },
    async close(): Promise<void> {
      const handle = device;
      if (!handle) return;
      device = undefined;
      handle.removeAllListeners();
      handle.on('error', () => undefined);
      await writeChain.catch(() => undefined);
      await handle.close().catch(() => undefined);
    },
    write(bytes: Uint8Array): Promise<TransportResult> {
      if (!device)
        return Promise.resolve({ ok: false, error: { kind: 'closed', message: `${context()}: device is not open` } });
      // Serialise writes so the reports of two frames never interleave.
      const result = writeChain.then(() => writeReports(bytes));
      writeChain = result.catch(() => undefined);
      return result;
    },
    on(event, listener) {
      return events.on(event, listener);
    },
  };
}
