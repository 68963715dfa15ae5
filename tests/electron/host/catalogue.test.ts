import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../electron/contract';
import { defaultConfig } from '../../../electron/host/config/load';
import { serviceEntries } from '../../../electron/host/services/availability';
import { SERVICE_CATALOGUE, type ServiceDefinition } from '../../../electron/host/services/catalogue';

const since = '2026-11-29T08:00:00.000Z';
const device = (kind: DeviceStatus['kind'], state: DeviceStatus['state'], media?: DeviceStatus['media']): DeviceStatus => ({
  id: kind, kind, simulated: true, state, media, messageKey: `devices.state.${state}`, since,
});
const flow = (devices: ServiceDefinition['devices']): ServiceDefinition => ({
  id: 'demo', category: 'certificates', name: { 'zh-CN': '演示', en: 'Demo' }, feeFen: 0, devices, kioskFlow: true,
});
const site = defaultConfig().services;

describe('service catalogue', () => {
  it('covers the hall’s 户政, 证明, 交管, 出入境 and proxy services with the official fees', () => {
    const byId = new Map(SERVICE_CATALOGUE.map((s) => [s.id, s]));
    expect(new Set(SERVICE_CATALOGUE.map((s) => s.category))).toEqual(new Set(['huzheng', 'certificates', 'traffic', 'exitEntry', 'proxy']));
    expect(byId.get('id-card-replacement')?.feeFen).toBe(4000);
    expect(byId.get('id-card-renewal')?.feeFen).toBe(2000);
    expect(byId.get('temporary-id')?.feeFen).toBe(1000);
    expect(byId.get('no-criminal-record')?.feeFen).toBe(0);
    expect(byId.get('licence-renewal')?.feeFen).toBe(1000);
  });

  it('sends services without a kiosk flow to their counter window instead of pretending', () => {
    const entries = serviceEntries(SERVICE_CATALOGUE.filter((s) => !s.kioskFlow), [], site);
    for (const entry of entries) expect(entry).toMatchObject({ handling: 'counter', available: true, window: expect.stringContaining('窗口') });
  });

  it('greys out a kiosk service whose device is down, with the reason, and frees it when the device is back', () => {
    const demo = [flow(['idcard', 'a4Printer'])];
    expect(serviceEntries(demo, [device('idcard', 'online'), device('a4Printer', 'userError', 'out')], site)[0]).toMatchObject({ available: false, reasonKey: 'service.deviceDown.a4Printer' });
    expect(serviceEntries(demo, [device('idcard', 'noDevice')], site)[0]).toMatchObject({ available: false, reasonKey: 'service.deviceDown.idcard' });
    expect(serviceEntries(demo, [device('idcard', 'online')], site)[0]).toMatchObject({ available: false, reasonKey: 'service.deviceMissing.a4Printer' });
    expect(serviceEntries(demo, [device('idcard', 'online'), device('a4Printer', 'online', 'low')], site)[0]).toMatchObject({ available: true, handling: 'kiosk' });
  });

  it('honours the site’s hidden and counter-only lists', () => {
    const demo = [flow(['idcard'])];
    expect(serviceEntries(demo, [device('idcard', 'online')], { ...site, hidden: ['demo'] })).toEqual([]);
    expect(serviceEntries(demo, [device('idcard', 'online')], { ...site, counterOnly: ['demo'] })[0]).toMatchObject({ handling: 'counter', window: '2号窗口' });
  });
});
