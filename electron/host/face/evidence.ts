/**
 * The host's judgement of the renderer's liveness evidence: the right
 * challenge, fresh, every action done in the issued order within the time,
 * each action clearly performed, and the passive model scores high enough.
 * Pure; the reason is an i18n key under `face.refused`.
 */
import type { ChallengeAction, ChallengeStepEvidence, FaceChallenge, LivenessEvidence } from '../../contract';

/** Thresholds of the evidence check. */
export interface EvidenceThresholds {
  minAntispoof: number;
  minLiveness: number;
  /** Blink: eyes at most this open at the lowest, and at least `openEyes` before. */
  closedEyes: number;
  openEyes: number;
  /** Turns: at least this many degrees beyond the start, which is within `frontalYaw`. */
  turnDegrees: number;
  frontalYaw: number;
  minFrames: number;
  /** Allowed clock difference between renderer and host timestamps. */
  clockSkewMs: number;
}

export const DEFAULT_EVIDENCE_THRESHOLDS: EvidenceThresholds = {
  minAntispoof: 0.5,
  minLiveness: 0.5,
  closedEyes: 0.12,
  openEyes: 0.18,
  turnDegrees: 15,
  frontalYaw: 20,
  minFrames: 5,
  clockSkewMs: 2_000,
};

export type EvidenceVerdict = { ok: true } | { ok: false; reasonKey: string };

const refuse = (reason: string): EvidenceVerdict => ({ ok: false, reasonKey: `face.refused.${reason}` });

/** True when one step shows its action clearly. */
export function actionPerformed(step: ChallengeStepEvidence, t: EvidenceThresholds): boolean {
  const action: ChallengeAction = step.action;
  switch (action) {
    case 'blink':
      return step.measure <= t.closedEyes && step.baseline >= t.openEyes;
    case 'turnLeft':
      return step.measure - step.baseline >= t.turnDegrees && Math.abs(step.baseline) <= t.frontalYaw;
    case 'turnRight':
      return step.baseline - step.measure >= t.turnDegrees && Math.abs(step.baseline) <= t.frontalYaw;
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** Judges `evidence` against the challenge the host issued; `nowMs` is the host's clock. */
export function judgeEvidence(challenge: FaceChallenge | undefined, evidence: LivenessEvidence, nowMs: number, t: EvidenceThresholds = DEFAULT_EVIDENCE_THRESHOLDS): EvidenceVerdict {
  if (!challenge || challenge.challengeId !== evidence.challengeId) return refuse('challengeUnknown');
  const issued = Date.parse(challenge.issuedAt);
  const deadline = issued + challenge.timeoutMs;
  if (nowMs > deadline + t.clockSkewMs + 10_000) return refuse('challengeExpired');
  if (evidence.steps.length !== challenge.actions.length || evidence.steps.some((step, i) => step.action !== challenge.actions[i])) return refuse('challengeIncomplete');
  let previousEnd = issued - t.clockSkewMs;
  for (const step of evidence.steps) {
    if (step.startedAt < previousEnd - t.clockSkewMs || step.completedAt < step.startedAt || step.completedAt > deadline + t.clockSkewMs) return refuse('challengeTiming');
    previousEnd = step.completedAt;
  }
  const failed = evidence.steps.find((step) => !actionPerformed(step, t));
  if (failed) return refuse(failed.action === 'blink' ? 'noBlink' : 'noTurn');
  if (evidence.frames < t.minFrames) return refuse('tooFewFrames');
  if (evidence.antispoof < t.minAntispoof || evidence.liveness < t.minLiveness) return refuse('passiveLiveness');
  return { ok: true };
}
