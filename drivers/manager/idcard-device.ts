/**
 * The ID card reader under supervision: a real reader on a serial or HID
 * transport (reconnected with backoff), or A1's simulator on the far end of
 * an in-memory cable (same driver, same codec, plus dock controls).
 */
import type { CommandResult, DeviceFailure, DriverStatus } from '../device';
import type { RawCardRead } from '../idcard/reader';
import type { IdCardSimulator, IdCardSimulatorOptions } from '../idcard/simulator';
import type { DeviceMatch, DeviceRecord } from '../transport/enumerate';
import type { MemoryTransport } from '../transport/memory';
import type { Transport, TransportResult } from '../transport/transport';
import { createEmitter } from '../transport/transport-events';
import type { BackoffPolicy } from './backoff';
import type { IdCardDeviceConfig } from './config';
import { ID_CARD_DEFAULTS } from './config';
import {
  createIdCardSimulatorControls,
  type IdCardSimulatorControls,
  type SampleCardLoader,
} from './idcard-simulator-controls';
import { NOT_YET_STARTED, sameStatus, type ManagedDevice, type ManagedDeviceEvents } from './managed-device';
import { createDeviceLifecycle } from './lifecycle';
import { createSupervisor } from './supervisor';
import type { Timers } from './timers';
import type { TransportFactory } from './transport-factory';

export type { RawCardRead };

/** The reader driver as the manager uses it (A1's `IdCardReader` fits). */
export interface IdCardReaderPort {
  readonly status: DriverStatus;
  start(): unknown;
  stop(): unknown;
  on(event: 'statusChanged', listener: (status: DriverStatus) => void): () => void;
  on(event: 'cardPresented', listener: (card: RawCardRead) => void): () => void;
  on(event: 'cardRemoved', listener: () => void): () => void;
  on(event: 'cardReadFailed', listener: (failure: DeviceFailure) => void): () => void;
  /** The SAM ID (the CLI's `idcard samid`), asked between polls. */
  samId(): Promise<CommandResult<string>>;
}

/** Events of a managed ID card reader. */
export interface ManagedIdCardEvents extends ManagedDeviceEvents {
  cardPresented: (card: RawCardRead) => void;
  cardRemoved: () => void;
  /** A card was in the field but could not be read; it must be lifted and placed again. */
  cardReadFailed: (failure: DeviceFailure) => void;
}

/** A supervised ID card reader. */
export interface ManagedIdCard extends ManagedDevice {
  readonly kind: 'idcard';
  /** Dock controls; only in simulated mode. */
  readonly simulator: IdCardSimulatorControls | undefined;
  /** The reader's SAM ID, asked now (the maintenance screen's check); `noDevice` while disconnected. */
  samId(): Promise<CommandResult<string>>;
  on<E extends keyof ManagedIdCardEvents>(event: E, listener: ManagedIdCardEvents[E]): () => void;
}

/** Everything the ID card device needs from outside; all injectable. */
export interface IdCardDeviceDeps {
  timers: Timers;
  random: () => number;
  backoff: BackoffPolicy;
  createTransport: TransportFactory;
  findDevice(match: DeviceMatch): Promise<DeviceRecord | undefined>;
  createReader(transport: Transport, config: IdCardDeviceConfig): IdCardReaderPort;
  createSimulator(transport: Transport, options: IdCardSimulatorOptions): IdCardSimulator;
  createMemoryPair(names: [string, string]): [MemoryTransport, MemoryTransport];
  loadSampleCard: SampleCardLoader;
}

function describeIdentity(c: IdCardDeviceConfig): string {
  const hex = (n: number | undefined): string => (n === undefined ? '????' : n.toString(16).padStart(4, '0'));
  return `${hex(c.vendorId)}:${hex(c.productId)}${c.serialNumber ? ` serial ${c.serialNumber}` : ''}`;
}

/** Finds the configured reader (re-enumerating when it has a USB identity) and creates its transport. */
async function acquireReal(config: IdCardDeviceConfig, deps: IdCardDeviceDeps): Promise<TransportResult<Transport>> {
  const kind = config.mode === 'hid' ? 'hid' : 'serial';
  let path = config.path;
  if (config.vendorId !== undefined && config.productId !== undefined) {
    const match: DeviceMatch = { kind, vendorId: config.vendorId, productId: config.productId };
    if (config.path !== undefined) match.path = config.path;
    if (config.serialNumber !== undefined) match.serialNumber = config.serialNumber;
    let found: DeviceRecord | undefined;
    try {
      found = await deps.findDevice(match);
    } catch (error) {
      return { ok: false, error: { kind: 'io', message: `enumerating ${kind} devices failed: ${String(error)}` } };
    }
    if (!found)
      return {
        ok: false,
        error: { kind: 'notFound', message: `no ${kind} device ${describeIdentity(config)} attached` },
      };
    path = found.path;
  }
  if (path === undefined) {
    return {
      ok: false,
      error: { kind: 'notFound', message: `idcard: mode ${config.mode} needs a path or a vendorId and productId` },
    };
  }
  try {
    if (kind === 'serial')
      return { ok: true, value: deps.createTransport({ kind: 'serial', path, baudRate: config.baudRate }) };
    const hid = config.hid ?? ID_CARD_DEFAULTS.hid;
    return {
      ok: true,
      value: deps.createTransport({
        kind: 'hid',
        path,
        reportId: hid.reportId,
        reportSize: hid.reportSize,
        lengthPrefix: hid.lengthPrefix,
      }),
    };
  } catch (error) {
    return {
      ok: false,
      error: { kind: 'io', message: `cannot create the ${kind} transport for ${path}: ${String(error)}` },
    };
  }
}

/** Builds the supervised reader for `config` (which must be enabled). */
export function createManagedIdCard(id: string, config: IdCardDeviceConfig, deps: IdCardDeviceDeps): ManagedIdCard {
  const events = createEmitter<ManagedIdCardEvents>();
  const simulated = config.mode === 'simulated';
  let status: DriverStatus = NOT_YET_STARTED;
  let reader: { port: IdCardReaderPort; unsubscribe: Array<() => void> } | undefined;
  let cardPresent = false;

  function setStatus(next: DriverStatus): void {
    if (sameStatus(status, next)) return;
    status = next;
    events.emit('statusChanged', next);
  }

  function cardGone(): void {
    if (!cardPresent) return;
    cardPresent = false;
    events.emit('cardRemoved');
  }

  // Simulated mode: the simulator sits on the far end of an in-memory cable.
  let sim:
    | { simulator: IdCardSimulator; cable: MemoryTransport; host: MemoryTransport; controls: IdCardSimulatorControls }
    | undefined;
  if (simulated) {
    const [host, far] = deps.createMemoryPair([`memory:${id}`, `memory:${id}-simulator`]);
    const simulator = deps.createSimulator(far, {
      paceBaud: config.simulator?.paceBaud ?? ID_CARD_DEFAULTS.simulator.paceBaud,
    });
    const controls = createIdCardSimulatorControls(simulator, far, deps.loadSampleCard, () => supervisor.retryNow());
    sim = { simulator, cable: far, host, controls };
  }

  const supervisor = createSupervisor({
    timers: deps.timers,
    random: deps.random,
    backoff: deps.backoff,
    onStatus: setStatus,
    acquire: async () => (sim ? { ok: true, value: sim.host } : acquireReal(config, deps)),
    async attach(transport) {
      const port = deps.createReader(transport, config);
      const unsubscribe = [
        port.on('statusChanged', (s) => {
          if (reader?.port === port) setStatus(s);
        }),
        port.on('cardPresented', (card) => {
          if (reader?.port !== port) return;
          cardPresent = true;
          events.emit('cardPresented', card);
        }),
        port.on('cardRemoved', () => {
          if (reader?.port === port) cardGone();
        }),
        port.on('cardReadFailed', (failure) => {
          if (reader?.port === port) events.emit('cardReadFailed', failure);
        }),
      ];
      reader = { port, unsubscribe };
      await port.start();
      if (reader?.port === port) setStatus(port.status);
    },
    async detach() {
      const current = reader;
      reader = undefined;
      if (!current) return;
      current.unsubscribe.forEach((off) => off());
      // A pulled cable takes the card with it as far as the kiosk can tell.
      cardGone();
      await current.port.stop();
    },
  });

  const lifecycle = createDeviceLifecycle({
    supervisor,
    setStatus,
    simulator: sim?.simulator,
    onSimulatorUp: () => {
      const initial = config.simulator?.initialCard;
      if (initial !== undefined && sim) sim.controls.placeCard(initial);
    },
  });
  return {
    id,
    kind: 'idcard',
    simulated,
    get status() {
      return status;
    },
    get simulator() {
      return sim?.controls;
    },
    async samId() {
      const current = reader?.port;
      if (!current) return { ok: false, error: { kind: 'noDevice', message: `ID card reader ${id} is not connected` } };
      return current.samId();
    },
    ...lifecycle,
    on(event, listener) {
      return events.on(event, listener);
    },
  };
}
