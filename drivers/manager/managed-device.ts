/**
 * What the manager supervises, whatever the device kind. A new kind (receipt
 * printer, A4 printer, scanner) plugs in by adding a {@link DeviceFactory}.
 */
import type { DeviceKind, DriverStatus } from '../device';

/** Events every managed device emits. */
export interface ManagedDeviceEvents {
  statusChanged: (status: DriverStatus) => void;
}

/** One configured device under supervision. */
export interface ManagedDevice {
  readonly id: string;
  readonly kind: DeviceKind;
  /** True when the far end is a simulator (simulation mode), false for real hardware. */
  readonly simulated: boolean;
  readonly status: DriverStatus;
  /** Starts the device; never rejects. Connection problems show up as status. */
  start(): Promise<void>;
  /** Stops it and releases the port; never rejects. */
  stop(): Promise<void>;
  on<E extends keyof ManagedDeviceEvents>(event: E, listener: ManagedDeviceEvents[E]): () => void;
}

/** Builds a managed device (and whatever goes with it) from its config section; `undefined` when the section disables it. */
export type DeviceFactory<Config, Context, Product = ManagedDevice> = (
  config: Config,
  context: Context,
) => Product | undefined;

/**
 * The status of a device not yet started: `starting`, not `offline`, so staff
 * are not told a device is down before it was even tried (a false alert at
 * every boot otherwise).
 */
export const NOT_YET_STARTED: DriverStatus = Object.freeze({ kind: 'starting' });

/** Structural equality of two statuses, to emit changes only. */
export function sameStatus(a: DriverStatus, b: DriverStatus): boolean {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) if (ra[key] !== rb[key]) return false;
  return true;
}
