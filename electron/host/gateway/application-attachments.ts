/**
 * What an application carries besides its payload (docs/gateway-openapi.yaml
 * `ApplicationAttachments`): the content the kiosk captured, each piece with
 * the SHA-256 the flow recorded when it was accepted, so the receiving side
 * can check it got exactly that. The standard photo (JPEG), the fingerprint
 * templates (or the fingers exempted), the signature as vector strokes with
 * where and when it was given, and the proof papers (one PDF each). Bytes
 * travel as base64, so the same JSON is kept (encrypted) in the outbox and
 * sent over HTTP. Personal data: never logged.
 */
import { z } from 'zod';
import { FingerCode, PhotoSpecId, SignatureStrokes } from '../../contract';

/** Limits of one application's attachments (bytes, before base64). */
export const ATTACHMENT_LIMITS = {
  /** The largest standard photo (the specs' own files are far smaller: 出入境 ≤ 80 KB). */
  photoBytes: 256 * 1024,
  /** A scanner template (FP-HID: 1…2048 bytes). */
  templateBytes: 2048,
  /** Prints of one application (two are asked for; retakes are not sent). */
  prints: 10,
  /** One paper's PDF (up to 20 cleaned pages). */
  pdfBytes: 8 * 1024 * 1024,
  papers: 8,
  /** Everything together: what the outbox keeps and the request carries (base64 adds a third). */
  totalBytes: 20 * 1024 * 1024,
} as const;

const base64Of = (maxBytes: number) => z.base64().min(4).max(Math.ceil(maxBytes / 3) * 4);
const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const StepId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const PhotoAttachment = z
  .object({ step: StepId, spec: PhotoSpecId, jpegBase64: base64Of(ATTACHMENT_LIMITS.photoBytes), sha256: Sha256Hex })
  .strict();

export const FingerprintAttachment = z
  .object({
    step: StepId,
    prints: z
      .array(z.object({ finger: FingerCode, quality: z.number().int().min(0).max(100), templateBase64: base64Of(ATTACHMENT_LIMITS.templateBytes), sha256: Sha256Hex }).strict())
      .max(ATTACHMENT_LIMITS.prints),
    /** Fingers the citizen said are missing or damaged (staff confirm them). */
    exemptions: z.array(z.object({ finger: FingerCode, reason: z.enum(['missing', 'damaged']) }).strict()).max(10),
  })
  .strict();

export const SignatureAttachment = z
  .object({
    step: StepId,
    /** The document signed (the service's wording key, e.g. its 申请表). */
    documentKey: z.string().min(1).max(200),
    strokes: SignatureStrokes,
    /** When the host received it (ISO 8601) and at which kiosk. */
    signedAt: z.iso.datetime({ offset: true }),
    kioskId: z.string().min(1).max(64),
    /** SHA-256 of the canonical stroke JSON (flows/library/signature-check.ts `canonicalSignatureJson`). */
    sha256: Sha256Hex,
  })
  .strict();

export const PaperAttachment = z
  .object({ step: StepId, paper: StepId, pages: z.number().int().min(1).max(20), pdfBase64: base64Of(ATTACHMENT_LIMITS.pdfBytes), sha256: Sha256Hex })
  .strict();

/** Base64 characters → bytes, roughly (for the total limit). */
const bytesOf = (base64: string) => Math.floor((base64.length * 3) / 4);

export const ApplicationAttachments = z
  .object({
    photo: PhotoAttachment.optional(),
    fingerprints: FingerprintAttachment.optional(),
    signature: SignatureAttachment.optional(),
    papers: z.array(PaperAttachment).min(1).max(ATTACHMENT_LIMITS.papers).optional(),
  })
  .strict()
  .refine((attachments) => attachmentBytes(attachments) <= ATTACHMENT_LIMITS.totalBytes, `attachments over ${ATTACHMENT_LIMITS.totalBytes} bytes`);
export type ApplicationAttachments = z.infer<typeof ApplicationAttachments>;
export type PhotoAttachment = z.infer<typeof PhotoAttachment>;
export type FingerprintAttachment = z.infer<typeof FingerprintAttachment>;
export type SignatureAttachment = z.infer<typeof SignatureAttachment>;
export type PaperAttachment = z.infer<typeof PaperAttachment>;

/** The attachments' content in bytes (roughly, from the base64). */
export function attachmentBytes(attachments: {
  photo?: { jpegBase64: string } | undefined;
  fingerprints?: { prints: readonly { templateBase64: string }[] } | undefined;
  papers?: readonly { pdfBase64: string }[] | undefined;
}): number {
  let total = 0;
  if (attachments.photo) total += bytesOf(attachments.photo.jpegBase64);
  for (const print of attachments.fingerprints?.prints ?? []) total += bytesOf(print.templateBase64);
  for (const paper of attachments.papers ?? []) total += bytesOf(paper.pdfBase64);
  return total;
}
