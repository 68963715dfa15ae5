/**
 * The KioskApi calls of issue #6: camera settings, consent, the liveness
 * challenge and 1:1 verification, standard photos and document pages.
 * The host decides: consent first, the issued challenge judged from the
 * evidence on the host, then the police back-end (the gateway's
 * `verifyFace`) compares the probe with the identity's reference photo;
 * three failures → staff help. Only outcomes and scores are logged; images
 * live in session.data only.
 */
import { randomUUID } from 'node:crypto';
import { kioskError, type CallHandlers, type HandlerOutcome } from '../api/dispatch';
import type { KioskConfig } from '../config/schema';
import type { Logger } from '../log/logger';
import type { ActiveSession, SessionStore } from '../session/session-store';
import { createPhotoHandlers } from '../photo/handlers';
import { createDocumentHandlers } from '../documents-capture/handlers';
import { issueChallenge } from './challenge';
import type { FaceVerification, GatewayResult } from '../gateway/police-gateway';
import { DEFAULT_EVIDENCE_THRESHOLDS, judgeEvidence } from './evidence';
import { loadFaceAnalyzer, type DetectedFace } from './human-node';
import type { FaceLockout } from './lockout';
import { faceData } from './session-data';
import { decodeJpeg, type RgbaImage } from '../photo/jpeg-decode';

/** The calls this module answers. */
export type FaceCallName = 'camera.config' | 'consent.record' | 'face.challenge' | 'face.verify' | 'photo.check' | 'photo.choose' | 'document.submit';

/** What the handlers need from the host. */
export interface FaceHandlerContext {
  config: KioskConfig;
  sessions: SessionStore;
  logger: Logger;
  now: () => Date;
  /** Whether the kiosk runs in simulation (gates the test-only liveness seam). */
  simulation: boolean;
  /** The back-end's 1:1 comparison with the identity's reference photo (the gateway's `verifyFace`). */
  verifyFace: (request: { idNumber: string; probe: Uint8Array }) => Promise<GatewayResult<FaceVerification>>;
  /** Failed checks per person across sessions (`face.lockoutFailures` within `face.lockoutWindowHours`). */
  lockout: FaceLockout;
  /** Faces with landmarks and passive scores, for photo checks and the host's own liveness look. */
  detectFaces?: (image: RgbaImage) => Promise<DetectedFace[]>;
}

/** Creates the handlers; spread the result into the host's handler map. */
export function createFaceHandlers(ctx: FaceHandlerContext): Pick<CallHandlers, FaceCallName> {
  const { config, sessions, now } = ctx;
  const log = ctx.logger.child({ component: 'face' });
  const detectFaces = ctx.detectFaces ?? (async (image: RgbaImage) => (await loadFaceAnalyzer()).detect(image));
  const skipLiveness = config.face.testingSkipLiveness && ctx.simulation;
  if (config.face.testingSkipLiveness && !ctx.simulation) log.error('face.testingSkipLiveness is set outside simulation: refused, the liveness gate stays on');
  else if (skipLiveness) log.warn('TEST ONLY: the liveness gate of face.verify is skipped (simulation)');
  const thresholds = { ...DEFAULT_EVIDENCE_THRESHOLDS, minAntispoof: config.face.minAntispoof, minLiveness: config.face.minLiveness };
  const noSession = { ok: false as const, error: kioskError('noSession') };

  const withSession = <T>(sessionId: string, run: (session: ActiveSession) => T): T | typeof noSession => {
    const session = sessions.get(sessionId);
    if (!session) return noSession;
    sessions.touch(sessionId);
    return run(session);
  };

  const verify = async (session: ActiveSession, frames: string[], evidence: Parameters<CallHandlers['face.verify']>[0]['evidence']): Promise<HandlerOutcome<'face.verify'>> => {
    const data = faceData(session);
    const max = config.face.maxAttempts;
    const idNumber = session.identity?.idNumber;
    // The session's tries, and no more than the person has left across sessions.
    const left = () => Math.max(0, Math.min(max - data.failedAttempts(), idNumber === undefined ? max : ctx.lockout.failuresLeft(idNumber)));
    const failed = () => {
      data.addFailedAttempt();
      if (idNumber !== undefined) ctx.lockout.recordFailure(idNumber);
    };
    const refused = (reasonKey: string, counts: boolean): HandlerOutcome<'face.verify'> => {
      if (counts) failed();
      log.info({ sessionId: session.sessionId, outcome: 'refused', reasonKey, failedAttempts: data.failedAttempts() }, 'face check');
      return { ok: true, value: { outcome: 'refused', reasonKey, attemptsLeft: left(), helpOffered: left() === 0 } };
    };
    if (!data.consent('biometric')?.granted) return refused('face.refused.noConsent', false);
    if (!session.identity) return refused('face.refused.noIdentity', false);
    if (max - data.failedAttempts() <= 0) return refused('face.refused.tooManyAttempts', false);
    if (ctx.lockout.failuresLeft(session.identity.idNumber) === 0) return refused('face.refused.lockedOut', false);
    const challenge = data.takeChallenge();
    const probe = new Uint8Array(Buffer.from(frames[0]!, 'base64'));
    data.setProbe(probe);
    if (!skipLiveness) {
      const verdict = judgeEvidence(challenge, evidence, now().getTime(), thresholds);
      if (!verdict.ok) return refused(verdict.reasonKey, true);
      const decoded = decodeJpeg(probe, { maxPixels: 4_000_000 });
      if (!decoded.ok) return refused('face.refused.unreadable', true);
      const faces = await detectFaces(decoded.image);
      const face = faces[0];
      if (faces.length !== 1 || !face) return refused('face.refused.oneFace', true);
      if (face.real < thresholds.minAntispoof || face.live < thresholds.minLiveness) return refused('face.refused.passiveLiveness', true);
    }
    const started = Date.now();
    const compared = await ctx.verifyFace({ idNumber: session.identity.idNumber, probe });
    if (!compared.ok) {
      const failure = compared.error;
      switch (failure.kind) {
        case 'notFound':
          // No reference photo on file: no try can ever succeed, so send the citizen to staff at once
          // (attemptsLeft 0 ends the flow's face step at the counter) rather than offer endless retries.
          log.info({ sessionId: session.sessionId, outcome: 'refused', reasonKey: 'face.refused.noReference' }, 'face check');
          return { ok: true, value: { outcome: 'refused', reasonKey: 'face.refused.noReference', attemptsLeft: 0, helpOffered: true } };
        case 'timeout':
        case 'unavailable':
        case 'badResponse':
          // The back-end's fault, not the citizen's: the try does not count.
          log.warn({ sessionId: session.sessionId, gatewayFailure: failure.kind, compareMs: Date.now() - started }, 'face check: back-end comparison failed');
          return refused('face.refused.backendUnavailable', false);
        default: {
          const never: never = failure;
          return never;
        }
      }
    }
    const similarity = Math.round(compared.value.score * 1000) / 1000;
    const verified = compared.value.match;
    data.setOutcome({ verified, similarity, at: now().toISOString() });
    if (!verified) failed();
    log.info({ sessionId: session.sessionId, outcome: verified ? 'match' : 'noMatch', similarity, compareMs: Date.now() - started, livenessSkipped: skipLiveness }, 'face check');
    return verified
      ? { ok: true, value: { outcome: 'match', similarity, attemptsLeft: left() } }
      : { ok: true, value: { outcome: 'noMatch', similarity, attemptsLeft: left(), helpOffered: left() === 0 } };
  };

  return {
    'camera.config': () => ({
      ok: true,
      value: {
        face: config.cameras.face ?? null,
        document: config.cameras.document ?? null,
        maxFaceAttempts: config.face.maxAttempts,
        maxPhotoRetakes: config.face.maxPhotoRetakes,
      },
    }),
    'consent.record': ({ sessionId, kind, granted }) =>
      withSession(sessionId, (session): HandlerOutcome<'consent.record'> => {
        const recordedAt = now().toISOString();
        faceData(session).setConsent(kind, { granted, recordedAt });
        log.info({ sessionId, kind, granted }, 'consent recorded');
        return { ok: true, value: { kind, granted, recordedAt } };
      }),
    'face.challenge': ({ sessionId }) =>
      withSession(sessionId, (session): HandlerOutcome<'face.challenge'> => {
        const data = faceData(session);
        if (!data.consent('biometric')?.granted) return { ok: false, error: { code: 'unauthorized', messageKey: 'face.refused.noConsent' } };
        const challenge = issueChallenge({ count: config.face.challengeActions, timeoutMs: config.face.challengeTimeoutSeconds * 1000, now: now() });
        data.setChallenge(challenge);
        return { ok: true, value: challenge };
      }),
    'face.verify': ({ sessionId, frames, evidence }) => withSession(sessionId, (session) => verify(session, frames, evidence)),
    ...createPhotoHandlers({ config, sessions, logger: log, detectFaces, newId: randomUUID }),
    ...createDocumentHandlers({ sessions, logger: log, newId: randomUUID }),
  };
}
