/**
 * Whether a kiosk flow may start, from the catalogue's live entries: only a
 * service the catalogue shows as available and handled at the kiosk. The
 * flow engine refuses `flow.start` with the catalogue's own reason otherwise.
 */
import type { ServiceEntry } from '../../contract';

export type FlowAvailability = { available: true } | { available: false; reasonKey: string };

/** Builds the flows' availability check over the catalogue entries of the moment. */
export function catalogueAvailability(entries: () => readonly ServiceEntry[]): (serviceId: string) => FlowAvailability {
  return (serviceId) => {
    const entry = entries().find((candidate) => candidate.id === serviceId);
    if (!entry) return { available: false, reasonKey: 'service.unknown' };
    if (entry.handling !== 'kiosk') return { available: false, reasonKey: 'service.counterOnly' };
    return entry.available ? { available: true } : { available: false, reasonKey: entry.reasonKey ?? 'service.unavailable' };
  };
}
