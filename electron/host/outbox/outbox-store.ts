/**
 * The outbox: what must reach the back-end, written (encrypted) before it is
 * sent and deleted only when the back-end acknowledges it. Each entry's
 * idempotency key is its primary key and goes with every delivery attempt,
 * so a crash between "sent" and "deleted" causes a harmless duplicate that
 * the back-end drops.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { open, seal } from './cipher';

export interface OutboxEntry {
  idempotencyKey: string;
  kind: string;
  /** Decrypted payload. */
  payload: unknown;
  attempts: number;
  createdAt: string;
}

/** A due row that could not be decrypted (wrong key, tampering): kept, never sent. */
export interface UndecryptableEntry {
  idempotencyKey: string;
  kind: string;
}

export interface OutboxStore {
  /** Writes an entry (committed when this returns). Same key twice keeps the first. */
  enqueue(kind: string, payload: unknown, idempotencyKey?: string): string;
  /** Entries due at `now`, oldest first. */
  due(limit?: number): { entries: OutboxEntry[]; undecryptable: UndecryptableEntry[] };
  /** The back-end acknowledged: delete. */
  acknowledge(idempotencyKey: string): void;
  /** A failed attempt: count it and schedule the next one. */
  deferred(idempotencyKey: string, failure: string, nextAttemptAt: Date): void;
  /** Entries waiting (for status screens). */
  size(): number;
  /** The soonest next attempt, if any. */
  nextDueAt(): Date | undefined;
}

export interface OutboxStoreOptions {
  db: Database;
  key: Buffer;
  now?: () => Date;
}

interface Row {
  idempotency_key: string;
  kind: string;
  key_id: string;
  nonce: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
  created_at: string;
  attempts: number;
}

const aadOf = (key: string, kind: string) => `${key}\u0000${kind}`;

/** Creates the store over a database that has the outbox table (see migration.ts). */
export function createOutboxStore(options: OutboxStoreOptions): OutboxStore {
  const { db, key } = options;
  const now = options.now ?? (() => new Date());
  const insert = db.prepare(
    `INSERT INTO outbox (idempotency_key, kind, key_id, nonce, ciphertext, tag, created_at, attempts, next_attempt_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
  );
  const selectDue = db.prepare(
    `SELECT idempotency_key, kind, key_id, nonce, ciphertext, tag, created_at, attempts FROM outbox
     WHERE next_attempt_at <= ? ORDER BY created_at, idempotency_key LIMIT ?`,
  );
  const remove = db.prepare('DELETE FROM outbox WHERE idempotency_key = ?');
  const defer = db.prepare('UPDATE outbox SET attempts = attempts + 1, last_failure = ?, next_attempt_at = ? WHERE idempotency_key = ?');
  const count = db.prepare('SELECT count(*) AS n FROM outbox');
  const soonest = db.prepare('SELECT min(next_attempt_at) AS t FROM outbox');

  return {
    enqueue(kind, payload, idempotencyKey = randomUUID()) {
      const sealed = seal(key, JSON.stringify(payload), aadOf(idempotencyKey, kind));
      const at = now().toISOString();
      insert.run(idempotencyKey, kind, sealed.keyId, sealed.nonce, sealed.ciphertext, sealed.tag, at, at);
      return idempotencyKey;
    },
    due(limit = 20) {
      const rows = selectDue.all(now().toISOString(), limit) as Row[];
      const entries: OutboxEntry[] = [];
      const undecryptable: UndecryptableEntry[] = [];
      for (const row of rows) {
        const text = open(key, { keyId: row.key_id, nonce: row.nonce, ciphertext: row.ciphertext, tag: row.tag }, aadOf(row.idempotency_key, row.kind));
        if (text === undefined) {
          undecryptable.push({ idempotencyKey: row.idempotency_key, kind: row.kind });
          continue;
        }
        entries.push({ idempotencyKey: row.idempotency_key, kind: row.kind, payload: JSON.parse(text) as unknown, attempts: row.attempts, createdAt: row.created_at });
      }
      return { entries, undecryptable };
    },
    acknowledge: (idempotencyKey) => void remove.run(idempotencyKey),
    deferred: (idempotencyKey, failure, nextAttemptAt) => void defer.run(failure.slice(0, 200), nextAttemptAt.toISOString(), idempotencyKey),
    size: () => (count.get() as { n: number }).n,
    nextDueAt() {
      const t = (soonest.get() as { t: string | null }).t;
      return t ? new Date(t) : undefined;
    },
  };
}
