/** `photo.check` and `photo.choose`: the host checks every standard photo and keeps the candidates for the session. */
import type { PhotoSpecId } from '../../contract';
import { kioskError, type CallHandlers } from '../api/dispatch';
import type { KioskConfig } from '../config/schema';
import type { Logger } from '../log/logger';
import type { SessionStore } from '../session/session-store';
import type { DetectedFace } from '../face/human-node';
import { faceData } from '../face/session-data';
import { checkPhoto, type FaceLandmarks } from './checks';
import { decodeJpeg, type RgbaImage } from './jpeg-decode';
import { estimateJpegQuality } from './jpeg-quality';
import { PHOTO_SPECS } from './spec';

/** What the photo handlers need. */
export interface PhotoHandlerContext {
  config: KioskConfig;
  sessions: SessionStore;
  logger: Logger;
  detectFaces: (image: RgbaImage) => Promise<DetectedFace[]>;
  newId: () => string;
}

/** The one face's landmarks, or null when there is none or more than one. */
export function landmarksOf(faces: readonly DetectedFace[]): FaceLandmarks | null {
  if (faces.length !== 1) return null;
  const [face] = faces;
  return face ? { left: face.left, right: face.right, eyeY: face.eyeY, chinY: face.chinY, centreX: face.centreX } : null;
}

/** Creates `photo.check` and `photo.choose`. */
export function createPhotoHandlers(ctx: PhotoHandlerContext): Pick<CallHandlers, 'photo.check' | 'photo.choose'> {
  const { config, sessions, logger } = ctx;
  const invalid = (messageKey: string) => ({ ok: false as const, error: { ...kioskError('invalidParams'), messageKey } });
  return {
    'photo.check': async ({ sessionId, spec, jpeg }) => {
      const session = sessions.get(sessionId);
      if (!session) return { ok: false, error: kioskError('noSession') };
      sessions.touch(sessionId);
      const data = faceData(session);
      if (!data.consent('biometric')?.granted) return { ok: false, error: { code: 'unauthorized', messageKey: 'face.refused.noConsent' } };
      const used = data.candidates(spec).length;
      // The first photo plus up to `maxPhotoRetakes` retakes (issue #6: "may retake up to 6 times").
      if (used > config.face.maxPhotoRetakes) return invalid('photo.retakesExhausted');
      const bytes = new Uint8Array(Buffer.from(jpeg, 'base64'));
      const decoded = decodeJpeg(bytes, { maxPixels: 1_000_000 });
      // A file whose quantisation tables cannot be read is unreadable too (the decoder needs them as well).
      const quality = estimateJpegQuality(bytes);
      if (!decoded.ok || !quality.ok) return invalid('photo.unreadable');
      const face = landmarksOf(await ctx.detectFaces(decoded.image));
      const rules = checkPhoto(PHOTO_SPECS[spec], { image: decoded.image, jpegBytes: bytes.length, jpegQuality: quality.quality, face });
      const passed = rules.every((rule) => rule.passed);
      const candidateId = ctx.newId();
      data.addCandidate(spec, { candidateId, jpeg: bytes, passed });
      logger.info({ sessionId, spec, passed, failed: rules.filter((r) => !r.passed).map((r) => r.rule), jpegQuality: quality.quality, jpegBytes: bytes.length }, 'photo checked');
      return { ok: true, value: { candidateId, spec, passed, rules, retakesLeft: Math.max(0, config.face.maxPhotoRetakes - used) } };
    },
    'photo.choose': ({ sessionId, spec, candidateId }) => {
      const session = sessions.get(sessionId);
      if (!session) return { ok: false, error: kioskError('noSession') };
      const data = faceData(session);
      const candidate = data.candidates(spec as PhotoSpecId).find((c) => c.candidateId === candidateId);
      if (!candidate) return invalid('photo.unknownCandidate');
      if (!candidate.passed) return invalid('photo.failedCandidate');
      data.choose(spec, candidate);
      logger.info({ sessionId, spec }, 'photo chosen');
      return { ok: true, value: { chosen: true } };
    },
  };
}
