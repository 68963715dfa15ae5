/**
 * The fingerprint scanner under supervision: a real FP-HID scanner found by
 * path or VID/PID (reopened with the manager's backoff after an unplug), or
 * the simulator behind its fake node-hid module (same adapter, same
 * decoder), with dock controls: place a finger, a bad-quality finger, pull
 * and replug the cable. Templates are biometric data: passed on, never logged.
 */
import type { Result } from '../../domain/result';
import type { DriverStatus } from '../device';
import type { FingerprintConfig } from '../fingerprint/config';
import type { FingerprintDeviceInfo } from '../fingerprint/protocol';
import { createHidFingerprintScanner } from '../fingerprint/hid-scanner';
import type { CaptureOptions, FingerprintCapture, FingerprintFailure, FingerprintScanner } from '../fingerprint/scanner';
import { createFingerprintSimulator, SIMULATED_FINGERPRINT_USB, SIMULATED_QUALITY, type FingerprintSimulator } from '../fingerprint/simulator';
import type { HidModule } from '../transport/hid';
import type { Transport, TransportError } from '../transport/transport';
import { createEmitter } from '../transport/transport-events';
import { createDeviceLifecycle, type SupervisedDeviceDeps } from './lifecycle';
import { NOT_YET_STARTED, sameStatus, type ManagedDevice, type ManagedDeviceEvents } from './managed-device';
import { createSupervisor } from './supervisor';

export type { FingerprintConfig };

/** What the dev dock can do to a simulated fingerprint scanner. */
export interface FingerprintSimulatorControls {
  readonly kind: 'fingerprint';
  /** Puts a finger on the sensor that reads well (or with the given quality 0–100), `person`'s when given (sim-template.ts). */
  placeFinger(quality?: number, person?: string): void;
  /** Puts a finger on the sensor that reads badly (dry, smudged). */
  placeBadFinger(): void;
  liftFinger(): void;
  unplug(): void;
  replug(): void;
  readonly plugged: boolean;
  readonly fingerOn: boolean;
  readonly capturing: boolean;
}

/** A supervised fingerprint scanner. */
export interface ManagedFingerprint extends ManagedDevice {
  readonly kind: 'fingerprint';
  readonly simulator: FingerprintSimulatorControls | undefined;
  /** One print (see {@link FingerprintScanner.capture}); `noDevice` while disconnected. */
  capture(options: CaptureOptions): Promise<Result<FingerprintCapture, FingerprintFailure>>;
  /** What the scanner said of itself when it was opened (the CLI's `fingerprint info`); undefined while disconnected. */
  info(): FingerprintDeviceInfo | undefined;
}

export interface FingerprintDeviceDeps extends SupervisedDeviceDeps {
  /** Default: the real node-hid, loaded on first use. */
  hidModule?: HidModule;
  createFingerprintSimulator?: typeof createFingerprintSimulator;
}

/**
 * The supervisor keeps byte-stream transports connected; this scanner is
 * report-oriented, so it is handed over as a transport that only opens,
 * closes and reports its disconnect (its `write` is never called).
 */
function asLink(scanner: FingerprintScanner): Transport {
  const toError = (f: FingerprintFailure): TransportError => ({ kind: f.kind === 'noDevice' ? 'notFound' : 'io', message: f.message });
  return {
    get description() {
      return scanner.description;
    },
    get isOpen() {
      return scanner.isOpen;
    },
    async open() {
      const opened = await scanner.open();
      return opened.ok ? { ok: true, value: undefined } : { ok: false, error: toError(opened.error) };
    },
    close: () => scanner.close(),
    write: async () => ({ ok: false, error: { kind: 'io', message: `${scanner.description}: report-oriented device` } }),
    on(event, listener) {
      if (event === 'disconnected') return scanner.on('disconnected', (message) => (listener as (reason: TransportError) => void)({ kind: 'closed', message }));
      return () => undefined;
    },
  };
}

function createControls(sim: FingerprintSimulator, onReplug: () => void): FingerprintSimulatorControls {
  return {
    kind: 'fingerprint',
    placeFinger: (quality, person) => sim.placeFinger(quality ?? SIMULATED_QUALITY.good, person),
    placeBadFinger: () => sim.placeFinger(SIMULATED_QUALITY.bad),
    liftFinger: () => sim.liftFinger(),
    unplug: () => sim.unplug(),
    replug() {
      sim.replug();
      onReplug();
    },
    get plugged() {
      return sim.plugged;
    },
    get fingerOn() {
      return sim.fingerOn;
    },
    get capturing() {
      return sim.capturing;
    },
  };
}

/** Builds the supervised scanner for `config` (which must be enabled). */
export function createManagedFingerprint(id: string, config: FingerprintConfig, deps: FingerprintDeviceDeps): ManagedFingerprint {
  const events = createEmitter<ManagedDeviceEvents>();
  const simulated = config.mode === 'simulated';
  let status: DriverStatus = NOT_YET_STARTED;
  let current: FingerprintScanner | undefined;

  function setStatus(next: DriverStatus): void {
    if (sameStatus(status, next)) return;
    status = next;
    events.emit('statusChanged', next);
  }

  let sim: { simulator: FingerprintSimulator; controls: FingerprintSimulatorControls } | undefined;
  if (simulated) {
    const simulator = (deps.createFingerprintSimulator ?? createFingerprintSimulator)({ timers: deps.timers, settleMs: config.simulator?.settleMs });
    sim = { simulator, controls: createControls(simulator, () => supervisor.retryNow()) };
  }
  const hid = sim?.simulator.hid ?? deps.hidModule;
  const selector = sim ? { vendorId: SIMULATED_FINGERPRINT_USB.vendorId, productId: SIMULATED_FINGERPRINT_USB.productId } : { path: config.path, vendorId: config.vendorId, productId: config.productId, serialNumber: config.serialNumber };

  const supervisor = createSupervisor({
    timers: deps.timers,
    random: deps.random,
    backoff: deps.backoff,
    onStatus: setStatus,
    async acquire() {
      if (!sim && !config.path && (config.vendorId === undefined || config.productId === undefined)) {
        return { ok: false, error: { kind: 'notFound', message: 'fingerprint: no HID path or VID/PID configured' } };
      }
      const scanner = createHidFingerprintScanner({ ...dropUndefined(selector), timers: deps.timers }, hid);
      return { ok: true, value: Object.assign(asLink(scanner), { scanner }) };
    },
    async attach(link) {
      current = (link as Transport & { scanner: FingerprintScanner }).scanner;
      setStatus({ kind: 'online' });
    },
    async detach() {
      current = undefined;
    },
  });

  const lifecycle = createDeviceLifecycle({ supervisor, setStatus, simulator: sim ? { start: async () => ({ ok: true, value: undefined }), stop: async () => undefined } : undefined });
  return {
    id,
    kind: 'fingerprint',
    simulated,
    get status() {
      return status;
    },
    get simulator() {
      return sim?.controls;
    },
    async capture(options) {
      const scanner = current;
      if (!scanner) return { ok: false, error: { kind: 'noDevice', message: `fingerprint scanner ${id} is not connected` } };
      return scanner.capture(options);
    },
    info: () => current?.info,
    ...lifecycle,
    on(event, listener) {
      return events.on(event, listener);
    },
  };
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The manager's factory for `DevicesConfig.fingerprint`: `undefined` when disabled. */
export function fingerprintFactory(config: FingerprintConfig, context: { deps: FingerprintDeviceDeps }): { device: ManagedFingerprint; controls?: FingerprintSimulatorControls } | undefined {
  if (!config.enabled) return undefined;
  const device = createManagedFingerprint(config.id ?? 'fingerprint', config, context.deps);
  return device.simulator ? { device, controls: device.simulator } : { device };
}
