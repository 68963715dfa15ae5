/**
 * identify: the citizen places their card or types their number; the host
 * validated it before it reached the flow. CONFIRM fixes it for the run
 * (the flow never comes back here). It is usually the first step; it may
 * follow a choice (e.g. "scan the receipt" or "use my ID card") and be
 * skipped on a path that needs no identity (`skippedWhen`): the face check
 * and everything that reads the identity must then be skipped too. A foreigner's identity (read from the
 * card or number itself, nothing from the back-end) goes to the 出入境
 * counter at once when the service's audience has no foreigners.
 */
import { assign } from 'xstate';
import type { FlowIdentity } from '../../../contract';
import { identityIsForeigner, identityProblem, identityUsable } from '../guards';
import type { FlowContext } from './context';
import { passByMandate } from './mandate';
import type { StepDefinition } from './step';

export interface IdentifyOptions {
  labelKey?: string;
  /**
   * An expired card is a usable identity (default false): for a service whose
   * reason is the expiry itself (身份证换领). The face check and every later
   * guard then accept it too (the run's context says so from the start).
   */
  acceptExpired?: boolean;
  /**
   * Only a card placed on the reader will do (a typed number is refused with
   * problem `cardRequired`): e.g. the agent of 可视化代办, whose card is the
   * one proof of who asked. The message is the service's, when it gives one.
   */
  cardOnly?: { messageKey?: string };
}

/** The identity as a step shows it (masked number). */
export function publicIdentity(context: FlowContext): FlowIdentity | null {
  const identity = context.identity;
  return identity ? { source: identity.source, cardType: identity.cardType, name: identity.name, idNumberMasked: identity.idNumberMasked } : null;
}

/** The identity is the run's from now on (the host fixes the session's). */
const confirmed = assign({ identityConfirmed: () => true });

export function identifyStep(options: IdentifyOptions = {}): StepDefinition {
  return {
    id: 'identify',
    kind: 'identify',
    labelKey: options.labelKey ?? 'flow.steps.identify',
    build: (wiring) => ({
      ...(options.acceptExpired ? { entry: assign({ acceptExpired: () => true }) } : {}),
      // A run by proxy: the identity is the principal's, fixed by the host from the approved case.
      always: passByMandate(wiring, confirmed),
      on: {
        IDENTITY: {
          actions: assign({
            identity: ({ event }: { event: { type: string; identity?: FlowContext['identity'] } }) => event.identity ?? null,
            identifyProblem: () => null,
          }),
        },
        CONFIRM: [
          ...(!wiring.kit.audience.includes('foreigner')
            ? [{ guard: ({ context }: { context: FlowContext }) => identityUsable(context) && identityIsForeigner(context), ...wiring.leave({ to: 'referral', referral: { to: 'exitEntry', province: null, city: null } }, confirmed) }]
            : []),
          ...(options.cardOnly
            ? [{ guard: ({ context }: { context: FlowContext }) => identityUsable(context) && context.identity?.source !== 'card', actions: assign({ identifyProblem: () => 'cardRequired' as const }) }]
            : []),
          { guard: ({ context }: { context: FlowContext }) => identityUsable(context), ...wiring.leave({ to: 'next' }, confirmed) },
          { actions: assign({ identifyProblem: ({ context }: { context: FlowContext }) => identityProblem(context.identity, context.acceptExpired === true) }) },
        ],
      },
    }),
    view: (context) => {
      const problem = context.identifyProblem;
      const messageKey = problem === 'cardRequired' && options.cardOnly?.messageKey ? options.cardOnly.messageKey : problem ? `flow.identify.${problem}` : undefined;
      return { data: { step: 'identify', identity: publicIdentity(context), problem }, ...(messageKey ? { messageKey } : {}) };
    },
  };
}
