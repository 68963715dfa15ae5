/**
 * The active liveness challenge, tracked frame by frame (pure): the host's
 * actions in the host's order, each needing a clear blink or head turn, all
 * within the time limit. A still picture never blinks or turns, so it times
 * out. The result is evidence for the host, which judges it again.
 */
import type { ChallengeAction, ChallengeStepEvidence, FaceChallenge, LivenessEvidence } from '../../electron/contract';
import type { FrameObservation } from './observation';
import { mainFace } from './quality';

/** What the renderer requires before it moves on (the host's own limits are a little looser). */
export const LIVENESS_LIMITS = { closedEyes: 0.1, openEyes: 0.2, turnDegrees: 18 } as const;

/** Where the challenge stands. */
export type ChallengeProgress =
  | { kind: 'acting'; index: number; action: ChallengeAction; remainingMs: number }
  | { kind: 'done'; evidence: LivenessEvidence }
  | { kind: 'timedOut'; evidence: LivenessEvidence; action: ChallengeAction };

interface StepState {
  startedAt: number;
  baseline: number | null;
  measure: number | null;
}

const median = (values: number[]) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** Tracks one challenge; `startedAt` is the renderer's clock when it began. */
export function createChallengeTracker(challenge: FaceChallenge, startedAt: number) {
  const done: ChallengeStepEvidence[] = [];
  const antispoof: number[] = [];
  const liveness: number[] = [];
  let frames = 0;
  let step: StepState = { startedAt, baseline: null, measure: null };
  let finished: ChallengeProgress | undefined;

  const evidence = (): LivenessEvidence => ({
    challengeId: challenge.challengeId,
    steps: [...done],
    antispoof: Math.round(median(antispoof) * 1000) / 1000,
    liveness: Math.round(median(liveness) * 1000) / 1000,
    frames,
  });

  return {
    /** Feeds one frame; returns the progress after it. */
    observe(observation: FrameObservation): ChallengeProgress {
      if (finished) return finished;
      const now = observation.at;
      const index = done.length;
      const action = challenge.actions[index]!;
      if (now - startedAt > challenge.timeoutMs) {
        finished = { kind: 'timedOut', evidence: evidence(), action };
        return finished;
      }
      const face = observation.faces.length === 1 ? mainFace(observation) : undefined;
      if (face) {
        frames++;
        antispoof.push(face.antispoof);
        liveness.push(face.liveness);
        const value = action === 'blink' ? face.eyeOpenness : face.yaw;
        if (step.baseline === null) step.baseline = value;
        else if (action === 'blink') step.baseline = Math.max(step.baseline, value);
        step.measure = step.measure === null ? value : action === 'turnRight' || action === 'blink' ? Math.min(step.measure, value) : Math.max(step.measure, value);
        if (stepComplete(action, step.measure, step.baseline)) {
          done.push({ action, startedAt: Math.round(step.startedAt), completedAt: Math.round(now), measure: round(step.measure), baseline: round(step.baseline) });
          step = { startedAt: now, baseline: null, measure: null };
          if (done.length === challenge.actions.length) {
            finished = { kind: 'done', evidence: evidence() };
            return finished;
          }
        }
      }
      const next = challenge.actions[done.length]!;
      return { kind: 'acting', index: done.length, action: next, remainingMs: Math.max(0, challenge.timeoutMs - (now - startedAt)) };
    },
    evidence,
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function stepComplete(action: ChallengeAction, measure: number, baseline: number): boolean {
  switch (action) {
    case 'blink':
      return baseline >= LIVENESS_LIMITS.openEyes && measure <= LIVENESS_LIMITS.closedEyes;
    case 'turnLeft':
      return measure - baseline >= LIVENESS_LIMITS.turnDegrees && Math.abs(baseline) <= 20;
    case 'turnRight':
      return baseline - measure >= LIVENESS_LIMITS.turnDegrees && Math.abs(baseline) <= 20;
    default: {
      const never: never = action;
      return never;
    }
  }
}
