/**
 * Fuzzes the decoder of the payment service's signed notifications: hostile
 * bodies and signatures never crash it and are never accepted; only the
 * service's own signature over a well-formed order state is.
 */
import fc from 'fast-check';
import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeNotification } from '../../../../electron/host/payment/signed-answer';
import { generateSigningKey, parsePublicKey } from '../../../../electron/host/payment/signing';

const service = generateSigningKey();
const forger = generateSigningKey();
const key = (() => {
  const parsed = parsePublicKey(service.publicKeyBase64);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
})();

const genuine = {
  type: 'order',
  orderNo: 'SBX20261202000001ABCD'.replace(/[^A-Za-z0-9]/g, ''),
  status: 'paid',
  amountFen: 2000,
  codeUrl: 'http://127.0.0.1:8743/sandbox/scan/SBX20261202000001',
  expiresAt: '2026-12-02T10:05:00.000Z',
  paidAt: '2026-12-02T10:01:00.000Z',
  channel: 'wechat',
  refundedFen: 0,
};
const genuineBody = JSON.stringify(genuine);

/** Order-like objects with hostile field values. */
const hostileOrder = fc.record(
  {
    type: fc.oneof(fc.constant('order'), fc.constant('receipt'), fc.string()),
    orderNo: fc.oneof(fc.constant(genuine.orderNo), fc.string(), fc.constant('../../etc/passwd')),
    status: fc.oneof(fc.constantFrom('unpaid', 'paid', 'closed', 'refunded'), fc.string()),
    amountFen: fc.oneof(fc.integer(), fc.double(), fc.constant(-1), fc.constant(1e12), fc.string()),
    codeUrl: fc.oneof(fc.webUrl(), fc.string()),
    expiresAt: fc.oneof(fc.constant(genuine.expiresAt), fc.string()),
    paidAt: fc.oneof(fc.constant(null), fc.constant(genuine.paidAt), fc.string()),
    channel: fc.oneof(fc.constantFrom('wechat', 'alipay', 'unionpay', null), fc.string()),
    refundedFen: fc.oneof(fc.nat(), fc.integer()),
    __proto__: fc.anything(),
    extra: fc.anything(),
  },
  { requiredKeys: [] },
);

describe('notification decoder', () => {
  it('accepts the service’s own signature over a well-formed order', () => {
    const decoded = decodeNotification(genuineBody, service.sign(genuineBody), key);
    expect(decoded.ok && decoded.value).toMatchObject({ status: 'paid', amountFen: 2000, orderNo: genuine.orderNo });
  });

  it('never crashes on, nor accepts, arbitrary bodies and signatures', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.constant(genuineBody)), fc.oneof(fc.string(), fc.base64String(), fc.constant(undefined)), (body, signature) => {
        const decoded = decodeNotification(body, signature as string | undefined, key);
        expect(decoded.ok).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses anything a forger signed, however well-formed', () => {
    fc.assert(
      fc.property(fc.oneof(hostileOrder.map((o) => JSON.stringify(o)), fc.constant(genuineBody), fc.json()), (body) => {
        expect(decodeNotification(body, forger.sign(body), key)).toEqual({ ok: false, error: { kind: 'badSignature' } });
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses any change to a signed notification', () => {
    const signature = service.sign(genuineBody);
    fc.assert(
      fc.property(fc.nat(genuineBody.length - 1), fc.string({ minLength: 1, maxLength: 3 }), fc.boolean(), (at, text, replace) => {
        const body = genuineBody.slice(0, at) + text + genuineBody.slice(at + (replace ? text.length : 0));
        fc.pre(body !== genuineBody);
        expect(decodeNotification(body, signature, key).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('a body the service did sign is accepted only when it is a well-formed order state', () => {
    fc.assert(
      fc.property(fc.oneof(hostileOrder.map((o) => JSON.stringify(o)), fc.json(), fc.string()), (body) => {
        const decoded = decodeNotification(body, service.sign(body), key);
        if (decoded.ok) {
          expect(decoded.value.status).toMatch(/^(unpaid|paid|closed|refunded)$/);
          expect(Number.isInteger(decoded.value.amountFen) && decoded.value.amountFen >= 0).toBe(true);
        } else {
          expect(decoded.error.kind).toBe('badResponse');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses an over-long body and a key that is not the service’s', () => {
    const huge = JSON.stringify({ ...genuine, codeUrl: `http://x/${'a'.repeat(70_000)}` });
    expect(decodeNotification(huge, service.sign(huge), key).ok).toBe(false);
    const other = createPublicKey({ key: Buffer.from(forger.publicKeyBase64, 'base64'), format: 'der', type: 'spki' });
    expect(decodeNotification(genuineBody, service.sign(genuineBody), other).ok).toBe(false);
  });
});
