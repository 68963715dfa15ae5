/**
 * choice: one of a few options the service names (a certificate's purpose,
 * a period). The host accepts only a listed option; the choice is the
 * step's fact. Choosing again after BACK replaces it and forgets what the
 * steps after it found. By default every option goes on along the path;
 * `route` lets an option lead elsewhere (e.g. "finish without printing"
 * ends the run with the service's outcome).
 */
import { assign } from 'xstate';
import type { FlowContext } from './context';
import type { Route, StepDefinition } from './step';

export interface ChoiceOption {
  value: string;
  labelKey: string;
  noteKey?: string;
}

export interface ChoiceOptions {
  id: string;
  labelKey: string;
  titleKey: string;
  /** The options; a function when they depend on what earlier steps found (e.g. only the reasons a record allows). */
  options: readonly ChoiceOption[] | ((context: FlowContext) => readonly ChoiceOption[]);
  /** Whether the citizen may go back to the step before. */
  back?: boolean;
  /** Where a chosen (listed) option leads; default: on along the path. */
  route?: (value: string, context: FlowContext) => Route;
}

type ChooseEvent = { type: string; value?: string };

export function choiceStep(options: ChoiceOptions): StepDefinition {
  const offered = (context: FlowContext): readonly ChoiceOption[] => (typeof options.options === 'function' ? options.options(context) : options.options);
  const isOffered = (context: FlowContext, value: string | undefined) => value !== undefined && offered(context).some((option) => option.value === value);
  return {
    id: options.id,
    kind: 'choice',
    labelKey: options.labelKey,
    build: (wiring) => {
      const offeredChoice = ({ context, event }: { context: FlowContext; event: unknown }) => isOffered(context, (event as ChooseEvent).value);
      const remember = assign({ facts: ({ context, event }: { context: FlowContext; event: unknown }) => ({ ...context.facts, [options.id]: (event as ChooseEvent).value }) });
      const route = options.route;
      const choose = route
        ? // One guarded branch per route kind, each only for a listed option.
          wiring
            .leaveBy(({ context, event }) => route((event as ChooseEvent).value ?? '', context), remember)
            .map((branch) => ({ ...branch, guard: (args: { context: FlowContext; event: unknown }) => offeredChoice(args) && (branch.guard as (a: typeof args) => boolean)(args) }))
        : [{ guard: offeredChoice, ...wiring.leave({ to: 'next' }, remember) }];
      return {
        on: {
          CHOOSE: choose,
          ...(options.back && wiring.previous ? { BACK: wiring.back() } : {}),
        },
      };
    },
    view: (context) => {
      const selected = context.facts[options.id];
      return {
        data: {
          step: 'choice',
          titleKey: options.titleKey,
          options: offered(context).map((option) => ({ value: option.value, labelKey: option.labelKey, ...(option.noteKey ? { noteKey: option.noteKey } : {}) })),
          selected: typeof selected === 'string' ? selected : null,
        },
      };
    },
  };
}

/** The value chosen at step `id`, or null. */
export function chosen(context: FlowContext, id: string): string | null {
  const value = context.facts[id];
  return typeof value === 'string' ? value : null;
}
