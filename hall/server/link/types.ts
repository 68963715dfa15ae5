/** The hall side of the kiosk link, as the hall's HTTP server (H2) uses it. */
import type { KioskCommand, StaffAllowList } from '../../../electron/contract/hall-link';

/** What changed in the database after a kiosk message (emitted after the row is written). */
export type HallChange =
  | { type: 'kiosk'; kioskId: string }
  | { type: 'alert'; kioskId: string; id: string }
  | { type: 'helpCall'; kioskId: string; callId: string }
  | { type: 'supervision'; kioskId: string };

export interface HallLinkStats {
  /** Messages received from kiosks (valid or not). */
  received: number;
  /** Dropped: not JSON, wrong schema, too large or deep, foreign topic, a kiosk speaking for another. */
  rejected: number;
  journalRowsStored: number;
  /** Journal rows already stored (a kiosk's outbox re-sent them). */
  duplicatesIgnored: number;
}

export type SendCommandError = 'kioskOffline' | 'invalid';

export interface HallLinkServer {
  sendCommand(
    kioskId: string,
    command: KioskCommand,
    by: { username: string; role: 'officer' | 'supervisor' },
  ): Promise<{ ok: true; value: { commandId: string } } | { ok: false; error: SendCommandError }>;
  /** Publishes the staff allow-list, retained, to every kiosk of the hall. */
  publishAllowList(list: StaffAllowList): Promise<void>;
  /** Publishes a 可视化代办 message to a kiosk (`…/kiosk/<id>/proxy/down`, QoS 1, not retained). */
  publishProxy(topic: string, payload: string): Promise<void>;
  onChange(listener: (change: HallChange) => void): () => void;
  stats(): HallLinkStats;
  stop(): Promise<void>;
}

export interface LinkLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
