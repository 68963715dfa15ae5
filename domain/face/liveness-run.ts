/**
 * One challenge's frames, as the host asks for them: one open request at a
 * time, each with a nonce and a moment the host chose at random; a frame is
 * stamped on arrival and counts only when it answers the open request on time.
 * A frame for no open request (wrong nonce, replayed, early) voids the run.
 */
import { secureRandomHex, secureRandomInt } from './random';
import type { ChallengeAction, FaceChallenge, FrameRequest } from './types';
import { actionsSeen, probeWorthy, type EvidenceThresholds, type FaceSample, type JudgedRun, type MeasuredFace } from './evidence';

/** Random source for the sample moments (tests pass a fixed one). */
export type RandomBetween = (min: number, maxExclusive: number) => number;

/** The host's state of one challenge, kept in the session. */
export interface LivenessRun extends JudgedRun {
  samples: FaceSample[];
  /** The open request and the host time it is due. */
  pending: { nonce: string; dueAt: number } | null;
  /** The best probe so far and its JPEG. */
  probe: MeasuredFace | null;
  probeJpeg: Uint8Array | null;
  probeScore: number;
}

/** When the run's time is up: the challenge's time plus the time the host spent measuring (not the citizen's). */
export function runDeadline(run: JudgedRun): number {
  return Date.parse(run.challenge.issuedAt) + run.challenge.timeoutMs + run.measureMs;
}

/** Sample moments per action: dense for a blink (it is short), sparser for a turn. */
const DELAY_MS: Record<ChallengeAction | 'more', [number, number]> = { blink: [60, 220], turnLeft: [150, 450], turnRight: [150, 450], more: [100, 300] };

/** A new run for `challenge`. */
export function startRun(challenge: FaceChallenge): LivenessRun {
  return { challenge, samples: [], pending: null, voided: false, probe: null, probeJpeg: null, probeScore: -Infinity, measureMs: 0 };
}

/** How a frame answered the run's open request. */
export type FrameClaim = 'onTime' | 'late' | 'notRequested';

/** Claims the open request with `nonce` at `nowMs`; any frame but the awaited one voids the run. */
export function claimFrame(run: LivenessRun, nonce: string, nowMs: number, t: EvidenceThresholds): FrameClaim {
  const pending = run.pending;
  run.pending = null;
  if (!pending || pending.nonce !== nonce || nowMs < pending.dueAt) {
    run.voided = true;
    return 'notRequested';
  }
  return nowMs - pending.dueAt > t.frameLatencyMs ? 'late' : 'onTime';
}

/** Adds the host's measures of an on-time frame, which took `measureMs` (and keeps it when it is the best probe so far). */
export function addSample(run: LivenessRun, sample: FaceSample, jpeg: Uint8Array, measureMs: number, t: EvidenceThresholds): void {
  run.samples.push(sample);
  run.measureMs += Math.max(0, measureMs);
  const face = sample.face;
  if (!face || !probeWorthy(face, t)) return;
  const score = face.real + face.live - Math.abs(face.yaw) / 90;
  if (score <= run.probeScore) return;
  run.probe = face;
  run.probeJpeg = jpeg;
  run.probeScore = score;
}

/** The run has what it needs: every action seen, enough frames, a probe (with the simulation seam `skipActions`: a probe). */
export function runComplete(run: LivenessRun, t: EvidenceThresholds, skipActions = false): boolean {
  if (skipActions) return run.probe !== null;
  const measured = run.samples.filter((sample) => sample.face).length;
  return run.probe !== null && measured >= t.minFrames && actionsSeen(run.challenge, run.samples, t) === run.challenge.actions.length;
}

/** The next request, or null when the run is void, complete or out of time. */
export function nextRequest(run: LivenessRun, nowMs: number, t: EvidenceThresholds, random: RandomBetween = secureRandomInt, skipActions = false): FrameRequest | null {
  if (run.voided || runComplete(run, t, skipActions)) return null;
  const deadline = runDeadline(run);
  const action = run.challenge.actions[actionsSeen(run.challenge, run.samples, t)] ?? 'more';
  const [min, max] = DELAY_MS[action];
  const inMs = random(min, max);
  if (nowMs + inMs > deadline) return null;
  const nonce = secureRandomHex(16);
  run.pending = { nonce, dueAt: nowMs + inMs };
  return { nonce, inMs };
}
