/**
 * Events a flow machine receives: the citizen's (validated against the
 * contract's FlowEvent) and the host's own, which the renderer cannot send:
 * the session's identity and the face module's verdict.
 */
import type { FaceCheckOutcome, FlowEvent, Identity } from '../../contract';

/** Sent by the host when the session's identity is set or changes (card read, number typed). */
export interface IdentityEvent {
  type: 'IDENTITY';
  identity: Identity | null;
}

/** Sent by the host's face module; never accepted from the renderer. */
export interface FaceResultEvent {
  type: 'FACE_RESULT';
  outcome: FaceCheckOutcome;
  /** Tries the face module still allows; 0 sends the citizen to a counter. */
  attemptsLeft: number;
}

export type HostFlowEvent = IdentityEvent | FaceResultEvent;

/** Everything a flow machine can receive. */
export type FlowMachineEvent = FlowEvent | HostFlowEvent;
