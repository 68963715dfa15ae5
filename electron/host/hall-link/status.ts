/**
 * The kiosk's retained status message, built from injected sources at the
 * moment it is sent (so it is never stale), and checked against the contract
 * before it leaves (a device list too long is cut, never refused).
 */
import type { DeviceStatus } from '../../contract';
import { KioskStatusMessage, type Consumable, type CurrentSession } from '../../contract/hall-link';
import { linkMaskedName } from './masked';

export interface StatusSources {
  kioskId: string;
  hallName: string;
  version: string;
  devices(): DeviceStatus[];
  consumables(): Consumable[];
  outOfService(): { message: string; since: string } | null;
  staffSignedIn(): { staffNumber: string; nameMasked: string } | null;
  session(): CurrentSession | null;
  journalBacklog(): number;
}

export function buildStatus(sources: StatusSources, now: Date): KioskStatusMessage {
  const outOfService = sources.outOfService();
  const staff = sources.staffSignedIn();
  const staffName = staff ? linkMaskedName(staff.nameMasked) : null;
  return KioskStatusMessage.parse({
    kioskId: sources.kioskId,
    hallName: sources.hallName.slice(0, 100),
    version: sources.version.slice(0, 32),
    at: now.toISOString(),
    outOfService: outOfService ? { message: outOfService.message.slice(0, 200), since: outOfService.since } : null,
    devices: sources.devices().slice(0, 32),
    consumables: sources.consumables().slice(0, 16),
    session: sources.session(),
    staffSignedIn: staff && staffName ? { staffNumber: staff.staffNumber.slice(0, 32), nameMasked: staffName } : null,
    journalBacklog: sources.journalBacklog(),
  });
}
