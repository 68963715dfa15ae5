/**
 * Start and stop of a supervised device, the same for every kind: the
 * simulator (in simulated mode) comes up first, then the supervisor connects;
 * stopping reverses that and reports `offline`. Both are idempotent.
 */
import type { DriverStatus } from '../device';
import type { MemoryTransport } from '../transport/memory';
import type { Transport, TransportResult } from '../transport/transport';
import type { BackoffPolicy } from './backoff';
import type { Timers } from './timers';
import type { TransportFactory } from './transport-factory';
import type { Supervisor } from './supervisor';

export interface DeviceLifecycleOptions {
  supervisor: Pick<Supervisor, 'start' | 'stop'>;
  setStatus(status: DriverStatus): void;
  /** The simulator on the far end of the memory cable, in simulated mode. */
  simulator?: { start(): Promise<TransportResult>; stop(): Promise<void> };
  /** Runs once the simulator is up, before connecting (e.g. place the initial card). */
  onSimulatorUp?(): void;
}

/** `start`/`stop` for a managed device. */
export function createDeviceLifecycle(options: DeviceLifecycleOptions): {
  start(): Promise<void>;
  stop(): Promise<void>;
} {
  const { supervisor, setStatus, simulator } = options;
  let started = false;
  return {
    async start() {
      if (started) return;
      started = true;
      if (simulator) {
        const up = await simulator.start();
        if (!up.ok) {
          setStatus({ kind: 'hardwareError', code: 0, message: `simulator did not start: ${up.error.message}` });
          return;
        }
        options.onSimulatorUp?.();
      }
      supervisor.start();
    },
    async stop() {
      if (!started) return;
      started = false;
      await supervisor.stop();
      if (simulator) await simulator.stop().catch(() => undefined);
      setStatus({ kind: 'offline', message: 'stopped' });
    },
  };
}

/** What every supervised device needs from the manager. */
export interface SupervisedDeviceDeps {
  timers: Timers;
  random: () => number;
  backoff: BackoffPolicy;
  createTransport: TransportFactory;
  createMemoryPair(names: [string, string]): [MemoryTransport, MemoryTransport];
}

/** Opens the configured serial line of a device (`label` names it in the messages); an expected failure is a value. */
export function acquireSerialTransport(label: string, config: { path?: string | undefined; baudRate: number }, createTransport: TransportFactory): TransportResult<Transport> {
  if (config.path === undefined || config.path === '') return { ok: false, error: { kind: 'notFound', message: `${label}: no serial path configured` } };
  try {
    return { ok: true, value: createTransport({ kind: 'serial', path: config.path, baudRate: config.baudRate }) };
  } catch (error) {
    return { ok: false, error: { kind: 'io', message: `cannot create the serial transport for ${config.path}: ${String(error)}` } };
  }
}
