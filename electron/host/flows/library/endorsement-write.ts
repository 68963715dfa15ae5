/**
 * endorsementWrite: an endorsement the back-end issued, written to the chip
 * of the permit on the endorsement writer (and printed on its back). The
 * host writes at once; the card taken away, a failed write, no card or
 * another card → "put your permit back" with why, and the citizen touches
 * "placed" to write again, up to `maxWrites` writes in all; after those, or
 * when the chip is full or the writer down (or absent), or the citizen
 * gives up, the step still goes on, with a fact that says it was not
 * written: the endorsement exists and is paid, so what follows (the slip)
 * tells the citizen the counter writes it. Its fact (`endorsementWritten`):
 * `{ written: true, writtenAt, printed }` or `{ written: false, problem }`.
 */
import { assign, fromPromise } from 'xstate';
import type { Result } from '../../../../domain/result';
import type { FlowContext } from './context';
import type { ChipEndorsement, WriterProblem, WrittenEndorsement } from './endorsement-writer';
import type { FlowKit } from './kit';
import { PLACED, TO_COUNTER, writerProblemKey, writerView, type WriterPromptKeys } from './permit-on-writer';
import type { StepDefinition } from './step';

export type EndorsementWritten = ({ written: true } & WrittenEndorsement) | { written: false; problem: WriterProblem | 'gaveUp' };

export interface EndorsementWriteOptions extends WriterPromptKeys {
  id: string;
  labelKey: string;
  /** The permit the endorsement is for (the one read earlier). */
  permitNumber(context: FlowContext): string;
  /** The endorsement, as the back-end issued it. */
  endorsement(context: FlowContext): ChipEndorsement | null;
  /** Writes in all before the counter writes it (default 3). */
  maxWrites?: number;
}

/** The write's outcome at step `id`, once passed. */
export function endorsementWritten(context: FlowContext, id: string): EndorsementWritten | null {
  const fact = context.facts[id] as EndorsementWritten | undefined;
  return fact && typeof fact.written === 'boolean' ? fact : null;
}

/** Problems the citizen can put right by placing their permit again. */
const RETRYABLE: ReadonlySet<WriterProblem> = new Set(['noCard', 'cardRemoved', 'writeFailed', 'notAPermit', 'unreadable']);

export function endorsementWriteStep(options: EndorsementWriteOptions): StepDefinition {
  const { id } = options;
  const maxWrites = options.maxWrites ?? 3;
  const problemKey = writerProblemKey(id);
  type WriteEvent = { output: Result<WrittenEndorsement, WriterProblem> };
  const outputOf = (event: unknown) => (event as WriteEvent).output;
  const writes = (context: FlowContext) => context.attempts[id] ?? 0;
  const write = (context: FlowContext, kit: FlowKit): Promise<Result<WrittenEndorsement, WriterProblem>> => {
    const endorsement = options.endorsement(context);
    if (!kit.endorsementWriter || !endorsement) return Promise.resolve({ ok: false, error: 'deviceDown' });
    return kit.endorsementWriter.writeEndorsement(options.permitNumber(context), endorsement);
  };
  const remember = (fact: (context: FlowContext, event: unknown) => EndorsementWritten) =>
    assign({
      facts: ({ context, event }: { context: FlowContext; event: unknown }) => {
        const { [problemKey]: _forgotten, ...rest } = context.facts;
        return { ...rest, [id]: fact(context, event) };
      },
    });
  return {
    id,
    kind: 'choice',
    labelKey: options.labelKey,
    build: (wiring) => ({
      initial: 'writing',
      states: {
        writing: {
          entry: assign({ attempts: ({ context }: { context: FlowContext }) => ({ ...context.attempts, [id]: writes(context) + 1 }) }),
          invoke: {
            src: fromPromise<Result<WrittenEndorsement, WriterProblem>, { context: FlowContext }>(({ input }) => write(input.context, wiring.kit)),
            input: ({ context }: { context: FlowContext }) => ({ context }),
            onDone: [
              {
                guard: ({ event }: { event: unknown }) => outputOf(event).ok,
                ...wiring.leave({ to: 'next' }, remember((_context, event) => ({ written: true, ...(outputOf(event) as { value: WrittenEndorsement }).value }))),
              },
              {
                guard: ({ context, event }: { context: FlowContext; event: unknown }) => {
                  const output = outputOf(event);
                  return !output.ok && RETRYABLE.has(output.error) && writes(context) < maxWrites;
                },
                target: 'waiting',
                actions: assign({ facts: ({ context, event }: { context: FlowContext; event: unknown }) => ({ ...context.facts, [problemKey]: (outputOf(event) as { error: WriterProblem }).error }) }),
              },
              // Out of writes, the chip full or the writer down: the counter writes it (the slip says so).
              wiring.leave({ to: 'next' }, remember((_context, event) => ({ written: false, problem: (outputOf(event) as { error: WriterProblem }).error }))),
            ],
            onError: wiring.leave({ to: 'next' }, remember(() => ({ written: false, problem: 'deviceDown' }))),
          },
        },
        waiting: {
          on: {
            CHOOSE: [
              { guard: ({ event }: { event: { value?: string } }) => event.value === PLACED, target: 'writing' },
              { guard: ({ event }: { event: { value?: string } }) => event.value === TO_COUNTER, ...wiring.leave({ to: 'next' }, remember(() => ({ written: false, problem: 'gaveUp' }))) },
            ],
          },
        },
      },
    }),
    view: (context, child) => writerView(context, id, child, options),
  };
}
