/**
 * The renderer reports its cameras to the host: a look at the system's video
 * inputs at start and on `devicechange`, and every attempt of the camera
 * wrapper to open a camera. jsdom has no `navigator.mediaDevices`; each test
 * installs a fake one.
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CameraSettings } from '../../../electron/contract';
import { createMockKioskApi, fail, ok, type MockKioskApi } from '../../../renderer/api/mock';
import { checkCameras, findCamera, reportedStateOf, withLabel } from '../../../renderer/camera/report-camera-status';
import { useCamera } from '../../../renderer/camera/use-camera';
import { useCameraStatusReport } from '../../../renderer/camera/use-camera-status-report';

type Device = Pick<MediaDeviceInfo, 'kind' | 'deviceId' | 'label'>;
const cam = (deviceId: string, label: string): Device => ({ kind: 'videoinput', deviceId, label });
const mic: Device = { kind: 'audioinput', deviceId: 'mic', label: 'Microphone' };
const domError = (name: string) => Object.assign(new Error(name), { name });

/** A fake `navigator.mediaDevices`: a device list the test changes, and a getUserMedia outcome. */
class FakeMediaDevices extends EventTarget {
  devices: Device[] = [];
  open: () => Promise<MediaStream> = () => Promise.reject(domError('NotFoundError'));
  enumerateDevices = (): Promise<MediaDeviceInfo[]> => Promise.resolve(this.devices as MediaDeviceInfo[]);
  getUserMedia = (): Promise<MediaStream> => this.open();
  plug(devices: Device[]): void {
    this.devices = devices;
    this.dispatchEvent(new Event('devicechange'));
  }
}

function fakeStream(label: string): MediaStream {
  const track = { label, stop: () => undefined } as unknown as MediaStreamTrack;
  return { getVideoTracks: () => [track], getTracks: () => [track] } as unknown as MediaStream;
}

function install(): FakeMediaDevices {
  const media = new FakeMediaDevices();
  Object.defineProperty(navigator, 'mediaDevices', { value: media, configurable: true });
  return media;
}
afterEach(() => {
  Reflect.deleteProperty(navigator, 'mediaDevices');
});

const settings = (face: CameraSettings['face'] = null, document: CameraSettings['document'] = null): CameraSettings => ({ face, document, maxFaceAttempts: 3, maxPhotoRetakes: 6 });
function hostApi(cameraSettings = settings()): MockKioskApi {
  return createMockKioskApi({
    'camera.config': () => ok<'camera.config'>(cameraSettings),
    'devices.reportCamera': () => ok<'devices.reportCamera'>({ accepted: true }),
  });
}

describe('camera status mapping', () => {
  it.each([
    ['NotAllowedError', 'permissionDenied'],
    ['SecurityError', 'permissionDenied'],
    ['NotReadableError', 'busy'],
    ['TrackStartError', 'busy'],
    ['NotFoundError', 'noDevice'],
    ['OverconstrainedError', 'noDevice'],
    ['AbortError', 'error'],
    ['TypeError', 'error'],
  ])('%s → %s', (name, state) => {
    expect(reportedStateOf(domError(name))).toBe(state);
  });

  it('anything that is not a DOMException is an error', () => {
    expect(reportedStateOf('boom')).toBe('error');
    expect(reportedStateOf(null)).toBe('error');
  });

  it('finds the configured camera by device id or label, or any video input when none is configured', () => {
    const devices = [mic, cam('a1', 'Integrated Webcam'), cam('b2', 'USB Face Camera (2bdf:0280)')];
    expect(findCamera(devices, null)).toEqual({ state: 'online', label: 'Integrated Webcam' });
    expect(findCamera(devices, { label: 'face camera' })).toEqual({ state: 'online', label: 'USB Face Camera (2bdf:0280)' });
    expect(findCamera(devices, { deviceId: 'a1' })).toEqual({ state: 'online', label: 'Integrated Webcam' });
    expect(findCamera(devices, { label: 'document' })).toEqual({ state: 'noDevice' });
    expect(findCamera([mic], null)).toEqual({ state: 'noDevice' });
    expect(findCamera([], { label: 'face' })).toEqual({ state: 'noDevice' });
  });

  it('before camera permission (labels and ids hidden) any video input counts', () => {
    expect(findCamera([cam('', '')], { label: 'face camera' })).toEqual({ state: 'online' });
  });

  it('cuts a label to the contract’s 128 characters and drops an empty one', () => {
    expect(withLabel('online', 'x'.repeat(300)).label).toHaveLength(128);
    expect(withLabel('online', '  ')).toEqual({ state: 'online' });
  });
});

describe('checkCameras', () => {
  it('reports the face camera, and the document camera only when the config names one', async () => {
    const media = install();
    media.devices = [cam('a1', 'Face Cam'), cam('b2', 'Doc Cam')];
    const api = hostApi(settings({ label: 'face' }, { label: 'scanner' }));
    await checkCameras(api, media);
    expect(api.callsTo('devices.reportCamera')).toEqual([
      { role: 'face', state: 'online', label: 'Face Cam' },
      { role: 'document', state: 'noDevice' },
    ]);
    expect(api.unexpectedCalls).toEqual([]);
  });

  it('reports nothing when the camera settings cannot be loaded, or when a newer check has begun', async () => {
    const media = install();
    const api = createMockKioskApi({ 'camera.config': () => fail('internal') });
    await checkCameras(api, media);
    const stale = hostApi();
    await checkCameras(stale, media, () => true);
    expect([...api.callsTo('devices.reportCamera'), ...stale.callsTo('devices.reportCamera')]).toEqual([]);
  });

  it('a host that refuses the report does not throw', async () => {
    const media = install();
    const api = createMockKioskApi({ 'camera.config': () => ok<'camera.config'>(settings()) });
    await expect(checkCameras(api, media)).resolves.toBeUndefined();
    expect(api.unexpectedCalls.map((c) => c.method)).toEqual(['devices.reportCamera']);
  });
});

describe('useCameraStatusReport', () => {
  it('reports at start and again when the system’s devices change', async () => {
    const media = install();
    media.devices = [cam('a1', 'fake_device_0')];
    const api = hostApi();
    const { unmount } = renderHook(() => useCameraStatusReport(api, true));
    await waitFor(() => expect(api.callsTo('devices.reportCamera')).toEqual([{ role: 'face', state: 'online', label: 'fake_device_0' }]));
    await act(async () => media.plug([mic]));
    await waitFor(() => expect(api.callsTo('devices.reportCamera').at(-1)).toEqual({ role: 'face', state: 'noDevice' }));
    unmount();
    const before = api.calls.length;
    await act(async () => media.plug([cam('a1', 'fake_device_0')]));
    expect(api.calls).toHaveLength(before);
  });

  it('waits for the host, and reports again when it comes back', async () => {
    install();
    const api = hostApi();
    const { rerender } = renderHook(({ available }) => useCameraStatusReport(api, available), { initialProps: { available: false } });
    await act(async () => undefined);
    expect(api.calls).toEqual([]);
    rerender({ available: true });
    await waitFor(() => expect(api.callsTo('devices.reportCamera')).toEqual([{ role: 'face', state: 'noDevice' }]));
    rerender({ available: false });
    rerender({ available: true });
    await waitFor(() => expect(api.callsTo('devices.reportCamera')).toHaveLength(2));
  });

  it('without navigator.mediaDevices it reports nothing (the host keeps the camera starting)', async () => {
    const api = hostApi();
    renderHook(() => useCameraStatusReport(api, true));
    await act(async () => undefined);
    expect(api.calls).toEqual([]);
  });
});

describe('useCamera reporting what opening the camera found', () => {
  it.each([
    ['NotAllowedError', 'permissionDenied', 'refused'],
    ['NotReadableError', 'busy', 'busy'],
    ['OverconstrainedError', 'noDevice', 'noCamera'],
    ['AbortError', 'error', 'busy'],
  ])('getUserMedia %s → reported %s (problem %s)', async (name, reported, problem) => {
    const media = install();
    media.open = () => Promise.reject(domError(name));
    const api = hostApi();
    const { result } = renderHook(() => useCamera(null, undefined, { api, role: 'face' }));
    await waitFor(() => expect(result.current.state).toEqual({ kind: 'problem', problem }));
    expect(api.callsTo('devices.reportCamera')).toEqual([{ role: 'face', state: reported }]);
  });

  it('a camera that opens is reported online with its label; a configured camera that is missing as noDevice', async () => {
    const media = install();
    media.devices = [cam('d1', 'Document Camera')];
    media.open = () => Promise.resolve(fakeStream('Document Camera'));
    const api = hostApi();
    // Selectors are stable in the steps (they come from state); a new object each render would reopen the camera.
    const documentCamera = { label: 'document' };
    const faceCamera = { label: 'face' };
    renderHook(() => useCamera(documentCamera, { width: 1280, height: 960 }, { api, role: 'document' }));
    await waitFor(() => expect(api.callsTo('devices.reportCamera')).toEqual([{ role: 'document', state: 'online', label: 'Document Camera' }]));

    const missing = hostApi();
    const { result } = renderHook(() => useCamera(faceCamera, undefined, { api: missing, role: 'face' }));
    await waitFor(() => expect(result.current.state).toEqual({ kind: 'problem', problem: 'noCamera' }));
    expect(missing.callsTo('devices.reportCamera')).toEqual([{ role: 'face', state: 'noDevice' }]);
  });

  it('reports nothing without `reporting`', async () => {
    const media = install();
    media.open = () => Promise.reject(domError('NotAllowedError'));
    const api = hostApi();
    const { result } = renderHook(() => useCamera(null));
    await waitFor(() => expect(result.current.state.kind).toBe('problem'));
    expect(api.calls).toEqual([]);
  });
});
