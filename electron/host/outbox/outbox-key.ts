/**
 * The outbox's AES-256 key: from `ONEDOOR_OUTBOX_KEY` (64 hex characters or
 * base64 of 32 bytes) when set, else from a key file in the key store (never
 * the data folder: keys/key-store.ts), created on first use with 0600 permissions.
 */
import { err, ok, type Result } from '../../../domain/result';
import { loadOrCreateKeyFile, type KeyFileError } from '../key-file';

export const OUTBOX_KEY_ENV = 'ONEDOOR_OUTBOX_KEY';

/** The file name in the key store. */
export const OUTBOX_KEY_FILE = 'outbox.key';

export type OutboxKeyError = { kind: 'badEnvKey' } | KeyFileError;

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
export function loadOutboxKey(options: { keyFile: string; env?: NodeJS.ProcessEnv }): Result<Buffer, OutboxKeyError> {
  const fromEnv = (options.env ?? process.env)[OUTBOX_KEY_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    const key = decodeKey(fromEnv);
    return key ? ok(key) : err({ kind: 'badEnvKey' });
  }
  return loadOrCreateKeyFile(options.keyFile, decodeKey);
}
