/**
 * The liveness challenge as the judging code needs it. The same shapes as
 * the contract's `ChallengeAction`, `FaceChallenge` and `FrameRequest`
 * (electron/contract/domain.ts), written out here because domain/ imports
 * nothing: TypeScript checks they still fit wherever the kiosk host and
 * the hall pass the contract's values in or hand these out.
 */

/** One action of the active liveness challenge. */
export type ChallengeAction = 'blink' | 'turnLeft' | 'turnRight';

/** The judge's challenge: actions in the order the person must do them. */
export interface FaceChallenge {
  challengeId: string;
  actions: ChallengeAction[];
  /** Time for the whole challenge, from `issuedAt`. */
  timeoutMs: number;
  issuedAt: string;
}

/** A frame the judge asks for: taken `inMs` after the answer arrives, sent with `nonce`. */
export interface FrameRequest {
  nonce: string;
  inMs: number;
}
