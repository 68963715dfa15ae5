/**
 * The sandbox back-end's certificate office: it seals what it issues with an
 * Ed25519 key pair made at start (so every sandbox run has a key of its own
 * and no private key is ever shipped), hands out verification codes, keeps
 * the newest certificates in memory for its verification page, and gives the
 * same certificate again for the same idempotency key. Its seal image is the
 * test back-end's (resources/seal/placeholder-seal.png): the kiosk prints the
 * image the back-end sends and reads no seal file of its own.
 */
import { generateKeyPairSync, randomInt, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { maskIdNumber, maskName } from '../../../domain/mask';
import { resourcesPath } from '../../../drivers/resources-dir';
import { setBounded } from './bounded-map';
import { sealedText, sealKeyId, sealSignatureValid } from './electronic-seal';
import type { CertificateIssueRequest, IssuedCertificate } from './police-gateway';

/** Verification codes: no 0/O, 1/I/L, so a code read off paper is typed right. */
export const VERIFY_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const VERIFY_CODE_LENGTH = 10;

/** What the verification page may show of a certificate: the holder only masked. */
export interface CertificateCheck {
  type: string;
  number: string;
  issueDate: string;
  issuingOffice: string;
  /** `陈**`. */
  holderNameMasked: string;
  /** `4104**********1230`. */
  holderIdNumberMasked: string;
  keyId: string;
  /** The stored signature verifies with the seal key and over exactly these facts. */
  sealVerified: boolean;
}

/** The seal's public key, for whoever checks a certificate. */
export interface SealPublicKey {
  keyId: string;
  algorithm: 'Ed25519';
  /** SubjectPublicKeyInfo, PEM. */
  publicKeyPem: string;
}

/** What the verification page and the seal-key endpoint read. */
export interface SandboxCertificateRegister {
  /** The certificate with this verification code (any letter case), among the newest kept. */
  check(verifyCode: string): CertificateCheck | undefined;
  sealKey(): SealPublicKey;
}

export interface SandboxCertificateOffice extends SandboxCertificateRegister {
  /** The certificate issued under the request's key, or a new one numbered by `numbered` (called only then); undefined when there is no seal image. */
  issue(request: CertificateIssueRequest, numbered: () => { number: string; issueDate: string }): IssuedCertificate | undefined;
}

export interface CertificateOfficeOptions {
  issuingOffice: string;
  /** Where the verification page is served; the certificate's QR code is `<base>/verify/<code>`. */
  verifyBaseUrl: string | (() => string);
  /** The seal image (PNG); default resources/seal/placeholder-seal.png, read on first use. */
  sealImagePath?: string;
  /** Certificates remembered (by key and by code); the oldest are forgotten. */
  window: number;
}

interface Kept {
  request: CertificateIssueRequest;
  certificate: IssuedCertificate;
}

/** The test back-end's seal image (resources/ may be moved by ONEDOOR_RESOURCES_DIR). */
export function defaultSealImagePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.ONEDOOR_RESOURCES_DIR ?? resourcesPath(), 'seal', 'placeholder-seal.png');
}

function newVerifyCode(): string {
  let code = '';
  for (let i = 0; i < VERIFY_CODE_LENGTH; i += 1) code += VERIFY_CODE_ALPHABET[randomInt(VERIFY_CODE_ALPHABET.length)];
  return code;
}

/** The office's seal: its own key pair, its id and its published form. */
interface OfficeKey {
  publicKey: KeyObject;
  privateKey: KeyObject;
  keyId: string;
  publicKeyPem: string;
}

/**
 * Creates the office with a fresh key pair, made when the office first seals
 * or shows its key: tests build a sandbox for each of thousands of replayed
 * runs that never issue a certificate (service-modules.test.ts).
 */
export function createSandboxCertificateOffice(options: CertificateOfficeOptions): SandboxCertificateOffice {
  let made: OfficeKey | undefined;
  const officeKey = (): OfficeKey => {
    if (made) return made;
    const { publicKey, privateKey }: { publicKey: KeyObject; privateKey: KeyObject } = generateKeyPairSync('ed25519');
    made = { publicKey, privateKey, keyId: sealKeyId(publicKey, 'sandbox-ed25519'), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
    return made;
  };
  const byKey = new Map<string, Kept>();
  const byCode = new Map<string, Kept>();
  let image: Uint8Array | undefined;

  const sealImage = (): Uint8Array | undefined => {
    if (!image) {
      try {
        image = new Uint8Array(readFileSync(options.sealImagePath ?? defaultSealImagePath()));
      } catch {
        return undefined;
      }
    }
    return image;
  };
  const baseUrl = () => (typeof options.verifyBaseUrl === 'string' ? options.verifyBaseUrl : options.verifyBaseUrl()).replace(/\/+$/, '');

  return {
    issue(request, numbered) {
      // A copy of the image each time: a caller that draws on it cannot change the office's seal.
      const handOut = (c: IssuedCertificate): IssuedCertificate => ({ ...c, seal: { ...c.seal, imagePng: new Uint8Array(c.seal.imagePng) } });
      const known = byKey.get(request.idempotencyKey);
      if (known) return handOut(known.certificate);
      const imagePng = sealImage();
      if (!imagePng) return undefined;
      let verifyCode = newVerifyCode();
      while (byCode.has(verifyCode)) verifyCode = newVerifyCode();
      const { number, issueDate } = numbered();
      const { keyId, privateKey } = officeKey();
      const signedText = sealedText({
        number,
        type: request.type,
        holderName: request.holder.name,
        holderIdNumber: request.holder.idNumber,
        issuingOffice: options.issuingOffice,
        issueDate,
        verifyCode,
        facts: request.facts,
      });
      const certificate: IssuedCertificate = {
        number,
        verifyCode,
        verifyUrl: `${baseUrl()}/verify/${verifyCode}`,
        issuingOffice: options.issuingOffice,
        issueDate,
        seal: { imagePng, keyId, algorithm: 'Ed25519', signature: sign(null, Buffer.from(signedText, 'utf8'), privateKey).toString('base64'), signedText },
      };
      const kept = { request: structuredClone(request), certificate };
      setBounded(byKey, request.idempotencyKey, kept, options.window);
      setBounded(byCode, verifyCode, kept, options.window);
      return handOut(certificate);
    },

    check(code) {
      const kept = byCode.get(code.toUpperCase());
      if (!kept) return undefined;
      const { request, certificate } = kept;
      const expected = sealedText({
        number: certificate.number,
        type: request.type,
        holderName: request.holder.name,
        holderIdNumber: request.holder.idNumber,
        issuingOffice: certificate.issuingOffice,
        issueDate: certificate.issueDate,
        verifyCode: certificate.verifyCode,
        facts: request.facts,
      });
      return {
        type: request.type,
        number: certificate.number,
        issueDate: certificate.issueDate,
        issuingOffice: certificate.issuingOffice,
        holderNameMasked: maskName(request.holder.name),
        holderIdNumberMasked: maskIdNumber(request.holder.idNumber),
        keyId: certificate.seal.keyId,
        sealVerified: certificate.seal.signedText === expected && sealSignatureValid(certificate.seal.signedText, certificate.seal.signature, officeKey().publicKey),
      };
    },

    sealKey: () => {
      const { keyId, publicKeyPem } = officeKey();
      return { keyId, algorithm: 'Ed25519', publicKeyPem };
    },
  };
}
