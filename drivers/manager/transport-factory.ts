/** Turns a resolved device address into a (closed) transport. Tests inject their own. */
import { createHidTransport } from '../transport/hid';
import type { HidLengthPrefix } from '../transport/hid-reports';
import { createSerialTransport } from '../transport/serial';
import type { Transport } from '../transport/transport';

/** Where and how to talk to a device, after enumeration. */
export type TransportSpec =
  | { kind: 'serial'; path: string; baudRate: number }
  | { kind: 'hid'; path: string; reportId: number; reportSize: number; lengthPrefix: HidLengthPrefix };

/** Creates the transport a spec names; must not open it. */
export type TransportFactory = (spec: TransportSpec) => Transport;

/** The real transports: serialport and node-hid. */
export const createTransport: TransportFactory = (spec) => {
  switch (spec.kind) {
    case 'serial':
      return createSerialTransport({ path: spec.path, baudRate: spec.baudRate });
    case 'hid':
      return createHidTransport({
        path: spec.path,
        reportId: spec.reportId,
        reportSize: spec.reportSize,
        lengthPrefix: spec.lengthPrefix,
      });
  }
};
