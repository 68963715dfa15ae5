/**
 * Start and stop of a supervised device, the same for every kind: the
 * simulator (in simulated mode) comes up first, then the supervisor connects;
 * stopping reverses that and reports `offline`. Both are idempotent.
 */
import type { DriverStatus } from '../device';
import type { TransportResult } from '../transport/transport';
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
