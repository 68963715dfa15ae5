/**
 * PDFs on disk for one session: written 0600 under `<dir>/<sessionId>/`, read
 * back for a reprint, and deleted when the session ends unless the station
 * is configured to keep documents (DOMAIN.md §6: no personal data after the
 * session).
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { err, ok, type Result } from '../../../domain/result';

export interface DocumentStoreOptions {
  dir: string;
  /** Keep PDFs after the session (default false: delete at session end). */
  keepDocuments?: boolean;
}

export type StoreError = { kind: 'invalidName'; name: string } | { kind: 'writeFailed'; message: string };

export interface DocumentStore {
  readonly keepDocuments: boolean;
  save(sessionId: string, number: string, pdf: Uint8Array): Promise<Result<string, StoreError>>;
  /** The stored PDF, or `undefined` when it is gone (session ended). */
  read(sessionId: string, number: string): Promise<Uint8Array | undefined>;
  /** Deletes the session's PDFs (nothing when `keepDocuments`); resolves with whether files were removed. */
  deleteSessionFiles(sessionId: string): Promise<boolean>;
}

const SAFE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Creates a store under `options.dir`. */
export function createDocumentStore(options: DocumentStoreOptions): DocumentStore {
  const keepDocuments = options.keepDocuments ?? false;
  const pathOf = (sessionId: string, number?: string): Result<string, StoreError> => {
    for (const name of number === undefined ? [sessionId] : [sessionId, number]) {
      if (!SAFE.test(name) || name.includes('..')) return err({ kind: 'invalidName', name });
    }
    return ok(number === undefined ? join(options.dir, sessionId) : join(options.dir, sessionId, `${number}.pdf`));
  };

  return {
    keepDocuments,
    async save(sessionId, number, pdf) {
      const path = pathOf(sessionId, number);
      if (!path.ok) return path;
      try {
        await mkdir(join(options.dir, sessionId), { recursive: true, mode: 0o700 });
        await writeFile(path.value, pdf, { mode: 0o600 });
        return path;
      } catch (error) {
        return err({ kind: 'writeFailed', message: error instanceof Error ? error.message : String(error) });
      }
    },
    async read(sessionId, number) {
      const path = pathOf(sessionId, number);
      if (!path.ok) return undefined;
      try {
        return new Uint8Array(await readFile(path.value));
      } catch {
        return undefined;
      }
    },
    async deleteSessionFiles(sessionId) {
      if (keepDocuments) return false;
      const path = pathOf(sessionId);
      if (!path.ok) return false;
      await rm(path.value, { recursive: true, force: true });
      return true;
    },
  };
}
