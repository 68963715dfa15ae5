import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../electron/contract';
import { defaultConfig } from '../../../electron/host/config/load';
import { serviceEntries } from '../../../electron/host/services/availability';
import { buildCatalogue, SERVICE_CATALOGUE, type CounterService, type ServiceDefinition } from '../../../electron/host/services/catalogue';
import { COUNTER_SERVICES } from '../../../electron/host/services/counter-services';
import { SERVICE_MODULES } from '../../../electron/host/services/registry';
import type { ServiceModule } from '../../../electron/host/services/service-module';

const since = '2026-11-29T08:00:00.000Z';
const device = (kind: DeviceStatus['kind'], state: DeviceStatus['state'], media?: DeviceStatus['media']): DeviceStatus => ({
  id: kind, kind, simulated: true, state, media, messageKey: `devices.state.${state}`, since,
});
const flow = (devices: ServiceDefinition['devices']): ServiceDefinition => ({
  id: 'demo', category: 'certificates', name: { 'zh-CN': '演示', en: 'Demo' }, feeFen: 0, devices, kioskFlow: true,
});
const site = defaultConfig().services;

/** A service module as far as the catalogue reads it. */
const serviceModule = (id: string, category: ServiceModule['catalogue']['category'], order: number, feeFen: number[] = [], oneOf = false): ServiceModule =>
  ({
    id,
    catalogue: { category, name: { 'zh-CN': id, en: id }, devices: ['idcard'], audience: ['resident'], proxy: false, order },
    fee: { items: feeFen.map((amountFen, i) => ({ code: `${id}-${i}`, name: { 'zh-CN': '费', en: 'fee' }, amountFen, basis: 'test' })), exemptions: [], chargedOn: ['done'], ...(oneOf ? { oneOf: true } : {}) },
  }) as unknown as ServiceModule;
const atCounter = (id: string, category: CounterService['category']): CounterService => ({ id, category, name: { 'zh-CN': id, en: id }, feeFen: 500 });

describe('service catalogue', () => {
  it('covers the hall’s 户政, 证明, 交管, 出入境 and proxy services with the official fees', () => {
    const byId = new Map(SERVICE_CATALOGUE.map((s) => [s.id, s]));
    expect(new Set(SERVICE_CATALOGUE.map((s) => s.category))).toEqual(new Set(['huzheng', 'certificates', 'traffic', 'exitEntry', 'proxy']));
    // 换领, 损坏换领 and 补领 (also 异地) are one kiosk flow, listed as a range: 换领 20 元, 补领 and 损坏换领 40 元.
    expect(byId.has('id-card-replacement')).toBe(false);
    expect(byId.get('id-card-renewal')).toMatchObject({ feeFen: 2000, feeMaxFen: 4000 });
    expect(byId.get('child-id-card')?.feeFen).toBe(2000);
    expect(byId.get('child-id-card')).not.toHaveProperty('feeMaxFen');
    expect(byId.get('residence-permit-endorsement')?.feeFen).toBe(0);
    expect(byId.get('temporary-id')).toMatchObject({ feeFen: 1000 });
    expect(byId.get('temporary-id')).not.toHaveProperty('feeMaxFen');
    expect(byId.get('no-criminal-record')?.feeFen).toBe(0);
    // 期满换证, 损毁换证 and 补领 of the driving licence are one kiosk flow (工本费 10 元 each).
    expect(byId.has('licence-renewal')).toBe(false);
    expect(byId.get('driving-licence-renewal')?.feeFen).toBe(1000);
  });

  it('is built from the service modules (kiosk flows) and the counter services, one entry per service', () => {
    const ids = SERVICE_CATALOGUE.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const module of SERVICE_MODULES) {
      const amounts = module.fee.items.map((item) => item.amountFen);
      // The items' total, or their range when they are alternatives (换领 20 元 or 补领 40 元).
      const fee = module.fee.oneOf
        ? { feeFen: Math.min(...amounts), ...(Math.max(...amounts) > Math.min(...amounts) ? { feeMaxFen: Math.max(...amounts) } : {}) }
        : { feeFen: amounts.reduce((sum, fen) => sum + fen, 0) };
      expect(SERVICE_CATALOGUE.find((s) => s.id === module.id)).toEqual({
        id: module.id,
        category: module.catalogue.category,
        name: module.catalogue.name,
        ...fee,
        devices: module.catalogue.devices,
        kioskFlow: true,
        ...(module.catalogue.simulationOnly ? { simulationOnly: true } : {}),
      });
    }
    for (const service of COUNTER_SERVICES.filter((c) => !SERVICE_MODULES.some((m) => m.id === c.id))) {
      expect(SERVICE_CATALOGUE.find((s) => s.id === service.id)).toEqual({ ...service, devices: [], kioskFlow: false });
    }
    expect(SERVICE_CATALOGUE).toHaveLength(new Set([...SERVICE_MODULES.map((m) => m.id), ...COUNTER_SERVICES.map((c) => c.id)]).size);
  });

  it('lists by category, kiosk flows first in their own order; a module replaces the counter line of the same service; the fee is the sum of its items', () => {
    const catalogue = buildCatalogue(
      [serviceModule('late', 'certificates', 20), serviceModule('early', 'certificates', 10), serviceModule('temporary-id', 'huzheng', 5, [600, 400])],
      [atCounter('counter-cert', 'certificates'), atCounter('temporary-id', 'huzheng'), atCounter('visa', 'exitEntry'), atCounter('move', 'huzheng')],
    );
    expect(catalogue.map((s) => [s.id, s.kioskFlow])).toEqual([
      ['temporary-id', true],
      ['move', false],
      ['early', true],
      ['late', true],
      ['counter-cert', false],
      ['visa', false],
    ]);
    expect(catalogue.find((s) => s.id === 'temporary-id')).toMatchObject({ feeFen: 1000, devices: ['idcard'] });
  });

  it('lists alternatives (one item owed, chosen in the flow) as their range, and the entries carry it to the home screen', () => {
    const catalogue = buildCatalogue([serviceModule('renewal', 'huzheng', 1, [2000, 4000], true), serviceModule('same', 'huzheng', 2, [1500, 1500], true)], []);
    expect(catalogue.find((s) => s.id === 'renewal')).toMatchObject({ feeFen: 2000, feeMaxFen: 4000 });
    expect(catalogue.find((s) => s.id === 'same')).toEqual(expect.objectContaining({ feeFen: 1500 }));
    expect(catalogue.find((s) => s.id === 'same')).not.toHaveProperty('feeMaxFen');
    const entries = serviceEntries(catalogue, [device('idcard', 'online')], site);
    expect(entries.find((e) => e.id === 'renewal')).toMatchObject({ feeFen: 2000, feeMaxFen: 4000, handling: 'kiosk', available: true });
    expect(entries.find((e) => e.id === 'same')).not.toHaveProperty('feeMaxFen');
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

describe('simulation-only services', () => {
  const site = defaultConfig().services;
  const demo = SERVICE_CATALOGUE.filter((s) => s.simulationOnly);
  it('are listed on a simulated kiosk and never on a real one', () => {
    expect(demo.map((s) => s.id)).toContain('capability-demo');
    expect(serviceEntries(demo, [], site, true).map((s) => s.id)).toEqual(demo.map((s) => s.id));
    expect(serviceEntries(demo, [], site, false)).toEqual([]);
  });
});
