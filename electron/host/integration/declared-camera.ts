/**
 * The face camera in the host's device list. The camera belongs to the
 * renderer (getUserMedia), so the host cannot watch it; it lists the camera
 * the config declares as `online` with media `unknown`, so the catalogue can
 * offer services that need it. A camera that does not work shows up where
 * it is used: the face check is refused and the flow sends the citizen to a
 * counter. Replace this with a status the renderer reports once the contract
 * has a call for it.
 */
import type { DeviceSnapshot, DeviceSource } from '../devices/device-source';

/** The id of the declared face camera. */
export const DECLARED_CAMERA_ID = 'faceCamera';

/** A DeviceSource listing `base`'s devices and the declared face camera. */
export function withDeclaredCamera(base: DeviceSource, since: Date = new Date()): DeviceSource {
  const camera: DeviceSnapshot = { id: DECLARED_CAMERA_ID, kind: 'camera', simulated: false, status: { kind: 'online', media: 'unknown' }, since };
  const list = (): DeviceSnapshot[] => [...base.list().filter((device) => device.id !== DECLARED_CAMERA_ID), camera];
  const on = (event: string, listener: (...args: never[]) => void): (() => void) => {
    const subscribe = base.on as (e: string, l: (...args: never[]) => void) => () => void;
    if (event !== 'changed') return subscribe(event, listener);
    const changed = listener as unknown as (devices: DeviceSnapshot[]) => void;
    return subscribe('changed', () => changed(list()));
  };
  return {
    start: () => base.start(),
    stop: () => base.stop(),
    list,
    on: on as DeviceSource['on'],
    ...(base.simulatorControls ? { simulatorControls: (id: string) => base.simulatorControls?.(id) } : {}),
  };
}
