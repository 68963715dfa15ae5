/**
 * The 无犯罪记录证明 kiosk flow, ready for the host: bind its dependencies
 * once, and the host starts one run per session.
 */
import type { FlowService } from '../../flows/flow-service';
import { startFlowInstance } from '../../flows/flow-instance';
import { SERVICE_ID, STEPS } from './definition';
import { createNoCriminalRecordMachine, type NoCriminalRecordDeps } from './machine';
import { viewOf } from './view';

/** Creates the service. `onError` hears machine faults (bugs, never expected failures). */
export function createNoCriminalRecordService(deps: NoCriminalRecordDeps, onError?: (error: unknown) => void): FlowService {
  const machine = createNoCriminalRecordMachine(deps);
  return {
    id: SERVICE_ID,
    start: (input) =>
      startFlowInstance({
        serviceId: SERVICE_ID,
        flowId: input.flowId,
        machine,
        input: { sessionId: input.sessionId, flowId: input.flowId, identity: input.identity },
        steps: STEPS,
        view: (snapshot) => viewOf(snapshot, deps.windows, deps.maxFaceAttempts),
        onError,
      }),
  };
}
