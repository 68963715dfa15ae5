/**
 * The device manager: starts the devices the config names, keeps them
 * connected (backoff reconnect after a pulled cable), reports per-device
 * status, and forwards device events to the host. A new device kind plugs in
 * by adding one entry to {@link DEVICE_FACTORIES}.
 */
import type { DeviceFailure, DeviceKind, DriverStatus } from './device';
import { loadSampleCard } from './idcard/sample-cards';
import { createIdCardSimulator } from './idcard/simulator';
import { createIdCardReader, GA467_BAUD_RATES } from './idcard/reader';
import { DEFAULT_BACKOFF } from './manager/backoff';
import type { DevicesConfig } from './manager/config';
import { createManagedIdCard, type IdCardDeviceDeps, type RawCardRead } from './manager/idcard-device';
import type { IdCardSimulatorControls } from './manager/idcard-simulator-controls';
import { receiptPrinterFactory, type ReceiptPrinterSimulatorControls } from './manager/receipt-device';
import type { DeviceFactory, ManagedDevice } from './manager/managed-device';
import { scannerFactory, type ScannerSimulatorControls } from './manager/scanner-device';
import { fingerprintFactory, type FingerprintSimulatorControls } from './manager/fingerprint-device';
import { endorsementWriterFactory, type EndorsementWriterSimulatorControls } from './manager/endorsement-writer-device';
import { systemTimers } from './manager/timers';
import { createTransport } from './manager/transport-factory';
import { findDevice } from './transport/enumerate';
import { createMemoryPair } from './transport/memory';
import { createEmitter, type Emitter } from './transport/transport-events';

export type { DevicesConfig, IdCardDeviceConfig, HidReportConfig } from './manager/config';
export { ID_CARD_DEFAULTS } from './manager/config';
export type { RawCardRead, IdCardReaderPort } from './manager/idcard-device';
export type { IdCardSimulatorControls } from './manager/idcard-simulator-controls';
export type { ManagedDevice } from './manager/managed-device';
export type { Timers } from './manager/timers';
export type { BackoffPolicy } from './manager/backoff';
export type { TransportSpec, TransportFactory } from './manager/transport-factory';

/** One device as the host sees it. */
export interface DeviceSnapshot {
  id: string;
  kind: DeviceKind;
  simulated: boolean;
  status: DriverStatus;
  /** When the status last changed. */
  since: Date;
}

/** Events of the manager. */
export interface DeviceManagerEvents {
  /** Any device's status changed; carries the whole list. */
  changed: (devices: DeviceSnapshot[]) => void;
  cardPresented: (event: { deviceId: string; card: RawCardRead }) => void;
  cardRemoved: (event: { deviceId: string }) => void;
  cardReadFailed: (event: { deviceId: string; failure: DeviceFailure }) => void;
  /** A scanner read a code. The text may be personal data: pass it on, never log it. */
  scanned: (event: { deviceId: string; text: string }) => void;
  /** A listener or driver threw; the manager carried on. For the host's log. */
  error: (event: { deviceId?: string; message: string }) => void;
}

/** Dock controls of any simulated device (a union as more kinds arrive). */
export type SimulatorControls = IdCardSimulatorControls | ReceiptPrinterSimulatorControls | ScannerSimulatorControls | FingerprintSimulatorControls | EndorsementWriterSimulatorControls;
export type { EndorsementWriterConfig } from './endorsement/config';
export type { ManagedEndorsementWriter, EndorsementWriterSimulatorControls } from './manager/endorsement-writer-device';
export type { FingerprintConfig } from './fingerprint/config';
export { FINGERPRINT_DEFAULTS } from './fingerprint/config';
export type { ManagedFingerprint, FingerprintSimulatorControls } from './manager/fingerprint-device';
export type { ScannerConfig, LineSuffix } from './scanner/config';
export { SCANNER_DEFAULTS } from './scanner/config';
export type { ManagedScanner, ScannerSimulatorControls } from './manager/scanner-device';
export type { ReceiptPrinterConfig } from './receipt/config';
export { RECEIPT_PRINTER_DEFAULTS } from './receipt/config';
export type { ManagedReceiptPrinter } from './manager/receipt-device';

/** The device manager. */
export interface DeviceManager {
  /** Starts every configured device; resolves once each has begun connecting. Never rejects. */
  start(): Promise<void>;
  /** Stops every device and releases its port. Never rejects. */
  stop(): Promise<void>;
  list(): DeviceSnapshot[];
  on<E extends keyof DeviceManagerEvents>(event: E, listener: DeviceManagerEvents[E]): () => void;
  /** Dock controls of a simulated device; `undefined` for unknown ids and real devices. */
  simulatorControls(id: string): SimulatorControls | undefined;
  /** The managed device with this id, for commands beyond status (e.g. printing a receipt). */
  device(id: string): ManagedDevice | undefined;
}

/** Injectable dependencies; every field defaults to the real thing. */
export type DeviceManagerDeps = Partial<IdCardDeviceDeps>;

/** What a factory gets: resolved deps and the manager's event channel. */
export interface DeviceFactoryContext {
  deps: IdCardDeviceDeps;
  events: Emitter<DeviceManagerEvents>;
}

/** A managed device plus its dock controls (simulated mode), as factories return it. */
export interface ManagedEntry {
  device: ManagedDevice;
  controls?: SimulatorControls;
}

/**
 * One factory per config key. Adding a device kind = adding its config type to
 * {@link DevicesConfig} and one entry here, which forwards the kind's own
 * events to `context.events`.
 */
export const DEVICE_FACTORIES: {
  [K in keyof Required<DevicesConfig>]: DeviceFactory<
    NonNullable<DevicesConfig[K]>,
    DeviceFactoryContext,
    ManagedEntry
  >;
} = {
  idcard(config, context) {
    if (!config.enabled) return undefined;
    const id = config.id ?? 'idcard';
    const device = createManagedIdCard(id, config, context.deps);
    device.on('cardPresented', (card) => context.events.emit('cardPresented', { deviceId: id, card }));
    device.on('cardRemoved', () => context.events.emit('cardRemoved', { deviceId: id }));
    device.on('cardReadFailed', (failure) => context.events.emit('cardReadFailed', { deviceId: id, failure }));
    return device.simulator ? { device, controls: device.simulator } : { device };
  },
  receiptPrinter: receiptPrinterFactory,
  scanner(config, context) {
    const made = scannerFactory(config, context);
    if (!made) return undefined;
    const { device } = made;
    device.on('scanned', (text) => context.events.emit('scanned', { deviceId: device.id, text }));
    // Only the technical reason (length limit, encoding), never the dropped bytes.
    device.on('rejected', (error) => context.events.emit('error', { deviceId: device.id, message: `scanner dropped a line: ${error.message}` }));
    return made;
  },
  fingerprint: fingerprintFactory,
  endorsementWriter: endorsementWriterFactory,
};

function defaultDeps(deps: DeviceManagerDeps): IdCardDeviceDeps {
  return {
    timers: deps.timers ?? systemTimers,
    random: deps.random ?? Math.random,
    backoff: deps.backoff ?? DEFAULT_BACKOFF,
    createTransport: deps.createTransport ?? createTransport,
    findDevice: deps.findDevice ?? ((match) => findDevice(match)),
    createReader:
      deps.createReader ??
      ((transport, config) =>
        createIdCardReader(transport, {
          pollIntervalMs: config.pollIntervalMs,
          readFingerprint: config.readFingerprint,
          // Probe the configured speed first, then the other standard ones.
          autoBaud: config.autoBaud
            ? [config.baudRate, ...GA467_BAUD_RATES.filter((b) => b !== config.baudRate)]
            : false,
        })),
    createSimulator: deps.createSimulator ?? createIdCardSimulator,
    createMemoryPair: deps.createMemoryPair ?? ((names) => createMemoryPair({ names })),
    loadSampleCard: deps.loadSampleCard ?? ((name) => loadSampleCard(name)),
  };
}

/** Creates the manager for `config`. Nothing runs until `start()`. */
export function createDeviceManager(config: DevicesConfig, deps: DeviceManagerDeps = {}): DeviceManager {
  const resolved = defaultDeps(deps);
  const events: Emitter<DeviceManagerEvents> = createEmitter<DeviceManagerEvents>((error) => {
    // A throwing host listener must not stop the devices; report it once, without recursion.
    if (reporting) return;
    reporting = true;
    try {
      events.emit('error', { message: `listener threw: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      reporting = false;
    }
  });
  let reporting = false;
  const context: DeviceFactoryContext = { deps: resolved, events };
  const entries: Array<ManagedEntry & { since: Date }> = [];

  for (const key of Object.keys(DEVICE_FACTORIES) as Array<keyof DevicesConfig>) {
    const section = config[key];
    if (section === undefined) continue;
    // Each key's factory takes that key's section; TypeScript cannot correlate the two in a loop.
    const factory = DEVICE_FACTORIES[key] as (section: unknown, context: DeviceFactoryContext) => ManagedEntry | undefined;
    const made = factory(section, context);
    if (!made) continue;
    const { device, controls } = made;
    const entry = { device, controls, since: new Date(resolved.timers.now()) };
    entries.push(entry);
    device.on('statusChanged', () => {
      entry.since = new Date(resolved.timers.now());
      events.emit('changed', snapshot());
    });
  }

  function snapshot(): DeviceSnapshot[] {
    return entries.map(({ device, since }) => ({
      id: device.id,
      kind: device.kind,
      simulated: device.simulated,
      status: device.status,
      since,
    }));
  }

  async function each(action: (device: ManagedDevice) => Promise<void>): Promise<void> {
    await Promise.all(
      entries.map(({ device }) =>
        action(device).catch((error: unknown) => events.emit('error', { deviceId: device.id, message: String(error) })),
      ),
    );
  }

  return {
    start: () => each((d) => d.start()),
    stop: () => each((d) => d.stop()),
    list: snapshot,
    on(event, listener) {
      return events.on(event, listener);
    },
    simulatorControls(id) {
      return entries.find((e) => e.device.id === id)?.controls;
    },
    device(id) {
      return entries.find((e) => e.device.id === id)?.device;
    },
  };
}
