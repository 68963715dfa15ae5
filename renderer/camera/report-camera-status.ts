/**
 * Tells the host what the renderer knows about its cameras
 * (`devices.reportCamera`). The cameras belong to the renderer, so the host
 * lists them from these reports and greys the services that need a camera
 * while the face camera is not `online`. Two sources:
 * - a look at the system's video inputs (`enumerateDevices`) when the app
 *   starts and whenever the devices change: `online` or `noDevice`;
 * - the camera wrapper opening a camera: `online`, or the failure by its
 *   DOMException name.
 * The host trusts the latest report. Reporting never throws: a report the
 * host does not take is dropped, and the next one says the same again.
 */
import type { CameraRole, CameraSelector, CameraSettings, KioskApi, ReportedCameraState } from '../../electron/contract';
import { pickCamera } from './select-camera';

/** Longest label the contract accepts. */
export const MAX_CAMERA_LABEL = 128;

/** What is reported about one camera. */
export interface CameraFinding {
  state: ReportedCameraState;
  label?: string;
}

/** The reported state for a getUserMedia (or enumerateDevices) failure, by its DOMException name. */
export function reportedStateOf(error: unknown): ReportedCameraState {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'permissionDenied';
    case 'NotReadableError':
    case 'TrackStartError':
      return 'busy';
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return 'noDevice';
    default:
      return 'error';
  }
}

/**
 * Whether the configured camera is among the system's devices: the one the
 * selector picks (label or device id), or any video input when none is
 * configured. Before camera permission is granted the browser hides labels
 * and ids; then any video input counts, and the camera wrapper reports the
 * truth when it opens the camera.
 */
export function findCamera(devices: readonly Pick<MediaDeviceInfo, 'kind' | 'deviceId' | 'label'>[], selector: CameraSelector | null): CameraFinding {
  const inputs = devices.filter((device) => device.kind === 'videoinput');
  if (inputs.length === 0) return { state: 'noDevice' };
  const hidden = inputs.every((input) => input.label === '' && input.deviceId === '');
  const picked = hidden ? undefined : pickCamera(inputs, selector);
  if (picked === null) return { state: 'noDevice' };
  const camera = picked === undefined ? inputs[0] : inputs.find((input) => input.deviceId === picked);
  return withLabel('online', camera?.label);
}

/** A finding with the label cut to what the contract accepts (none when empty). */
export function withLabel(state: ReportedCameraState, label: string | undefined): CameraFinding {
  const trimmed = label?.trim().slice(0, MAX_CAMERA_LABEL);
  return trimmed ? { state, label: trimmed } : { state };
}

/** Sends one report; never throws, resolves false when the host did not take it. */
export async function reportCamera(api: KioskApi, role: CameraRole, finding: CameraFinding): Promise<boolean> {
  try {
    const outcome = await api.call('devices.reportCamera', { role, ...finding });
    return outcome.ok;
  } catch {
    return false;
  }
}

/** What {@link checkCameras} needs of `navigator.mediaDevices`. */
export type DeviceLister = Pick<MediaDevices, 'enumerateDevices'>;

/**
 * Looks at the system's video inputs and reports the face camera (and the
 * document camera when the config names one). `stale()` is asked before
 * reporting, so a newer check wins over a slower older one. Nothing is
 * reported when the camera settings cannot be loaded.
 */
export async function checkCameras(api: KioskApi, media: DeviceLister, stale: () => boolean = () => false): Promise<void> {
  let settings: CameraSettings;
  let devices: MediaDeviceInfo[];
  try {
    const outcome = await api.call('camera.config', {});
    if (!outcome.ok) return;
    settings = outcome.value;
  } catch {
    return;
  }
  const roles: Array<[CameraRole, CameraSelector | null]> = [['face', settings.face]];
  if (settings.document) roles.push(['document', settings.document]);
  try {
    devices = await media.enumerateDevices();
  } catch (error) {
    if (stale()) return;
    const state = reportedStateOf(error);
    for (const [role] of roles) await reportCamera(api, role, { state });
    return;
  }
  if (stale()) return;
  for (const [role, selector] of roles) await reportCamera(api, role, findCamera(devices, selector));
}
