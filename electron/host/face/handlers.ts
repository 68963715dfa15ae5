/**
 * The KioskApi calls of issue #6: camera settings, consent, the liveness
 * challenge and 1:1 verification, standard photos.
 * The host decides: consent first; during the challenge it asks for frames
 * at moments it chooses (`face.frame`, a nonce each), measures them with its
 * own landmark model and judges the blink and turns from those measures;
 * then the police back-end (the gateway's `verifyFace`) compares one of those
 * frames with the identity's reference photo; `face.maxAttempts` failures
 * (or the person's lockout) → staff help. Only outcomes and scores are
 * logged; images live in session.data only.
 */
import { randomUUID } from 'node:crypto';
import { kioskError, type CallHandlers, type HandlerOutcome } from '../api/dispatch';
import type { KioskConfig } from '../config/schema';
import type { Logger } from '../log/logger';
import type { ActiveSession, SessionStore } from '../session/session-store';
import { createPhotoHandlers } from '../capture/photo/handlers';
import { issueChallenge } from '../../../domain/face/challenge';
import type { FaceVerification, GatewayResult } from '../gateway/police-gateway';
import { actionsSeen, DEFAULT_EVIDENCE_THRESHOLDS, judgeRun, type FaceSample } from '../../../domain/face/evidence';
import { loadFaceAnalyzer, type DetectedFace, type DetectOptions } from '../../../face-analysis/human-node';
import { addSample, claimFrame, nextRequest, startRun, type RandomBetween } from '../../../domain/face/liveness-run';
import type { FaceLockout } from './lockout';
import { faceData } from './session-data';
import { decodeJpeg, type RgbaImage } from '../../../face-analysis/decode-jpeg';

/** The calls this module answers. */
export type FaceCallName = 'camera.config' | 'consent.record' | 'face.challenge' | 'face.frame' | 'face.verify' | 'photo.check' | 'photo.choose';

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
  detectFaces?: (image: RgbaImage, options?: DetectOptions) => Promise<DetectedFace[]>;
  /** The random sample moments of the challenge's frames (tests pass a fixed one). */
  random?: RandomBetween;
}

/** Creates the handlers; spread the result into the host's handler map. */
export function createFaceHandlers(ctx: FaceHandlerContext): Pick<CallHandlers, FaceCallName> {
  const { config, sessions, now } = ctx;
  const log = ctx.logger.child({ component: 'face' });
  const detectFaces = ctx.detectFaces ?? (async (image: RgbaImage, options?: DetectOptions) => (await loadFaceAnalyzer()).detect(image, options ?? { embedding: false }));
  const skipLiveness = config.face.testingSkipLiveness && ctx.simulation;
  if (config.face.testingSkipLiveness && !ctx.simulation) log.error('face.testingSkipLiveness is set outside simulation: refused, the liveness gate stays on');
  else if (skipLiveness) log.warn('TEST ONLY: the liveness gate of face.verify is skipped (simulation)');
  const thresholds = { ...DEFAULT_EVIDENCE_THRESHOLDS, minAntispoof: config.face.minAntispoof, minLiveness: config.face.minLiveness };
  const random = ctx.random;
  const noSession = { ok: false as const, error: kioskError('noSession') };

  const withSession = <T>(sessionId: string, run: (session: ActiveSession) => T): T | typeof noSession => {
    const session = sessions.get(sessionId);
    if (!session) return noSession;
    sessions.touch(sessionId);
    return run(session);
  };

  /** The host's own measures of one requested frame: landmarks (iris-refined eyes) and passive scores, no embedding. */
  const measure = async (jpeg: Uint8Array, at: number): Promise<FaceSample> => {
    const decoded = await decodeJpeg(jpeg, { maxPixels: 4_000_000 });
    if (!decoded.ok) return { at, faces: 0, face: null };
    const faces = await detectFaces(decoded.value, { embedding: false, iris: true });
    const face = faces.length === 1 ? faces[0] : undefined;
    return { at, faces: faces.length, face: face ? { eyeOpenness: face.eyeOpenness, yaw: face.yaw, real: face.real, live: face.live } : null };
  };

  let warmed: Promise<void> | undefined;
  const warm = (): Promise<void> => {
    warmed ??= detectFaces({ width: 64, height: 64, data: new Uint8Array(64 * 64 * 4) }, { embedding: false, iris: true }).then(
      () => undefined,
      (error: unknown) => {
        warmed = undefined;
        log.warn({ err: error }, 'face check: the landmark model did not load');
      },
    );
    return warmed;
  };

  const frame = async (session: ActiveSession, params: Parameters<CallHandlers['face.frame']>[0]): Promise<HandlerOutcome<'face.frame'>> => {
    const arrivedAt = now().getTime();
    const run = faceData(session).run();
    if (!run || run.challenge.challengeId !== params.challengeId) return { ok: true, value: { accepted: false, actionsSeen: 0, next: null } };
    const claim = claimFrame(run, params.nonce, arrivedAt, thresholds);
    if (claim === 'notRequested') log.warn({ sessionId: session.sessionId }, 'face check: a frame answered no open request; the challenge is void');
    if (claim === 'onTime') {
      const jpeg = new Uint8Array(Buffer.from(params.jpeg, 'base64'));
      const sample = await measure(jpeg, arrivedAt);
      const measureMs = now().getTime() - arrivedAt;
      addSample(run, sample, jpeg, measureMs, thresholds);
      log.debug({ sessionId: session.sessionId, faces: sample.faces, measureMs }, 'face check: frame measured');
    } else if (claim === 'late') log.info({ sessionId: session.sessionId }, 'face check: a frame came late and is not used');
    // The run may have been replaced (a new challenge) while the frame was measured: then it asks for nothing more.
    const current = faceData(session).run() === run;
    const next = current ? nextRequest(run, now().getTime(), thresholds, random, skipLiveness) : null;
    return { ok: true, value: { accepted: claim === 'onTime', actionsSeen: actionsSeen(run.challenge, run.samples, thresholds), next } };
  };

  /**
   * A face is compared (and a failure counted against a person) only for the identity a flow fixed
   * at identify, never for a number merely typed into a session: otherwise anyone could ask the
   * back-end about any number, or lock its owner out, without a flow. In simulation the dev route
   * checks a face outside a flow.
   */
  const boundIdentity = (session: ActiveSession): boolean => session.identity !== null && (session.identityFixed || ctx.simulation);

  const verify = async (session: ActiveSession, challengeId: string): Promise<HandlerOutcome<'face.verify'>> => {
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
    if (!session.identity || !boundIdentity(session)) return refused('face.refused.noIdentity', false);
    if (max - data.failedAttempts() <= 0) return refused('face.refused.tooManyAttempts', false);
    if (ctx.lockout.failuresLeft(session.identity.idNumber) === 0) return refused('face.refused.lockedOut', false);
    const run = data.takeRun();
    const verdict = judgeRun(run, challengeId, now().getTime(), thresholds, skipLiveness);
    if (!verdict.ok) return refused(`face.refused.${verdict.error}`, true);
    // The probe is a frame the host asked for and measured itself, never one the renderer picked.
    const probe = run?.probeJpeg;
    if (!probe) return refused('face.refused.oneFace', true);
    data.setProbe(probe);
    const started = Date.now();
    const compared = await ctx.verifyFace({ idNumber: session.identity.idNumber, probe });
    if (!compared.ok) {
      const failure = compared.error;
      switch (failure.kind) {
        case 'notFound': {
          // No reference photo on file. Saying so would tell whoever stands here, before any face has
          // matched, that the back-end does not know this number (issue 12, defect 2), so the citizen
          // hears the same as for a face that does not match and the try counts; when the tries run out
          // the flow sends them to the counter, and staff learn the reason from the log.
          failed();
          log.info({ sessionId: session.sessionId, outcome: 'noMatch', reasonKey: 'face.refused.noReference', failedAttempts: data.failedAttempts() }, 'face check');
          return { ok: true, value: { outcome: 'noMatch', attemptsLeft: left(), helpOffered: left() === 0 } };
        }
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
      : { ok: true, value: { outcome: 'noMatch', attemptsLeft: left(), helpOffered: left() === 0 } };
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
        // The citizen is about to face the camera: load and warm the landmark model now, not on the first frame.
        if (granted && kind === 'biometric') void warm();
        log.info({ sessionId, kind, granted }, 'consent recorded');
        return { ok: true, value: { kind, granted, recordedAt } };
      }),
    'face.challenge': ({ sessionId }) =>
      withSession(sessionId, (session): HandlerOutcome<'face.challenge'> => {
        const data = faceData(session);
        if (!data.consent('biometric')?.granted) return { ok: false, error: { code: 'unauthorized', messageKey: 'face.refused.noConsent' } };
        if (!boundIdentity(session)) return { ok: false, error: { code: 'unauthorized', messageKey: 'face.refused.noIdentity' } };
        const challenge = issueChallenge({ count: config.face.challengeActions, timeoutMs: config.face.challengeTimeoutSeconds * 1000, now: now() });
        const run = startRun(challenge);
        const frameRequest = nextRequest(run, now().getTime(), thresholds, random, skipLiveness);
        if (!frameRequest) return { ok: false, error: kioskError('internal') };
        data.setRun(run);
        return { ok: true, value: { ...challenge, frameRequest } };
      }),
    'face.frame': (params) => withSession(params.sessionId, (session) => frame(session, params)),
    'face.verify': ({ sessionId, challengeId }) => withSession(sessionId, (session) => verify(session, challengeId)),
    ...createPhotoHandlers({ config, sessions, logger: log, detectFaces, newId: randomUUID }),
  };
}
