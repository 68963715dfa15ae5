/**
 * Ed25519 signatures on the payment service's answers and notifications:
 * the service signs the body's bytes exactly as sent; the kiosk verifies them
 * with the service's public key (SPKI DER, base64) before parsing anything.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { err, ok, type Result } from '../../../domain/result';

export interface SigningKey {
  sign(body: string): string;
  /** The public half, SPKI DER base64 (what `/v1/public-key` publishes). */
  publicKeyBase64: string;
}

/** A fresh key pair (the sandbox makes one at start). */
export function generateSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return signingKeyOf(privateKey, publicKey);
}

export function signingKeyOf(privateKey: KeyObject, publicKey: KeyObject = createPublicKey(privateKey)): SigningKey {
  const publicKeyBase64 = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  return { sign: (body) => sign(null, Buffer.from(body, 'utf8'), privateKey).toString('base64'), publicKeyBase64 };
}

/** A private key from PEM (a test's fixed key). */
export function signingKeyFromPem(pem: string): SigningKey {
  return signingKeyOf(createPrivateKey(pem));
}

/** The service's public key from its base64 SPKI form, or why it is unusable. */
export function parsePublicKey(base64: string): Result<KeyObject, string> {
  try {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return err('not base64');
    const key = createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' ? ok(key) : err(`an ${String(key.asymmetricKeyType)} key, not Ed25519`);
  } catch {
    return err('not an SPKI public key');
  }
}

const SIGNATURE = /^[A-Za-z0-9+/]{86}==$/;

/** Whether `signature` (base64) is the key's signature over `body`; false for anything malformed. */
export function verifySignature(body: string, signature: string, key: KeyObject): boolean {
  if (!SIGNATURE.test(signature)) return false;
  try {
    return verify(null, Buffer.from(body, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
