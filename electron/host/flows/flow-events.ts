/**
 * Events a flow machine receives: the citizen's (validated against the
 * contract's FlowEvent) and the host's own, which the renderer cannot send:
 * the session's identity (or its change after identify) and the face
 * module's verdict.
 */
import type { FaceCheckOutcome, FlowEvent, Identity } from '../../contract';

/** Sent by the host when the session's identity is set or changes at identify (card read, number typed). */
export interface IdentityEvent {
  type: 'IDENTITY';
  identity: Identity | null;
}

/**
 * Sent by the host when another identity (a card placed, a number typed)
 * arrives after the run's identity was fixed at identify: the run ends.
 */
export interface IdentityChangedEvent {
  type: 'IDENTITY_CHANGED';
}

/** Sent by the host's face module; never accepted from the renderer. */
export interface FaceResultEvent {
  type: 'FACE_RESULT';
  outcome: FaceCheckOutcome;
  /** Tries the face module still allows; 0 sends the citizen to a counter. */
  attemptsLeft: number;
}

export type HostFlowEvent = IdentityEvent | IdentityChangedEvent | FaceResultEvent;

/** Everything a flow machine can receive. */
export type FlowMachineEvent = FlowEvent | HostFlowEvent;
