/**
 * review: what will be printed or submitted, for the citizen to check
 * (public data only: the ID number masked). CONFIRM goes on; BACK returns
 * to the step before (e.g. to choose another purpose).
 */
import type { FlowContext } from './context';
import type { Rows, StepDefinition } from './step';

export interface ReviewOptions {
  id?: string;
  labelKey: string;
  titleKey: string;
  rows: Rows;
  noteKeys?: (context: FlowContext) => string[];
  /** The step BACK returns to (default: the one before); false: no way back. */
  backTo?: string | false;
}

export function reviewStep(options: ReviewOptions): StepDefinition {
  return {
    id: options.id ?? 'review',
    kind: 'review',
    labelKey: options.labelKey,
    build: (wiring) => ({
      on: {
        CONFIRM: wiring.leave({ to: 'next' }),
        ...(options.backTo !== false && wiring.previous ? { BACK: wiring.back(options.backTo) } : {}),
      },
    }),
    view: (context) => ({ data: { step: 'review', titleKey: options.titleKey, rows: options.rows(context), noteKeys: options.noteKeys?.(context) ?? [] } }),
  };
}
