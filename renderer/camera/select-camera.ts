/** Picks the configured camera among the system's video inputs. */
import type { CameraSelector } from '../../electron/contract';

/** A video input as enumerateDevices() lists it. */
export interface VideoInput {
  deviceId: string;
  label: string;
}

/**
 * The device id to open: an exact `deviceId` first, then the first camera
 * whose label contains `label` (case-insensitive). null selector → undefined
 * (any camera). A selector that matches nothing → null (no such camera).
 */
export function pickCamera(inputs: readonly VideoInput[], selector: CameraSelector | null): string | undefined | null {
  if (!selector || (!selector.deviceId && !selector.label)) return undefined;
  if (selector.deviceId) {
    const exact = inputs.find((input) => input.deviceId === selector.deviceId);
    if (exact) return exact.deviceId;
  }
  if (selector.label) {
    const wanted = selector.label.toLowerCase();
    const byLabel = inputs.find((input) => input.label.toLowerCase().includes(wanted));
    if (byLabel) return byLabel.deviceId;
  }
  return null;
}
