/**
 * selection: records an earlier step found (a driver's traffic violations),
 * each shown with its details and images; the citizen takes on here the
 * ones the service offers and sets the others aside. One not offered is
 * shown with why (on another driver's licence, a class the licence does not
 * cover…). SELECT sends the ids taken on; the host accepts only offered
 * ids, and at least `minSelected` of them; the service then routes the
 * answer (on, or the counter when nothing is left to do here). The fact is
 * `{ selected, setAside }` (`selectionOf`); BACK to it forgets it.
 */
import { assign } from 'xstate';
import type { DetailRow, StepImage } from '../../../contract';
import type { FlowContext } from './context';
import type { Route, StepDefinition } from './step';

/** One record as the step shows it. */
export interface SelectionItem {
  id: string;
  rows: DetailRow[];
  images: StepImage[];
  /** Offered to be taken on here; otherwise `reasonKey` says why not. */
  selectable: boolean;
  reasonKey: string | null;
}

export interface SelectionOptions {
  id: string;
  labelKey: string;
  titleKey: string;
  /** The records, from what earlier steps found. */
  items: (context: FlowContext) => readonly SelectionItem[];
  noteKeys?: (context: FlowContext) => string[];
  /** How many must be taken on to go on (default 1). */
  minSelected?: number;
  /** Where the answer leads (default: on). */
  route?: (selection: SelectionFact, context: FlowContext) => Route;
  /** Whether the citizen may go back to the step before. */
  back?: boolean;
}

/** The step's fact: the ids taken on and the ids set aside (offered or not), in the items' order. */
export interface SelectionFact {
  selected: string[];
  setAside: string[];
}

type SelectEvent = { type: string; values?: readonly string[] };

/** The answer SELECT gives, or null when it is not acceptable (an id not offered, a repeat, too few). */
export function selectionFrom(items: readonly SelectionItem[], values: readonly string[] | undefined, minSelected: number): SelectionFact | null {
  if (!values) return null;
  const chosen = new Set(values);
  if (chosen.size !== values.length || chosen.size < minSelected) return null;
  const offered = new Set(items.filter((item) => item.selectable).map((item) => item.id));
  if (values.some((value) => !offered.has(value))) return null;
  return { selected: items.filter((item) => chosen.has(item.id)).map((item) => item.id), setAside: items.filter((item) => !chosen.has(item.id)).map((item) => item.id) };
}

/** The answer at selection step `id`, or null before it passed. */
export function selectionOf(context: FlowContext, id: string): SelectionFact | null {
  const fact = context.facts[id] as Partial<SelectionFact> | undefined;
  return fact && Array.isArray(fact.selected) && Array.isArray(fact.setAside) ? (fact as SelectionFact) : null;
}

export function selectionStep(options: SelectionOptions): StepDefinition {
  const minSelected = options.minSelected ?? 1;
  const answer = (context: FlowContext, event: SelectEvent) => selectionFrom(options.items(context), event.values, minSelected);
  return {
    id: options.id,
    kind: 'selection',
    labelKey: options.labelKey,
    build: (wiring) => ({
      on: {
        SELECT: wiring.leaveBy(
          ({ context, event }) => {
            const selection = answer(context, event as SelectEvent);
            // leaveBy is guarded by the decision; an unacceptable answer is filtered out below.
            return selection ? (options.route?.(selection, context) ?? { to: 'next' }) : { to: 'failed', reason: 'internal' };
          },
          assign({
            facts: ({ context, event }: { context: FlowContext; event: SelectEvent }) => {
              const selection = answer(context, event);
              return selection ? { ...context.facts, [options.id]: selection } : context.facts;
            },
          }),
        ).map((transition) => ({
          ...transition,
          guard: (args: { context: FlowContext; event: unknown }) =>
            answer(args.context, args.event as SelectEvent) !== null && (typeof transition.guard === 'function' ? (transition.guard as (a: typeof args) => boolean)(args) : true),
        })),
        ...(options.back && wiring.previous ? { BACK: wiring.back() } : {}),
      },
    }),
    view: (context) => {
      const previous = selectionOf(context, options.id);
      return {
        data: {
          step: 'selection',
          titleKey: options.titleKey,
          noteKeys: options.noteKeys?.(context) ?? [],
          minSelected,
          items: options.items(context).map((item) => ({ ...item, selected: previous?.selected.includes(item.id) ?? false })),
        },
      };
    },
  };
}
