/** Service flows: the runner, and the services the renderer can draw a kiosk flow for. */
export { FlowRunner, type FlowRunnerProps } from './FlowRunner';
export { kioskFlowFor } from './registry';
export type { KioskFlow } from './kiosk-flow';
