/**
 * What the HTTP side needs from the hall's other parts, as structural types:
 * the MQTT link (H1's `hall/server/link/hall-link-server.ts`) and the
 * statistics (H6's `hall/server/stats/hall-stats.ts`). Tests pass fakes.
 */
import type { KioskCommand, KioskCommandMessage, StaffAllowList } from '../../../electron/contract/hall-link';
import type { DropOffAnswer, StatsAnswer, StatsQuery } from '../../contract/console-api';
import type { Result } from '../../../domain/result';

/** A row the link changed (the server reads it and tells the consoles). `id` of an alert: the `alerts.id` or the kiosk's `alert_id`. */
export type HallChange =
  | { type: 'kiosk'; kioskId: string }
  | { type: 'alert'; kioskId: string; id: string }
  | { type: 'helpCall'; kioskId: string; callId: string }
  | { type: 'supervision'; kioskId: string };

export type CommandBy = KioskCommandMessage['by'];

export interface HallLinkPort {
  sendCommand(kioskId: string, command: KioskCommand, by: CommandBy): Promise<Result<{ commandId: string }, 'kioskOffline' | 'invalid'>>;
  publishAllowList(list: StaffAllowList): Promise<void> | void;
  onChange(listener: (change: HallChange) => void): () => void;
}

export interface HallStatsPort {
  summary(q: StatsQuery): Promise<StatsAnswer>;
  dropOff(serviceId: string, from: string, to: string): Promise<DropOffAnswer>;
  csv(q: StatsQuery): Promise<string>;
}
