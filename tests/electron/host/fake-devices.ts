import type { DeviceSnapshot, DeviceSource } from '../../../electron/host/devices/device-source';
import type { RawCardRead } from '../../../drivers/manager';

type Listener = (payload: never) => void;

/** A device source for host tests: a list the test changes by hand, and cards it presents. */
export function createFakeDevices(initial: DeviceSnapshot[]) {
  let list = initial;
  const listeners = new Map<string, Set<Listener>>();
  const emit = (event: string, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) (listener as (p: unknown) => void)(payload);
  };
  const source: DeviceSource = {
    start: async () => {},
    stop: async () => {},
    list: () => list,
    on: ((event: string, listener: Listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    }) as DeviceSource['on'],
  };
  return Object.assign(source, {
    set(next: DeviceSnapshot[]) {
      list = next;
      emit('changed', list);
    },
    present(card: RawCardRead, deviceId = 'idcard') {
      emit('cardPresented', { deviceId, card });
    },
    readFailed(deviceId = 'idcard') {
      emit('cardReadFailed', { deviceId, failure: { kind: 'hardwareError', code: 0x41, message: 'card read failed' } });
    },
  });
}
