/** The flow engine: guards, flow instances, session binding, KioskApi handlers. */
export { createFlowRuntime, type FlowHandlers, type FlowHandlersContext, type FlowControls, type FlowCallName } from './flow-handlers';
export { startFlowInstance, type FlowInstance, type FlowInstanceOptions, type StepView } from './flow-instance';
export type { FlowService, FlowStartInput } from './flow-service';
export type { FlowMachineEvent, HostFlowEvent, IdentityEvent, IdentityChangedEvent, FaceResultEvent } from './flow-events';
export { initialFace, type BaseFlowContext, type FaceCheckState } from './flow-context';
export * from './guards';
export { FLOW_DATA_KEY, flowOf, faceResultEvent } from './session-flow';
export type { TicketPrinter, ApplicationQueue, QueueTicketRequest, CollectionReceiptRequest, SlipOutcome } from './ports';
