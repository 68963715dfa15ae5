/**
 * consent: the citizen agrees to what the service checks and shares, in the
 * service's words; nothing is queried before. Declining ends the run.
 */
import { assign } from 'xstate';
import { passByMandate } from './mandate';
import type { Route, StepDefinition } from './step';

export interface ConsentOptions {
  labelKey: string;
  /** What the citizen agrees to (the service's key). */
  textKey: string;
  /** What is checked or shared, one key per item. */
  scopeKeys: readonly string[];
  /** Where declining leads (default: the run ends, `declined`); e.g. the counter, where it can be done in person. */
  declined?: Route;
}

export function consentStep(options: ConsentOptions): StepDefinition {
  return {
    id: 'consent',
    kind: 'consent',
    labelKey: options.labelKey,
    build: (wiring) => ({
      // A run by proxy: the principal consented on the recorded call.
      always: passByMandate(wiring, assign({ consent: () => true })),
      on: {
        CONSENT: [
          { guard: ({ event }: { event: { type: string; granted?: boolean } }) => event.granted === true, ...wiring.leave({ to: 'next' }, assign({ consent: () => true })) },
          wiring.leave(options.declined ?? { to: 'done', outcome: 'declined' }),
        ],
      },
    }),
    view: (context) => ({ data: { step: 'consent', textKey: options.textKey, scopeKeys: [...options.scopeKeys], granted: context.consent } }),
  };
}
