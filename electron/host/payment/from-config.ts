/**
 * Picks the payment service the config names: the embedded sandbox
 * (simulation default: the sandbox's handler in-process, through the same
 * HTTP client and signatures), the sandbox served over HTTP on this machine,
 * a real service over HTTPS, or none (a real kiosk without `payment`).
 */
import { err } from '../../../domain/result';
import type { KioskConfig } from '../config/schema';
import { createHttpPayment, fetchTransport, inProcessTransport } from './http-payment';
import type { PaymentPort } from './payment-port';
import { createSandboxPaymentHandler, SANDBOX_PAYMENT_DEFAULT_PORT, type SandboxPaymentHandler } from './sandbox-payment-server';

export interface ConfiguredPayment {
  port: PaymentPort;
  /** Seconds an order stays payable at the kiosk. */
  orderTimeoutSeconds: number;
  /** The embedded sandbox, for the dock's test controls. */
  sandbox?: SandboxPaymentHandler;
  /**
   * The embedded sandbox's pushed notifications, handed to the host's inbox
   * in-process (no socket): the same signed body and header, the same
   * verification as `POST /payment/notify`.
   */
  connectNotifications?: (inbox: (body: string, signature: string) => void) => void;
}

/** The notify URL the embedded sandbox is given: never fetched (the push goes in-process), it only makes the sandbox push. */
export const EMBEDDED_NOTIFY_URL = 'http://127.0.0.1/payment/notify';

/** A port for a kiosk without a payment service: every call is `unavailable`. */
export function noPaymentService(): PaymentPort {
  const unavailable = async () => err({ kind: 'unavailable' as const });
  return { createOrder: unavailable, payByCode: unavailable, queryOrder: unavailable, closeOrder: unavailable, refund: unavailable, fetchReceipt: unavailable, statement: unavailable, acceptNotification: unavailable };
}

const DEFAULT_ORDER_TIMEOUT_SECONDS = 180;

export function createPaymentFromConfig(config: Pick<KioskConfig, 'simulation' | 'payment'>, now?: () => Date): ConfiguredPayment {
  const payment = config.payment;
  if (!payment) {
    if (!config.simulation) return { port: noPaymentService(), orderTimeoutSeconds: DEFAULT_ORDER_TIMEOUT_SECONDS };
    return embedded(8000, DEFAULT_ORDER_TIMEOUT_SECONDS, now);
  }
  switch (payment.kind) {
    case 'sandbox':
      if (!payment.baseUrl) return embedded(payment.timeoutMs, payment.orderTimeoutSeconds, now);
      return { port: createHttpPayment({ transport: fetchTransport(payment.baseUrl), timeoutMs: payment.timeoutMs, publicKey: 'fetchAtStart' }), orderTimeoutSeconds: payment.orderTimeoutSeconds };
    case 'http':
      return {
        port: createHttpPayment({
          transport: fetchTransport(payment.baseUrl),
          timeoutMs: payment.timeoutMs,
          publicKey: payment.publicKey,
          ...(payment.notifyUrl ? { notifyUrl: payment.notifyUrl } : {}),
        }),
        orderTimeoutSeconds: payment.orderTimeoutSeconds,
      };
    default: {
      const unknown: never = payment;
      return unknown;
    }
  }
}

function embedded(timeoutMs: number, orderTimeoutSeconds: number, now?: () => Date): ConfiguredPayment {
  // The QR code points where `npm run sandbox-payment` would serve: opening it on a phone does nothing in the embedded mode
  // (the host listens on loopback only, so no phone could reach it either); the dock's 手机扫码支付 (`dock.pay`) stands in for the phone.
  let inbox: ((body: string, signature: string) => void) | undefined;
  const sandbox = createSandboxPaymentHandler({
    baseUrl: () => `http://127.0.0.1:${SANDBOX_PAYMENT_DEFAULT_PORT}`,
    notify: (_url, body, signature) => inbox?.(body, signature),
    ...(now ? { now } : {}),
  });
  return {
    port: createHttpPayment({ transport: inProcessTransport(sandbox.handle), timeoutMs, publicKey: sandbox.publicKeyBase64, notifyUrl: EMBEDDED_NOTIFY_URL }),
    orderTimeoutSeconds,
    sandbox,
    connectNotifications: (accept) => (inbox = accept),
  };
}

