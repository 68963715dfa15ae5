/**
 * The journal's record of failed face checks: one row per failure, keyed by
 * the keyed hash of the ID number, so the count survives new sessions and
 * host restarts without the journal holding a single ID number.
 */
import type { Database } from 'better-sqlite3';

/** Failed face checks of one person, by ID number (hashed inside). */
export interface FaceFailureLog {
  /** Records one failed check at `at`, and forgets failures older than `forgetBefore`. */
  record(idNumber: string, at: Date, forgetBefore: Date): void;
  /** Failures recorded at or after `since`. */
  countSince(idNumber: string, since: Date): number;
}

/** The log over the journal's `face_failures` table; `hash` is the kiosk's keyed identity hash. */
export function createFaceFailureLog(db: Database, hash: (idNumber: string) => string): FaceFailureLog {
  const insert = db.prepare('INSERT INTO face_failures (id_hash, failed_at) VALUES (?, ?)');
  const prune = db.prepare('DELETE FROM face_failures WHERE failed_at < ?');
  const count = db.prepare('SELECT count(*) AS n FROM face_failures WHERE id_hash = ? AND failed_at >= ?');
  const record = db.transaction((idHash: string, at: string, forgetBefore: string) => {
    prune.run(forgetBefore);
    insert.run(idHash, at);
  });
  return {
    record: (idNumber, at, forgetBefore) => record(hash(idNumber), at.toISOString(), forgetBefore.toISOString()),
    countSince: (idNumber, since) => (count.get(hash(idNumber), since.toISOString()) as { n: number }).n,
  };
}
