/**
 * feeSlip: the 缴费凭证 on the receipt printer after a paid payment step:
 * what was charged (items, 依据, exemption, total), the order and its
 * channel, and the 财政电子票据 fields with its QR code. It reuses the
 * receiptPrint screen (a slip printing, its rows repeated, one reprint,
 * CONFIRM to go on): nothing on it needs a screen of its own. When nothing
 * was paid (exempt in full) there is nothing to prove, and the step passes
 * without printing. The holder is printed masked at most.
 */
import { maskIdNumber, maskName } from '../../../../domain/mask';
import type { FeeSlipRequest } from '../ports';
import type { FlowContext } from './context';
import type { FlowKit } from './kit';
import { feeDue, paidFee, type PaymentOptions } from './payment';
import { slipStep } from './receipt-print';
import type { StepDefinition } from './step';

export interface FeeSlipOptions {
  /** The payment step's options, as given to paymentStep: the slip prints what it charged. */
  payment: PaymentOptions;
  id?: string;
  labelKey: string;
  /** Default `flow.feeSlip.title`. */
  titleKey?: string;
}

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
  return slipStep({
    id: options.id ?? 'feeSlip',
    labelKey: options.labelKey,
    titleKey: options.titleKey ?? 'flow.feeSlip.title',
    skip: (context, kit) => feeSlipRequest(options, context, kit) === null,
    print: (context, kit) => {
      const request = feeSlipRequest(options, context, kit);
      return request ? kit.slips.printFeeSlip(request) : Promise.resolve({ kind: 'printed' });
    },
    rows: (context, kit) => {
      const request = feeSlipRequest(options, context, kit);
      if (!request) return [];
      return [
        ...request.items.map((item) => ({ labelKey: 'flow.feeSlip.item', text: `${item.name} ${yuan(item.amountFen)}` })),
        { labelKey: 'flow.feeSlip.total', text: yuan(request.totalFen) },
        { labelKey: 'flow.feeSlip.orderNo', text: request.orderNo },
        ...(request.receipt ? [{ labelKey: 'flow.feeSlip.bill', text: `${request.receipt.billCode} ${request.receipt.billNumber}` }] : []),
        { labelKey: 'flow.feeSlip.notForClaims', textKey: 'flow.feeSlip.notForClaimsText' },
      ];
    },
    confirm: { to: 'next' },
  });
}
