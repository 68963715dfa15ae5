/**
 * permitOnWriter: "place your permit on the reader", then the chip of the
 * electronic 往来港澳通行证 / 往来台湾通行证 read by the endorsement writer
 * (`kit.endorsementWriter.readPermit()`). The host reads at once (the card
 * may already lie there); no card, a card that is not a permit or that
 * cannot be read → the prompt again, saying what went wrong in the
 * service's words (`problemKeys`), and the citizen touches "placed" to read
 * again or goes to the counter; the writer down (or none on this kiosk) →
 * the counter. A permit read → `check(permit, context)` routes it (e.g. the
 * counter when it is not the one the record holds). Its fact is the
 * {@link PermitOnWriter} read (`permitOnWriter(context, id)`).
 *
 * Drawn with the library's screens: the prompt is a choice (`placed`,
 * `counter`), the reading a query's "please wait".
 */
import { assign, fromPromise } from 'xstate';
import type { Result } from '../../../../domain/result';
import type { FlowContext } from './context';
import type { PermitOnWriter, WriterProblem } from './endorsement-writer';
import type { FlowKit } from './kit';
import type { Route, StepDefinition, StepView } from './step';

/** The options the prompt offers: the card is placed (read again), or give up for the counter. */
export const PLACED = 'placed';
export const TO_COUNTER = 'counter';

export interface WriterPromptKeys {
  /** The prompt's title (e.g. 请将往来港澳通行证放在读卡区). */
  promptKey: string;
  /** The option that reads (or writes) again once the card lies there. */
  placedKey: string;
  /** The option that goes to the counter instead. */
  counterKey: string;
  /** What the screen says while the writer works. */
  busyKey: string;
  /** Each problem in the citizen's words (why, and what to do). */
  problemKeys: Readonly<Record<WriterProblem, string>>;
}

export interface PermitOnWriterOptions extends WriterPromptKeys {
  id: string;
  labelKey: string;
  /** Where a permit read leads (e.g. the counter when it is not the citizen's). */
  check(permit: PermitOnWriter, context: FlowContext): Route;
  /** The counter's reason when the citizen gives up, or the writer is down. */
  counterReasonKey: string;
}

/** The permit read at step `id`, once passed. */
export function permitOnWriter(context: FlowContext, id: string): PermitOnWriter | null {
  const fact = context.facts[id] as PermitOnWriter | undefined;
  return fact && typeof fact.permitNumber === 'string' ? fact : null;
}

/** Where the last problem of a writer step is kept (shown with the prompt). */
export const writerProblemKey = (id: string) => `${id}.problem`;

/** The prompt (a choice) or the busy screen (a query's "please wait"), with the last problem as its message. */
export function writerView(context: FlowContext, id: string, child: string | null, keys: WriterPromptKeys): StepView {
  if (child !== 'waiting') return { data: { step: 'query', titleKey: keys.busyKey, state: 'running', failure: null, retriesLeft: 0 } };
  const problem = context.facts[writerProblemKey(id)] as WriterProblem | undefined;
  return {
    data: {
      step: 'choice',
      titleKey: keys.promptKey,
      options: [
        { value: PLACED, labelKey: keys.placedKey },
        { value: TO_COUNTER, labelKey: keys.counterKey },
      ],
      selected: null,
    },
    ...(problem ? { messageKey: keys.problemKeys[problem] } : {}),
  };
}

/** The problem a kiosk without a writer has. */
const NO_WRITER: Result<never, WriterProblem> = { ok: false, error: 'deviceDown' };

export function permitOnWriterStep(options: PermitOnWriterOptions): StepDefinition {
  const { id } = options;
  const problemKey = writerProblemKey(id);
  type ReadEvent = { output: Result<PermitOnWriter, WriterProblem> };
  const outputOf = (event: unknown) => (event as ReadEvent).output;
  const decide = (context: FlowContext, event: unknown): Route => {
    const read = outputOf(event);
    if (read.ok) return options.check(read.value, context);
    return { to: 'counter', reasonKey: options.counterReasonKey };
  };
  return {
    id,
    kind: 'choice',
    labelKey: options.labelKey,
    build: (wiring) => ({
      initial: 'reading',
      states: {
        reading: {
          invoke: {
            src: fromPromise<Result<PermitOnWriter, WriterProblem>, { kit: FlowKit }>(({ input }) => input.kit.endorsementWriter?.readPermit() ?? Promise.resolve(NO_WRITER)),
            input: () => ({ kit: wiring.kit }),
            onDone: [
              // Something the citizen can put right: ask again, saying what went wrong.
              {
                guard: ({ event }: { event: unknown }) => {
                  const read = outputOf(event);
                  return !read.ok && read.error !== 'deviceDown';
                },
                target: 'waiting',
                actions: assign({ facts: ({ context, event }: { context: FlowContext; event: unknown }) => ({ ...context.facts, [problemKey]: (outputOf(event) as { error: WriterProblem }).error }) }),
              },
              ...wiring.leaveBy(
                ({ context, event }) => decide(context, event),
                assign({
                  facts: ({ context, event }: { context: FlowContext; event: unknown }) => {
                    const read = outputOf(event);
                    const { [problemKey]: _forgotten, ...rest } = context.facts;
                    return read.ok ? { ...rest, [id]: read.value } : rest;
                  },
                }),
              ),
            ],
            onError: wiring.leave({ to: 'counter', reasonKey: options.counterReasonKey }),
          },
        },
        waiting: {
          on: {
            CHOOSE: [
              { guard: ({ event }: { event: { value?: string } }) => event.value === PLACED, target: 'reading' },
              { guard: ({ event }: { event: { value?: string } }) => event.value === TO_COUNTER, ...wiring.leave({ to: 'counter', reasonKey: options.counterReasonKey }) },
            ],
          },
        },
      },
    }),
    view: (context, child) => writerView(context, id, child, options),
  };
}
