/**
 * The electronic seal of a certificate the back-end issues: an Ed25519
 * signature over one canonical text of what the certificate states, so a
 * verifier holding the back-end's public key (`GET /v1/seal-key`) can tell a
 * genuine certificate from an altered one. The text is built here, once, for
 * the sandbox that signs and anyone who checks.
 */
import { createHash, verify, type KeyObject } from 'node:crypto';

/** What a seal signs. */
export interface SealedFacts {
  number: string;
  type: string;
  holderName: string;
  holderIdNumber: string;
  issuingOffice: string;
  issueDate: string;
  verifyCode: string;
  facts: Readonly<Record<string, string>>;
}

const HEADER = 'OneDoor electronic seal v1';

/**
 * The canonical text: one `field: "value"` line each, values JSON-quoted (so no value can
 * forge a line), facts sorted by key.
 */
export function sealedText(sealed: SealedFacts): string {
  const line = (field: string, value: string) => `${field}: ${JSON.stringify(value)}`;
  const facts = Object.keys(sealed.facts)
    .sort()
    .map((key) => line(`fact.${key}`, sealed.facts[key] ?? ''));
  return [
    HEADER,
    line('number', sealed.number),
    line('type', sealed.type),
    line('holderName', sealed.holderName),
    line('holderIdNumber', sealed.holderIdNumber),
    line('issuingOffice', sealed.issuingOffice),
    line('issueDate', sealed.issueDate),
    line('verifyCode', sealed.verifyCode),
    ...facts,
  ].join('\n');
}

/** True when `signature` (base64) is the key's Ed25519 signature of `signedText`; false for anything else. */
export function sealSignatureValid(signedText: string, signature: string, publicKey: KeyObject | string): boolean {
  try {
    return verify(null, Buffer.from(signedText, 'utf8'), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** A short, stable name of a public key: the first 16 hex digits of SHA-256 over its SPKI. */
export function sealKeyId(publicKey: KeyObject, prefix: string): string {
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return `${prefix}-${createHash('sha256').update(spki).digest('hex').slice(0, 16)}`;
}
