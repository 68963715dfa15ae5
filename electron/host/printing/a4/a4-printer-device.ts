/**
 * The A4 printer as a supervised device: polls the CUPS queue's
 * `printer-state-reasons` and reports a DriverStatus (media present / low /
 * out / jammed), so staff see "paper low" before paper runs out and the
 * catalogue can grey out printing services. Structurally a `ManagedDevice`
 * (drivers/manager/managed-device.ts); it lives in the host because it
 * talks to CUPS, and drivers must not import the host.
 */
import type { DriverStatus } from '../../../../drivers/device';
import type { CupsClient } from './cups/cups-client';
import { driverStatusOf } from './cups/printer-condition';

export interface A4PrinterDeviceOptions {
  id?: string;
  queue: string;
  /** Status polling interval (default 5 s). */
  pollIntervalMs?: number;
}

export interface A4PrinterDevice {
  readonly id: string;
  readonly kind: 'a4Printer';
  readonly simulated: false;
  readonly status: DriverStatus;
  /** When the status last changed. */
  readonly since: Date;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Polls now (also used by tests); resolves with the new status. */
  refresh(): Promise<DriverStatus>;
  on(event: 'statusChanged', listener: (status: DriverStatus) => void): () => void;
}

/** Creates the polling status device for one CUPS queue. */
export function createA4PrinterDevice(cups: CupsClient, options: A4PrinterDeviceOptions): A4PrinterDevice {
  const pollMs = options.pollIntervalMs ?? 5000;
  const listeners = new Set<(status: DriverStatus) => void>();
  let status: DriverStatus = { kind: 'starting' };
  let since = new Date();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let inFlight: Promise<DriverStatus> | undefined;

  const set = (next: DriverStatus): void => {
    if (JSON.stringify(next) === JSON.stringify(status)) return;
    status = next;
    since = new Date();
    for (const listener of [...listeners]) {
      try {
        listener(next);
      } catch {
        // A listener's fault must not stop polling.
      }
    }
  };

  const refresh = (): Promise<DriverStatus> => {
    inFlight ??= cups
      .printerAttributes(options.queue)
      .then((result) => {
        set(driverStatusOf(result));
        return status;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };

  const schedule = (): void => {
    if (!running) return;
    timer = setTimeout(() => {
      void refresh().finally(schedule);
    }, pollMs);
  };

  return {
    id: options.id ?? 'a4Printer',
    kind: 'a4Printer',
    simulated: false,
    get status() {
      return status;
    },
    get since() {
      return since;
    },
    async start() {
      if (running) return;
      running = true;
      await refresh();
      schedule();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await inFlight;
    },
    refresh,
    on(_event, listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
