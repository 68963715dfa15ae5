/**
 * The hall's services (户政, 证明, 交管, 出入境, 可视化代办), as the home screen
 * lists them: every service module (a kiosk flow) plus the services still
 * handled only at a counter window. Built from their descriptions; nothing
 * here names a service.
 *
 * Reason keys the renderer translates:
 * - `service.deviceDown.<kind>`: a device the service needs is not ready;
 * - `service.deviceMissing.<kind>`: this kiosk has no such device;
 * - `service.disabledAtSite`: switched off in this hall's config.
 */
import type { DeviceKind, ServiceCategory } from '../../contract';
import { COUNTER_SERVICES } from './counter-services';
import { SERVICE_MODULES } from './registry';
import { listedFee, type ServiceModule } from './service-module';

export interface ServiceDefinition {
  id: string;
  category: ServiceCategory;
  name: { 'zh-CN': string; en: string };
  /** The fee, or the lowest of a range. */
  feeFen: number;
  /** The highest of a range (one of several items is owed); absent for a fixed fee. */
  feeMaxFen?: number;
  /** Devices a kiosk run of this service needs. */
  devices: readonly DeviceKind[];
  /** True when the kiosk has this service's flow. */
  kioskFlow: boolean;
  /** Listed only on a simulated kiosk. */
  simulationOnly?: boolean;
}

/** A service handled only at a counter for now. */
export interface CounterService {
  id: string;
  category: ServiceCategory;
  name: { 'zh-CN': string; en: string };
  feeFen: number;
}

const CATEGORY_ORDER: readonly ServiceCategory[] = ['huzheng', 'certificates', 'traffic', 'exitEntry', 'proxy'];

/** The catalogue from modules and counter services, by category, kiosk flows first. */
export function buildCatalogue(modules: readonly ServiceModule[], counter: readonly CounterService[]): ServiceDefinition[] {
  const kiosk = [...modules]
    .sort((a, b) => a.catalogue.order - b.catalogue.order)
    .map((module) => ({ id: module.id, category: module.catalogue.category, name: module.catalogue.name, ...feeOf(module), devices: module.catalogue.devices, kioskFlow: true, ...(module.catalogue.simulationOnly ? { simulationOnly: true } : {}) }));
  const atCounter = counter.filter((service) => !kiosk.some((entry) => entry.id === service.id)).map((service) => ({ ...service, devices: [], kioskFlow: false }));
  return CATEGORY_ORDER.flatMap((category) => [...kiosk, ...atCounter].filter((entry) => entry.category === category));
}

function feeOf(module: ServiceModule): Pick<ServiceDefinition, 'feeFen' | 'feeMaxFen'> {
  const { minFen, maxFen } = listedFee(module.fee);
  return maxFen > minFen ? { feeFen: minFen, feeMaxFen: maxFen } : { feeFen: minFen };
}

export const SERVICE_CATALOGUE: readonly ServiceDefinition[] = buildCatalogue(SERVICE_MODULES, COUNTER_SERVICES);
