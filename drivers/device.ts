/**
 * What every device driver reports, modelled on XFS4IoT Common.Status
 * (DOMAIN.md §7). Drivers know nothing of the host; the host maps this to the
 * contract's DeviceStatus.
 */
import type { Result } from '../domain/result';

export type DeviceKind = 'idcard' | 'receiptPrinter' | 'a4Printer' | 'camera' | 'scanner' | 'fingerprint' | 'endorsementWriter';

export type MediaState = 'unknown' | 'present' | 'absent' | 'low' | 'out' | 'jammed';

/** The device's state between commands. `message` is technical English for logs/staff. */
export type DriverStatus =
  | { kind: 'starting' }
  | { kind: 'online'; media?: MediaState }
  | { kind: 'offline'; message: string }
  | { kind: 'noDevice'; message: string }
  | { kind: 'hardwareError'; code: number; message: string }
  | { kind: 'userError'; message: string; media?: MediaState }
  | { kind: 'busy'; media?: MediaState };

/** The result of a device command: expected failures are values. */
export type CommandResult<T, E = DeviceFailure> = Result<T, E>;

export type DeviceFailure =
  | { kind: 'timeout'; message: string }
  | { kind: 'cancelled'; message: string }
  | { kind: 'noDevice'; message: string }
  | { kind: 'hardwareError'; code: number; message: string }
  | { kind: 'protocol'; message: string };
