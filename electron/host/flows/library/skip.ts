/** A step that applies only to some runs: passed unseen when `when` holds (e.g. the vehicle's details for a search by licence). */
import type { FlowContext } from './context';
import type { StepDefinition } from './step';

export function skippedWhen(step: StepDefinition, when: (context: FlowContext) => boolean): StepDefinition {
  return { ...step, skipWhen: when };
}
