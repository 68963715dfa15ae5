/**
 * receiptPrint: a slip on the receipt printer with what the back-end said
 * (e.g. an application's progress), repeated on screen. One reprint; the
 * slip is the citizen's to take away, so the run's outcome comes when they
 * confirm, printed or not. {@link slipStep} is the machinery any slip on the
 * receipt printer shares (the 缴费凭证 uses it too).
 */
import { assign, fromPromise } from 'xstate';
import type { DetailRow } from '../../../contract';
import type { InfoSlipRequest, SlipOutcome } from '../ports';
import { initialPrint, type FlowContext, type PrintRecord } from './context';
import type { FlowKit } from './kit';
import type { Route, Rows, StepDefinition } from './step';

export interface ReceiptPrintOptions {
  id?: string;
  labelKey: string;
  titleKey: string;
  /** What the screen shows (public data). */
  rows: Rows;
  /** What the slip prints. */
  slip(context: FlowContext, kit: FlowKit): InfoSlipRequest;
  /** The run's outcome when the citizen confirms. */
  outcome: string;
  /** Where CONFIRM leads instead of done with `outcome`, when it depends on the run (e.g. the counter, when the slip says what is left to do there). */
  then?: (context: FlowContext) => Route;
  /** The step passes at once without printing (e.g. the citizen chose another way to have it). */
  skip?: (context: FlowContext, kit: FlowKit) => boolean;
}

/** A step that prints one slip on the receipt printer, shows its rows and offers one reprint (the receiptPrint screen). */
export interface SlipStepSpec {
  id: string;
  labelKey: string;
  titleKey: string;
  print(context: FlowContext, kit: FlowKit): Promise<SlipOutcome>;
  rows(context: FlowContext, kit: FlowKit): DetailRow[];
  /** Where CONFIRM leads once the slip printed (or failed to): a route, or one that depends on the run. */
  confirm: Route | ((context: FlowContext) => Route);
  /** The step passes at once without printing (e.g. nothing to prove). */
  skip?: (context: FlowContext, kit: FlowKit) => boolean;
}

const MAX_SLIP_REPRINTS = 1;

export function slipStep(spec: SlipStepSpec): StepDefinition {
  const { id } = spec;
  const printOf = (context: FlowContext): PrintRecord => context.prints[id] ?? initialPrint();
  const setPrint = (update: (print: PrintRecord, event: unknown) => PrintRecord) =>
    assign({ prints: ({ context, event }: { context: FlowContext; event: unknown }) => ({ ...context.prints, [id]: update(printOf(context), event) }) });
  const reprintable = (context: FlowContext) => printOf(context).reprintsUsed < MAX_SLIP_REPRINTS;
  return {
    id,
    kind: 'receiptPrint',
    labelKey: spec.labelKey,
    build: (wiring) => {
      const print = fromPromise<SlipOutcome, { context: FlowContext }>(({ input }) => spec.print(input.context, wiring.kit));
      const printing = {
        invoke: {
          src: print,
          input: ({ context }: { context: FlowContext }) => ({ context }),
          onDone: {
            target: 'settled',
            actions: setPrint((record, event) => {
              const output = (event as { output: SlipOutcome }).output;
              return { ...record, state: output.kind, messageKey: output.kind === 'notPrinted' ? output.messageKey : null };
            }),
          },
          onError: { target: 'settled', actions: setPrint((record) => ({ ...record, state: 'notPrinted', messageKey: 'print.submitFailed' })) },
        },
      };
      const skip = spec.skip;
      return {
        initial: 'checking',
        states: {
          checking: { always: [...(skip ? [{ guard: ({ context }: { context: FlowContext }) => skip(context, wiring.kit), ...wiring.leave({ to: 'next' }) }] : []), { target: 'printing' }] },
          printing,
          reprinting: { entry: setPrint((record) => ({ ...record, state: 'printing', reprintsUsed: record.reprintsUsed + 1 })), ...printing },
          settled: {
            on: {
              CONFIRM: typeof spec.confirm === 'function' ? wiring.leaveBy(({ context }) => (spec.confirm as (context: FlowContext) => Route)(context)) : wiring.leave(spec.confirm),
              REPRINT: { guard: ({ context }: { context: FlowContext }) => reprintable(context), target: 'reprinting' },
            },
          },
        },
      };
    },
    view: (context, child, kit) => {
      const print = printOf(context);
      return {
        data: { step: 'receiptPrint', titleKey: spec.titleKey, state: print.state, rows: spec.rows(context, kit), reprintAvailable: child === 'settled' && reprintable(context) },
        ...(print.messageKey ? { messageKey: print.messageKey } : {}),
      };
    },
  };
}

export function receiptPrintStep(options: ReceiptPrintOptions): StepDefinition {
  return slipStep({
    id: options.id ?? 'slip',
    labelKey: options.labelKey,
    titleKey: options.titleKey,
    print: (context, kit) => kit.slips.printInfoSlip(options.slip(context, kit)),
    rows: (context) => options.rows(context),
    confirm: options.then ?? { to: 'done', outcome: options.outcome },
    ...(options.skip ? { skip: options.skip } : {}),
  });
}
