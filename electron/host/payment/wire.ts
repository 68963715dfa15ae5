/**
 * The payment service's HTTP contract (docs/payment-openapi.yaml): paths,
 * headers and the schemas of requests and signed answers. Every answer
 * names what it is (`type`), so a signed receipt can never be replayed as an
 * order's state, and the client checks it is about the order it asked for.
 */
import { z } from 'zod';

export const PAYMENT_PATHS = {
  health: '/healthz',
  publicKey: '/v1/public-key',
  orders: '/v1/orders',
  statements: '/v1/statements',
} as const;

export const orderPath = (orderNo: string) => `${PAYMENT_PATHS.orders}/${encodeURIComponent(orderNo)}`;
export const barcodePayPath = (orderNo: string) => `${orderPath(orderNo)}/barcode-pay`;
export const closePath = (orderNo: string) => `${orderPath(orderNo)}/close`;
export const refundsPath = (orderNo: string) => `${orderPath(orderNo)}/refunds`;
export const receiptPath = (orderNo: string) => `${orderPath(orderNo)}/receipt`;
/** The day statement: orders created on `date` (YYYY-MM-DD) in `timeZone` (the hall's). */
export const statementPath = (date: string, timeZone: string) => `${PAYMENT_PATHS.statements}/${encodeURIComponent(date)}?timeZone=${encodeURIComponent(timeZone)}`;
/** Sandbox only: the citizen's phone paid the order's QR code. */
export const sandboxPayPath = (orderNo: string) => `/sandbox/orders/${encodeURIComponent(orderNo)}/pay`;
/** Sandbox only: a closed order paid anyway (a channel's callback that raced the close). */
export const sandboxLatePayPath = (orderNo: string) => `/sandbox/orders/${encodeURIComponent(orderNo)}/late-pay`;

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Base64 Ed25519 signature over the answer's body bytes, exactly as sent. */
export const SIGNATURE_HEADER = 'x-payment-signature';

export const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,128}$/);
export const OrderNo = z.string().regex(/^[A-Za-z0-9]{8,40}$/);
const Fen = z.number().int().min(0).max(100_000_000);
const Instant = z.string().datetime({ offset: true });
const Text = (max: number) => z.string().min(1).max(max);

export const WireItem = z.object({ code: Text(64), name: Text(64), standard: Text(64), basis: Text(200), amountFen: Fen }).strict();

export const CreateOrderBody = z
  .object({
    items: z.array(WireItem).min(1).max(20),
    holderMasked: Text(64),
    expiresInSeconds: z.number().int().min(1).max(86_400),
    /** Where the service pushes the signed notification when the order is paid (optional). */
    notifyUrl: z.string().url().max(500).optional(),
  })
  .strict();

/** 付款码 of 微信, 支付宝 and 云闪付: 16–24 digits. */
export const AuthCode = z.string().regex(/^\d{16,24}$/);
export const BarcodePayBody = z.object({ authCode: AuthCode }).strict();
export const RefundBody = z.object({ amountFen: Fen.min(1), reason: Text(100) }).strict();
export const SandboxPayBody = z.object({ channel: z.enum(['wechat', 'alipay', 'unionpay']) }).strict();

export const WireOrder = z
  .object({
    type: z.literal('order'),
    orderNo: OrderNo,
    status: z.enum(['unpaid', 'paid', 'closed', 'refunded']),
    amountFen: Fen,
    codeUrl: z.string().url().max(500),
    expiresAt: Instant,
    paidAt: Instant.nullable(),
    channel: z.enum(['wechat', 'alipay', 'unionpay']).nullable(),
    refundedFen: Fen,
  })
  .strict();
export type WireOrder = z.infer<typeof WireOrder>;

export const WireRefund = z
  .object({ type: z.literal('refund'), orderNo: OrderNo, refundNo: z.string().regex(/^[A-Za-z0-9]{8,40}$/), amountFen: Fen, refundedAt: Instant })
  .strict();
export type WireRefund = z.infer<typeof WireRefund>;

export const WireReceipt = z
  .object({
    type: z.literal('receipt'),
    orderNo: OrderNo,
    billCode: z.string().regex(/^\d{8}$/),
    billNumber: z.string().regex(/^\d{10}$/),
    checkCode: z.string().regex(/^[0-9A-Za-z]{6}$/),
    amountFen: Fen,
    issuedAt: Instant,
    url: z.string().url().max(500),
  })
  .strict();
export type WireReceipt = z.infer<typeof WireReceipt>;

export const StatementDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const WireStatementOrder = z
  .object({
    orderNo: OrderNo,
    status: z.enum(['unpaid', 'paid', 'closed', 'refunded']),
    amountFen: Fen,
    refundedFen: Fen,
    channel: z.enum(['wechat', 'alipay', 'unionpay']).nullable(),
    createdAt: Instant,
  })
  .strict();

/** The service's signed day statement (for the day-end reconciliation). */
export const WireStatement = z
  .object({ type: z.literal('statement'), date: StatementDate, timeZone: z.string().min(1).max(64), orders: z.array(WireStatementOrder).max(20_000) })
  .strict();
export type WireStatement = z.infer<typeof WireStatement>;

/** A refusal, signed like any answer. `declined` carries the payment network's reason. */
export const WireError = z
  .object({
    type: z.literal('error'),
    error: z.enum(['invalidRequest', 'missingIdempotencyKey', 'notFound', 'declined', 'rejected', 'unavailable']),
    reason: z.string().max(100).optional(),
  })
  .strict();
export type WireError = z.infer<typeof WireError>;

export const PublicKeyAnswer = z.object({ algorithm: z.literal('Ed25519'), publicKey: z.string().min(1).max(200) }).strict();
