/**
 * AES-256-GCM sealing of outbox payloads. The row's idempotency key and kind
 * are authenticated (AAD), so a ciphertext cannot be moved to another row.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface SealedPayload {
  keyId: string;
  nonce: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

/** Short fingerprint of a key (not secret-revealing) to tell keys apart. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('onedoor-outbox-key-id').update(key).digest('hex').slice(0, 16);
}

/** Encrypts `plaintext` bound to `aad`. */
export function seal(key: Buffer, plaintext: string, aad: string): SealedPayload {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { keyId: keyIdOf(key), nonce, ciphertext, tag: cipher.getAuthTag() };
}

/** Decrypts; `undefined` when the key is wrong or the data was tampered with. */
export function open(key: Buffer, sealed: SealedPayload, aad: string): string | undefined {
  if (sealed.keyId !== keyIdOf(key)) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.nonce);
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(sealed.tag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
