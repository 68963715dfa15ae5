/** `photo.check` and `photo.choose`: the host makes every standard photo from a camera frame, checks it, and keeps the candidates for the session. */
import type { PhotoSpecId } from '../../../contract';
import { kioskError, type CallHandlers } from '../../api/dispatch';
import type { KioskConfig } from '../../config/schema';
import type { Logger } from '../../log/logger';
import type { SessionStore } from '../../session/session-store';
import type { DetectedFace } from '../../../../face-analysis/human-node';
import { faceData } from '../../face/session-data';
import { checkPhoto, type FaceLandmarks } from './checks';
import type { RgbaImage } from '../../../../face-analysis/decode-jpeg';
import { PHOTO_SPECS } from './spec';
import { makeStandardPhoto } from './standard-photo';

/** The largest camera frame a photo is made from (a 1920×1080 camera fits). */
export const MAX_FRAME_PIXELS = 2_100_000;

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
    'photo.check': async ({ sessionId, spec, frame, crop }) => {
      const session = sessions.get(sessionId);
      if (!session) return { ok: false, error: kioskError('noSession') };
      sessions.touch(sessionId);
      const data = faceData(session);
      if (!data.consent('biometric')?.granted) return { ok: false, error: { code: 'unauthorized', messageKey: 'face.refused.noConsent' } };
      // Photos fetched by a studio receipt are not takes.
      const used = data.candidates(spec).filter((c) => c.source !== 'studio').length;
      // The first photo plus up to `maxPhotoRetakes` retakes (issue #6: "may retake up to 6 times").
      if (used > config.face.maxPhotoRetakes) return invalid('photo.retakesExhausted');
      // The host cuts, scales and encodes the photo itself: the candidate is its own file, never the renderer's bytes.
      const photo = await makeStandardPhoto(new Uint8Array(Buffer.from(frame, 'base64')), crop, PHOTO_SPECS[spec], { maxPixels: MAX_FRAME_PIXELS });
      if (!photo.ok) {
        logger.info({ sessionId, spec, reason: photo.error.reason }, 'photo refused: no photo could be made of the frame');
        return invalid('photo.unreadable');
      }
      const face = landmarksOf(await ctx.detectFaces(photo.value.image));
      const rules = checkPhoto(PHOTO_SPECS[spec], { image: photo.value.image, jpegBytes: photo.value.jpeg.length, jpegQuality: photo.value.quality, face });
      const passed = rules.every((rule) => rule.passed);
      const candidateId = ctx.newId();
      data.addCandidate(spec, { candidateId, jpeg: photo.value.jpeg, passed });
      logger.info({ sessionId, spec, passed, failed: rules.filter((r) => !r.passed).map((r) => r.rule), jpegQuality: photo.value.quality, jpegBytes: photo.value.jpeg.length }, 'photo checked');
      const jpeg = Buffer.from(photo.value.jpeg).toString('base64');
      return { ok: true, value: { candidateId, spec, passed, rules, retakesLeft: Math.max(0, config.face.maxPhotoRetakes - used), jpeg } };
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
