/**
 * The library's generic templates, as data for any service to issue with
 * its own kind (`resources/templates/<name>.json`). Their placeholders are
 * their interface: the `…Vars` types below, `number` being filled by the
 * documents module. Name and ID number arrive masked (`maskName`, `maskIdNumber`; DOMAIN.md §5–6).
 */
import acceptanceReceipt from '../../../../resources/templates/acceptanceReceipt.json' with { type: 'json' };
import paymentVoucher from '../../../../resources/templates/paymentVoucher.json' with { type: 'json' };

export const LIBRARY_TEMPLATES: Readonly<{ acceptanceReceipt: unknown; paymentVoucher: unknown }> = { acceptanceReceipt, paymentVoucher };

/** 受理回执. Dates through `formatChineseDate(Time)`; the QR shows only with `progressUrl`. */
export type AcceptanceReceiptVars = {
  serviceName: string;
  maskedName: string;
  maskedIdNumber: string;
  /** 受理时间, e.g. `2026年11月29日 09:30`. */
  acceptedAt: string;
  /** The date printed under the office, e.g. `2026年11月29日`. */
  acceptedDate: string;
  office: string;
  dueDate?: string;
  collection?: string;
  /** One paragraph each, numbered under 注意事项. */
  notes?: readonly string[];
  progressUrl?: string;
};

/** 缴费凭证. `amount` from `formatYuan`, `amountInWords` as `人民币${amountInWords(fen)}`. */
export type PaymentVoucherVars = {
  serviceName: string;
  maskedName: string;
  maskedIdNumber: string;
  amount: string;
  amountInWords: string;
  paymentMethod: string;
  /** 16-digit 缴款码, when the payment platform gives one. */
  paymentCode?: string;
  transactionId: string;
  paidAt: string;
  paidDate: string;
  office: string;
  notes?: readonly string[];
};
