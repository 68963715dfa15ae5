/** The services the renderer can draw a kiosk flow for: one folder each. */
import type { KioskFlow } from './kiosk-flow';
import { noCriminalRecordFlow } from './no-criminal-record';

const FLOWS: readonly KioskFlow[] = [noCriminalRecordFlow];

/** The flow drawn for a service, or null when the renderer has none. */
export function kioskFlowFor(serviceId: string): KioskFlow | null {
  return FLOWS.find((flow) => flow.serviceId === serviceId) ?? null;
}
