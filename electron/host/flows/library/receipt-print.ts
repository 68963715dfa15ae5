/**
 * receiptPrint: a slip on the receipt printer with what the back-end said
 * (e.g. an application's progress), repeated on screen. One reprint; the
 * slip is the citizen's to take away, so the run's outcome comes when they
 * confirm, printed or not.
 */
import { assign, fromPromise } from 'xstate';
import type { InfoSlipRequest, SlipOutcome } from '../ports';
import { initialPrint, type FlowContext, type PrintRecord } from './context';
import type { FlowKit } from './kit';
import type { Rows, StepDefinition } from './step';

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
}

const MAX_SLIP_REPRINTS = 1;

export function receiptPrintStep(options: ReceiptPrintOptions): StepDefinition {
  const id = options.id ?? 'slip';
  const printOf = (context: FlowContext): PrintRecord => context.prints[id] ?? initialPrint();
  const setPrint = (update: (print: PrintRecord, event: unknown) => PrintRecord) =>
    assign({ prints: ({ context, event }: { context: FlowContext; event: unknown }) => ({ ...context.prints, [id]: update(printOf(context), event) }) });
  const reprintable = (context: FlowContext) => printOf(context).reprintsUsed < MAX_SLIP_REPRINTS;
  return {
    id,
    kind: 'receiptPrint',
    labelKey: options.labelKey,
    build: (wiring) => {
      const print = fromPromise<SlipOutcome, { context: FlowContext }>(({ input }) => wiring.kit.slips.printInfoSlip(options.slip(input.context, wiring.kit)));
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
      return {
        initial: 'printing',
        states: {
          printing,
          reprinting: { entry: setPrint((record) => ({ ...record, state: 'printing', reprintsUsed: record.reprintsUsed + 1 })), ...printing },
          settled: {
            on: {
              CONFIRM: wiring.leave({ to: 'done', outcome: options.outcome }),
              REPRINT: { guard: ({ context }: { context: FlowContext }) => reprintable(context), target: 'reprinting' },
            },
          },
        },
      };
    },
    view: (context, child) => {
      const print = printOf(context);
      return {
        data: {
          step: 'receiptPrint',
          titleKey: options.titleKey,
          state: print.state,
          rows: options.rows(context),
          reprintAvailable: child === 'settled' && reprintable(context),
        },
        ...(print.messageKey ? { messageKey: print.messageKey } : {}),
      };
    },
  };
}
