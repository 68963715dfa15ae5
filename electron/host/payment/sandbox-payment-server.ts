/**
 * Serves the sandbox payment service over the HTTP contract of
 * docs/payment-openapi.yaml. Every answer but the public key is signed
 * (Ed25519, a key made at start unless one is given) in
 * `x-payment-signature`; a paid order with a notify URL is pushed there,
 * signed the same way. `handle` answers one request without a socket: the
 * embedded mode uses it in-process, the server wraps it in node:http.
 * The sandbox's own paths: `POST /sandbox/orders/{orderNo}/pay` (the citizen's
 * phone paid the QR code), `POST /sandbox/orders/{orderNo}/late-pay` (a
 * closed order is paid anyway, as when a channel's callback raced the
 * close) and `GET /sandbox/scan/{orderNo}` (what the QR
 * opens: pays it with 微信 in simulation).
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import type { PaymentChannel } from './payment-port';
import { createSandboxPayment, SANDBOX_PAYMENT_DEFAULT_PORT, type SandboxAnswer, type SandboxPayment } from './sandbox-payment';
import { generateSigningKey, type SigningKey } from './signing';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../../domain/calendar-date';
import {
  BarcodePayBody,
  CreateOrderBody,
  IDEMPOTENCY_HEADER,
  IdempotencyKey,
  OrderNo,
  PAYMENT_PATHS,
  RefundBody,
  SandboxPayBody,
  SIGNATURE_HEADER,
  StatementDate,
  type WireError,
} from './wire';

export interface PaymentRequest {
  method: string;
  /** Path and query. */
  path: string;
  headers: Readonly<Record<string, string | undefined>>;
  body: string;
}

export interface PaymentAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface SandboxPaymentHandler {
  handle(request: PaymentRequest): Promise<PaymentAnswer>;
  readonly payment: SandboxPayment;
  readonly publicKeyBase64: string;
}

export interface SandboxPaymentHandlerOptions {
  key?: SigningKey;
  now?: () => Date;
  baseUrl: () => string;
  /** Pushes a signed notification (default: POST with fetch, failures ignored: the kiosk also polls). */
  notify?: (url: string, body: string, signature: string) => void;
}

const ERROR_STATUS: Record<WireError['error'], number> = { invalidRequest: 400, missingIdempotencyKey: 400, notFound: 404, declined: 402, rejected: 409, unavailable: 503 };

function defaultNotify(url: string, body: string, signature: string): void {
  void fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature }, body, signal: AbortSignal.timeout(5000) }).catch(() => undefined);
}

/** The request handler of the sandbox payment service. */
export function createSandboxPaymentHandler(options: SandboxPaymentHandlerOptions): SandboxPaymentHandler {
  const key = options.key ?? generateSigningKey();
  const notify = options.notify ?? defaultNotify;
  const payment = createSandboxPayment({
    now: options.now,
    baseUrl: options.baseUrl,
    onPaid: (order, url) => {
      const body = JSON.stringify(order);
      notify(url, body, key.sign(body));
    },
  });
  const signed = (status: number, value: unknown): PaymentAnswer => {
    const body = JSON.stringify(value);
    return { status, headers: { 'content-type': 'application/json; charset=utf-8', [SIGNATURE_HEADER]: key.sign(body) }, body };
  };
  const failure = (error: WireError['error'], reason?: string) => signed(ERROR_STATUS[error], { type: 'error', error, ...(reason ? { reason } : {}) } satisfies WireError);
  const answer = <T>(result: SandboxAnswer<T>) =>
    result.ok ? signed(result.value.created ? 201 : 200, result.value.body) : failure(result.error.kind, result.error.kind === 'notFound' ? undefined : result.error.reason);

  async function route(request: PaymentRequest): Promise<PaymentAnswer> {
    const path = new URL(request.path, 'http://sandbox').pathname;
    const parse = <S extends z.ZodType>(schema: S): z.infer<S> | undefined => {
      try {
        const parsed = schema.safeParse(JSON.parse(request.body));
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    };
    const rawKey = request.headers[IDEMPOTENCY_HEADER];
    const idempotencyKey = IdempotencyKey.safeParse(rawKey);
    if (request.method === 'GET' && path === PAYMENT_PATHS.health) return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' };
    if (request.method === 'GET' && path === PAYMENT_PATHS.publicKey)
      return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ algorithm: 'Ed25519', publicKey: key.publicKeyBase64 }) };
    if (request.method === 'POST' && path === PAYMENT_PATHS.orders) {
      const body = parse(CreateOrderBody);
      if (!body) return failure('invalidRequest');
      if (!idempotencyKey.success) return failure('missingIdempotencyKey');
      const amountFen = body.items.reduce((sum, item) => sum + item.amountFen, 0);
      if (amountFen < 1) return failure('invalidRequest', 'zeroTotal');
      const fingerprint = createHash('sha256').update(JSON.stringify(body.items)).digest('hex');
      return answer(payment.create({ idempotencyKey: idempotencyKey.data, amountFen, expiresInSeconds: body.expiresInSeconds, notifyUrl: body.notifyUrl ?? null, fingerprint }));
    }
    const day = /^\/v1\/statements\/([^/]+)$/.exec(path);
    if (day && request.method === 'GET') {
      const date = StatementDate.safeParse(decodeURIComponent(day[1]!));
      const timeZone = new URL(request.path, 'http://sandbox').searchParams.get('timeZone') ?? DEFAULT_TIME_ZONE;
      if (!date.success || !isTimeZone(timeZone)) return failure('invalidRequest');
      return answer(payment.statement(date.data, timeZone));
    }
    const match = /^\/(v1|sandbox)\/(orders|scan)\/([^/]+)(?:\/([a-z-]+))?$/.exec(path);
    const orderNo = match ? OrderNo.safeParse(decodeURIComponent(match[3]!)) : undefined;
    if (!match || !orderNo?.success) return failure('notFound');
    const [, space, collection, , action] = match;
    const no = orderNo.data;
    const call = `${request.method} ${space}/${collection}/${action ?? ''}`;
    switch (call) {
      case 'GET v1/orders/':
        return answer(payment.get(no));
      case 'POST v1/orders/barcode-pay': {
        const body = parse(BarcodePayBody);
        return body ? answer(payment.payByCode(no, body.authCode)) : failure('invalidRequest');
      }
      case 'POST v1/orders/close':
        return answer(payment.close(no));
      case 'POST v1/orders/refunds': {
        const body = parse(RefundBody);
        if (!body) return failure('invalidRequest');
        if (!idempotencyKey.success) return failure('missingIdempotencyKey');
        return answer(payment.refund(no, idempotencyKey.data, body.amountFen));
      }
      case 'GET v1/orders/receipt':
        return answer(payment.receipt(no));
      case 'POST sandbox/orders/pay': {
        const body = parse(SandboxPayBody);
        return body ? answer(payment.payByPhone(no, body.channel as PaymentChannel)) : failure('invalidRequest');
      }
      case 'POST sandbox/orders/late-pay': {
        const body = parse(SandboxPayBody);
        return body ? answer(payment.latePay(no, body.channel as PaymentChannel)) : failure('invalidRequest');
      }
      case 'GET sandbox/scan/': {
        const paid = payment.payByPhone(no, 'wechat');
        const text = paid.ok ? '<!doctype html><meta charset="utf-8"><p>沙箱：已支付 (sandbox: paid)</p>' : '<!doctype html><meta charset="utf-8"><p>沙箱：无法支付 (sandbox: not payable)</p>';
        return { status: paid.ok ? 200 : 409, headers: { 'content-type': 'text/html; charset=utf-8' }, body: text };
      }
      default:
        return failure('notFound');
    }
  }

  return {
    payment,
    publicKeyBase64: key.publicKeyBase64,
    handle: (request) => route(request).catch(() => failure('unavailable')),
  };
}

export interface SandboxPaymentServer {
  readonly url: string;
  readonly port: number;
  readonly handler: SandboxPaymentHandler;
  close(): Promise<void>;
}

export { SANDBOX_PAYMENT_DEFAULT_PORT };

/** Starts the sandbox payment service over plain HTTP; port 0 picks a free port. */
export async function startSandboxPaymentServer(options: { port?: number; host?: string; key?: SigningKey; now?: () => Date; notify?: SandboxPaymentHandlerOptions['notify'] } = {}): Promise<SandboxPaymentServer> {
  const host = options.host ?? '127.0.0.1';
  let url = '';
  const handler = createSandboxPaymentHandler({ key: options.key, now: options.now, notify: options.notify, baseUrl: () => url });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 256 * 1024) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      const headers: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value[0] : value;
      void handler.handle({ method: req.method ?? 'GET', path: req.url ?? '/', headers, body: Buffer.concat(chunks).toString('utf8') }).then((answer) => {
        res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
        res.end(answer.body);
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  url = `http://${host}:${port}`;
  return {
    url,
    port,
    handler,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
