/**
 * The stored recording's format: magic `ODREC1`, a 12-byte IV, the 16-byte
 * GCM tag, then the AES-256-GCM ciphertext. The case id is the associated
 * data, so a file renamed to another case does not open.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const MAGIC = Buffer.from('ODREC1', 'ascii');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + IV_BYTES + TAG_BYTES;

export function sealRecording(key: Uint8Array, caseId: string, plaintext: Uint8Array): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(caseId, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]);
}

/** null when the file is not ours, was changed, or belongs to another case or key. */
export function openRecording(key: Uint8Array, caseId: string, sealed: Uint8Array): Buffer | null {
  const file = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (file.length < HEADER_BYTES || !file.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const iv = file.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
  const tag = file.subarray(MAGIC.length + IV_BYTES, HEADER_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(caseId, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(file.subarray(HEADER_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}
