/** Service flows: the runner, and the screens that draw a service's steps. */
export { FlowRunner, type FlowRunnerProps } from './FlowRunner';
export { stepsFor } from './registry';
export type { ServiceScreens } from './service-screens';
