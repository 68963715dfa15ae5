/** What a service folder under renderer/flows/ declares. */
import type { FlowStep } from '../../electron/contract';
import type { StepRegistry } from '../steps';

/** A service with a kiosk flow, as the renderer draws it. */
export interface KioskFlow {
  serviceId: string;
  /** The components of its steps (usually the shared registry, a few replaced). */
  steps: StepRegistry;
  /** The host's main path in order, for the progress bar's labels. */
  progress: readonly FlowStep[];
}
