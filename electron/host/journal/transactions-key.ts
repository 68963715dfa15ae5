/**
 * The kiosk's identity-hash key: HMAC-SHA256 over ID numbers lets the
 * station count repeat visits without keeping a single ID number. The key is
 * per kiosk (32 random bytes in `identity-hash.key` in the key store, apart
 * from the data folder; 0600, created on first use), so hashes cannot be joined
 * across kiosks or reversed by hashing every possible number without the key.
 */
import { createHmac } from 'node:crypto';
import type { Result } from '../../../domain/result';
import { loadOrCreateKeyFile, type KeyFileError } from '../key-file';

export type IdentityKeyError = KeyFileError;

/** The file name in the key store. */
export const IDENTITY_KEY_FILE = 'identity-hash.key';

/** Loads (or creates) the key at `path`. Never returns key material in errors. */
export function loadIdentityKey(path: string): Result<Buffer, IdentityKeyError> {
  return loadOrCreateKeyFile(path, (text) => (/^[0-9a-f]{64}$/.test(text.trim()) ? Buffer.from(text.trim(), 'hex') : undefined));
}

/** The keyed hash of an ID number (upper-cased, trimmed), hex. */
export function identityHash(key: Buffer, idNumber: string): string {
  return createHmac('sha256', key).update(idNumber.trim().toUpperCase(), 'utf8').digest('hex');
}
