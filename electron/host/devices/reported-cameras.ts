/**
 * The cameras in the host's device list, as the renderer reports them. The
 * cameras belong to the renderer (getUserMedia), so the host cannot watch
 * them; the renderer says what it found (`devices.reportCamera`) when it
 * starts, when the system's devices change, and whenever it opens a camera.
 *
 * - The face camera is always listed; the document camera once the config
 *   names one or the renderer reports one.
 * - A camera is `starting` until the first report: the host does not claim a
 *   camera works before a renderer has seen it, so services needing `camera`
 *   stay greyed (`service.deviceDown.camera`) until then.
 * - The latest report wins, whichever renderer sent it. When every renderer
 *   disconnects (browser host) the last report stays: the host cannot tell a
 *   closed tab from a reloading one, and the next renderer reports again as
 *   it starts. A restarted host starts from `starting` again.
 * - `changed` is emitted with the whole list whenever a camera's status
 *   changes (a report repeating the current status changes nothing) and
 *   whenever `base` changes; every other event passes through to `base`.
 */
import type { CameraRole, ReportedCameraState } from '../../contract';
import type { DriverStatus } from '../../../drivers/device';
import type { DeviceSnapshot, DeviceSource } from './device-source';

/** The device ids of the reported cameras. */
export const CAMERA_DEVICE_IDS: Readonly<Record<CameraRole, string>> = { face: 'faceCamera', document: 'documentCamera' };

/** One renderer report, as `devices.reportCamera` carries it. */
export interface CameraReport {
  role: CameraRole;
  state: ReportedCameraState;
  /** The camera's label as the system names it, when the renderer knows it. */
  label?: string;
}

/** A DeviceSource that also lists the renderer's cameras. */
export interface ReportedCameras extends DeviceSource {
  /** Records a report; true when the camera's status changed (and `changed` was emitted). */
  report(report: CameraReport): boolean;
}

export interface ReportedCamerasOptions {
  /** List the document camera before any report (the config names one). */
  documentConfigured?: boolean;
  now?: () => Date;
}

/** The driver status a reported state stands for. */
export function cameraStatusOf(state: ReportedCameraState, label?: string): DriverStatus {
  const camera = label ? `camera "${label}"` : 'camera';
  switch (state) {
    case 'online':
      return { kind: 'online', media: 'unknown' };
    case 'noDevice':
      return { kind: 'noDevice', message: label ? `${camera} not found` : 'no camera found' };
    case 'busy':
      return { kind: 'busy', media: 'unknown' };
    case 'permissionDenied':
      return { kind: 'userError', message: `${camera}: permission denied` };
    case 'error':
      return { kind: 'hardwareError', code: 0, message: `${camera} could not be opened` };
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}

/** Wraps `base` so its list ends with the reported cameras. */
export function withReportedCameras(base: DeviceSource, options: ReportedCamerasOptions = {}): ReportedCameras {
  const now = options.now ?? (() => new Date());
  const started = now();
  const cameras = new Map<CameraRole, DeviceSnapshot>();
  const listed = (role: CameraRole): DeviceSnapshot => ({ id: CAMERA_DEVICE_IDS[role], kind: 'camera', simulated: false, status: { kind: 'starting' }, since: started });
  cameras.set('face', listed('face'));
  if (options.documentConfigured) cameras.set('document', listed('document'));

  const listeners = new Set<(devices: DeviceSnapshot[]) => void>();
  const ids = new Set(Object.values(CAMERA_DEVICE_IDS));
  const list = (): DeviceSnapshot[] => [...base.list().filter((device) => !ids.has(device.id)), ...[...cameras.values()].map((camera) => ({ ...camera }))];
  const emit = (): void => {
    const devices = list();
    for (const listener of [...listeners]) listener(devices);
  };
  let unsubscribeBase: (() => void) | undefined;

  const on = (event: string, listener: (...args: never[]) => void): (() => void) => {
    if (event !== 'changed') return (base.on as (e: string, l: (...args: never[]) => void) => () => void)(event, listener);
    const changed = listener as unknown as (devices: DeviceSnapshot[]) => void;
    listeners.add(changed);
    return () => listeners.delete(changed);
  };

  return {
    async start() {
      unsubscribeBase ??= base.on('changed', emit);
      await base.start();
    },
    async stop() {
      unsubscribeBase?.();
      unsubscribeBase = undefined;
      await base.stop();
    },
    list,
    on: on as DeviceSource['on'],
    ...(base.simulatorControls ? { simulatorControls: (id: string) => base.simulatorControls?.(id) } : {}),
    report({ role, state, label }) {
      const status = cameraStatusOf(state, label);
      const current = cameras.get(role) ?? listed(role);
      if (cameras.has(role) && sameStatus(current.status, status)) return false;
      cameras.set(role, { ...current, status, since: now() });
      emit();
      return true;
    },
  };
}

function sameStatus(a: DriverStatus, b: DriverStatus): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
