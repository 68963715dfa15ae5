/**
 * query: one back-end call the service names (a record, a status), shown as
 * "please wait" and, when it fails for a reason worth another try, "try
 * again or go to the counter" with the tries left. The service routes the
 * answer: on (the answer becomes the step's fact), to the counter, to a
 * referral, or to the end. The call's request key is the run's, so a retry
 * is the same request to the back-end.
 */
import { assign, fromPromise } from 'xstate';
import type { GatewayResult } from '../../gateway/police-gateway';
import type { FlowContext } from './context';
import type { Route, StepDefinition } from './step';
import type { FlowKit } from './kit';

export interface QueryOptions<T> {
  id: string;
  labelKey: string;
  titleKey: string;
  /** Calls the back-end; `requestKey` is stable for this run and step. */
  run(context: FlowContext, kit: FlowKit, requestKey: string): Promise<GatewayResult<T>>;
  /** Where an answer leads; `notFound` and other failures come here too (return `retry` to offer another try). */
  route(result: GatewayResult<T>, context: FlowContext): Route | { to: 'retry' };
  /**
   * Told when an answer leaves the step along `route` (not on a retry). It
   * runs as the flow's own transition, so an answer that arrives after the run
   * ended (the citizen left mid-query) tells nothing: hand records to the
   * outbox here, not in `run`.
   */
  onRouted?(route: Route, result: GatewayResult<T>, context: FlowContext, kit: FlowKit): void;
  /** Attempts before the citizen is sent to the counter (first one included); default 3. */
  maxAttempts?: number;
  /** The counter's reason when the tries run out or the citizen gives up. */
  failedReasonKey?: string;
}

/** The library's routing of a failure that is worth another try; `notFound` goes to the counter. */
export function routeFailure(result: GatewayResult<unknown>, notFoundReasonKey: string): Route | { to: 'retry' } | null {
  if (result.ok) return null;
  return result.error.kind === 'notFound' ? { to: 'counter', reasonKey: notFoundReasonKey } : { to: 'retry' };
}

export function queryStep<T>(options: QueryOptions<T>): StepDefinition {
  const maxAttempts = options.maxAttempts ?? 3;
  const failedReasonKey = options.failedReasonKey ?? 'flow.counter.reason.queryFailed';
  const decide = (result: GatewayResult<T>, context: FlowContext) => options.route(result, context);
  return {
    id: options.id,
    kind: 'query',
    labelKey: options.labelKey,
    build: (wiring) => ({
      initial: 'running',
      states: {
        running: {
          entry: assign({ attempts: ({ context }: { context: FlowContext }) => ({ ...context.attempts, [options.id]: (context.attempts[options.id] ?? 0) + 1 }) }),
          invoke: {
            src: fromPromise<GatewayResult<T>, { context: FlowContext }>(({ input }) =>
              options.run(input.context, wiring.kit, `${input.context.flowId}-${options.id}`),
            ),
            input: ({ context }: { context: FlowContext }) => ({ context }),
            onDone: [
              {
                guard: ({ context, event }: { context: FlowContext; event: { output: GatewayResult<T> } }) => decide(event.output, context).to === 'retry',
                target: 'failed',
                actions: assign({
                  queryFailures: ({ context, event }: { context: FlowContext; event: unknown }) => {
                    const output = (event as { output: GatewayResult<T> }).output;
                    return { ...context.queryFailures, [options.id]: output.ok ? 'badResponse' : output.error.kind };
                  },
                }),
              },
              ...wiring.leaveBy(
                ({ context, event }) => decide((event as { output: GatewayResult<T> }).output, context) as Route,
                assign({
                  facts: ({ context, event }: { context: FlowContext; event: unknown }) => {
                    const output = (event as { output: GatewayResult<T> }).output;
                    return output.ok ? { ...context.facts, [options.id]: output.value } : context.facts;
                  },
                  queryFailures: ({ context }: { context: FlowContext }) => ({ ...context.queryFailures, [options.id]: null }),
                }),
                ({ context, event }: { context: FlowContext; event: unknown }) => {
                  if (!options.onRouted) return;
                  const output = (event as { output: GatewayResult<T> }).output;
                  options.onRouted(decide(output, context) as Route, output, context, wiring.kit);
                },
              ),
            ],
            onError: wiring.leave({ to: 'failed', reason: 'internal' }),
          },
        },
        failed: {
          on: {
            RETRY: { guard: ({ context }: { context: FlowContext }) => (context.attempts[options.id] ?? 0) < maxAttempts, target: 'running' },
            CONFIRM: wiring.leave({ to: 'counter', reasonKey: failedReasonKey }),
          },
        },
      },
    }),
    view: (context, child) => {
      const failed = child === 'failed';
      const failure = context.queryFailures[options.id] ?? null;
      return {
        data: {
          step: 'query',
          titleKey: options.titleKey,
          state: failed ? 'failed' : 'running',
          failure: failed ? failure : null,
          retriesLeft: Math.max(0, maxAttempts - (context.attempts[options.id] ?? 0)),
        },
        ...(failed && failure ? { messageKey: `flow.query.${failure}` } : {}),
      };
    },
  };
}
