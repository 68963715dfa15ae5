/**
 * Where a session keeps its flow: in the session's data map, so it is
 * dropped with everything else when the session ends. The face module
 * reports its verdict through {@link deliverFaceResult}; the renderer has no
 * way to do so.
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

/**
 * Host-internal: hands the face module's verdict to the session's flow.
 * Returns false when there is no flow or its current step is not a face check.
 */
export function deliverFaceResult(session: ActiveSession, verdict: FaceVerifyResult): boolean {
  const flow = flowOf(session);
  return flow ? flow.send(faceResultEvent(verdict)) : false;
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
