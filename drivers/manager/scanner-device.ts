/**
 * The code scanner under supervision: a real line-mode scanner on a serial
 * port (reconnected with the manager's backoff supervisor), or the scanner
 * simulator on the far end of an in-memory cable (same driver, same decoder),
 * with dock controls: scan a code, pull and replug the cable.
 * Scanned text may be personal data: it is passed on, never logged.
 */
import type { DriverStatus } from '../device';
import type { ScannerConfig } from '../scanner/config';
import type { LineError } from '../scanner/line-decoder';
import { createScanner, type Scanner, type ScannerOptions } from '../scanner/scanner';
import { createScannerSimulator, type ScannerSimulator, type ScannerSimulatorOptions } from '../scanner/simulator';
import type { MemoryTransport } from '../transport/memory';
import type { Transport } from '../transport/transport';
import { createEmitter } from '../transport/transport-events';
import { NOT_YET_STARTED, sameStatus, type ManagedDevice, type ManagedDeviceEvents } from './managed-device';
import { createDeviceLifecycle, acquireSerialTransport, type SupervisedDeviceDeps } from './lifecycle';
import { createSupervisor } from './supervisor';

export type { ScannerConfig };

/** What the dev dock can do to a simulated scanner. */
export interface ScannerSimulatorControls {
  /** Tells these controls apart from other kinds' in a union. */
  readonly kind: 'scanner';
  /** Holds a code under the scanner: it sends the text and its suffix. False when the cable is pulled. */
  scan(text: string): boolean;
  /** Pulls the cable: the driver sees a disconnect and goes to noDevice. */
  unplug(): void;
  /** Plugs it back: the manager reconnects at once. */
  replug(): void;
  readonly plugged: boolean;
  /** Codes sent so far. */
  readonly scans: number;
}

/** Events of a managed scanner. */
export interface ManagedScannerEvents extends ManagedDeviceEvents {
  scanned: (text: string) => void;
  rejected: (error: LineError) => void;
}

/** A supervised scanner. */
export interface ManagedScanner extends ManagedDevice {
  readonly kind: 'scanner';
  /** Dock controls; only in simulated mode. */
  readonly simulator: ScannerSimulatorControls | undefined;
  on<E extends keyof ManagedScannerEvents>(event: E, listener: ManagedScannerEvents[E]): () => void;
}

/** What the scanner needs from outside; the manager's deps provide the first five. */
export interface ScannerDeviceDeps extends SupervisedDeviceDeps {
  createScanner?: (transport: Transport, options: ScannerOptions) => Scanner;
  createScannerSimulator?: (transport: Transport, options: ScannerSimulatorOptions) => ScannerSimulator;
}

function createControls(
  simulator: ScannerSimulator,
  cable: MemoryTransport,
  onReplug: () => void,
): ScannerSimulatorControls {
  return {
    kind: 'scanner',
    scan(text) {
      if (!cable.plugged) return false;
      void simulator.scan(text).catch(() => undefined);
      return true;
    },
    unplug: () => cable.unplug(),
    replug() {
      cable.replug();
      onReplug();
    },
    get plugged() {
      return cable.plugged;
    },
    get scans() {
      return simulator.scans;
    },
  };
}

/** Builds the supervised scanner for `config` (which must be enabled). */
export function createManagedScanner(id: string, config: ScannerConfig, deps: ScannerDeviceDeps): ManagedScanner {
  const events = createEmitter<ManagedScannerEvents>();
  const simulated = config.mode === 'simulated';
  const makeScanner = deps.createScanner ?? createScanner;
  const makeSimulator = deps.createScannerSimulator ?? createScannerSimulator;
  let status: DriverStatus = NOT_YET_STARTED;
  let scanner: { driver: Scanner; off: () => void } | undefined;

  function setStatus(next: DriverStatus): void {
    if (sameStatus(status, next)) return;
    status = next;
    events.emit('statusChanged', next);
  }

  let sim: { simulator: ScannerSimulator; host: MemoryTransport; controls: ScannerSimulatorControls } | undefined;
  if (simulated) {
    const [host, far] = deps.createMemoryPair([`memory:${id}`, `memory:${id}-simulator`]);
    const simulator = makeSimulator(far, { suffix: config.suffix });
    sim = { simulator, host, controls: createControls(simulator, far, () => supervisor.retryNow()) };
  }

  const supervisor = createSupervisor({
    timers: deps.timers,
    random: deps.random,
    backoff: deps.backoff,
    onStatus: setStatus,
    acquire: async () => (sim ? { ok: true, value: sim.host } : acquireSerialTransport('scanner', config, deps.createTransport)),
    async attach(transport) {
      const driver = makeScanner(transport, { suffix: config.suffix, maxLength: config.maxLength });
      const mine = () => scanner?.driver === driver;
      const offs = [
        driver.on('statusChanged', (s) => {
          if (mine()) setStatus(s);
        }),
        driver.on('scanned', (text) => {
          if (mine()) events.emit('scanned', text);
        }),
        driver.on('rejected', (error) => {
          if (mine()) events.emit('rejected', error);
        }),
      ];
      scanner = { driver, off: () => offs.forEach((off) => off()) };
      await driver.start();
      if (mine()) setStatus(driver.status);
    },
    async detach() {
      const current = scanner;
      scanner = undefined;
      if (!current) return;
      current.off();
      await current.driver.stop();
    },
  });

  const lifecycle = createDeviceLifecycle({ supervisor, setStatus, simulator: sim?.simulator });
  return {
    id,
    kind: 'scanner',
    simulated,
    get status() {
      return status;
    },
    get simulator() {
      return sim?.controls;
    },
    ...lifecycle,
    on(event, listener) {
      return events.on(event, listener);
    },
  };
}

/** A managed scanner plus its dock controls, as the manager's factories return them. */
export interface ManagedScannerEntry {
  device: ManagedScanner;
  controls?: ScannerSimulatorControls;
}

/** The manager's factory for `DevicesConfig.scanner`: `undefined` when disabled. The caller forwards the device's events. */
export function scannerFactory(
  config: ScannerConfig,
  context: { deps: ScannerDeviceDeps },
): ManagedScannerEntry | undefined {
  if (!config.enabled) return undefined;
  const device = createManagedScanner(config.id ?? 'scanner', config, context.deps);
  return device.simulator ? { device, controls: device.simulator } : { device };
}
