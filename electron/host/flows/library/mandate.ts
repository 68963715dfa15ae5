/**
 * 可视化代办's mandate in the library: a run the host started for the
 * principal after the hall approved the case passes identify, consent and
 * the face check by itself. The principal proved their face on their phone
 * (judged by the hall server, compared by the back-end) and consented on
 * the recorded call; the officer approved. Each passed step keeps the
 * mandate as its fact, so the run says why it was passed. A run without a
 * mandate never takes this transition: only the host sets one, at start.
 */
import { assign } from 'xstate';
import type { FlowContext } from './context';
import type { StateConfig, StepWiring } from './step';

/** The fact of a step passed by the mandate. */
export interface PassedByMandate {
  kind: 'passedByMandate';
  caseId: string;
  approvedAt: string;
}

/** The eventless transition that passes the step at once when the run has a mandate (plus the step's own actions). */
export function passByMandate(wiring: StepWiring, ...actions: unknown[]): StateConfig[] {
  return [
    {
      guard: ({ context }: { context: FlowContext }) => context.mandate !== null,
      ...wiring.leave(
        { to: 'next' },
        assign({
          facts: ({ context }: { context: FlowContext }) => {
            const mandate = context.mandate;
            if (!mandate) return context.facts;
            const fact: PassedByMandate = { kind: 'passedByMandate', caseId: mandate.caseId, approvedAt: mandate.approvedAt };
            return { ...context.facts, [wiring.id]: fact };
          },
        }),
        ...actions,
      ),
    },
  ];
}

/** The step's fact when the mandate passed it, or null. */
export function passedByMandate(context: FlowContext, stepId: string): PassedByMandate | null {
  const fact = context.facts[stepId] as { kind?: string } | undefined;
  return fact?.kind === 'passedByMandate' ? (fact as PassedByMandate) : null;
}
