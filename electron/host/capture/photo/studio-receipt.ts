/**
 * A photo studio's 数码照片回执 as the second way to the standard photo
 * (issue 13): the citizen types the receipt's code or holds it under the
 * kiosk's code scanner; the host validates the code (domain/photo-receipt-code.ts:
 * nothing else reaches the back-end), fetches the photo for the current photo
 * step's spec through the gateway (studio-backend.ts), and checks it with
 * the same rules as a photo taken at the kiosk (checks.ts, spec.ts). A photo
 * that passes becomes one of the session's candidates, so the citizen accepts
 * it with `photo.choose` and the flow gets PHOTO_ACCEPTED exactly as for a
 * kiosk photo. Only while a photo step that takes receipts is current.
 * The photo and the code are personal data: kept in the session only, never
 * logged (the log says which spec and which rules failed, nothing more).
 */
import type { PhotoSpecId, StudioPhotoOutcome, StudioPhotoRefusal } from '../../../contract';
import { parsePhotoReceiptCode } from '../../../../domain/photo-receipt-code';
import { err, ok, type Result } from '../../../../domain/result';
import type { DetectedFace } from '../../../../face-analysis/human-node';
import { faceData } from '../../face/session-data';
import type { PhotoAsked } from '../../flows/flow-handlers';
import type { PoliceGateway } from '../../gateway/police-gateway';
import type { Logger } from '../../log/logger';
import type { SessionStore } from '../../session/session-store';
import { checkPhoto } from './checks';
import { decodeJpeg, type RgbaImage } from '../../../../face-analysis/decode-jpeg';
import { landmarksOf } from './handlers';
import { estimateJpegQuality } from './jpeg-quality';
import { PHOTO_SPECS } from './spec';
import { MAX_PHOTO_BYTES } from './standard-photo';
import { studioPhoto } from './studio-backend';

export interface StudioReceiptContext {
  sessions: SessionStore;
  gateway: PoliceGateway;
  logger: Logger;
  detectFaces: (image: RgbaImage) => Promise<DetectedFace[]>;
  newId: () => string;
  /** What the session's current flow step asks for (the flow runtime's controls). */
  photoAsked(sessionId: string): PhotoAsked | null;
}

/** Why the host did not even look at the code: no session, or no biometric consent (the photo's face is checked). */
export type StudioReceiptBlocked = 'noSession' | 'noConsent';

export type StudioFetch = Result<StudioPhotoOutcome, StudioReceiptBlocked>;

export interface StudioReceipts {
  /** Whether `sessionId`'s current step takes a receipt now (a scan at any other time is ignored). */
  asked(sessionId: string): boolean;
  /** Validates `text` as a receipt code, fetches and checks its photo for the current photo step. */
  fetch(sessionId: string, text: string): Promise<StudioFetch>;
}

/**
 * Back-end lookups one session may make: a citizen has a receipt or two,
 * and a receipt code must not be guessed (each one found is someone's photo).
 */
export const MAX_STUDIO_LOOKUPS = 5;
const LOOKUPS_KEY = 'photo.studioLookups';

const refused = (reason: StudioPhotoRefusal): StudioFetch => ok({ result: 'refused', reason });

export function createStudioReceipts(ctx: StudioReceiptContext): StudioReceipts {
  const { sessions, logger } = ctx;
  const takesReceipts = (sessionId: string): PhotoAsked | null => {
    const asked = ctx.photoAsked(sessionId);
    return asked?.studioReceipt ? asked : null;
  };
  /** Still the same step after the back-end's answer (the session may have ended or moved on meanwhile). */
  const stillAsked = (sessionId: string, spec: PhotoSpecId) => sessions.get(sessionId) !== undefined && takesReceipts(sessionId)?.spec === spec;

  return {
    asked: (sessionId) => takesReceipts(sessionId) !== null,
    async fetch(sessionId, text) {
      const session = sessions.get(sessionId);
      if (!session) return err('noSession');
      sessions.touch(sessionId);
      if (!faceData(session).consent('biometric')?.granted) return err('noConsent');
      const asked = takesReceipts(sessionId);
      if (!asked) return refused('notAsked');
      const code = parsePhotoReceiptCode(text);
      if (!code.ok) {
        logger.info({ sessionId, problem: code.error }, 'studio receipt code refused');
        return refused('badCode');
      }
      const lookups = (session.data.get(LOOKUPS_KEY) as number | undefined) ?? 0;
      if (lookups >= MAX_STUDIO_LOOKUPS) {
        logger.warn({ sessionId }, 'studio receipt lookups used up');
        return refused('tooManyTries');
      }
      session.data.set(LOOKUPS_KEY, lookups + 1);
      // Whose photo: the identity the flow fixed at identify, never one the renderer names.
      const holder = session.identityFixed ? session.identity : null;
      if (!holder) return refused('notAsked');
      const { spec } = asked;
      const answer = await ctx.gateway.call(studioPhoto, { receiptCode: code.value, spec, idNumber: holder.idNumber.toUpperCase() });
      if (!stillAsked(sessionId, spec)) return refused('notAsked');
      if (!answer.ok) {
        logger.info({ sessionId, spec, failure: answer.error.kind }, 'studio photo not fetched');
        switch (answer.error.kind) {
          case 'notFound':
            return refused('notFound');
          case 'timeout':
          case 'unavailable':
          case 'badResponse':
            return refused('unavailable');
          default: {
            const unknown: never = answer.error;
            return unknown;
          }
        }
      }
      const found = answer.value;
      switch (found.status) {
        case 'found':
          break;
        case 'wrongSpec':
          logger.info({ sessionId, spec, receiptSpec: found.spec }, 'studio receipt is for another photo');
          return refused('wrongSpec');
        case 'expired':
          logger.info({ sessionId, spec }, 'studio receipt expired');
          return refused('expired');
        default: {
          const unknown: never = found;
          return unknown;
        }
      }
      // The back-end's word on the spec is checked too: a photo of another spec never becomes this step's.
      if (found.spec !== spec) return refused('wrongSpec');
      const jpeg = new Uint8Array(Buffer.from(found.jpeg, 'base64'));
      const decoded = await decodeJpeg(jpeg, { maxBytes: MAX_PHOTO_BYTES, maxPixels: 1_000_000 });
      if (!decoded.ok) {
        logger.info({ sessionId, spec, reason: decoded.error.reason }, 'studio photo unreadable');
        return refused('unreadable');
      }
      const face = landmarksOf(await ctx.detectFaces(decoded.value));
      // The studio chose its encoder's quality: the host reads it back from the file's tables.
      const quality = estimateJpegQuality(jpeg);
      const rules = checkPhoto(PHOTO_SPECS[spec], { image: decoded.value, jpegBytes: jpeg.length, jpegQuality: quality.ok ? quality.value.quality : null, face });
      const passed = rules.every((rule) => rule.passed);
      // Checked again after the face model's await: the candidate belongs to this step or to no one.
      if (!stillAsked(sessionId, spec)) return refused('notAsked');
      const candidateId = ctx.newId();
      faceData(session).addCandidate(spec, { candidateId, jpeg, passed, source: 'studio' });
      logger.info({ sessionId, spec, passed, failed: rules.filter((r) => !r.passed).map((r) => r.rule), jpegBytes: jpeg.length }, 'studio photo checked');
      return ok({ result: 'fetched', photo: { candidateId, spec, passed, rules, jpeg: found.jpeg } });
    },
  };
}
