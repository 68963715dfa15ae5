/**
 * The principal's face check on their phone (issue 19), judged here, the
 * trusted side, exactly as the kiosk host judges its own: consent first; a
 * challenge the hall chooses; frames only when the hall asks for them (a
 * nonce each, at a moment it picks), measured with its own landmark model;
 * then the back-end's 1:1 comparison of a frame the hall measured itself
 * with the principal's reference photo. The phone reports nothing that
 * counts. A failed liveness judgement or comparison counts a try; a
 * back-end that does not answer does not. Images live in memory for the
 * run only. Logs carry the case id and outcomes, never a face or a number.
 */
import { issueChallenge } from '../../../../domain/face/challenge';
import { actionsSeen, DEFAULT_EVIDENCE_THRESHOLDS, judgeRun, type EvidenceThresholds, type FaceSample } from '../../../../domain/face/evidence';
import { addSample, claimFrame, nextRequest, startRun, type LivenessRun, type RandomBetween } from '../../../../domain/face/liveness-run';
import { createHash } from 'node:crypto';
import { err, ok } from '../../../../domain/result';
import type { FaceFrameAnswer } from '../../../../electron/contract/domain';
import { decodeJpeg, type RgbaImage } from '../../../../face-analysis/decode-jpeg';
import { loadFaceAnalyzer, type DetectedFace, type DetectOptions } from '../../../../face-analysis/human-node';
import type { PhoneFaceVerdict } from '../../../contract/proxy-api';
import type { FaceComparison, PrincipalFaceCheck } from '../ports';

/** Where the check says what happened (ids and outcomes only). */
export interface FaceCheckLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface PrincipalFaceCheckOptions {
  /** The back-end's 1:1 comparison (sandbox-comparison.ts or gateway-comparison.ts). */
  compare: FaceComparison;
  /** Faces with landmarks and passive scores (tests pass a scripted one); the Node model by default. */
  detect?: (image: RgbaImage, options: DetectOptions) => Promise<DetectedFace[]>;
  now?: () => Date;
  /** Failed tries per case before the check refuses (`tooManyAttempts`). */
  maxAttempts: number;
  /** Actions of the challenge (1–3: a blink and head turns). */
  challengeActions: number;
  /** Time for the whole challenge (at least a second). */
  challengeTimeoutMs: number;
  /**
   * TEST ONLY: skips the blink/turn and passive liveness judgement (never the
   * requested frames or the probe). The caller allows it only with the
   * sandbox comparison.
   */
  skipLiveness?: boolean;
  /** The random moments of the requested frames (tests pass a fixed one). */
  random?: RandomBetween;
  /** Passive anti-spoofing and liveness minimums (the kiosk's `face.minAntispoof`/`minLiveness`); defaults otherwise. */
  thresholds?: Partial<Pick<EvidenceThresholds, 'minAntispoof' | 'minLiveness'>>;
  logger?: FaceCheckLogger;
  /** Cases remembered (their tries); the oldest are forgotten beyond it. Default 10 000. */
  maxCases?: number;
  /**
   * Failed tries a principal may have across all cases in 24 hours (default 3 × maxAttempts): opening new
   * cases (BACK, RETRY, another kiosk) never buys more comparisons against one person's reference.
   */
  maxDailyFailures?: number;
}

/** One case's check: consent, its failed tries and the current run (with its frames). */
interface CaseCheck {
  consent: boolean;
  failed: number;
  run: LivenessRun | null;
}

const silent: FaceCheckLogger = { info: () => undefined, warn: () => undefined };
const notAccepted = (seen: number): FaceFrameAnswer => ({ accepted: false, actionsSeen: seen, next: null });

/** Creates the hall's principal face check. */
export function createPrincipalFaceCheck(options: PrincipalFaceCheckOptions): PrincipalFaceCheck {
  if (!Number.isInteger(options.maxAttempts) || options.maxAttempts < 1) throw new RangeError('maxAttempts must be a whole number ≥ 1');
  if (!(options.challengeTimeoutMs >= 1_000)) throw new RangeError('challengeTimeoutMs must be at least 1000');
  const now = options.now ?? (() => new Date());
  const log = options.logger ?? silent;
  const maxCases = options.maxCases ?? 10_000;
  const skipLiveness = options.skipLiveness === true;
  const thresholds: EvidenceThresholds = { ...DEFAULT_EVIDENCE_THRESHOLDS, ...options.thresholds };
  const detect = options.detect ?? (async (image: RgbaImage, detectOptions: DetectOptions) => (await loadFaceAnalyzer()).detect(image, detectOptions));
  if (skipLiveness) log.warn('TEST ONLY: the principal face check skips the liveness judgement');
  const cases = new Map<string, CaseCheck>();
  const maxDailyFailures = options.maxDailyFailures ?? 3 * options.maxAttempts;
  /** Failed tries by principal (SHA-256 of the ID number, never the number), as times. */
  const principalFailures = new Map<string, number[]>();
  const principalKey = (idNumber: string) => createHash('sha256').update(`onedoor-principal:${idNumber}`).digest('hex');
  const failuresToday = (key: string): number[] => {
    const since = now().getTime() - 24 * 60 * 60 * 1000;
    const recent = (principalFailures.get(key) ?? []).filter((at) => at > since);
    if (recent.length === 0) principalFailures.delete(key);
    else principalFailures.set(key, recent);
    return recent;
  };

  const entry = (checkKey: string): CaseCheck => {
    let check = cases.get(checkKey);
    if (!check) {
      check = { consent: false, failed: 0, run: null };
      cases.set(checkKey, check);
      // Oldest first (insertion order): a case that old has long ended.
      for (const key of cases.keys()) {
        if (cases.size <= maxCases) break;
        cases.delete(key);
      }
    }
    return check;
  };
  const attemptsLeft = (check: CaseCheck) => Math.max(0, options.maxAttempts - check.failed);

  /** The hall's own measures of one requested frame: landmarks (iris-refined eyes) and passive scores, no embedding. */
  const measure = async (jpeg: Uint8Array, at: number): Promise<FaceSample> => {
    const decoded = await decodeJpeg(jpeg, { maxPixels: 4_000_000 });
    if (!decoded.ok) return { at, faces: 0, face: null };
    const faces = await detect(decoded.value, { embedding: false, iris: true });
    const face = faces.length === 1 ? faces[0] : undefined;
    return { at, faces: faces.length, face: face ? { eyeOpenness: face.eyeOpenness, yaw: face.yaw, real: face.real, live: face.live } : null };
  };

  const notMatched = (checkKey: string, check: CaseCheck, reasonKey: string | null, counts: boolean, principal?: string): PhoneFaceVerdict => {
    if (counts) {
      check.failed += 1;
      if (principal !== undefined) principalFailures.set(principal, [...failuresToday(principal), now().getTime()]);
    }
    log.info(`principal face check ${checkKey}: not matched (${reasonKey ?? 'noMatch'}), ${check.failed} failed`);
    return { outcome: 'notMatched', reasonKey, attemptsLeft: attemptsLeft(check) };
  };

  return {
    consent(checkKey, granted) {
      const check = entry(checkKey);
      check.consent = granted;
      // Consent withdrawn: nothing of the face stays.
      if (!granted) check.run = null;
    },

    challenge(checkKey) {
      const check = entry(checkKey);
      if (!check.consent) return err('noConsent');
      if (attemptsLeft(check) === 0) return err('tooManyAttempts');
      const challenge = issueChallenge({ count: options.challengeActions, timeoutMs: options.challengeTimeoutMs, now: now() });
      const run = startRun(challenge);
      const frameRequest = nextRequest(run, now().getTime(), thresholds, options.random, skipLiveness);
      // A fresh run with at least a second to go always asks for a first frame.
      if (!frameRequest) throw new Error('a fresh liveness run asked for no frame');
      // A new challenge replaces the run before it, and its frames.
      check.run = run;
      return ok({ ...challenge, frameRequest });
    },

    async frame(checkKey, { challengeId, nonce, jpeg }) {
      const arrivedAt = now().getTime();
      const check = cases.get(checkKey);
      const run = check?.consent ? check.run : null;
      if (!check || !run || run.challenge.challengeId !== challengeId) return notAccepted(0);
      const claim = claimFrame(run, nonce, arrivedAt, thresholds);
      if (claim === 'notRequested') log.warn(`principal face check ${checkKey}: a frame answered no open request; the challenge is void`);
      if (claim === 'onTime') {
        const bytes = new Uint8Array(Buffer.from(jpeg, 'base64'));
        const sample = await measure(bytes, arrivedAt);
        addSample(run, sample, bytes, now().getTime() - arrivedAt, thresholds);
      }
      // The run may have been replaced or forgotten while the frame was measured: then it asks for nothing more.
      const current = check.run === run && check.consent;
      const next = current ? nextRequest(run, now().getTime(), thresholds, options.random, skipLiveness) : null;
      return { accepted: claim === 'onTime', actionsSeen: actionsSeen(run.challenge, run.samples, thresholds), next };
    },

    async verify(checkKey, idNumber, challengeId) {
      const check = entry(checkKey);
      if (!check.consent) return notMatched(checkKey, check, 'face.refused.noConsent', false);
      if (attemptsLeft(check) === 0) return notMatched(checkKey, check, 'face.refused.tooManyAttempts', false);
      const principal = principalKey(idNumber);
      if (failuresToday(principal).length >= maxDailyFailures) {
        check.failed = options.maxAttempts;
        return notMatched(checkKey, check, 'face.refused.tooManyAttempts', false);
      }
      // Each challenge is good for one verification only.
      const run = check.run ?? undefined;
      check.run = null;
      const verdict = judgeRun(run, challengeId, now().getTime(), thresholds, skipLiveness);
      if (!verdict.ok) return notMatched(checkKey, check, `face.refused.${verdict.error}`, true, principal);
      // The probe is a frame the hall asked for and measured itself, never one the phone picked.
      const probe = run?.probeJpeg;
      if (!probe) return notMatched(checkKey, check, 'face.refused.oneFace', true, principal);
      let compared: Awaited<ReturnType<FaceComparison>>;
      try {
        compared = await options.compare({ idNumber, probe });
      } catch {
        compared = err('unavailable');
      }
      if (!compared.ok) {
        switch (compared.error) {
          case 'notFound':
            // No reference photo on file: the phone hears what a face that does not match hears, so the
            // link tells nobody whether the back-end knows this number; the try counts.
            log.info(`principal face check ${checkKey}: no reference photo on file`);
            return notMatched(checkKey, check, null, true, principal);
          case 'unavailable':
            // The back-end's fault, not the principal's: the try does not count.
            log.warn(`principal face check ${checkKey}: the back-end comparison did not answer`);
            return notMatched(checkKey, check, 'face.refused.backendUnavailable', false);
          default: {
            const never: never = compared.error;
            return never;
          }
        }
      }
      if (!compared.value.match) return notMatched(checkKey, check, null, true, principal);
      log.info(`principal face check ${checkKey}: match${skipLiveness ? ' (liveness skipped: TEST ONLY)' : ''}`);
      return { outcome: 'match' };
    },

    forget(checkKey) {
      // The run and its frames go, and consent with them; the failed tries stay, so forgetting never gives more.
      const check = cases.get(checkKey);
      if (!check) return;
      check.run = null;
      check.consent = false;
    },
  };
}
