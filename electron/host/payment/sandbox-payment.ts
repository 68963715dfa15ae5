/**
 * The sandbox payment service's ledger: orders, barcode and phone payments,
 * closing, expiry, refunds and 财政电子票据, in memory, on synthetic money.
 * Served over HTTP by sandbox-payment-server.ts (and in-process for the
 * embedded mode); everything it answers is signed there.
 *
 * Test seams: a 付款码 starting with a pay prefix pays at once (1388… 微信,
 * 2888… 支付宝, 6288… 云闪付), one starting with 1399 is declined for lack
 * of funds, any other is declined as unknown. A QR order is paid by the
 * sandbox's pay call (the citizen's phone). An unpaid order past its expiry
 * is closed.
 */
import { randomInt } from 'node:crypto';
import type { OrderStatus, PaymentChannel } from './payment-port';
import type { WireOrder, WireReceipt, WireRefund } from './wire';

export const SANDBOX_PAY_PREFIXES: Readonly<Record<PaymentChannel, string>> = { wechat: '1388', alipay: '2888', unionpay: '6288' };
export const SANDBOX_DECLINE_PREFIX = '1399';
/** The sandbox server's default port (the gateway's is 8742). */
export const SANDBOX_PAYMENT_DEFAULT_PORT = 8743;

interface Order {
  orderNo: string;
  status: OrderStatus;
  amountFen: number;
  expiresAt: Date;
  paidAt: Date | null;
  channel: PaymentChannel | null;
  refundedFen: number;
  notifyUrl: string | null;
  /** The create request's body, to tell a retry from another order under the same key. */
  fingerprint: string;
  receipt: WireReceipt | null;
}

export type SandboxAnswer<T> = { ok: true; value: T; created?: boolean } | { ok: false; error: 'notFound' | 'declined' | 'rejected'; reason?: string };

export interface SandboxPaymentOptions {
  now?: () => Date;
  /** Where the order QR codes and receipts point (the server's URL once it listens). */
  baseUrl: () => string;
  /** Told when an order becomes paid (the server pushes the signed notification). */
  onPaid?: (order: WireOrder, notifyUrl: string) => void;
}

export interface CreateOrderInput {
  idempotencyKey: string;
  amountFen: number;
  expiresInSeconds: number;
  notifyUrl: string | null;
  fingerprint: string;
}

export interface SandboxPayment {
  create(input: CreateOrderInput): SandboxAnswer<WireOrder>;
  get(orderNo: string): SandboxAnswer<WireOrder>;
  payByCode(orderNo: string, authCode: string): SandboxAnswer<WireOrder>;
  /** The citizen's phone paid the QR code (sandbox only). */
  payByPhone(orderNo: string, channel: PaymentChannel): SandboxAnswer<WireOrder>;
  close(orderNo: string): SandboxAnswer<WireOrder>;
  refund(orderNo: string, idempotencyKey: string, amountFen: number): SandboxAnswer<WireRefund>;
  receipt(orderNo: string): SandboxAnswer<WireReceipt>;
}

/** Why an order that is not unpaid cannot be paid: `orderPaid`, `orderClosed`, `orderRefunded`. */
const notUnpaid = (status: OrderStatus) => `order${status[0]!.toUpperCase()}${status.slice(1)}`;
const digits = (n: number) => Array.from({ length: n }, () => String(randomInt(10))).join('');
const CHECK_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function createSandboxPayment(options: SandboxPaymentOptions): SandboxPayment {
  const now = options.now ?? (() => new Date());
  const orders = new Map<string, Order>();
  const byKey = new Map<string, string>();
  const refunds = new Map<string, WireRefund>();
  let sequence = 0;

  /** The order with its expiry applied. */
  const current = (orderNo: string): Order | undefined => {
    const order = orders.get(orderNo);
    if (order && order.status === 'unpaid' && now() >= order.expiresAt) order.status = 'closed';
    return order;
  };
  const wire = (order: Order): WireOrder => ({
    type: 'order',
    orderNo: order.orderNo,
    status: order.status,
    amountFen: order.amountFen,
    codeUrl: `${options.baseUrl()}/sandbox/scan/${order.orderNo}`,
    expiresAt: order.expiresAt.toISOString(),
    paidAt: order.paidAt?.toISOString() ?? null,
    channel: order.channel,
    refundedFen: order.refundedFen,
  });
  const found = (orderNo: string, act: (order: Order) => SandboxAnswer<WireOrder>): SandboxAnswer<WireOrder> => {
    const order = current(orderNo);
    return order ? act(order) : { ok: false, error: 'notFound' };
  };
  const markPaid = (order: Order, channel: PaymentChannel): SandboxAnswer<WireOrder> => {
    order.status = 'paid';
    order.paidAt = now();
    order.channel = channel;
    const answer = wire(order);
    if (order.notifyUrl) options.onPaid?.(answer, order.notifyUrl);
    return { ok: true, value: answer };
  };

  return {
    create(input) {
      const known = byKey.get(input.idempotencyKey);
      if (known !== undefined) {
        const order = current(known)!;
        return order.fingerprint === input.fingerprint ? { ok: true, value: wire(order) } : { ok: false, error: 'rejected', reason: 'idempotencyKeyReused' };
      }
      sequence += 1;
      const stamp = now().toISOString().slice(0, 10).replaceAll('-', '');
      const orderNo = `SBX${stamp}${String(sequence).padStart(6, '0')}${digits(4)}`;
      orders.set(orderNo, {
        orderNo,
        status: 'unpaid',
        amountFen: input.amountFen,
        expiresAt: new Date(now().getTime() + input.expiresInSeconds * 1000),
        paidAt: null,
        channel: null,
        refundedFen: 0,
        notifyUrl: input.notifyUrl,
        fingerprint: input.fingerprint,
        receipt: null,
      });
      byKey.set(input.idempotencyKey, orderNo);
      return { ok: true, value: wire(orders.get(orderNo)!), created: true };
    },
    get: (orderNo) => found(orderNo, (order) => ({ ok: true, value: wire(order) })),
    payByCode: (orderNo, authCode) =>
      found(orderNo, (order) => {
        if (order.status !== 'unpaid') return { ok: false, error: 'rejected', reason: notUnpaid(order.status) };
        const channel = (Object.keys(SANDBOX_PAY_PREFIXES) as PaymentChannel[]).find((c) => authCode.startsWith(SANDBOX_PAY_PREFIXES[c]));
        if (channel) return markPaid(order, channel);
        return { ok: false, error: 'declined', reason: authCode.startsWith(SANDBOX_DECLINE_PREFIX) ? 'insufficientFunds' : 'invalidCode' };
      }),
    payByPhone: (orderNo, channel) =>
      found(orderNo, (order) => (order.status === 'unpaid' ? markPaid(order, channel) : { ok: false, error: 'rejected', reason: notUnpaid(order.status) })),
    close: (orderNo) =>
      found(orderNo, (order) => {
        if (order.status === 'unpaid') order.status = 'closed';
        return { ok: true, value: wire(order) };
      }),
    refund(orderNo, idempotencyKey, amountFen) {
      const earlier = refunds.get(idempotencyKey);
      if (earlier) return earlier.orderNo === orderNo ? { ok: true, value: earlier } : { ok: false, error: 'rejected', reason: 'idempotencyKeyReused' };
      const order = current(orderNo);
      if (!order) return { ok: false, error: 'notFound' };
      if (order.status !== 'paid' && order.status !== 'refunded') return { ok: false, error: 'rejected', reason: 'notPaid' };
      if (order.refundedFen + amountFen > order.amountFen) return { ok: false, error: 'rejected', reason: 'exceedsPaid' };
      order.refundedFen += amountFen;
      if (order.refundedFen === order.amountFen) order.status = 'refunded';
      const refund: WireRefund = { type: 'refund', orderNo, refundNo: `RF${Date.now()}${digits(6)}`, amountFen, refundedAt: now().toISOString() };
      refunds.set(idempotencyKey, refund);
      return { ok: true, value: refund, created: true };
    },
    receipt(orderNo) {
      const order = current(orderNo);
      if (!order) return { ok: false, error: 'notFound' };
      if (order.paidAt === null) return { ok: false, error: 'rejected', reason: 'notPaid' };
      order.receipt ??= {
        type: 'receipt',
        orderNo,
        billCode: `3301${digits(4)}`,
        billNumber: digits(10),
        checkCode: Array.from({ length: 6 }, () => CHECK_ALPHABET[randomInt(CHECK_ALPHABET.length)]).join(''),
        amountFen: order.amountFen,
        issuedAt: now().toISOString(),
        url: `${options.baseUrl()}/sandbox/receipts/${orderNo}`,
      };
      return { ok: true, value: order.receipt };
    },
  };
}
