import type { DeviceSnapshot, DeviceSource } from '../../../electron/host/devices/device-source';

/** A device source for host tests: a list the test changes by hand. */
export function createFakeDevices(initial: DeviceSnapshot[]): DeviceSource & { set(list: DeviceSnapshot[]): void } {
  let list = initial;
  const listeners = new Set<(devices: DeviceSnapshot[]) => void>();
  return {
    start: async () => {},
    stop: async () => {},
    list: () => list,
    on: (_event, listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      list = next;
      for (const listener of listeners) listener(list);
    },
  };
}
