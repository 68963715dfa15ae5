/**
 * Which services can start now: a kiosk service needs every device it names
 * to be ready; a service without a kiosk flow (or switched to the counter by
 * the site) is handled at a counter window, which the kiosk points to.
 */
import type { DeviceStatus, ServiceEntry } from '../../contract';
import type { KioskConfig } from '../config/schema';
import type { ServiceDefinition } from './catalogue';

const READY: ReadonlySet<DeviceStatus['state']> = new Set(['online', 'busy']);

/** Computes the home screen's entries from the catalogue, the site config and device status. */
export function serviceEntries(catalogue: readonly ServiceDefinition[], devices: readonly DeviceStatus[], site: KioskConfig['services'], simulation = false): ServiceEntry[] {
  return catalogue
    .filter((service) => !site.hidden.includes(service.id) && (simulation || !service.simulationOnly))
    .map((service) => {
      const base = { id: service.id, category: service.category, name: service.name, feeFen: service.feeFen, ...(service.feeMaxFen !== undefined ? { feeMaxFen: service.feeMaxFen } : {}) };
      const atCounter = !service.kioskFlow || site.counterOnly.includes(service.id);
      if (atCounter) return { ...base, handling: 'counter' as const, available: true, window: site.windows[service.category] };
      const reasonKey = blockingReason(service, devices);
      return reasonKey ? { ...base, handling: 'kiosk' as const, available: false, reasonKey } : { ...base, handling: 'kiosk' as const, available: true };
    });
}

function blockingReason(service: ServiceDefinition, devices: readonly DeviceStatus[]): string | undefined {
  for (const kind of service.devices) {
    const ofKind = devices.filter((device) => device.kind === kind);
    if (ofKind.length === 0) return `service.deviceMissing.${kind}`;
    if (!ofKind.some((device) => READY.has(device.state) && device.media !== 'out' && device.media !== 'jammed')) return `service.deviceDown.${kind}`;
  }
  return undefined;
}
