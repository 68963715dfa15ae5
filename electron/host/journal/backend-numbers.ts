/**
 * Back-end numbers in the journal: which number the police back-end gave a
 * document the kiosk numbered itself, and the sandbox back-end's number
 * sequences, kept in the journal so they do not restart at 1 with every
 * process (namespaced, so they never share a row with the kiosk's own
 * document numbers).
 */
import type { Database } from 'better-sqlite3';
import type { SequenceSource } from '../gateway/sandbox-gateway';

export interface BackendNumbers {
  /** Records the back-end's number of the kiosk's document `number`. */
  record(number: string, backendNumber: string): void;
  get(number: string): string | undefined;
}

/** Creates the repository over `document_backend_numbers`. */
export function createBackendNumbers(db: Database): BackendNumbers {
  const insert = db.prepare('INSERT INTO document_backend_numbers (number, backend_number) VALUES (?, ?) ON CONFLICT (number) DO UPDATE SET backend_number = excluded.backend_number');
  const select = db.prepare('SELECT backend_number FROM document_backend_numbers WHERE number = ?');
  return {
    record: (number, backendNumber) => void insert.run(number, backendNumber),
    get: (number) => (select.get(number) as { backend_number: string } | undefined)?.backend_number,
  };
}

/** The sandbox's sequences, persisted in the journal's `document_numbers` under a `sandbox:` type prefix. */
export function createJournalSandboxSequences(db: Database): SequenceSource {
  const advance = db.prepare(
    `INSERT INTO document_numbers (type, year, last_value) VALUES (?, ?, 1)
     ON CONFLICT (type, year) DO UPDATE SET last_value = last_value + 1
     RETURNING last_value`,
  );
  const next = db.transaction((type: string, year: number) => (advance.get(`sandbox:${type}`, year) as { last_value: number }).last_value);
  return { next: (type, year) => next.immediate(type, year) };
}
