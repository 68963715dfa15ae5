/**
 * The payment port: what the kiosk asks of a payment service for the hall's
 * non-tax fees (非税收入). An order carries the fee items (收费项目 with its
 * 标准 and 依据, amounts in fen), is paid by the citizen scanning its QR code
 * (微信, 支付宝 or 云闪付) or by the kiosk's scanner reading the citizen's own
 * 付款码, and is closed when unpaid on timeout or cancel. Every answer about
 * money is signed by the service and verified before the kiosk believes it.
 * Expected failures are values (PaymentResult), never thrown.
 */
import type { Result } from '../../../domain/result';

/** One fee item of an order. */
export interface PaymentItem {
  /** The service's fee code. */
  code: string;
  /** 收费项目, in Chinese (as on the fiscal receipt). */
  name: string;
  /** 标准: the standard charge, e.g. "20元/证". */
  standard: string;
  /** 依据: the rule that sets the amount. */
  basis: string;
  amountFen: number;
}

export interface CreateOrderRequest {
  /** The same key names the same order: a retried create never makes a second one. */
  idempotencyKey: string;
  items: readonly PaymentItem[];
  /** The payer as the session shows it (masked name or ID number), never the full number. */
  holderMasked: string;
  /** Seconds the order may stay unpaid before the service closes it. */
  expiresInSeconds: number;
}

export type PaymentChannel = 'wechat' | 'alipay' | 'unionpay';
export type OrderStatus = 'unpaid' | 'paid' | 'closed' | 'refunded';

/** An order as the service (signed) last described it. */
export interface OrderState {
  orderNo: string;
  status: OrderStatus;
  amountFen: number;
  /** What the order's QR code holds (the citizen's phone opens it). */
  codeUrl: string;
  expiresAt: string;
  paidAt: string | null;
  channel: PaymentChannel | null;
  refundedFen: number;
}

export interface RefundRequest {
  orderNo: string;
  amountFen: number;
  /** Why, in a few words for the statement (no personal data). */
  reason: string;
  idempotencyKey: string;
}

export interface RefundState {
  orderNo: string;
  refundNo: string;
  amountFen: number;
  refundedAt: string;
}

/** The 财政电子票据 the fiscal system issued for a paid order. */
export interface FiscalReceipt {
  orderNo: string;
  /** 票据代码 (8 digits). */
  billCode: string;
  /** 票据号码 (10 digits). */
  billNumber: string;
  /** 校验码 (6 characters). */
  checkCode: string;
  amountFen: number;
  issuedAt: string;
  /** Where a phone fetches the receipt (what its QR code holds). */
  url: string;
}

/** One order of the service's day statement. */
export interface StatementOrder {
  orderNo: string;
  status: OrderStatus;
  amountFen: number;
  refundedFen: number;
  channel: PaymentChannel | null;
  createdAt: string;
}

/** The service's signed statement of the orders created on one day (YYYY-MM-DD, in the hall's time zone). */
export interface Statement {
  date: string;
  timeZone: string;
  orders: StatementOrder[];
}

/**
 * Why a call gave no usable answer. `badSignature`: the answer was not signed
 * by the service's key (forged or corrupted): never acted on. `declined`: the
 * citizen's 付款码 was refused (`reason` from the service). `rejected`: the
 * service refused the request itself (a refund above what was paid, a code
 * for an order that is not unpaid).
 */
export type PaymentFailure =
  | { kind: 'timeout' }
  | { kind: 'unavailable' }
  | { kind: 'badSignature' }
  | { kind: 'badResponse' }
  | { kind: 'notFound' }
  | { kind: 'declined'; reason: string }
  | { kind: 'rejected'; reason: string };
export type PaymentFailureKind = PaymentFailure['kind'];

export type PaymentResult<T> = Result<T, PaymentFailure>;

export interface PaymentPort {
  createOrder(request: CreateOrderRequest): Promise<PaymentResult<OrderState>>;
  /** Barcode payment: the citizen's 付款码 as the kiosk's scanner read it. */
  payByCode(orderNo: string, authCode: string): Promise<PaymentResult<OrderState>>;
  queryOrder(orderNo: string): Promise<PaymentResult<OrderState>>;
  /** Closes an unpaid order; answers the order's state (still `paid` when the citizen paid first). */
  closeOrder(orderNo: string): Promise<PaymentResult<OrderState>>;
  refund(request: RefundRequest): Promise<PaymentResult<RefundState>>;
  fetchReceipt(orderNo: string): Promise<PaymentResult<FiscalReceipt>>;
  /** The day statement for `date` (YYYY-MM-DD) in `timeZone`: also what the diagnostics ask to check the link and its signature. */
  statement(date: string, timeZone: string): Promise<PaymentResult<Statement>>;
  /** A notification the service pushed (raw body and its signature header): the order's state, or why it is refused. */
  acceptNotification(body: string, signature: string): Promise<PaymentResult<OrderState>>;
}

/** The total of items, in fen. */
export function itemsTotalFen(items: readonly { amountFen: number }[]): number {
  return items.reduce((sum, item) => sum + item.amountFen, 0);
}
