/**
 * The lockout per person across sessions: `face.lockoutFailures` failed
 * checks within `face.lockoutWindowHours` send that person to the counter,
 * so new sessions do not give unlimited tries against one reference photo.
 * The count lives in the journal under the keyed hash of the ID number.
 */
import type { FaceFailureLog } from '../journal/face-failures-repo';

/** What the face check asks of the lockout. */
export interface FaceLockout {
  /** Failed checks this person may still make before the lockout (0 = locked out). */
  failuresLeft(idNumber: string): number;
  /** Counts one failed check of this person. */
  recordFailure(idNumber: string): void;
}

/** The lockout over the journal's failure log. */
export function createFaceLockout(log: FaceFailureLog, limits: { maxFailures: number; windowMs: number }, now: () => Date): FaceLockout {
  const windowStart = () => new Date(now().getTime() - limits.windowMs);
  return {
    failuresLeft: (idNumber) => Math.max(0, limits.maxFailures - log.countSince(idNumber, windowStart())),
    recordFailure: (idNumber) => log.record(idNumber, now(), windowStart()),
  };
}
