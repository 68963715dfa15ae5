/**
 * The receipt printer under supervision: a real printer on a serial port
 * (reconnected with the manager's backoff supervisor), or the ESC/POS
 * simulator on the far end of an in-memory cable (same driver, same codec),
 * with dock controls: empty/refill paper, open/close the cover, jam the
 * cutter, pull and replug the cable.
 */
import type { CommandResult, DriverStatus } from '../device';
import type { ReceiptPrinterConfig } from '../receipt/config';
import type { PrintFailure } from '../receipt/print-failure';
import { createReceiptPrinter, type ReceiptPrinter, type ReceiptPrinterOptions } from '../receipt/printer';
import {
  createReceiptSimulator,
  type PrintedReceipt,
  type ReceiptSimulator,
  type ReceiptSimulatorOptions,
} from '../receipt/simulator';
import { PAPER_LAYOUTS } from '../receipt/paper';
import type { PaperState, PrinterStatus } from '../receipt/status';
import type { MemoryTransport } from '../transport/memory';
import type { Transport } from '../transport/transport';
import { createEmitter } from '../transport/transport-events';
import { NOT_YET_STARTED, sameStatus, type ManagedDevice, type ManagedDeviceEvents } from './managed-device';
import { createDeviceLifecycle, acquireSerialTransport, type SupervisedDeviceDeps } from './lifecycle';
import { createSupervisor } from './supervisor';

export type { ReceiptPrinterConfig };

/** What the dev dock can do to a simulated receipt printer. */
export interface ReceiptPrinterSimulatorControls {
  /** Tells these controls apart from other kinds' in a union. */
  readonly kind: 'receiptPrinter';
  /** Sets the paper supply; `ok` or `low` is a refill. */
  setPaper(paper: PaperState): void;
  emptyPaper(): void;
  refillPaper(): void;
  /** The roll ends after this many more printed lines (`null` cancels). */
  runOutAfterLines(lines: number | null): void;
  openCover(): void;
  closeCover(): void;
  /** Jams the auto-cutter (a cutter error) or clears it. */
  setCutterJam(jammed: boolean): void;
  /** The printer receives but never answers status requests. */
  setSilent(silent: boolean): void;
  /** Pulls the cable: the driver sees a disconnect and goes to noDevice. */
  unplug(): void;
  /** Plugs it back: the manager reconnects at once. */
  replug(): void;
  readonly plugged: boolean;
  readonly paper: PaperState;
  readonly coverOpen: boolean;
  /** Receipts printed so far, oldest first (the dock shows the last one). */
  readonly receipts: readonly PrintedReceipt[];
}

/** A supervised receipt printer. */
export interface ManagedReceiptPrinter extends ManagedDevice {
  readonly kind: 'receiptPrinter';
  /** Dock controls; only in simulated mode. */
  readonly simulator: ReceiptPrinterSimulatorControls | undefined;
  /** The last status read from the printer. */
  readonly printerStatus: PrinterStatus | undefined;
  /** Prints a whole receipt (see the driver's `print`); `noDevice` while disconnected. */
  print(bytes: Uint8Array): Promise<CommandResult<void, PrintFailure>>;
  queryStatus(): Promise<CommandResult<PrinterStatus>>;
  on<E extends keyof ManagedDeviceEvents>(event: E, listener: ManagedDeviceEvents[E]): () => void;
}

/** What the receipt printer needs from outside; the manager's deps provide the first five; the last two default to the real driver and simulator. */
export interface ReceiptDeviceDeps extends SupervisedDeviceDeps {
  createReceiptPrinter?: (transport: Transport, options: ReceiptPrinterOptions) => ReceiptPrinter;
  createReceiptSimulator?: (transport: Transport, options: ReceiptSimulatorOptions) => ReceiptSimulator;
}

function createControls(
  simulator: ReceiptSimulator,
  cable: MemoryTransport,
  onReplug: () => void,
): ReceiptPrinterSimulatorControls {
  return {
    kind: 'receiptPrinter',
    setPaper: (paper) => simulator.set({ paper }),
    emptyPaper: () => simulator.set({ paper: 'out' }),
    refillPaper: () => simulator.set({ paper: 'ok' }),
    runOutAfterLines: (lines) => simulator.runOutAfterLines(lines),
    openCover: () => simulator.set({ coverOpen: true }),
    closeCover: () => simulator.set({ coverOpen: false }),
    setCutterJam: (jammed) => simulator.set({ cutterError: jammed }),
    setSilent: (silent) => simulator.set({ silent }),
    unplug: () => cable.unplug(),
    replug() {
      cable.replug();
      onReplug();
    },
    get plugged() {
      return cable.plugged;
    },
    get paper() {
      return simulator.state.paper;
    },
    get coverOpen() {
      return simulator.state.coverOpen;
    },
    get receipts() {
      return simulator.receipts;
    },
  };
}

/** Builds the supervised printer for `config` (which must be enabled). */
export function createManagedReceiptPrinter(
  id: string,
  config: ReceiptPrinterConfig,
  deps: ReceiptDeviceDeps,
): ManagedReceiptPrinter {
  const events = createEmitter<ManagedDeviceEvents>();
  const simulated = config.mode === 'simulated';
  const makePrinter = deps.createReceiptPrinter ?? createReceiptPrinter;
  const makeSimulator = deps.createReceiptSimulator ?? createReceiptSimulator;
  let status: DriverStatus = NOT_YET_STARTED;
  let printer: { driver: ReceiptPrinter; off: () => void } | undefined;

  function setStatus(next: DriverStatus): void {
    if (sameStatus(status, next)) return;
    status = next;
    events.emit('statusChanged', next);
  }

  let sim:
    { simulator: ReceiptSimulator; host: MemoryTransport; controls: ReceiptPrinterSimulatorControls } | undefined;
  if (simulated) {
    const [host, far] = deps.createMemoryPair([`memory:${id}`, `memory:${id}-simulator`]);
    const simulator = makeSimulator(far, {
      columns: PAPER_LAYOUTS[config.paperWidthMm].columns,
      initial: { paper: config.simulator?.paper ?? 'ok', coverOpen: config.simulator?.coverOpen ?? false },
    });
    sim = { simulator, host, controls: createControls(simulator, far, () => supervisor.retryNow()) };
  }

  const supervisor = createSupervisor({
    timers: deps.timers,
    random: deps.random,
    backoff: deps.backoff,
    onStatus: setStatus,
    acquire: async () => (sim ? { ok: true, value: sim.host } : acquireSerialTransport('receipt printer', config, deps.createTransport)),
    async attach(transport) {
      const driver = makePrinter(transport, { statusPollMs: config.statusPollMs, timers: deps.timers });
      const off = driver.on('statusChanged', (s) => {
        if (printer?.driver === driver) setStatus(s);
      });
      printer = { driver, off };
      await driver.start();
      if (printer?.driver === driver) setStatus(driver.status);
    },
    async detach() {
      const current = printer;
      printer = undefined;
      if (!current) return;
      current.off();
      await current.driver.stop();
    },
  });

  const notConnected = (): { ok: false; error: { kind: 'noDevice'; message: string } } => ({
    ok: false,
    error: { kind: 'noDevice', message: `receipt printer ${id} is not connected` },
  });

  const lifecycle = createDeviceLifecycle({ supervisor, setStatus, simulator: sim?.simulator });
  return {
    id,
    kind: 'receiptPrinter',
    simulated,
    get status() {
      return status;
    },
    get simulator() {
      return sim?.controls;
    },
    get printerStatus() {
      return printer?.driver.printerStatus;
    },
    async print(bytes) {
      const current = printer;
      return current ? current.driver.print(bytes) : notConnected();
    },
    async queryStatus() {
      const current = printer;
      return current ? current.driver.queryStatus() : notConnected();
    },
    ...lifecycle,
    on(event, listener) {
      return events.on(event, listener);
    },
  };
}

/** A managed printer plus its dock controls, as the manager's factories return them. */
export interface ManagedReceiptEntry {
  device: ManagedReceiptPrinter;
  controls?: ReceiptPrinterSimulatorControls;
}

/**
 * The manager's factory for `DevicesConfig.receiptPrinter`: `undefined` when
 * disabled. Register it as `receiptPrinter: receiptPrinterFactory` in DEVICE_FACTORIES.
 */
export function receiptPrinterFactory(
  config: ReceiptPrinterConfig,
  context: { deps: ReceiptDeviceDeps },
): ManagedReceiptEntry | undefined {
  if (!config.enabled) return undefined;
  const device = createManagedReceiptPrinter(config.id ?? 'receiptPrinter', config, context.deps);
  return device.simulator ? { device, controls: device.simulator } : { device };
}
