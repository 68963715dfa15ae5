/**
 * Adds the A4 printer's status device to the host's device list: wraps the
 * manager's `DeviceSource` so `devices.list` and the `changed` event include
 * it. Every other event and the simulator controls pass through to `base`.
 */
import type { DeviceSnapshot, DeviceSource } from '../../devices/device-source';
import type { A4PrinterDevice } from './a4-printer-device';

/** A DeviceSource that lists `base`'s devices followed by `printer`. */
export function withA4Printer(base: DeviceSource, printer: A4PrinterDevice): DeviceSource {
  const listeners = new Set<(devices: DeviceSnapshot[]) => void>();
  const snapshot = (): DeviceSnapshot => ({ id: printer.id, kind: printer.kind, simulated: printer.simulated, status: printer.status, since: printer.since });
  const list = (): DeviceSnapshot[] => [...base.list().filter((d) => d.id !== printer.id), snapshot()];
  const emit = (): void => {
    const devices = list();
    for (const listener of [...listeners]) listener(devices);
  };
  let unsubscribers: Array<() => void> = [];

  const on = (event: string, listener: (...args: never[]) => void): (() => void) => {
    if (event !== 'changed') return (base.on as (e: string, l: (...args: never[]) => void) => () => void)(event, listener);
    const changed = listener as unknown as (devices: DeviceSnapshot[]) => void;
    listeners.add(changed);
    return () => listeners.delete(changed);
  };

  return {
    async start() {
      unsubscribers = [base.on('changed', emit), printer.on('statusChanged', emit)];
      await Promise.all([base.start(), printer.start()]);
    },
    async stop() {
      for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
      await Promise.all([base.stop(), printer.stop()]);
    },
    list,
    on: on as DeviceSource['on'],
    ...(base.simulatorControls ? { simulatorControls: (id: string) => base.simulatorControls?.(id) } : {}),
  };
}
