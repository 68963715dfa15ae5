/**
 * The steps every flow has beside its path: counter (a queue ticket for the
 * service's window), referral (somewhere else to apply), failed (the kiosk
 * cannot go on) and done. Their words are the library's; the counter's
 * reason is the service's key, deliberately coarse where it must be (the
 * screen never says whether a record was found).
 */
import { assign, fromPromise } from 'xstate';
import type { FlowContext } from './context';
import type { FlowKit } from './kit';
import type { StateConfig, StepView } from './step';

/** Outcomes every flow can end in, worded by the library (`flow.outcome.*`). */
export const LIBRARY_OUTCOMES = ['counter', 'referred', 'declined', 'failed', 'identityChanged', 'rejectedRefunded'] as const;
export type LibraryOutcome = (typeof LIBRARY_OUTCOMES)[number];

export const SIDE_STEP_IDS = ['counter', 'referral', 'failed', 'done'] as const;

/** The i18n key of an outcome: the library's, or the service's own. */
export function outcomeKey(serviceId: string, outcome: string): string {
  return (LIBRARY_OUTCOMES as readonly string[]).includes(outcome) ? `flow.outcome.${outcome}` : `svc.${serviceId}.outcomes.${outcome}`;
}

const finish = (outcome: string) => ({ target: '#flow.done', actions: assign({ outcome: () => outcome }) });

type TicketOutput = { kind: 'printed' | 'notPrinted'; ticketNumber?: string };

const identityName = (context: FlowContext) => context.identity?.name ?? null;

/** The side steps' state nodes; `holderName` names the ticket's holder (default: the identity's name). */
export function sideStates(kit: FlowKit, holderName: (context: FlowContext) => string | null = identityName): Record<string, StateConfig> {
  const printTicket = fromPromise<TicketOutput, { context: FlowContext }>(({ input }) =>
    kit.slips.printQueueTicket({
      sessionId: input.context.sessionId,
      serviceId: kit.serviceId,
      serviceName: kit.serviceName['zh-CN'],
      window: kit.window,
      name: holderName(input.context),
    }),
  );
  const setTicket = (ticket: (event: unknown) => { state: 'printed' | 'notPrinted'; number: string | null }) =>
    assign({ counter: ({ context, event }: { context: FlowContext; event: unknown }) => (context.counter ? { ...context.counter, ticket: ticket(event) } : null) });
  return {
    counter: {
      initial: 'ticketing',
      states: {
        ticketing: {
          invoke: {
            src: printTicket,
            input: ({ context }: { context: FlowContext }) => ({ context }),
            onDone: {
              target: 'ready',
              actions: setTicket((event) => {
                const output = (event as { output: TicketOutput }).output;
                return { state: output.kind, number: output.ticketNumber ?? null };
              }),
            },
            onError: { target: 'ready', actions: setTicket(() => ({ state: 'notPrinted', number: null })) },
          },
        },
        ready: { on: { CONFIRM: finish('counter') } },
      },
    },
    referral: { on: { CONFIRM: finish('referred') } },
    failed: { on: { CONFIRM: finish('failed') } },
    done: { type: 'final' },
  };
}

/** The view of a side step, or null when `stepId` is not one. */
export function sideView(stepId: string, context: FlowContext, kit: FlowKit): StepView | null {
  switch (stepId) {
    case 'counter': {
      const counter = context.counter ?? { reasonKey: 'flow.counter.reason.queryFailed', ticket: { state: 'notPrinted' as const, number: null } };
      return { data: { step: 'counter', reasonKey: counter.reasonKey, ...(counter.reasonValues ? { reasonValues: { ...counter.reasonValues } } : {}), window: kit.window, ticket: counter.ticket } };
    }
    case 'referral': {
      const referral = context.referral ?? { to: 'exitEntry' as const, province: null, city: null };
      return {
        data: {
          step: 'referral',
          to: referral.to,
          registeredProvince: referral.province,
          registeredCity: referral.city,
          window: referral.to === 'exitEntry' ? kit.windows.exitEntry : kit.window,
        },
        messageKey: `flow.referral.${referral.to}`,
      };
    }
    case 'failed': {
      const failure = context.failure ?? { reason: 'internal' as const };
      return { data: { step: 'failed', reason: failure.reason, canRetry: false }, messageKey: `flow.failed.${failure.reason}` };
    }
    case 'done': {
      const outcome = context.outcome ?? 'failed';
      return { data: { step: 'done', outcome, outcomeKey: outcomeKey(kit.serviceId, outcome) } };
    }
    default:
      return null;
  }
}
