/**
 * The part of every flow's context the engine's guards read: who is at the
 * kiosk, whether they consented, and how their face check went.
 */
import type { FaceCheckOutcome, Identity } from '../../contract';

export interface FaceCheckState {
  passed: boolean;
  /** Attempts made so far (passed or not). */
  attempts: number;
  last: FaceCheckOutcome | null;
}

export interface BaseFlowContext {
  /** The session's identity as the host validated it. */
  identity: Identity | null;
  consent: boolean;
  face: FaceCheckState;
  /** An expired card is a usable identity in this run (identifyStep's `acceptExpired`: renewing it is the service). */
  acceptExpired?: boolean;
}

/** A fresh face-check state. */
export function initialFace(): FaceCheckState {
  return { passed: false, attempts: 0, last: null };
}
