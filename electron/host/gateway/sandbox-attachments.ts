/**
 * The sandbox back-end's check of an application's attachments, as a real
 * back-end must make it before it takes an application: every piece's
 * SHA-256 matches its content, the photo is a JPEG that decodes at its
 * spec's size, each paper is a PDF, each template parses (see
 * `templateParses`), the signature's strokes hash to what was signed. The first problem is
 * answered, naming the piece and the check, never its content.
 */
import { createHash } from 'node:crypto';
import { decodeJpeg } from '../../../face-analysis/decode-jpeg';
import { simulatedFingerOf } from '../../../drivers/fingerprint/sim-template';
import { inRange, PHOTO_SPECS } from '../capture/photo/spec';
import { canonicalSignatureJson } from '../flows/library/signature-check';
import type { ApplicationAttachments } from './application-attachments';

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const PDF_MAGIC = Buffer.from('%PDF-');

/**
 * Whether a template parses, as the sandbox knows templates: the simulation's
 * (sim-template.ts) of that finger, or of finger 0 (the scanner cannot tell
 * which finger it reads: the kiosk says which it asked for), or the simulated
 * scanner's template of nobody the simulation knows (`F`, then the quality).
 */
function templateParses(template: Uint8Array, finger: number): boolean {
  const simulated = simulatedFingerOf(template);
  if (simulated !== undefined) return simulated === 0 || simulated === finger;
  return template.length >= 16 && template[0] === 0x46 && (template[1] ?? 101) <= 100;
}

/** Null when every attachment holds up; otherwise what failed, e.g. `photo: sha256 mismatch`. */
export async function attachmentProblem(attachments: ApplicationAttachments | undefined): Promise<string | null> {
  if (!attachments) return null;
  const { photo, fingerprints, signature, papers } = attachments;
  if (photo) {
    const jpeg = Buffer.from(photo.jpegBase64, 'base64');
    if (sha256(jpeg) !== photo.sha256) return 'photo: sha256 mismatch';
    const decoded = await decodeJpeg(jpeg, { maxBytes: jpeg.length });
    if (!decoded.ok) return `photo: not a readable JPEG (${decoded.error.reason})`;
    const spec = PHOTO_SPECS[photo.spec];
    if (!inRange(decoded.value.width, spec.width) || !inRange(decoded.value.height, spec.height)) return `photo: ${decoded.value.width}×${decoded.value.height} is not the ${photo.spec} size`;
  }
  for (const [i, print] of (fingerprints?.prints ?? []).entries()) {
    const template = Buffer.from(print.templateBase64, 'base64');
    if (sha256(template) !== print.sha256) return `fingerprints.prints[${i}]: sha256 mismatch`;
    if (!templateParses(template, print.finger)) return `fingerprints.prints[${i}]: template does not parse as finger ${print.finger}`;
  }
  if (signature && sha256(canonicalSignatureJson(signature.strokes)) !== signature.sha256) return 'signature: sha256 mismatch';
  for (const [i, paper] of (papers ?? []).entries()) {
    const pdf = Buffer.from(paper.pdfBase64, 'base64');
    if (sha256(pdf) !== paper.sha256) return `papers[${i}]: sha256 mismatch`;
    if (!pdf.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) return `papers[${i}]: not a PDF`;
  }
  return null;
}
