/**
 * Opens the station's journal (SQLite via better-sqlite3): WAL, foreign
 * keys, a busy timeout, and the migrations applied. `:memory:` for tests.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database, { type Database as SqliteDatabase } from 'better-sqlite3';
import { err, ok, type Result } from '../../../domain/result';
import { migrate, MIGRATIONS, type Migration, type MigrationError } from './migrations';

export interface Journal {
  readonly db: SqliteDatabase;
  readonly schemaVersion: number;
  close(): void;
}

export type JournalError = MigrationError | { kind: 'cannotOpen'; path: string; message: string };

export interface OpenJournalOptions {
  migrations?: readonly Migration[];
  now?: () => Date;
}

/** Opens (creating if needed) the journal at `path`. */
export function openJournal(path: string, options: OpenJournalOptions = {}): Result<Journal, JournalError> {
  let db: SqliteDatabase;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    return err({ kind: 'cannotOpen', path, message: error instanceof Error ? error.message : String(error) });
  }
  const migrated = migrate(db, options.migrations ?? MIGRATIONS, options.now);
  if (!migrated.ok) {
    db.close();
    return migrated;
  }
  return ok({ db, schemaVersion: migrated.value, close: () => db.close() });
}
