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
 * is closed. A closed order can be paid late (latePay: the channel's
 * callback raced the close) to try the kiosk's automatic refund.
 */
import { randomInt } from 'node:crypto';
import type { OrderStatus, PaymentChannel } from './payment-port';
import type { WireOrder, WireReceipt, WireRefund, WireStatement } from './wire';
import { zonedIsoDate } from '../../../domain/calendar-date';
import { err, ok, type Result } from '../../../domain/result';

export const SANDBOX_PAY_PREFIXES: Readonly<Record<PaymentChannel, string>> = { wechat: '1388', alipay: '2888', unionpay: '6288' };
export const SANDBOX_DECLINE_PREFIX = '1399';
/** The sandbox server's default port (the gateway's is 8742). */
export const SANDBOX_PAYMENT_DEFAULT_PORT = 8743;

interface Order {
  orderNo: string;
  status: OrderStatus;
  amountFen: number;
  createdAt: Date;
  expiresAt: Date;
  paidAt: Date | null;
  channel: PaymentChannel | null;
  refundedFen: number;
  notifyUrl: string | null;
  /** The create request's body, to tell a retry from another order under the same key. */
  fingerprint: string;
  receipt: WireReceipt | null;
}

/** What the sandbox answers: the body, and whether this call created it (201 rather than 200). */
export type SandboxReply<T> = { body: T; created: boolean };
/** Why the sandbox refused (the wire error); a declined or rejected call says why. */
export type SandboxRefusal = { kind: 'notFound' } | { kind: 'declined' | 'rejected'; reason: string };
export type SandboxAnswer<T> = Result<SandboxReply<T>, SandboxRefusal>;

const replied = <T>(body: T, created = false): SandboxAnswer<T> => ok({ body, created });
const refused = (kind: 'declined' | 'rejected', reason: string): { ok: false; error: SandboxRefusal } => err({ kind, reason });
const NOT_FOUND = err<SandboxRefusal>({ kind: 'notFound' });

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
  /** A payment whose channel callback raced the close: a closed order becomes paid, and is notified (sandbox only). */
  latePay(orderNo: string, channel: PaymentChannel): SandboxAnswer<WireOrder>;
  close(orderNo: string): SandboxAnswer<WireOrder>;
  refund(orderNo: string, idempotencyKey: string, amountFen: number): SandboxAnswer<WireRefund>;
  receipt(orderNo: string): SandboxAnswer<WireReceipt>;
  /** The orders created on `date` in `timeZone`, as they stand. */
  statement(date: string, timeZone: string): SandboxAnswer<WireStatement>;
  /** Test seam: the statement shows `orderNo` as `status` (a service that disagrees with the kiosk). */
  overrideStatus(orderNo: string, status: OrderStatus): boolean;
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
    return order ? act(order) : NOT_FOUND;
  };
  const markPaid = (order: Order, channel: PaymentChannel): SandboxAnswer<WireOrder> => {
    order.status = 'paid';
    order.paidAt = now();
    order.channel = channel;
    const answer = wire(order);
    if (order.notifyUrl) options.onPaid?.(answer, order.notifyUrl);
    return replied(answer);
  };

  return {
    create(input) {
      const known = byKey.get(input.idempotencyKey);
      if (known !== undefined) {
        const order = current(known)!;
        return order.fingerprint === input.fingerprint ? replied(wire(order)) : refused('rejected', 'idempotencyKeyReused');
      }
      sequence += 1;
      const stamp = now().toISOString().slice(0, 10).replaceAll('-', '');
      const orderNo = `SBX${stamp}${String(sequence).padStart(6, '0')}${digits(4)}`;
      orders.set(orderNo, {
        orderNo,
        status: 'unpaid',
        amountFen: input.amountFen,
        createdAt: now(),
        expiresAt: new Date(now().getTime() + input.expiresInSeconds * 1000),
        paidAt: null,
        channel: null,
        refundedFen: 0,
        notifyUrl: input.notifyUrl,
        fingerprint: input.fingerprint,
        receipt: null,
      });
      byKey.set(input.idempotencyKey, orderNo);
      return replied(wire(orders.get(orderNo)!), true);
    },
    get: (orderNo) => found(orderNo, (order) => replied(wire(order))),
    payByCode: (orderNo, authCode) =>
      found(orderNo, (order) => {
        if (order.status !== 'unpaid') return refused('rejected', notUnpaid(order.status));
        const channel = (Object.keys(SANDBOX_PAY_PREFIXES) as PaymentChannel[]).find((c) => authCode.startsWith(SANDBOX_PAY_PREFIXES[c]));
        if (channel) return markPaid(order, channel);
        return refused('declined', authCode.startsWith(SANDBOX_DECLINE_PREFIX) ? 'insufficientFunds' : 'invalidCode');
      }),
    payByPhone: (orderNo, channel) =>
      found(orderNo, (order) => (order.status === 'unpaid' ? markPaid(order, channel) : refused('rejected', notUnpaid(order.status)))),
    latePay: (orderNo, channel) =>
      found(orderNo, (order) => (order.status === 'closed' ? markPaid(order, channel) : refused('rejected', order.status === 'unpaid' ? 'orderNotClosed' : notUnpaid(order.status)))),
    close: (orderNo) =>
      found(orderNo, (order) => {
        if (order.status === 'unpaid') order.status = 'closed';
        return replied(wire(order));
      }),
    refund(orderNo, idempotencyKey, amountFen) {
      const earlier = refunds.get(idempotencyKey);
      if (earlier) return earlier.orderNo === orderNo ? replied(earlier) : refused('rejected', 'idempotencyKeyReused');
      const order = current(orderNo);
      if (!order) return NOT_FOUND;
      if (order.status !== 'paid' && order.status !== 'refunded') return refused('rejected', 'notPaid');
      if (order.refundedFen + amountFen > order.amountFen) return refused('rejected', 'exceedsPaid');
      order.refundedFen += amountFen;
      if (order.refundedFen === order.amountFen) order.status = 'refunded';
      const refund: WireRefund = { type: 'refund', orderNo, refundNo: `RF${Date.now()}${digits(6)}`, amountFen, refundedAt: now().toISOString() };
      refunds.set(idempotencyKey, refund);
      return replied(refund, true);
    },
    statement(date, timeZone) {
      const day = [...orders.keys()].map((no) => current(no)!).filter((order) => zonedIsoDate(order.createdAt, timeZone) === date);
      return replied({
        type: 'statement',
        date,
        timeZone,
        orders: day.map((order) => ({ orderNo: order.orderNo, status: order.status, amountFen: order.amountFen, refundedFen: order.refundedFen, channel: order.channel, createdAt: order.createdAt.toISOString() })),
      });
    },
    overrideStatus(orderNo, status) {
      const order = current(orderNo);
      if (order) order.status = status;
      return order !== undefined;
    },
    receipt(orderNo) {
      const order = current(orderNo);
      if (!order) return NOT_FOUND;
      if (order.paidAt === null) return refused('rejected', 'notPaid');
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
      return replied(order.receipt);
    },
  };
}
