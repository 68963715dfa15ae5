/** What ingesting one kiosk message needs and answers. */
import type { Result } from '../../../domain/result';
import type { HallDb } from '../store/hall-db';
import type { HallChange } from './types';

export interface IngestContext {
  db: HallDb;
  /** The kiosk the broker authenticated (from the topic, which the ACL ties to the username). */
  kioskId: string;
  now: Date;
  /** Delivered from the broker's retained store (an old state replayed on subscribe), not live. */
  retained: boolean;
}

export type IngestRejection = 'schema' | 'kioskIdMismatch' | 'notFromKiosks';

export type Ingested = { changes: HallChange[]; journal?: { stored: number; duplicates: number; refused: number } };

export type IngestResult = Result<Ingested, IngestRejection>;

/** A kiosk's clock may run ahead: a time from the kiosk is never later than our now. */
export function notAfter(at: string, now: Date): Date {
  const when = new Date(at);
  return when.getTime() > now.getTime() ? now : when;
}
