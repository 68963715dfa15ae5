/**
 * Where a session keeps its flow: in the session's data map, so it is
 * dropped with everything else when the session ends. The face module's
 * verdict reaches the flow only through the flow runtime's `faceResult`
 * (which checks the identity it was for); the renderer has no way to send it.
 */
import type { FaceVerifyResult } from '../../contract';
import type { FaceResultEvent } from './flow-events';
import type { ActiveSession } from '../session/session-store';
import type { FlowInstance } from './flow-instance';

/** The key of the flow in `session.data`. */
export const FLOW_DATA_KEY = 'flow';

function isFlowInstance(value: unknown): value is FlowInstance {
  return typeof value === 'object' && value !== null && typeof (value as FlowInstance).send === 'function' && typeof (value as FlowInstance).view === 'function';
}

/** The session's running flow, if any. */
export function flowOf(session: ActiveSession): FlowInstance | undefined {
  const value = session.data.get(FLOW_DATA_KEY);
  return isFlowInstance(value) ? value : undefined;
}

/** The flow event for the face module's verdict (`face.verify` result). */
export function faceResultEvent(verdict: FaceVerifyResult): FaceResultEvent {
  switch (verdict.outcome) {
    case 'match':
      return { type: 'FACE_RESULT', outcome: 'passed', attemptsLeft: verdict.attemptsLeft };
    case 'noMatch':
      return { type: 'FACE_RESULT', outcome: 'noMatch', attemptsLeft: verdict.attemptsLeft };
    case 'refused':
      return { type: 'FACE_RESULT', outcome: 'refused', attemptsLeft: verdict.attemptsLeft };
    default: {
      const unknown: never = verdict;
      return unknown;
    }
  }
}
