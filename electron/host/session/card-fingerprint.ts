/**
 * The card's fingerprint block (GA 467 30 10: two 512-byte templates), kept
 * for the fingerprints step's 1:1 comparison in the session's data only: it
 * is zeroed when the session is wiped or another card replaces it, and never
 * logged, sent to the screen or written anywhere.
 */
import type { RawCardRead } from '../../../drivers/manager';
import type { ActiveSession, Wipeable } from './session-store';

const KEY = 'idcard.fingerprint';

/** What the session knows of the card's prints. */
export type CardFingerprints =
  | { kind: 'present'; data: Uint8Array }
  /** The card was read without its prints (the kiosk does not read them, or the card has none). */
  | { kind: 'absent' }
  /** The card has prints but their block failed the reader's check (SW3 0x37). */
  | { kind: 'unreadable' };

class KeptFingerprints implements Wipeable {
  constructor(readonly value: CardFingerprints) {}
  wipe(): void {
    if (this.value.kind === 'present') this.value.data.fill(0);
  }
}

/** Keeps what `raw` says of the card's prints in `session` (zeroing what an earlier card left). */
export function keepCardFingerprints(session: ActiveSession, raw: Pick<RawCardRead, 'fingerprint' | 'fingerprintUnreadable'>): void {
  const previous = session.data.get(KEY);
  if (previous instanceof KeptFingerprints) previous.wipe();
  const value: CardFingerprints = raw.fingerprint ? { kind: 'present', data: raw.fingerprint.slice() } : raw.fingerprintUnreadable ? { kind: 'unreadable' } : { kind: 'absent' };
  session.data.set(KEY, new KeptFingerprints(value));
}

/** The card's prints for `session`; `absent` when no card was read (a typed number). */
export function cardFingerprintsOf(session: ActiveSession): CardFingerprints {
  const kept = session.data.get(KEY);
  return kept instanceof KeptFingerprints ? kept.value : { kind: 'absent' };
}
