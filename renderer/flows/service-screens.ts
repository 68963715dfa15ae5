/** What a service folder under renderer/flows/ declares, when a service needs a screen the library does not have. */
import type { StepRegistry } from '../steps';

/** `renderer/flows/<folder>/index.ts` exports `flow` of this type. */
export interface ServiceScreens {
  serviceId: string;
  /** The service's own screens for some kinds; the library draws the rest. */
  steps?: Partial<StepRegistry>;
}
