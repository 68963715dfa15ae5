/**
 * The host's judgement of the liveness challenge from its own measurements:
 * frames it asked for at moments it chose, stamped on arrival, measured with
 * its own landmark model. Nothing the renderer reports about eyes or head
 * enters here. Pure; a reason is an i18n key under `face.refused`.
 */
import { err, ok, type Result } from '../result';
import type { ChallengeAction, FaceChallenge } from './types';

/** Thresholds of the judgement. */
export interface EvidenceThresholds {
  minAntispoof: number;
  minLiveness: number;
  /** Blink: eyes at most this open at the lowest, at least `openEyes` before and after. */
  closedEyes: number;
  openEyes: number;
  /** Turns: at least this many degrees beyond a start that is within `frontalYaw`. */
  turnDegrees: number;
  frontalYaw: number;
  /** The probe: a frame at most this far from frontal (the renderer's quality gate allows 20°), eyes open. */
  probeYaw: number;
  /** Frames with one face the host must have measured. */
  minFrames: number;
  /** How long after its due moment a requested frame may arrive. */
  frameLatencyMs: number;
  /** How long after the challenge's end `face.verify` may come. */
  verifyGraceMs: number;
}

export const DEFAULT_EVIDENCE_THRESHOLDS: EvidenceThresholds = {
  minAntispoof: 0.5,
  minLiveness: 0.5,
  closedEyes: 0.12,
  openEyes: 0.18,
  turnDegrees: 15,
  frontalYaw: 20,
  probeYaw: 20,
  minFrames: 4,
  frameLatencyMs: 1_500,
  verifyGraceMs: 10_000,
};

/** One face as the host measured it in a requested frame. */
export interface MeasuredFace {
  eyeOpenness: number;
  yaw: number;
  real: number;
  live: number;
}

/** One requested frame as the host saw it: its own arrival time and measures. */
export interface FaceSample {
  /** Host clock (epoch ms) when the frame arrived. */
  at: number;
  /** Faces found; `face` only when exactly one. */
  faces: number;
  face: MeasuredFace | null;
}

/** Why the host's own evidence refuses a run (screen text: `face.refused.<reason>`). */
export type EvidenceRefusal = 'challengeUnknown' | 'framesNotRequested' | 'challengeExpired' | 'tooFewFrames' | 'noBlink' | 'noTurn' | 'oneFace' | 'passiveLiveness';

/** The run passed the liveness evidence (nothing more to say), or why not. */
export type EvidenceVerdict = Result<null, EvidenceRefusal>;

const refuse = (reason: EvidenceRefusal): EvidenceVerdict => err(reason);

/** Index of the sample that completes `action`, searching from `from`; -1 when it was not seen. */
function completes(action: ChallengeAction, faces: MeasuredFace[], from: number, t: EvidenceThresholds): number {
  switch (action) {
    case 'blink': {
      // Open, then closed, then open again: a drop and a recovery, not a still with narrow eyes.
      let stage: 'open' | 'closed' | 'reopen' = 'open';
      for (let i = from; i < faces.length; i++) {
        const eyes = faces[i]!.eyeOpenness;
        if (stage === 'open' && eyes >= t.openEyes) stage = 'closed';
        else if (stage === 'closed' && eyes <= t.closedEyes) stage = 'reopen';
        else if (stage === 'reopen' && eyes >= t.openEyes) return i;
      }
      return -1;
    }
    case 'turnLeft':
    case 'turnRight': {
      const sign = action === 'turnLeft' ? 1 : -1;
      // The most opposite frontal start so far; the turn is measured from it.
      let start: number | null = null;
      for (let i = from; i < faces.length; i++) {
        const yaw = faces[i]!.yaw * sign;
        if (start !== null && yaw - start >= t.turnDegrees) return i;
        if (Math.abs(yaw) <= t.frontalYaw) start = start === null ? yaw : Math.min(start, yaw);
      }
      return -1;
    }
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** How many of the challenge's actions the samples show done, in the issued order. */
export function actionsSeen(challenge: FaceChallenge, samples: readonly FaceSample[], t: EvidenceThresholds): number {
  const faces = samples.flatMap((sample) => (sample.face ? [sample.face] : []));
  let from = 0;
  let seen = 0;
  for (const action of challenge.actions) {
    const at = completes(action, faces, from, t);
    if (at < 0) break;
    seen++;
    from = at;
  }
  return seen;
}

/** A sample good enough to be the probe: frontal, eyes open. */
export function probeWorthy(face: MeasuredFace, t: EvidenceThresholds): boolean {
  return Math.abs(face.yaw) <= t.probeYaw && face.eyeOpenness >= t.openEyes;
}

/** The host's run of one challenge, as the judgement needs it. */
export interface JudgedRun {
  challenge: FaceChallenge;
  samples: readonly FaceSample[];
  /** A frame answered no open request (wrong nonce, or early): the run is void. */
  voided: boolean;
  probe: MeasuredFace | null;
  /** Time the host spent measuring frames: added to the challenge's time, which is the citizen's. */
  measureMs: number;
}

/**
 * Judges the run of `challengeId` at `nowMs` (host clock). `skipActions` is
 * the simulation-only test seam: it skips the blink/turn and passive checks,
 * never the requested frames or the probe.
 */
export function judgeRun(run: JudgedRun | undefined, challengeId: string, nowMs: number, t: EvidenceThresholds, skipActions = false): EvidenceVerdict {
  if (!run || run.challenge.challengeId !== challengeId) return refuse('challengeUnknown');
  if (run.voided) return refuse('framesNotRequested');
  if (nowMs > Date.parse(run.challenge.issuedAt) + run.challenge.timeoutMs + run.measureMs + t.verifyGraceMs) return refuse('challengeExpired');
  if (!skipActions) {
    if (run.samples.filter((sample) => sample.face).length < t.minFrames) return refuse('tooFewFrames');
    const seen = actionsSeen(run.challenge, run.samples, t);
    const missing = run.challenge.actions[seen];
    if (missing) return refuse(missing === 'blink' ? 'noBlink' : 'noTurn');
  }
  if (!run.probe) return refuse('oneFace');
  if (!skipActions && (run.probe.real < t.minAntispoof || run.probe.live < t.minLiveness)) return refuse('passiveLiveness');
  return ok(null);
}
