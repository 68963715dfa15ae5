/**
 * The HTTP gateway's JSON contract (docs/gateway-openapi.yaml) as zod
 * schemas, shared by the client (which validates every answer) and the
 * sandbox server (which validates every request).
 */
import { z } from 'zod';
import { APPLICATION_REJECTIONS, type IssuedCertificate } from './police-gateway';
import { ApplicationAttachments } from './application-attachments';

/** Paths, relative to the gateway's base URL. */
export const GATEWAY_PATHS = {
  health: '/v1/health',
  lookupPerson: '/v1/persons/lookup',
  verifyFace: '/v1/faces/verify',
  queryCriminalRecord: '/v1/criminal-records/query',
  issueDocumentNumber: '/v1/document-numbers',
  submitApplication: '/v1/applications',
  issueCertificate: '/v1/certificates',
  sealKey: '/v1/seal-key',
} as const;

/** Followed by a verification code: the page a certificate's QR code opens (GET; OpenAPI `/verify/{code}`). */
export const VERIFY_PAGE_PREFIX = '/verify/';

export const IdNumberBody = z.string().regex(/^[0-9A-Za-z]{15,18}$/);

export const LookupPersonRequest = z.object({ idNumber: IdNumberBody }).strict();
export const LookupPersonResponse = z.object({
  name: z.string().min(1).max(100),
  holder: z.enum(['resident', 'hmt', 'foreigner']),
  registeredResidence: z
    .object({ provinceCode: z.string().regex(/^\d{2}$/), province: z.string().min(1), city: z.string().min(1), district: z.string().min(1).optional() })
    .nullable(),
  /** Holds a valid 居住证 issued where the hall is. */
  residencePermitHere: z.boolean().optional(),
});

export const VerifyFaceRequest = z.object({ idNumber: IdNumberBody, probeJpegBase64: z.string().min(1).max(4_000_000) }).strict();
export const VerifyFaceResponse = z.object({ match: z.boolean(), score: z.number().min(0).max(1) });

export const QueryCriminalRecordRequest = z.object({ idNumber: IdNumberBody, purpose: z.enum(['employment', 'abroad', 'settlement', 'other']) }).strict();
export const QueryCriminalRecordResponse = z.object({
  result: z.enum(['noRecord', 'record', 'sealedJuvenile', 'needsReview']),
  queryDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  issuingOffice: z.string().min(1),
  verifyCode: z.string().min(1).max(64).optional(),
  verifyUrl: z.string().min(1).max(500).optional(),
});

export const IssueDocumentNumberRequest = z.object({ type: z.enum(['noCriminalRecord', 'nonIssuanceNotice']), kioskId: z.string().min(1).max(64) }).strict();
export const IssueDocumentNumberResponse = z.object({ number: z.string().min(1).max(64) });

export const SubmitApplicationRequest = z
  .object({ serviceId: z.string().min(1).max(64), kioskId: z.string().min(1).max(64), payload: z.record(z.string(), z.unknown()), attachments: ApplicationAttachments.optional() })
  .strict();
export const SubmitApplicationResponse = z.object({ receiptNumber: z.string().min(1).max(64), duplicate: z.boolean() });
/** 422: the back-end refused the application for good, with its reason code. */
/** `detail` names what failed (e.g. `photo: sha256 mismatch`), never personal data. */
export const ApplicationRejectedResponse = z.object({ error: z.literal('rejected'), reason: z.enum(APPLICATION_REJECTIONS), detail: z.string().max(200).optional() });

export const ErrorResponse = z.object({ error: z.enum(['notFound', 'invalidRequest', 'missingIdempotencyKey', 'timeout', 'unavailable']) });

/** Idempotency keys: 8–128 characters of [A-Za-z0-9._:-]. */
export const IdempotencyKey = z.string().regex(/^[A-Za-z0-9._:-]{8,128}$/);
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** A seal image is at most 512 KiB of PNG (a 42 mm seal at 300 dpi is far less). */
export const MAX_SEAL_PNG_BYTES = 512 * 1024;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const FactKey = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,31}$/);
export const IssueCertificateRequest = z
  .object({
    type: z.string().regex(/^[a-z][A-Za-z0-9]{0,63}$/),
    kioskId: z.string().min(1).max(64),
    holder: z.object({ name: z.string().min(1).max(100), idNumber: IdNumberBody, idDocumentType: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/) }).strict(),
    facts: z.record(FactKey, z.string().max(500)).refine((facts) => Object.keys(facts).length <= 32, 'at most 32 facts'),
  })
  .strict();

/** The seal image as JSON carries it (base64), decoded and checked to be a PNG. */
const SealImagePng = z
  .base64()
  .max(Math.ceil(MAX_SEAL_PNG_BYTES / 3) * 4)
  .transform((text) => new Uint8Array(Buffer.from(text, 'base64')))
  .refine((bytes) => PNG_SIGNATURE.every((byte, i) => bytes[i] === byte), 'not a PNG image');

export const IssueCertificateResponse = z.object({
  number: z.string().min(1).max(64),
  verifyCode: z.string().regex(/^[0-9A-Za-z]{4,32}$/),
  verifyUrl: z.string().min(1).max(500),
  issuingOffice: z.string().min(1).max(200),
  issueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  seal: z.object({
    imagePngBase64: SealImagePng,
    keyId: z.string().min(1).max(128),
    algorithm: z.literal('Ed25519'),
    // An Ed25519 signature is 64 bytes: 88 characters of base64.
    signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
    signedText: z.string().min(1).max(16_000),
  }),
});

/** The seal key as `GET /v1/seal-key` serves it. */
export const SealKeyResponse = z.object({ keyId: z.string().min(1).max(128), algorithm: z.literal('Ed25519'), publicKeyPem: z.string().min(1).max(2000) });

/** A certificate as JSON carries it: the seal image in base64. */
export function certificateToWire(certificate: IssuedCertificate): z.input<typeof IssueCertificateResponse> {
  const { imagePng, ...seal } = certificate.seal;
  return { ...certificate, seal: { ...seal, imagePngBase64: Buffer.from(imagePng).toString('base64') } };
}
