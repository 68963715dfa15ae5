/**
 * An application's attachments as a kiosk sends them, made the same way in
 * any process (the paid-then-killed child and its parent): a plain JPEG at
 * the 居民身份证 spec's size, two simulated templates, a signed name, a
 * one-page PDF, each with its SHA-256.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { simulatedTemplate } from '../../../../drivers/fingerprint/sim-template';
import type { ApplicationAttachments } from '../../../../electron/host/gateway/application-attachments';
import { checkSignature } from '../../../../electron/host/flows/library/signature-check';
import { writtenName } from '../flows/library/signatures';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** A minimal PDF: only its start and its hash are checked by the sandbox. */
export const SAMPLE_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

export async function sampleAttachments(): Promise<ApplicationAttachments> {
  const jpeg = new Uint8Array(await sharp({ create: { width: 358, height: 441, channels: 3, background: { r: 240, g: 240, b: 240 } } }).jpeg({ quality: 90 }).toBuffer());
  const prints = ([11, 16] as const).map((finger) => {
    const template = simulatedTemplate('410402199001011230', finger, 82);
    return { finger, quality: 82, templateBase64: base64(template), sha256: sha256(template) };
  });
  const signed = checkSignature(writtenName());
  if (!signed.ok) throw new Error(signed.error);
  return {
    photo: { step: 'photo', spec: 'residentId', jpegBase64: base64(jpeg), sha256: sha256(jpeg) },
    fingerprints: { step: 'prints', prints, exemptions: [] },
    signature: { step: 'sign', documentKey: 'svc.demo.sign.document', strokes: signed.value.signature, signedAt: '2026-12-01T02:00:00.000Z', kioskId: 'HB-KIOSK-01', sha256: signed.value.sha256 },
    papers: [{ step: 'papers', paper: 'proof', pages: 1, pdfBase64: base64(SAMPLE_PDF), sha256: sha256(SAMPLE_PDF) }],
  };
}
