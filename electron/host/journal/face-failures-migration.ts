/**
 * Failed face checks per person, for the lockout across sessions and host
 * restarts (electron/host/face/lockout.ts): the keyed hash of the ID number
 * (journal/transactions-key.ts) and the time, never the number itself.
 */
import type { Migration } from './migrations';

export const FACE_FAILURES_MIGRATION: Migration = {
  version: 4,
  name: 'face_failures',
  sql: `
    CREATE TABLE face_failures (
      id_hash   TEXT NOT NULL CHECK (length(id_hash) = 64),
      failed_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX face_failures_by_person ON face_failures (id_hash, failed_at);
  `,
};
