/**
 * The HTTP gateway's JSON contract (docs/gateway-openapi.yaml) as zod
 * schemas, shared by the client (which validates every answer) and the
 * sandbox server (which validates every request).
 */
import { z } from 'zod';

/** Paths, relative to the gateway's base URL. */
export const GATEWAY_PATHS = {
  health: '/v1/health',
  lookupPerson: '/v1/persons/lookup',
  verifyFace: '/v1/faces/verify',
  queryCriminalRecord: '/v1/criminal-records/query',
  issueDocumentNumber: '/v1/document-numbers',
  submitApplication: '/v1/applications',
} as const;

export const IdNumberBody = z.string().regex(/^[0-9A-Za-z]{15,18}$/);

export const LookupPersonRequest = z.object({ idNumber: IdNumberBody }).strict();
export const LookupPersonResponse = z.object({
  name: z.string().min(1).max(100),
  holder: z.enum(['resident', 'hmt', 'foreigner']),
  registeredResidence: z
    .object({ provinceCode: z.string().regex(/^\d{2}$/), province: z.string().min(1), city: z.string().min(1), district: z.string().min(1).optional() })
    .nullable(),
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
  .object({ serviceId: z.string().min(1).max(64), kioskId: z.string().min(1).max(64), payload: z.record(z.string(), z.unknown()) })
  .strict();
export const SubmitApplicationResponse = z.object({ receiptNumber: z.string().min(1).max(64), duplicate: z.boolean() });

export const ErrorResponse = z.object({ error: z.enum(['notFound', 'invalidRequest', 'missingIdempotencyKey', 'timeout', 'unavailable']) });

/** Idempotency keys: 8–128 characters of [A-Za-z0-9._:-]. */
export const IdempotencyKey = z.string().regex(/^[A-Za-z0-9._:-]{8,128}$/);
export const IDEMPOTENCY_HEADER = 'idempotency-key';
