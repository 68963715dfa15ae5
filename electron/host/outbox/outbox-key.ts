/**
 * The outbox's AES-256 key: from `ONEDOOR_OUTBOX_KEY` (64 hex characters or
 * base64 of 32 bytes) when set, else from a key file in the data directory,
 * created on first use with 0600 permissions.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const OUTBOX_KEY_ENV = 'ONEDOOR_OUTBOX_KEY';

export type OutboxKeyError =
  | { kind: 'badEnvKey' }
  | { kind: 'badKeyFile'; path: string }
  | { kind: 'keyFileTooOpen'; path: string; mode: string }
  | { kind: 'cannotCreate'; path: string; message: string };

/** Decodes a 32-byte key written as hex or base64. */
export function decodeKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/]{43}=$/.test(trimmed)) {
    const key = Buffer.from(trimmed, 'base64');
    return key.length === 32 ? key : undefined;
  }
  return undefined;
}

/** Loads (or creates) the key. Never logs or returns key material in errors. */
export function loadOutboxKey(options: { keyFile: string; env?: NodeJS.ProcessEnv }): { ok: true; key: Buffer } | { ok: false; error: OutboxKeyError } {
  const fromEnv = (options.env ?? process.env)[OUTBOX_KEY_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    const key = decodeKey(fromEnv);
    return key ? { ok: true, key } : { ok: false, error: { kind: 'badEnvKey' } };
  }
  const path = options.keyFile;
  let existing: string | undefined;
  try {
    existing = readFileSync(path, 'utf8');
  } catch {
    existing = undefined;
  }
  if (existing !== undefined) {
    const mode = statSync(path).mode & 0o777;
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) return { ok: false, error: { kind: 'keyFileTooOpen', path, mode: mode.toString(8) } };
    const key = decodeKey(existing);
    return key ? { ok: true, key } : { ok: false, error: { kind: 'badKeyFile', path } };
  }
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const key = randomBytes(32);
    writeFileSync(path, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600);
    return { ok: true, key };
  } catch (error) {
    // Another process may have created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOutboxKey({ ...options, env: {} });
    return { ok: false, error: { kind: 'cannotCreate', path, message: error instanceof Error ? error.message : String(error) } };
  }
}
