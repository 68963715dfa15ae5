/** Finds the managed receipt printer in a device layer that can hand out its devices (the driver manager). */
import type { ManagedReceiptPrinter } from '../../../drivers/manager/receipt-device';
import type { ManagedDevice } from '../../../drivers/manager/managed-device';

/** A device layer that may expose its managed devices (`DeviceManager.device`). */
export interface DeviceLookup {
  device?(id: string): ManagedDevice | undefined;
}

/** The receipt printer `id` of `source`, when it has one. */
export function receiptPrinterOf(source: DeviceLookup, id: string): ManagedReceiptPrinter | undefined {
  const device = typeof source.device === 'function' ? source.device(id) : undefined;
  return device && device.kind === 'receiptPrinter' && 'print' in device ? (device as ManagedReceiptPrinter) : undefined;
}
