/**
 * The hall's recording key (AES-256, 32 bytes): `recording.key` in the
 * hall's credentials folder, made owner-only on first start. A key file
 * that is there but unreadable is NOT replaced: a new key would make every
 * stored recording unreadable, so the hall refuses to start instead.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { err, ok, type Result } from '../../../../domain/result';

export const RECORDING_KEY_FILE = 'recording.key';

export function loadOrCreateRecordingKey(dir: string): Result<Uint8Array, { kind: 'malformedKey' | 'unreadable'; path: string }> {
  const path = join(dir, RECORDING_KEY_FILE);
  if (existsSync(path)) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8').trim();
    } catch {
      return err({ kind: 'unreadable', path });
    }
    if (!/^[0-9a-fA-F]{64}$/.test(text)) return err({ kind: 'malformedKey', path });
    return ok(new Uint8Array(Buffer.from(text, 'hex')));
  }
  const key = randomBytes(32);
  try {
    // 'wx': two hall processes starting at once must not each write their own key.
    writeFileSync(path, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch {
    return loadExisting(path);
  }
  return ok(new Uint8Array(key));
}

function loadExisting(path: string): Result<Uint8Array, { kind: 'malformedKey' | 'unreadable'; path: string }> {
  try {
    const text = readFileSync(path, 'utf8').trim();
    return /^[0-9a-fA-F]{64}$/.test(text) ? ok(new Uint8Array(Buffer.from(text, 'hex'))) : err({ kind: 'malformedKey', path });
  } catch {
    return err({ kind: 'unreadable', path });
  }
}
