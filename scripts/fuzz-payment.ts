/**
 * Fuzzes the decoder of the payment service's signed notifications and
 * answers (electron/host/payment/signed-answer.ts):
 * `npx tsx scripts/fuzz.ts --only payment [--iterations N] [--seed S]`.
 *
 * Every iteration makes an order state (well-formed, or with hostile field
 * values: wrong types, negative or huge amounts, unknown statuses, extra
 * fields, `__proto__`), serialises it, and then one of:
 * - signs it with the service's key: accepted exactly when the order is
 *   well-formed (and then equal to it), otherwise `badResponse`;
 * - changes the signed body (character edits, truncation, JSON noise): never accepted;
 * - signs it with another key: always `badSignature`;
 * - pairs it with a random or mangled signature string: never accepted.
 * No input may throw.
 */
import { pathToFileURL } from 'node:url';
import { decodeNotification } from '../electron/host/payment/signed-answer';
import { generateSigningKey, parsePublicKey } from '../electron/host/payment/signing';
import { WireOrder } from '../electron/host/payment/wire';
import { emptyStats, formatReport, fuzzLoopSync, int, pick, type FuzzOptions, type FuzzStats, type Random } from './fuzz/harness';

export interface PaymentFuzzReport extends FuzzStats {
  accepted: number;
  badSignature: number;
  badResponse: number;
}

const HOSTILE: readonly unknown[] = [null, true, -1, 1.5, 1e300, Number.MAX_SAFE_INTEGER + 2, '', 'paid', '0', [], {}, { $ne: 1 }, '\u0000', '"', '<script>', '2026-13-45T99:99:99Z'];
const STATUSES = ['unpaid', 'paid', 'closed', 'refunded'] as const;
const CHANNELS = ['wechat', 'alipay', 'unionpay', null] as const;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const NOISE = ['{', '}', '"', ',', ':', '\\', '\u0000', '1', 'e', ' ', 'null', '中', '😀'];

function orderNo(random: Random): string {
  return Array.from({ length: 8 + int(random, 20) }, () => pick(random, [...ALNUM])).join('');
}

/** A well-formed order state. */
function wellFormed(random: Random): Record<string, unknown> {
  const amountFen = int(random, 1_000_000);
  const paid = random() < 0.5;
  return {
    type: 'order',
    orderNo: orderNo(random),
    status: pick(random, STATUSES),
    amountFen,
    codeUrl: `http://127.0.0.1:8743/sandbox/scan/${orderNo(random)}`,
    expiresAt: new Date(1_700_000_000_000 + int(random, 1e9) * 1000).toISOString(),
    paidAt: paid ? new Date(1_700_000_000_000 + int(random, 1e9) * 1000).toISOString() : null,
    channel: pick(random, CHANNELS),
    refundedFen: int(random, amountFen + 1),
  };
}

/** The same with a few fields made hostile, dropped or added. */
function hostile(random: Random): Record<string, unknown> {
  const order = wellFormed(random);
  const keys = Object.keys(order);
  for (let k = 1 + int(random, 3); k > 0; k--) {
    const key = pick(random, keys);
    const roll = random();
    if (roll < 0.6) order[key] = pick(random, HOSTILE);
    else if (roll < 0.8) delete order[key];
    else order[pick(random, ['extra', '__proto__', 'constructor', 'signature'])] = pick(random, HOSTILE);
  }
  return order;
}

function mutate(random: Random, text: string): string {
  const chars = [...text];
  for (let k = 1 + int(random, 4); k > 0; k--) {
    const at = int(random, chars.length + 1);
    const roll = random();
    if (roll < 0.35) chars.splice(at, 0, pick(random, NOISE));
    else if (roll < 0.6) chars.splice(at, 1 + int(random, 3));
    else if (roll < 0.85) chars[Math.min(at, chars.length - 1)] = pick(random, NOISE);
    else chars.length = at;
  }
  return chars.join('');
}

function randomSignature(random: Random, genuine: string): string | undefined {
  const roll = random();
  if (roll < 0.2) return undefined;
  if (roll < 0.4) return '';
  if (roll < 0.7) return mutate(random, genuine);
  return Array.from({ length: int(random, 120) }, () => pick(random, [...ALNUM, '+', '/', '='])).join('');
}

export function runPaymentFuzz(options: FuzzOptions): PaymentFuzzReport {
  const service = generateSigningKey();
  const forger = generateSigningKey();
  const parsed = parsePublicKey(service.publicKeyBase64);
  if (!parsed.ok) throw new Error(parsed.error);
  const key = parsed.value;
  return fuzzLoopSync(options, 14, (seed) => ({ ...emptyStats(seed), accepted: 0, badSignature: 0, badResponse: 0 }), (iteration, report) => {
    const { random } = iteration;
    const order = random() < 0.4 ? wellFormed(random) : hostile(random);
    const body = JSON.stringify(order);
    const valid = WireOrder.safeParse(JSON.parse(body)).success;
    const mode = pick(random, ['signed', 'changed', 'forged', 'badSignature'] as const);
    iteration.label = mode;
    const count = (decoded: ReturnType<typeof decodeNotification>) => {
      if (decoded.ok) report.accepted++;
      else if (decoded.error.kind === 'badSignature') report.badSignature++;
      else report.badResponse++;
      return decoded;
    };
    switch (mode) {
      case 'signed': {
        const decoded = count(decodeNotification(body, service.sign(body), key));
        if (valid && !decoded.ok) iteration.fail(`a well-formed order signed by the service was refused (${decoded.error.kind}): ${body}`);
        if (!valid && (decoded.ok || decoded.error.kind !== 'badResponse')) iteration.fail(`a malformed order signed by the service was not badResponse: ${body}`);
        if (decoded.ok && (decoded.value.orderNo !== order.orderNo || decoded.value.amountFen !== order.amountFen || decoded.value.status !== order.status))
          iteration.fail(`the decoded order differs from the one signed: ${body}`);
        return;
      }
      case 'changed': {
        const changed = mutate(random, body);
        const decoded = count(decodeNotification(changed, service.sign(body), key));
        if (changed !== body && decoded.ok) iteration.fail(`a changed body passed with the original signature: ${changed}`);
        return;
      }
      case 'forged': {
        const text = random() < 0.5 ? body : mutate(random, body);
        const decoded = count(decodeNotification(text, forger.sign(text), key));
        if (decoded.ok || decoded.error.kind !== 'badSignature') iteration.fail(`a forged notification was not badSignature: ${text}`);
        return;
      }
      case 'badSignature': {
        const signature = randomSignature(random, service.sign(body));
        const decoded = count(decodeNotification(body, signature, key));
        if (decoded.ok && signature !== service.sign(body)) iteration.fail(`a body passed with a mangled signature ${String(signature)}`);
        return;
      }
      default: {
        const unknown: never = mode;
        iteration.fail(`unknown mode ${String(unknown)}`);
      }
    }
  });
}

export function formatPaymentFuzzReport(r: PaymentFuzzReport): string {
  return formatReport('payment', r, [`${r.accepted} accepted`, `${r.badSignature} badSignature`, `${r.badResponse} badResponse`]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  void import('./fuzz/runner').then((m) => m.runCli(['--only', 'payment', ...process.argv.slice(2)]));
}
