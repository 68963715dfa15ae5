/**
 * The renderer's cameras in the host's device list: `starting` until the
 * renderer reports, then what it reported, and the catalogue greys the
 * services that need a camera with the reason until the face camera is online.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Calls, type DeviceStatus, type EventEnvelope, type ServiceEntry } from '../../../../electron/contract';
import { KioskConfig } from '../../../../electron/host/config/schema';
import { createHost, type KioskHost } from '../../../../electron/host/create-host';
import type { DeviceSnapshot } from '../../../../electron/host/devices/device-source';
import { cameraStatusOf, withReportedCameras } from '../../../../electron/host/devices/reported-cameras';
import { toContractStatus } from '../../../../electron/host/devices/to-contract';
import { createLogger } from '../../../../electron/host/log/logger';
import { serviceEntries } from '../../../../electron/host/services/availability';
import { SERVICE_CATALOGUE } from '../../../../electron/host/services/catalogue';
import { createFakeDevices } from '../fake-devices';

const t0 = new Date('2026-11-29T08:00:00Z');
const a4: DeviceSnapshot = { id: 'a4Printer', kind: 'a4Printer', simulated: true, status: { kind: 'online', media: 'present' }, since: t0 };
const site = KioskConfig.parse({ simulation: true }).services;

function setup(options: { documentConfigured?: boolean } = {}) {
  let clock = t0.getTime();
  const base = createFakeDevices([a4]);
  const cameras = withReportedCameras(base, { ...options, now: () => new Date((clock += 1000)) });
  const changes: DeviceSnapshot[][] = [];
  cameras.on('changed', (devices) => changes.push(devices));
  return { base, cameras, changes };
}
const camera = (devices: DeviceSnapshot[], id = 'faceCamera') => devices.find((d) => d.id === id);
const distinct = <T>(values: readonly T[]): T[] => values.filter((value, i) => i === 0 || value !== values[i - 1]);
const certificate = (devices: DeviceSnapshot[]) => serviceEntries(SERVICE_CATALOGUE, devices.map(toContractStatus), site).find((s) => s.id === 'no-criminal-record');

describe('reported cameras', () => {
  it('lists the face camera as starting until the renderer reports, after the base devices', async () => {
    const { cameras } = setup();
    await cameras.start();
    expect(cameras.list().map((d) => d.id)).toEqual(['a4Printer', 'faceCamera']);
    expect(camera(cameras.list())).toMatchObject({ kind: 'camera', simulated: false, status: { kind: 'starting' } });
    expect(toContractStatus(camera(cameras.list())!)).toMatchObject({ state: 'starting', messageKey: 'devices.state.starting' });
    await cameras.stop();
  });

  it.each([
    ['online', { kind: 'online', media: 'unknown' }, 'online'],
    ['noDevice', { kind: 'noDevice', message: 'no camera found' }, 'noDevice'],
    ['busy', { kind: 'busy', media: 'unknown' }, 'busy'],
    ['permissionDenied', { kind: 'userError', message: 'camera: permission denied' }, 'userError'],
    ['error', { kind: 'hardwareError', code: 0, message: 'camera could not be opened' }, 'hardwareError'],
  ] as const)('maps a %s report to the driver status %j', (state, status, contractState) => {
    const { cameras, changes } = setup();
    expect(cameras.report({ role: 'face', state })).toBe(true);
    expect(camera(cameras.list())?.status).toEqual(status);
    expect(toContractStatus(camera(cameras.list())!).state).toBe(contractState);
    expect(changes).toHaveLength(1);
    expect(camera(changes[0]!)?.status).toEqual(status);
  });

  it('names the camera in the message when the renderer gave its label', () => {
    expect(cameraStatusOf('permissionDenied', 'USB Camera (046d:0825)')).toEqual({ kind: 'userError', message: 'camera "USB Camera (046d:0825)": permission denied' });
    expect(toContractStatus({ id: 'faceCamera', kind: 'camera', simulated: false, since: t0, status: cameraStatusOf('error', 'Cam') })).toMatchObject({
      state: 'hardwareError',
      detail: 'camera "Cam" could not be opened (0x00)',
    });
  });

  it('emits changed on every change only, with a new since, and trusts the latest report', () => {
    const { cameras, changes } = setup();
    expect(cameras.report({ role: 'face', state: 'online' })).toBe(true);
    const since = camera(cameras.list())!.since;
    expect(cameras.report({ role: 'face', state: 'online' })).toBe(false);
    expect(camera(cameras.list())!.since).toEqual(since);
    expect(changes).toHaveLength(1);
    expect(cameras.report({ role: 'face', state: 'busy' })).toBe(true);
    expect(cameras.report({ role: 'face', state: 'online' })).toBe(true);
    expect(changes.map((devices) => camera(devices)?.status.kind)).toEqual(['online', 'busy', 'online']);
    expect(camera(cameras.list())!.since.getTime()).toBeGreaterThan(since.getTime());
  });

  it('passes the base devices’ changes on with the cameras, and stops listening when stopped', async () => {
    const { base, cameras, changes } = setup();
    await cameras.start();
    cameras.report({ role: 'face', state: 'online' });
    base.set([{ ...a4, status: { kind: 'offline', message: 'door open' } }]);
    expect(changes.at(-1)?.map((d) => `${d.id}:${d.status.kind}`)).toEqual(['a4Printer:offline', 'faceCamera:online']);
    await cameras.stop();
    base.set([a4]);
    expect(changes).toHaveLength(2);
  });

  it('lists the document camera when the config names one, or once the renderer reports it', () => {
    const configured = setup({ documentConfigured: true });
    expect(configured.cameras.list().map((d) => `${d.id}:${d.status.kind}`)).toEqual(['a4Printer:online', 'faceCamera:starting', 'documentCamera:starting']);
    const reported = setup();
    expect(camera(reported.cameras.list(), 'documentCamera')).toBeUndefined();
    expect(reported.cameras.report({ role: 'document', state: 'noDevice' })).toBe(true);
    expect(camera(reported.cameras.list(), 'documentCamera')?.status.kind).toBe('noDevice');
    expect(camera(reported.cameras.list())?.status.kind).toBe('starting');
  });

  it('greys the no-criminal-record service with the camera reason until the face camera is online', () => {
    const { cameras } = setup();
    expect(certificate(cameras.list())).toMatchObject({ handling: 'kiosk', available: false, reasonKey: 'service.deviceDown.camera' });
    for (const state of ['noDevice', 'permissionDenied', 'error'] as const) {
      cameras.report({ role: 'face', state });
      expect(certificate(cameras.list())).toMatchObject({ available: false, reasonKey: 'service.deviceDown.camera' });
    }
    cameras.report({ role: 'face', state: 'online' });
    expect(certificate(cameras.list())).toMatchObject({ handling: 'kiosk', available: true });
    expect(certificate(cameras.list())?.reasonKey).toBeUndefined();
  });
});

describe('devices.reportCamera contract', () => {
  const params = Calls['devices.reportCamera'].params;
  it('accepts a role, a state and an optional label of at most 128 characters', () => {
    expect(params.safeParse({ role: 'face', state: 'online' }).success).toBe(true);
    expect(params.safeParse({ role: 'document', state: 'permissionDenied', label: 'x'.repeat(128) }).success).toBe(true);
  });
  it.each([
    ['an unknown role', { role: 'rear', state: 'online' }],
    ['an unknown state', { role: 'face', state: 'starting' }],
    ['a long label', { role: 'face', state: 'online', label: 'x'.repeat(129) }],
    ['an extra key', { role: 'face', state: 'online', deviceId: 'abc' }],
    ['no state', { role: 'face' }],
  ])('refuses %s', (_what, value) => {
    expect(params.safeParse(value).success).toBe(false);
  });
});

describe('a whole host with the renderer reporting its camera', () => {
  let dataDir: string;
  let host: KioskHost;
  const events: EventEnvelope[] = [];
  let n = 0;
  const dispatch = (method: string, params: unknown = {}) => host.dispatch({ v: 1, type: 'call', id: `r${++n}`, method, params });
  async function call<T>(method: string, params: unknown = {}): Promise<T> {
    const reply = await dispatch(method, params);
    if (!reply.ok) throw new Error(`${method}: ${JSON.stringify(reply.error)}`);
    return reply.result as T;
  }
  const faceCamera = async () => (await call<DeviceStatus[]>('devices.list')).find((d) => d.id === 'faceCamera');
  const service = async () => (await call<{ services: ServiceEntry[] }>('catalogue.list')).services.find((s) => s.id === 'no-criminal-record');

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'onedoor-reported-cameras-'));
    host = createHost(KioskConfig.parse({ simulation: true, dataDir, keyStore: { dir: `${dataDir}-keys` } }), { logger: createLogger('silent') });
    host.onEvent((event) => events.push(event));
    await host.start();
    // The A4 printer (the service's other device) comes up on its own.
    for (let tries = 0; (await call<DeviceStatus[]>('devices.list')).find((d) => d.kind === 'a4Printer')?.state !== 'online'; tries += 1) {
      if (tries > 300) throw new Error('the simulated A4 printer did not come online');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  afterAll(async () => {
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(`${dataDir}-keys`, { recursive: true, force: true });
  });

  it('starts with the camera starting and the certificate service greyed for the camera', async () => {
    expect(await faceCamera()).toMatchObject({ kind: 'camera', state: 'starting' });
    expect(await service()).toMatchObject({ available: false, reasonKey: 'service.deviceDown.camera' });
  });

  it('refuses a malformed report without a change', async () => {
    expect(await dispatch('devices.reportCamera', { role: 'face', state: 'online', label: 'x'.repeat(129) })).toMatchObject({ ok: false, error: { code: 'invalidParams' } });
    expect(await dispatch('devices.reportCamera', { role: 'face', state: 'fine' })).toMatchObject({ ok: false, error: { code: 'invalidParams' } });
    expect((await faceCamera())?.state).toBe('starting');
  });

  it('follows the reports: permission denied keeps it greyed with the reason, online frees it, with events', async () => {
    events.length = 0;
    expect(await call('devices.reportCamera', { role: 'face', state: 'permissionDenied' })).toEqual({ accepted: true });
    expect(await faceCamera()).toMatchObject({ state: 'userError', detail: 'camera: permission denied' });
    expect(await service()).toMatchObject({ available: false, reasonKey: 'service.deviceDown.camera' });

    expect(await call('devices.reportCamera', { role: 'face', state: 'online', label: 'fake_device_0' })).toEqual({ accepted: true });
    expect((await faceCamera())?.state).toBe('online');
    expect(await service()).toMatchObject({ available: true, handling: 'kiosk' });

    // Other devices may change meanwhile (status polls): compare the distinct runs.
    const catalogue = events.filter((e) => e.event === 'catalogue.changed').map((e) => (e.payload as { services: ServiceEntry[] }).services.find((s) => s.id === 'no-criminal-record'));
    expect(distinct(catalogue.map((s) => `${s?.available}:${s?.reasonKey}`))).toEqual(['false:service.deviceDown.camera', 'true:undefined']);
    const cameraStates = events.filter((e) => e.event === 'devices.changed').map((e) => (e.payload as { devices: DeviceStatus[] }).devices.find((d) => d.id === 'faceCamera')?.state);
    expect(distinct(cameraStates)).toEqual(['userError', 'online']);
  });

  it('a repeated report changes nothing', async () => {
    const before = await faceCamera();
    await call('devices.reportCamera', { role: 'face', state: 'online' });
    expect(await faceCamera()).toEqual(before);
  });
});
