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

/** A held entry: kept, never sent until released. */
export interface HeldEntry {
  idempotencyKey: string;
  kind: string;
  heldFor: string;
  createdAt: string;
}

export interface OutboxStore {
  /**
   * Writes an entry (committed when this returns). Same key twice keeps the
   * first. With `heldFor` the entry is held: not due until {@link release}.
   */
  enqueue(kind: string, payload: unknown, idempotencyKey?: string, options?: { heldFor?: string }): string;
  /** Lets a held entry go to the sender (due at once); false when no entry has the key. */
  release(idempotencyKey: string): boolean;
  /** Removes an entry that must never be sent (an application whose fee was not paid); false when none had the key. */
  discard(idempotencyKey: string): boolean;
  /** The held entries, oldest first. */
  held(): HeldEntry[];
  /** The entry with this key when it may be sent now (whatever its backoff): not held, decryptable. */
  entry(idempotencyKey: string): OutboxEntry | undefined;
  /** Whether an entry with this key is waiting (held or not). */
  has(idempotencyKey: string): boolean;
  /** Entries due at `now` and not held, oldest first. */
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
    `INSERT INTO outbox (idempotency_key, kind, key_id, nonce, ciphertext, tag, created_at, attempts, next_attempt_at, held_for)
     VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
  );
  const selectDue = db.prepare(
    `SELECT idempotency_key, kind, key_id, nonce, ciphertext, tag, created_at, attempts FROM outbox
     WHERE held_for IS NULL AND next_attempt_at <= ? ORDER BY created_at, idempotency_key LIMIT ?`,
  );
  const remove = db.prepare('DELETE FROM outbox WHERE idempotency_key = ?');
  const defer = db.prepare('UPDATE outbox SET attempts = attempts + 1, last_failure = ?, next_attempt_at = ? WHERE idempotency_key = ?');
  const count = db.prepare('SELECT count(*) AS n FROM outbox');
  const soonest = db.prepare('SELECT min(next_attempt_at) AS t FROM outbox WHERE held_for IS NULL');
  const releaseRow = db.prepare('UPDATE outbox SET held_for = NULL, next_attempt_at = ? WHERE idempotency_key = ? AND held_for IS NOT NULL');
  const selectOne = db.prepare(
    'SELECT idempotency_key, kind, key_id, nonce, ciphertext, tag, created_at, attempts FROM outbox WHERE idempotency_key = ? AND held_for IS NULL',
  );
  const exists = db.prepare('SELECT 1 AS x FROM outbox WHERE idempotency_key = ?');
  const heldRows = db.prepare('SELECT idempotency_key, kind, held_for, created_at FROM outbox WHERE held_for IS NOT NULL ORDER BY created_at, idempotency_key');

  const decrypt = (row: Row): OutboxEntry | undefined => {
    const text = open(key, { keyId: row.key_id, nonce: row.nonce, ciphertext: row.ciphertext, tag: row.tag }, aadOf(row.idempotency_key, row.kind));
    if (text === undefined) return undefined;
    return { idempotencyKey: row.idempotency_key, kind: row.kind, payload: JSON.parse(text) as unknown, attempts: row.attempts, createdAt: row.created_at };
  };

  return {
    enqueue(kind, payload, idempotencyKey = randomUUID(), options = {}) {
      const sealed = seal(key, JSON.stringify(payload), aadOf(idempotencyKey, kind));
      const at = now().toISOString();
      insert.run(idempotencyKey, kind, sealed.keyId, sealed.nonce, sealed.ciphertext, sealed.tag, at, at, options.heldFor ?? null);
      return idempotencyKey;
    },
    release(idempotencyKey) {
      releaseRow.run(now().toISOString(), idempotencyKey);
      return exists.get(idempotencyKey) !== undefined;
    },
    discard: (idempotencyKey) => remove.run(idempotencyKey).changes > 0,
    held: () =>
      (heldRows.all() as Array<{ idempotency_key: string; kind: string; held_for: string; created_at: string }>).map((row) => ({
        idempotencyKey: row.idempotency_key,
        kind: row.kind,
        heldFor: row.held_for,
        createdAt: row.created_at,
      })),
    has: (idempotencyKey) => exists.get(idempotencyKey) !== undefined,
    due(limit = 20) {
      const rows = selectDue.all(now().toISOString(), limit) as Row[];
      const entries: OutboxEntry[] = [];
      const undecryptable: UndecryptableEntry[] = [];
      for (const row of rows) {
        const entry = decrypt(row);
        if (entry) entries.push(entry);
        else undecryptable.push({ idempotencyKey: row.idempotency_key, kind: row.kind });
      }
      return { entries, undecryptable };
    },
    entry(idempotencyKey) {
      const row = selectOne.get(idempotencyKey) as Row | undefined;
      return row ? decrypt(row) : undefined;
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
