/**
 * The payment port over the HTTP contract of docs/payment-openapi.yaml, for a
 * real payment service and for the sandbox (over a socket, or in-process in
 * the embedded mode: the same client, the same signatures). Every answer's
 * signature is verified with the service's public key before it is read; an
 * answer about another order than the one asked for is refused.
 */
import type { KeyObject } from 'node:crypto';
import type { z } from 'zod';
import { err, ok } from '../../../domain/result';
import type { PaymentAnswer, PaymentRequest } from './sandbox-payment-server';
import type { CreateOrderRequest, OrderState, PaymentFailure, PaymentPort, PaymentResult } from './payment-port';
import { decodeNotification, decodeSigned, MAX_SIGNED_BODY, MAX_STATEMENT_BODY, orderFromWire } from './signed-answer';
import { parsePublicKey } from './signing';
import {
  barcodePayPath,
  closePath,
  IDEMPOTENCY_HEADER,
  orderPath,
  PAYMENT_PATHS,
  PublicKeyAnswer,
  receiptPath,
  refundsPath,
  SIGNATURE_HEADER,
  statementPath,
  WireError,
  WireOrder,
  WireReceipt,
  WireRefund,
  WireStatement,
} from './wire';

/** Carries one request to the service; throws only for a broken link (mapped to `unavailable`) or an abort (`timeout`). */
export type PaymentTransport = (request: PaymentRequest, signal: AbortSignal) => Promise<PaymentAnswer>;

export interface HttpPaymentOptions {
  transport: PaymentTransport;
  timeoutMs: number;
  /**
   * The service's public key (SPKI base64), or `fetchAtStart` to read it from
   * the service itself: trusting the service to name its own key is for the
   * sandbox only (the config allows it only in simulation).
   */
  publicKey: string | 'fetchAtStart';
  /** Where the service should push paid notifications, if the kiosk listens. */
  notifyUrl?: string;
}

/** Over HTTP(S) with fetch. */
export function fetchTransport(baseUrl: string): PaymentTransport {
  const base = baseUrl.replace(/\/+$/, '');
  return async (request, signal) => {
    const response = await fetch(`${base}${request.path}`, {
      method: request.method,
      headers: Object.fromEntries(Object.entries(request.headers).filter((entry): entry is [string, string] => entry[1] !== undefined)),
      ...(request.method === 'GET' ? {} : { body: request.body }),
      signal,
      redirect: 'error',
    });
    const body = await response.text();
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    // Only a day statement may be larger than any other signed answer.
    const max = request.path.startsWith(PAYMENT_PATHS.statements) ? MAX_STATEMENT_BODY : MAX_SIGNED_BODY;
    return { status: response.status, headers, body: body.length > max ? '' : body };
  };
}

/** In-process (the embedded sandbox): the same requests, no socket. */
export function inProcessTransport(handle: (request: PaymentRequest) => Promise<PaymentAnswer>): PaymentTransport {
  return (request, signal) =>
    new Promise((resolve, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
      handle(request).then(resolve, reject);
    });
}

const failure = (kind: 'timeout' | 'unavailable' | 'badSignature' | 'badResponse' | 'notFound'): PaymentFailure => ({ kind });

export function createHttpPayment(options: HttpPaymentOptions): PaymentPort {
  let key: KeyObject | null = null;
  if (options.publicKey !== 'fetchAtStart') {
    const parsed = parsePublicKey(options.publicKey);
    if (!parsed.ok) throw new RangeError(`payment.publicKey: ${parsed.error}`);
    key = parsed.value;
  }

  async function send(method: 'GET' | 'POST', path: string, body?: unknown, idempotencyKey?: string): Promise<PaymentResult<PaymentAnswer>> {
    const signal = AbortSignal.timeout(options.timeoutMs);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey) headers[IDEMPOTENCY_HEADER] = idempotencyKey;
    try {
      return ok(await options.transport({ method, path, headers, body: body === undefined ? '' : JSON.stringify(body) }, signal));
    } catch {
      return err(failure(signal.aborted ? 'timeout' : 'unavailable'));
    }
  }

  async function serviceKey(): Promise<PaymentResult<KeyObject>> {
    if (key) return ok(key);
    const answer = await send('GET', PAYMENT_PATHS.publicKey);
    if (!answer.ok) return answer;
    if (answer.value.status !== 200) return err(failure('unavailable'));
    try {
      const parsed = PublicKeyAnswer.safeParse(JSON.parse(answer.value.body));
      const publicKey = parsed.success ? parsePublicKey(parsed.data.publicKey) : null;
      if (!publicKey?.ok) return err(failure('badResponse'));
      key = publicKey.value;
      return ok(key);
    } catch {
      return err(failure('badResponse'));
    }
  }

  /** The signed answer as `schema`, or the failure it stands for. */
  async function call<S extends z.ZodType>(schema: S, method: 'GET' | 'POST', path: string, body?: unknown, idempotencyKey?: string, maxBody?: number): Promise<PaymentResult<z.infer<S>>> {
    const publicKey = await serviceKey();
    if (!publicKey.ok) return publicKey;
    const sent = await send(method, path, body, idempotencyKey);
    if (!sent.ok) return sent;
    const { status, headers, body: text } = sent.value;
    const signature = headers[SIGNATURE_HEADER];
    if (status >= 200 && status < 300) return decodeSigned(text, signature, publicKey.value, schema, maxBody);
    const refusal = decodeSigned(text, signature, publicKey.value, WireError);
    // A proxy's or a crashed service's 5xx is not signed: the service is unavailable, not forged.
    if (!refusal.ok) return err(status >= 500 ? failure('unavailable') : refusal.error);
    const { error, reason } = refusal.value;
    switch (error) {
      case 'notFound':
        return err(failure('notFound'));
      case 'declined':
        return err({ kind: 'declined', reason: reason ?? 'declined' });
      case 'rejected':
      case 'invalidRequest':
      case 'missingIdempotencyKey':
        return err({ kind: 'rejected', reason: reason ?? error });
      case 'unavailable':
        return err(failure('unavailable'));
      default: {
        const unknown: never = error;
        return err({ kind: 'rejected', reason: String(unknown) });
      }
    }
  }

  /** An order's state, refused unless it is about `orderNo` (when one was asked for). */
  async function order(orderNo: string | null, method: 'GET' | 'POST', path: string, body?: unknown, idempotencyKey?: string): Promise<PaymentResult<OrderState>> {
    const answer = await call(WireOrder, method, path, body, idempotencyKey);
    if (!answer.ok) return answer;
    if (orderNo !== null && answer.value.orderNo !== orderNo) return err(failure('badResponse'));
    return ok(orderFromWire(answer.value));
  }

  return {
    createOrder: (request: CreateOrderRequest) =>
      order(
        null,
        'POST',
        PAYMENT_PATHS.orders,
        {
          items: request.items.map(({ code, name, standard, basis, amountFen }) => ({ code, name, standard, basis, amountFen })),
          holderMasked: request.holderMasked,
          expiresInSeconds: request.expiresInSeconds,
          ...(options.notifyUrl ? { notifyUrl: options.notifyUrl } : {}),
        },
        request.idempotencyKey,
      ),
    payByCode: (orderNo, authCode) => order(orderNo, 'POST', barcodePayPath(orderNo), { authCode }),
    queryOrder: (orderNo) => order(orderNo, 'GET', orderPath(orderNo)),
    closeOrder: (orderNo) => order(orderNo, 'POST', closePath(orderNo), {}),
    async refund(request) {
      const answer = await call(WireRefund, 'POST', refundsPath(request.orderNo), { amountFen: request.amountFen, reason: request.reason }, request.idempotencyKey);
      if (!answer.ok) return answer;
      if (answer.value.orderNo !== request.orderNo) return err(failure('badResponse'));
      const { orderNo, refundNo, amountFen, refundedAt } = answer.value;
      return ok({ orderNo, refundNo, amountFen, refundedAt });
    },
    async fetchReceipt(orderNo) {
      const answer = await call(WireReceipt, 'GET', receiptPath(orderNo));
      if (!answer.ok) return answer;
      if (answer.value.orderNo !== orderNo) return err(failure('badResponse'));
      const { type: _type, ...receipt } = answer.value;
      return ok(receipt);
    },
    async statement(date, timeZone) {
      const answer = await call(WireStatement, 'GET', statementPath(date, timeZone), undefined, undefined, MAX_STATEMENT_BODY);
      if (!answer.ok) return answer;
      // A statement of another day (or zone) is not the one asked for.
      if (answer.value.date !== date || answer.value.timeZone !== timeZone) return err(failure('badResponse'));
      return ok({ date, timeZone, orders: answer.value.orders });
    },
    async acceptNotification(body, signature) {
      const publicKey = await serviceKey();
      if (!publicKey.ok) return publicKey;
      return decodeNotification(body, signature, publicKey.value);
    },
  };
}
