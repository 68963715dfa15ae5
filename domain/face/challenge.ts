/** The judge (the kiosk host, or the hall for a principal's phone) chooses the liveness challenge: a blink and a head turn, in random order. */
import { secureRandomInt, secureRandomUuid } from './random';
import type { ChallengeAction, FaceChallenge } from './types';

/** Random source (tests pass a fixed one). */
export type RandomInt = (maxExclusive: number) => number;

/** Issues a challenge of `count` distinct actions (1–3): always a blink, then turns, shuffled. */
export function issueChallenge(options: { count: number; timeoutMs: number; now: Date; random?: RandomInt }): FaceChallenge {
  const random = options.random ?? ((max: number) => secureRandomInt(0, max));
  const turn: ChallengeAction = random(2) === 0 ? 'turnLeft' : 'turnRight';
  const pool: ChallengeAction[] = ['blink', turn, turn === 'turnLeft' ? 'turnRight' : 'turnLeft'];
  const actions = pool.slice(0, Math.max(1, Math.min(3, options.count)));
  for (let i = actions.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [actions[i], actions[j]] = [actions[j]!, actions[i]!];
  }
  return { challengeId: secureRandomUuid(), actions, timeoutMs: options.timeoutMs, issuedAt: options.now.toISOString() };
}
