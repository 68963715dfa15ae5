/**
 * A 32-byte secret kept in a file of the key store: read it, or create it
 * (random, hex, mode 0600) on first use. A file others can read is refused.
 * Errors never carry key material.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { err, ok, type Result } from '../../domain/result';

export type KeyFileError =
  | { kind: 'badKeyFile'; path: string }
  | { kind: 'keyFileTooOpen'; path: string; mode: string }
  | { kind: 'cannotCreate'; path: string; message: string };

/** Loads the key at `path` with `decode`, or creates it when the file does not exist. */
export function loadOrCreateKeyFile(path: string, decode: (text: string) => Buffer | undefined): Result<Buffer, KeyFileError> {
  let text: string | undefined;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    text = undefined;
  }
  if (text !== undefined) {
    const mode = statSync(path).mode & 0o777;
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) return err({ kind: 'keyFileTooOpen', path, mode: mode.toString(8) });
    const key = decode(text);
    return key ? ok(key) : err({ kind: 'badKeyFile', path });
  }
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const key = randomBytes(32);
    writeFileSync(path, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600);
    return ok(key);
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateKeyFile(path, decode);
    return err({ kind: 'cannotCreate', path, message: error instanceof Error ? error.message : String(error) });
  }
}
