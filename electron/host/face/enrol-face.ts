/**
 * `dock.enrolFace`, simulation with the sandbox back-end only: a tester's
 * photo from the kiosk camera becomes a sample card holder's reference
 * photo in the sandbox (memory only), so the real face check — liveness
 * challenge, passive scores and the embedding comparison, all unchanged —
 * can pass for a real person. Nothing of the photo is logged or stored.
 */
import { loadSampleCard } from '../../../drivers/idcard/sample-cards';
import type { HandlerOutcome } from '../api/dispatch';
import type { SandboxGateway } from '../gateway/sandbox-gateway';
import type { Logger } from '../log/logger';
import { decodeJpeg, type RgbaImage } from '../../../face-analysis/decode-jpeg';
import type { DetectedFace } from '../../../face-analysis/human-node';

/** What enrolment needs from the host. */
export interface FaceEnrolmentDeps {
  /** The sandbox back-end; undefined with a real (HTTP) back-end. */
  sandbox: SandboxGateway | undefined;
  /** True only on a simulated kiosk whose dock is open. */
  enabled: boolean;
  detectFaces: (image: RgbaImage) => Promise<DetectedFace[]>;
  logger: Logger;
  /** Told after each enrolment (the audit trail). */
  onEnrolled?: (sampleCard: string) => void;
}

/** The `dock.enrolFace` handler. */
export function createFaceEnrolment(deps: FaceEnrolmentDeps): (params: { sampleCard: string; photoJpegBase64: string }) => Promise<HandlerOutcome<'dock.enrolFace'>> {
  const refused = (reasonKey: string): HandlerOutcome<'dock.enrolFace'> => ({ ok: true, value: { outcome: 'refused', reasonKey } });
  return async ({ sampleCard, photoJpegBase64 }) => {
    if (!deps.enabled || !deps.sandbox) return refused('dock.enrol.notSimulation');
    const card = loadSampleCard(sampleCard);
    if (!card.ok) return refused('dock.enrol.noCard');
    const jpeg = new Uint8Array(Buffer.from(photoJpegBase64, 'base64'));
    const decoded = await decodeJpeg(jpeg, { maxPixels: 4_000_000 });
    if (!decoded.ok) return refused('dock.enrol.unreadable');
    const faces = await deps.detectFaces(decoded.value);
    if (faces.length !== 1) return refused('dock.enrol.oneFace');
    if (!deps.sandbox.enrolReference(card.value.card.idNumber, jpeg)) return refused('dock.enrol.noCard');
    deps.logger.warn({ sampleCard }, 'SIMULATION: a reference photo was enrolled for a sample card (memory only)');
    deps.onEnrolled?.(sampleCard);
    return { ok: true, value: { outcome: 'enrolled' } };
  };
}
