/**
 * A service module's flow, ready for the host: its plan built into one
 * machine with the host's kit bound, and a run started per session.
 */
import { startFlowInstance } from '../flows/flow-instance';
import type { FlowService } from '../flows/flow-service';
import { buildFlow, type FlowKit } from '../flows/library';
import type { ServiceModule } from './service-module';

/** Builds the service's flow once; `onError` hears machine faults (bugs, never expected failures). */
export function serviceFlow(module: ServiceModule, kit: FlowKit, onError?: (error: unknown) => void): FlowService {
  const built = buildFlow(module.flow(kit), kit);
  return {
    id: module.id,
    proxy: module.catalogue.proxy,
    start: (input) =>
      startFlowInstance({
        serviceId: module.id,
        flowId: input.flowId,
        machine: built.machine,
        input: { sessionId: input.sessionId, flowId: input.flowId, identity: input.identity, ...(input.mandate ? { mandate: input.mandate } : {}) },
        path: built.path,
        view: (snapshot) => built.view(snapshot as never),
        identityConfirmed: (snapshot) => built.identityConfirmed(snapshot as never),
        continuation: (snapshot) => built.continuation(snapshot as never),
        ...(onError ? { onError } : {}),
      }),
  };
}
