/**
 * Builds one XState machine from a service's plan: its steps in order, each
 * behind a gate that lets the run in only when the host passed every step
 * before it (and the step's own condition holds), so no step can be
 * skipped: no print without the face check, no submission without what
 * comes before it. The side steps (counter, referral, failed, done) and
 * the end on another identity (IDENTITY_CHANGED) are added to every flow.
 */
import { assign, setup, type AnyStateMachine } from 'xstate';
import type { PathStep } from '../../../contract';
import type { FlowMachineEvent } from '../flow-events';
import { initialContext, type FlowContext, type FlowContinuation, type FlowInput } from './context';
import type { FlowKit } from './kit';
import { SIDE_STEP_IDS, sideStates, sideView } from './side-steps';
import type { FlowPlan, Route, StateConfig, StepDefinition, StepView, StepWiring } from './step';

export interface BuiltFlow {
  machine: AnyStateMachine;
  /** The main path for the progress bar (the plan's steps, then done). */
  path: readonly PathStep[];
  /** The view of a snapshot: which step, and what it shows. */
  view(snapshot: { context: FlowContext; value: unknown }): StepView & { stepId: string };
  /** Whether the run confirmed its identify step (not merely passed it unseen on a path that skips it). */
  identityConfirmed(snapshot: { context: FlowContext }): boolean;
  /** The run the host starts next in the same session, once this one is done (a proxy case approved). */
  continuation(snapshot: { context: FlowContext; status?: string }): FlowContinuation | null;
}

/** Why a plan cannot be built (a service's bug, found when the host starts). */
export class FlowPlanError extends Error {}

const target = (id: string) => `#flow.${id}`;
const ROUTE_KINDS: readonly Route['to'][] = ['next', 'counter', 'referral', 'done', 'failed'];

/** Builds the machine for `plan` with the host's kit. */
export function buildFlow(plan: FlowPlan, kit: FlowKit): BuiltFlow {
  const steps = plan.steps;
  checkPlan(steps);
  const ids = steps.map((step) => step.id);

  const pass = (id: string) => assign({ passed: ({ context }: { context: FlowContext }) => (context.passed.includes(id) ? context.passed : [...context.passed, id]) });

  /** The counter's record when a step sends the citizen there: the reason (with its values, if any), the ticket still to print. */
  const counterOf = (route: Extract<Route, { to: 'counter' }>) => ({
    reasonKey: route.reasonKey,
    ...(route.reasonParams ? { reasonParams: { ...route.reasonParams } } : {}),
    ticket: { state: 'printing' as const, number: null },
  });

  /** The actions and target of leaving step `index` along `route`. */
  const routeTransition = (index: number, route: Route, extra: unknown[]): StateConfig => {
    switch (route.to) {
      case 'next': {
        const next = ids[index + 1];
        if (next === undefined) throw new FlowPlanError(`step ${ids[index]!} is the last and cannot go on; end it with done`);
        return { target: target(next), actions: [...extra, pass(ids[index]!)] };
      }
      case 'counter':
        return { target: target('counter'), actions: [...extra, assign({ counter: () => counterOf(route) })] };
      case 'referral':
        return { target: target('referral'), actions: [...extra, assign({ referral: () => route.referral })] };
      case 'done':
        return { target: target('done'), actions: [...extra, assign({ outcome: () => route.outcome })] };
      case 'failed':
        return { target: target('failed'), actions: [...extra, assign({ failure: () => ({ reason: route.reason }) })] };
      default: {
        const unknown: never = route;
        return unknown;
      }
    }
  };

  const wiringOf = (index: number): StepWiring => {
    const id = ids[index]!;
    return {
      id,
      self: target(id),
      previous: index > 0 ? target(ids[index - 1]!) : null,
      earlier: steps.slice(0, index),
      kit,
      leave: (route, ...actions) => routeTransition(index, route, actions),
      leaveBy: (decide, ...actions) =>
        // The last step has no next: its branches are the side steps' (a route on from there matches none).
        ROUTE_KINDS.filter((kind) => kind !== 'next' || index + 1 < ids.length).map((kind) => {
          // Each guarded branch computes the route once more: decide is pure over the context and the event.
          const guard = (args: { context: FlowContext; event: unknown }) => decide(args).to === kind;
          const transition = (args: { context: FlowContext; event: unknown }) => decide(args);
          return { guard, ...dynamicTransition(index, kind, transition, actions) };
        }),
      back: (to, ...actions) => {
        const backIndex = to === undefined ? index - 1 : ids.indexOf(to);
        if (backIndex < 0 || backIndex >= index) throw new FlowPlanError(`step ${id} cannot go back to ${to ?? 'nothing'}`);
        const forgotten = ids.slice(backIndex);
        return {
          target: target(ids[backIndex]!),
          actions: [
            ...actions,
            assign({
              passed: ({ context }: { context: FlowContext }) => context.passed.filter((passed) => !forgotten.includes(passed)),
              facts: ({ context }: { context: FlowContext }) => omit(context.facts, forgotten),
              attempts: ({ context }: { context: FlowContext }) => omit(context.attempts, forgotten),
              queryFailures: ({ context }: { context: FlowContext }) => omit(context.queryFailures, forgotten),
            }),
          ],
        };
      },
    };
  };

  /** A transition whose route is of `kind` but whose details come from the event. */
  const dynamicTransition = (index: number, kind: Route['to'], decide: (args: { context: FlowContext; event: unknown }) => Route, extra: unknown[]): StateConfig => {
    switch (kind) {
      case 'next':
        return routeTransition(index, { to: 'next' }, extra);
      case 'counter':
        return {
          target: target('counter'),
          actions: [...extra, assign({ counter: (args: { context: FlowContext; event: unknown }) => counterOf(routeField(decide(args), 'counter')) })],
        };
      case 'referral':
        return { target: target('referral'), actions: [...extra, assign({ referral: (args: { context: FlowContext; event: unknown }) => routeField(decide(args), 'referral').referral })] };
      case 'done':
        return { target: target('done'), actions: [...extra, assign({ outcome: (args: { context: FlowContext; event: unknown }) => routeField(decide(args), 'done').outcome })] };
      case 'failed':
        return { target: target('failed'), actions: [...extra, assign({ failure: (args: { context: FlowContext; event: unknown }) => ({ reason: routeField(decide(args), 'failed').reason }) })] };
      default: {
        const unknown: never = kind;
        return unknown;
      }
    }
  };

  const states: Record<string, StateConfig> = {};
  steps.forEach((step, index) => {
    const before = ids.slice(0, index);
    const mayEnter = (context: FlowContext) => before.every((id) => context.passed.includes(id)) && (step.mayEnter?.(context) ?? true);
    states[step.id] = {
      initial: 'gate',
      states: {
        // Transient: the run is let in, or (a bug, or an attempt to skip) ends as failed.
        gate: {
          always: [
            ...(step.skipWhen
              ? [
                  {
                    guard: ({ context }: { context: FlowContext }) => mayEnter(context) && step.skipWhen!(context),
                    ...routeTransition(index, { to: 'next' }, []),
                  },
                ]
              : []),
            { guard: ({ context }: { context: FlowContext }) => mayEnter(context), target: 'step' },
            { target: target('failed'), actions: assign({ failure: () => ({ reason: 'internal' as const }) }) },
          ],
        },
        step: step.build(wiringOf(index)),
      },
    };
  });
  Object.assign(states, sideStates(kit, plan.holderName));

  const machine = setup({
    types: { context: {} as FlowContext, events: {} as FlowMachineEvent, input: {} as FlowInput },
  }).createMachine({
    id: 'flow',
    context: ({ input }) => initialContext(input),
    initial: ids[0]!,
    on: {
      // From any step still running: another identity was presented, so this run ends, having revealed nothing.
      IDENTITY_CHANGED: { target: '.done', actions: assign({ outcome: () => 'identityChanged' }) },
      // A card placed (or a number typed) before a later identify step is reached: kept for it (identify takes it itself while current).
      IDENTITY: {
        guard: ({ context }: { context: FlowContext }) => !context.identityConfirmed,
        actions: assign({ identity: ({ event }: { event: { type: string; identity?: FlowContext['identity'] } }) => event.identity ?? null }),
      },
    },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- steps are composed at run time (see StateConfig)
    states: states as any,
  });

  const path: PathStep[] = [...steps.map((step) => ({ id: step.id, labelKey: step.labelKey })), { id: 'done', labelKey: 'flow.steps.done' }];
  const byId = new Map(steps.map((step) => [step.id, step]));

  return {
    machine,
    path,
    identityConfirmed: (snapshot) => snapshot.context.identityConfirmed,
    // Only a run that reached done hands over: a run still going (or ended elsewhere) starts nothing.
    continuation: (snapshot) => (snapshot.status === 'done' ? snapshot.context.continueWith : null),
    view(snapshot) {
      const [top = 'done', ...rest] = statePath(snapshot.value);
      const step = byId.get(top);
      if (step) {
        const child = rest[0] === 'step' ? (rest[1] ?? null) : null;
        return { stepId: step.id, ...step.view(snapshot.context, child, kit) };
      }
      const side = sideView(top, snapshot.context, kit) ?? sideView('done', snapshot.context, kit)!;
      return { stepId: SIDE_STEP_IDS.includes(top as (typeof SIDE_STEP_IDS)[number]) ? top : 'done', ...side };
    },
  };
}

function routeField<K extends Route['to']>(route: Route, kind: K): Extract<Route, { to: K }> {
  if (route.to !== kind) throw new FlowPlanError(`route changed between guard and action: ${route.to} is not ${kind}`);
  return route as Extract<Route, { to: K }>;
}

function omit<T>(record: Readonly<Record<string, T>>, keys: readonly string[]): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));
}

/** `['print', 'step', 'printed']` for `{ print: { step: 'printed' } }`. */
function statePath(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'object' && value !== null) {
    const [key, child] = Object.entries(value)[0] ?? ['done', null];
    return [key, ...statePath(child)];
  }
  return [];
}

function checkPlan(steps: readonly StepDefinition[]): void {
  if (steps.length === 0) throw new FlowPlanError('a flow needs at least one step');
  const seen = new Set<string>();
  for (const step of steps) {
    if (seen.has(step.id)) throw new FlowPlanError(`two steps are called ${step.id}`);
    if ((SIDE_STEP_IDS as readonly string[]).includes(step.id)) throw new FlowPlanError(`${step.id} is a side step every flow has`);
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(step.id)) throw new FlowPlanError(`step id ${step.id} is not a short identifier`);
    if (step.skipWhen && step === steps[steps.length - 1]) throw new FlowPlanError(`step ${step.id} is the last and cannot be skipped`);
    seen.add(step.id);
  }
}
