/**
 * a4Print: issue a document and print it on A4, then the collection slip on
 * the receipt printer. "Printed" only when the printer said so; one reprint
 * of the same document (same number, from the same bytes). The service
 * prepares the document (which may ask the back-end for its number and
 * seal first) and says what the run's outcome is once the citizen has it.
 */
import { assign, fromPromise } from 'xstate';
import type { CollectionReceiptRequest, SlipOutcome } from '../ports';
import { reprintAvailable } from '../guards';
import { initialPrint, type FlowContext, type PrintRecord } from './context';
import type { A4Outcome, DocumentRequest, FlowKit } from './kit';
import type { StepDefinition } from './step';
import type { Result } from '../../../../domain/result';

/**
 * A document ready to issue: the request and what the citizen's copy shows.
 * `printedNumber` null: the document has no number of the back-end's (an
 * information sheet), so it prints and shows the kiosk journal's own.
 */
export type DocumentToIssue = { request: DocumentRequest; printedNumber: string | null; verifyCode: string | null };

/** Why there is no document: the run may not have one (no identity or record), or the back-end gave no number. */
export type NoDocument = 'notAllowed' | 'numberUnavailable';

/** The message shown for each {@link NoDocument}. */
const NO_DOCUMENT_KEYS: Record<NoDocument, string> = {
  notAllowed: 'flow.a4Print.notAllowed',
  numberUnavailable: 'flow.a4Print.numberUnavailable',
};

/** A document ready to issue, or why there is none. */
export type PreparedDocument = Result<DocumentToIssue, NoDocument>;

export interface A4PrintOptions {
  id?: string;
  labelKey: string;
  /** Builds the document; `requestKey` is stable for this run (the back-end's idempotency key). */
  prepare(context: FlowContext, kit: FlowKit, requestKey: string): Promise<PreparedDocument>;
  /** The collection slip printed after the document (none when absent). */
  receipt?: (context: FlowContext, print: PrintRecord, kit: FlowKit) => CollectionReceiptRequest;
  /** Told once the document exists, printed or not (e.g. to hand the record to the outbox). */
  onIssued?: (context: FlowContext, print: PrintRecord, kit: FlowKit) => void;
  /** The run's outcome when the citizen confirms a printed document. */
  outcome: string;
  noteKeys?: (context: FlowContext) => string[];
  /** The document may be issued at all (e.g. the record allows it); checked at the gate. */
  mayEnter?: (context: FlowContext) => boolean;
}

type Issued = A4Outcome & { printedNumber: string | null; verifyCode: string | null };

export function a4PrintStep(options: A4PrintOptions): StepDefinition {
  const id = options.id ?? 'print';
  const printOf = (context: FlowContext): PrintRecord => context.prints[id] ?? initialPrint();
  const setPrint = (update: (print: PrintRecord, context: FlowContext, event: unknown) => PrintRecord) =>
    assign({ prints: ({ context, event }: { context: FlowContext; event: unknown }) => ({ ...context.prints, [id]: update(printOf(context), context, event) }) });

  return {
    id,
    kind: 'a4Print',
    labelKey: options.labelKey,
    ...(options.mayEnter ? { mayEnter: options.mayEnter } : {}),
    build: (wiring) => {
      const kit = wiring.kit;
      const issue = fromPromise<Issued, { context: FlowContext }>(async ({ input, signal }) => {
        const prepared = await options.prepare(input.context, kit, `${input.context.flowId}-${id}`);
        if (!prepared.ok) return { kind: 'notPrinted', documentNumber: null, messageKey: NO_DOCUMENT_KEYS[prepared.error], reprintable: false, printedNumber: null, verifyCode: null };
        // The run ended while the document was prepared (another identity came, the session closed):
        // XState ignores the answer, but the promise goes on, so nothing may be issued or printed after it.
        if (signal.aborted) return { kind: 'notPrinted', documentNumber: null, messageKey: NO_DOCUMENT_KEYS.notAllowed, reprintable: false, printedNumber: null, verifyCode: null };
        const outcome = await kit.documents.issueAndPrint(input.context.sessionId, prepared.value.request);
        return { ...outcome, printedNumber: prepared.value.printedNumber, verifyCode: prepared.value.verifyCode };
      });
      const reprint = fromPromise<A4Outcome, { documentNumber: string }>(({ input }) => kit.documents.reprint(input.documentNumber));
      const slip = fromPromise<SlipOutcome, { context: FlowContext }>(({ input }) =>
        options.receipt ? kit.slips.printCollectionReceipt(options.receipt(input.context, printOf(input.context), kit)) : Promise.resolve({ kind: 'printed' as const }),
      );
      const issued = setPrint((print, _context, event) => {
        const output = (event as { output: Issued }).output;
        return {
          ...print,
          state: output.kind,
          documentNumber: output.documentNumber,
          printedNumber: output.printedNumber,
          verifyCode: output.verifyCode,
          reprintable: output.kind === 'printed' || output.reprintable,
          messageKey: output.kind === 'notPrinted' ? output.messageKey : null,
          receipt: options.receipt ? print.receipt : 'printed',
        };
      });
      const tellIssued = ({ context, event }: { context: FlowContext; event: unknown }) => {
        const output = (event as { output: Issued }).output;
        if (output.documentNumber === null || !options.onIssued) return;
        options.onIssued(context, { ...printOf(context), state: output.kind, documentNumber: output.documentNumber, printedNumber: output.printedNumber, verifyCode: output.verifyCode }, kit);
      };
      const notPrinted = (messageKey: string) => setPrint((print) => ({ ...print, state: 'notPrinted', messageKey }));
      return {
        initial: 'issuing',
        states: {
          issuing: {
            invoke: {
              src: issue,
              input: ({ context }: { context: FlowContext }) => ({ context }),
              onDone: [
                { guard: ({ event }: { event: { output: Issued } }) => event.output.kind === 'printed', target: 'receipt', actions: [issued, tellIssued] },
                { target: 'notPrinted', actions: [issued, tellIssued] },
              ],
              onError: { target: 'notPrinted', actions: notPrinted('print.submitFailed') },
            },
          },
          reprinting: {
            entry: setPrint((print) => ({ ...print, state: 'printing', reprintsUsed: print.reprintsUsed + 1 })),
            invoke: {
              src: reprint,
              input: ({ context }: { context: FlowContext }) => ({ documentNumber: printOf(context).documentNumber ?? '' }),
              onDone: [
                {
                  guard: ({ event }: { event: { output: A4Outcome } }) => event.output.kind === 'printed',
                  target: 'afterReprint',
                  actions: setPrint((print) => ({ ...print, state: 'printed', messageKey: null })),
                },
                {
                  target: 'notPrinted',
                  actions: setPrint((print, _context, event) => {
                    const output = (event as { output: A4Outcome }).output;
                    return { ...print, state: 'notPrinted', messageKey: output.kind === 'notPrinted' ? output.messageKey : null };
                  }),
                },
              ],
              onError: { target: 'notPrinted', actions: notPrinted('print.submitFailed') },
            },
          },
          afterReprint: { always: [{ guard: ({ context }: { context: FlowContext }) => printOf(context).receipt !== 'printed', target: 'receipt' }, { target: 'printed' }] },
          receipt: {
            invoke: {
              src: slip,
              input: ({ context }: { context: FlowContext }) => ({ context }),
              onDone: { target: 'printed', actions: setPrint((print, _context, event) => ({ ...print, receipt: (event as { output: SlipOutcome }).output.kind })) },
              onError: { target: 'printed', actions: setPrint((print) => ({ ...print, receipt: 'notPrinted' })) },
            },
          },
          printed: {
            on: {
              CONFIRM: wiring.leave({ to: 'done', outcome: options.outcome }),
              REPRINT: { guard: ({ context }: { context: FlowContext }) => reprintAvailable(printOf(context)), target: 'reprinting' },
            },
          },
          notPrinted: {
            on: {
              REPRINT: { guard: ({ context }: { context: FlowContext }) => reprintAvailable(printOf(context)), target: 'reprinting' },
              CONFIRM: wiring.leave({ to: 'counter', reasonKey: 'flow.counter.reason.printFailed' }),
            },
          },
        },
      };
    },
    view: (context, child) => {
      const print = printOf(context);
      const settled = child === 'printed' || child === 'notPrinted';
      return {
        data: {
          step: 'a4Print',
          state: print.state,
          documentNumber: print.printedNumber ?? print.documentNumber,
          verifyCode: print.state === 'printed' ? print.verifyCode : null,
          reprintAvailable: settled && reprintAvailable(print),
          receipt: print.receipt,
          noteKeys: options.noteKeys?.(context) ?? [],
        },
        ...(print.messageKey ? { messageKey: print.messageKey } : {}),
      };
    },
  };
}
