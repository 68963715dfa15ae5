/**
 * What the host needs from the device layer: a list of device snapshots and a
 * change event. `drivers/manager.ts` provides it; tests provide fakes.
 */
import type { DeviceKind, DriverStatus } from '../../../drivers/device';
import type { DeviceFailure } from '../../../drivers/device';
import type { RawCardRead, SimulatorControls } from '../../../drivers/manager';

export interface DeviceSnapshot {
  id: string;
  kind: DeviceKind;
  simulated: boolean;
  status: DriverStatus;
  since: Date;
}

export interface DeviceSource {
  start(): Promise<void>;
  stop(): Promise<void>;
  list(): DeviceSnapshot[];
  on(event: 'changed', listener: (devices: DeviceSnapshot[]) => void): () => void;
  on(event: 'cardPresented', listener: (event: { deviceId: string; card: RawCardRead }) => void): () => void;
  on(event: 'cardReadFailed', listener: (event: { deviceId: string; failure: DeviceFailure }) => void): () => void;
  /** A scanner read a code; the text may be personal data (never logged). */
  on(event: 'scanned', listener: (event: { deviceId: string; text: string }) => void): () => void;
  /** Dock controls of a simulated device (absent for sources without simulators). */
  simulatorControls?(id: string): SimulatorControls | undefined;
}
