/**
 * The kiosk's identity-hash key: HMAC-SHA256 over ID numbers lets the
 * station count repeat visits without keeping a single ID number. The key is
 * per kiosk (32 random bytes in `<dataDir>/identity-hash.key`, 0600, created
 * on first use), so hashes cannot be joined across kiosks or reversed by
 * hashing every possible number without the key.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type IdentityKeyError = { kind: 'badKeyFile'; path: string } | { kind: 'keyFileTooOpen'; path: string; mode: string } | { kind: 'cannotCreate'; path: string; message: string };

/** The file name in the data folder. */
export const IDENTITY_KEY_FILE = 'identity-hash.key';

/** Loads (or creates) the key at `path`. Never returns key material in errors. */
export function loadIdentityKey(path: string): { ok: true; key: Buffer } | { ok: false; error: IdentityKeyError } {
  let text: string | undefined;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    text = undefined;
  }
  if (text !== undefined) {
    const mode = statSync(path).mode & 0o777;
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) return { ok: false, error: { kind: 'keyFileTooOpen', path, mode: mode.toString(8) } };
    const trimmed = text.trim();
    return /^[0-9a-f]{64}$/.test(trimmed) ? { ok: true, key: Buffer.from(trimmed, 'hex') } : { ok: false, error: { kind: 'badKeyFile', path } };
  }
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const key = randomBytes(32);
    writeFileSync(path, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600);
    return { ok: true, key };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadIdentityKey(path);
    return { ok: false, error: { kind: 'cannotCreate', path, message: error instanceof Error ? error.message : String(error) } };
  }
}

/** The keyed hash of an ID number (upper-cased, trimmed), hex. */
export function identityHash(key: Buffer, idNumber: string): string {
  return createHmac('sha256', key).update(idNumber.trim().toUpperCase(), 'utf8').digest('hex');
}
