/**
 * `payment` in the kiosk config: the sandbox payment service (simulation
 * only; embedded, or served over HTTP on this machine by `npm run
 * sandbox-payment`, whose key is then read from it at start) or a real
 * payment service over HTTPS, whose signing key the site configures.
 * Unset: the embedded sandbox in simulation, no payment service on a real
 * kiosk (a payment step then finds it unavailable).
 */
import { z } from 'zod';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const timeoutMs = z.number().int().min(100).max(60_000).default(8000);
/** How long an order stays payable at the kiosk before it is closed (the screen's countdown). */
const orderTimeoutSeconds = z.number().int().min(10).max(900).default(180);
/** When (HH:MM, the hall's time zone) the host runs the day-end reconciliation of that day. */
export const DEFAULT_RECONCILE_AT = '23:50';
const reconcileAt = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day HH:MM (24-hour), in the hall\'s time zone')
  .default(DEFAULT_RECONCILE_AT);

export const PaymentConfig = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('sandbox'),
      /** The sandbox served over HTTP; unset: the embedded sandbox (in-process). */
      baseUrl: z
        .url()
        .refine((url) => URL.canParse(url) && new URL(url).protocol === 'http:' && LOOPBACK_HOSTS.has(new URL(url).hostname), 'the sandbox payment service must be an http:// URL on this machine (127.0.0.1, localhost or [::1])')
        .optional(),
      timeoutMs,
      orderTimeoutSeconds,
      reconcileAt,
    })
    .strict(),
  z
    .object({
      kind: z.literal('http'),
      baseUrl: z.url().refine((url) => url.startsWith('https://'), 'must be an https:// URL (the link carries payments)'),
      /** The service's Ed25519 signing key, SubjectPublicKeyInfo DER in base64: answers not signed by it are refused. */
      publicKey: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64 (SubjectPublicKeyInfo DER)').max(200),
      /**
       * Where the service pushes signed notifications: the URL at which the
       * site's relay reaches this kiosk's `POST /payment/notify` (the host
       * listens on 127.0.0.1 only). Unset: the kiosk only polls.
       */
      notifyUrl: z.url().optional(),
      timeoutMs,
      orderTimeoutSeconds,
      reconcileAt,
    })
    .strict(),
]);
export type PaymentConfig = z.infer<typeof PaymentConfig>;

/** The `simulation` rule for `payment`: the sandbox in simulation only, a real service only outside it. */
export function paymentSimulationIssue(simulation: boolean, payment: PaymentConfig | undefined): string | null {
  if (!payment) return null;
  if (simulation && payment.kind !== 'sandbox') return 'in simulation ("simulation": true) the payment service is the sandbox; a real one needs "simulation": false';
  if (!simulation && payment.kind === 'sandbox') return 'a real kiosk ("simulation": false) uses a real payment service ("kind": "http"); the sandbox is for simulation only';
  return null;
}
