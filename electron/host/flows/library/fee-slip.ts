/**
 * feeSlip: the 缴费凭证 on the receipt printer after a paid payment step:
 * what was charged (items, 依据, exemption, total), the order and its
 * channel, and the 财政电子票据 fields with its QR code. It reuses the
 * receiptPrint screen (a slip printing, its rows repeated, one reprint,
 * CONFIRM to go on): nothing on it needs a screen of its own. When nothing
 * was paid (exempt in full) there is nothing to prove, and the step passes
 * without printing. The holder is printed masked at most.
 */
import { assign, fromPromise } from 'xstate';
import { maskIdNumber, maskName } from '../../../../domain/mask';
import type { FeeSlipRequest, SlipOutcome } from '../ports';
import { initialPrint, type FlowContext, type PrintRecord } from './context';
import type { FlowKit } from './kit';
import { feeDue, paidFee, type PaymentOptions } from './payment';
import type { StepDefinition } from './step';

export interface FeeSlipOptions {
  /** The payment step's options, as given to paymentStep: the slip prints what it charged. */
  payment: PaymentOptions;
  id?: string;
  labelKey: string;
  /** Default `flow.feeSlip.title`. */
  titleKey?: string;
}

const MAX_REPRINTS = 1;
const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/** The slip for the paid fee, or null when nothing was paid. */
export function feeSlipRequest(options: FeeSlipOptions, context: FlowContext, kit: FlowKit): FeeSlipRequest | null {
  const paid = paidFee(context, options.payment.id);
  if (!paid || paid.status !== 'paid' || paid.orderNo === null) return null;
  const due = feeDue(options.payment, context, kit.serviceId);
  const identity = context.identity;
  return {
    sessionId: context.sessionId,
    serviceName: kit.serviceName['zh-CN'],
    items: due.items.filter((item) => item.amountFen > 0).map(({ name, basis, amountFen }) => ({ name, basis, amountFen })),
    totalFen: paid.amountFen,
    exemption: due.exemption ? { name: due.exemption.name['zh-CN'], basis: due.exemption.basis } : null,
    orderNo: paid.orderNo,
    channel: paid.channel,
    paidAt: paid.paidAt,
    receipt: paid.receipt,
    holderMasked: identity ? (identity.name ? maskName(identity.name) : maskIdNumber(identity.idNumber)) : null,
  };
}

export function feeSlipStep(options: FeeSlipOptions): StepDefinition {
  const id = options.id ?? 'feeSlip';
  const printOf = (context: FlowContext): PrintRecord => context.prints[id] ?? initialPrint();
  const setPrint = (update: (print: PrintRecord, event: unknown) => PrintRecord) =>
    assign({ prints: ({ context, event }: { context: FlowContext; event: unknown }) => ({ ...context.prints, [id]: update(printOf(context), event) }) });
  const reprintable = (context: FlowContext) => printOf(context).reprintsUsed < MAX_REPRINTS;
  return {
    id,
    kind: 'receiptPrint',
    labelKey: options.labelKey,
    build: (wiring) => {
      const nothingPaid = ({ context }: { context: FlowContext }) => feeSlipRequest(options, context, wiring.kit) === null;
      const print = fromPromise<SlipOutcome, { context: FlowContext }>(async ({ input }) => {
        const request = feeSlipRequest(options, input.context, wiring.kit);
        return request ? wiring.kit.slips.printFeeSlip(request) : { kind: 'printed' };
      });
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
        initial: 'checking',
        states: {
          checking: { always: [{ guard: nothingPaid, ...wiring.leave({ to: 'next' }) }, { target: 'printing' }] },
          printing,
          reprinting: { entry: setPrint((record) => ({ ...record, state: 'printing', reprintsUsed: record.reprintsUsed + 1 })), ...printing },
          settled: {
            on: {
              CONFIRM: wiring.leave({ to: 'next' }),
              REPRINT: { guard: ({ context }: { context: FlowContext }) => reprintable(context), target: 'reprinting' },
            },
          },
        },
      };
    },
    view: (context, child, kit) => {
      const print = printOf(context);
      const request = feeSlipRequest(options, context, kit);
      const rows = request
        ? [
            ...request.items.map((item) => ({ labelKey: 'flow.feeSlip.item', text: `${item.name} ${yuan(item.amountFen)}` })),
            { labelKey: 'flow.feeSlip.total', text: yuan(request.totalFen) },
            { labelKey: 'flow.feeSlip.orderNo', text: request.orderNo },
            ...(request.receipt ? [{ labelKey: 'flow.feeSlip.bill', text: `${request.receipt.billCode} ${request.receipt.billNumber}` }] : []),
            { labelKey: 'flow.feeSlip.notForClaims', textKey: 'flow.feeSlip.notForClaimsText' },
          ]
        : [];
      return {
        data: { step: 'receiptPrint', titleKey: options.titleKey ?? 'flow.feeSlip.title', state: print.state, rows, reprintAvailable: child === 'settled' && reprintable(context) },
        ...(print.messageKey ? { messageKey: print.messageKey } : {}),
      };
    },
  };
}
