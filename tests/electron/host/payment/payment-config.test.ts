/** `payment` in the config: the sandbox only in simulation, a real service (with its key) only outside it; the embedded sandbox works in-process. */
import { describe, expect, it } from 'vitest';
import { KioskConfig } from '../../../../electron/host/config/schema';
import { createPaymentFromConfig } from '../../../../electron/host/payment/from-config';
import { generateSigningKey } from '../../../../electron/host/payment/signing';

const realService = { kind: 'http', baseUrl: 'https://pay.example.gov.cn', publicKey: generateSigningKey().publicKeyBase64 };

describe('payment config', () => {
  it('a simulated kiosk may use the sandbox, embedded or on this machine, but not a real service', () => {
    expect(KioskConfig.safeParse({ simulation: true }).success).toBe(true);
    expect(KioskConfig.safeParse({ simulation: true, payment: { kind: 'sandbox', baseUrl: 'http://127.0.0.1:8743' } }).success).toBe(true);
    expect(KioskConfig.safeParse({ simulation: true, payment: { kind: 'sandbox', baseUrl: 'http://10.0.0.5:8743' } }).success).toBe(false);
    const real = KioskConfig.safeParse({ simulation: true, payment: realService });
    expect(real.success).toBe(false);
    expect(JSON.stringify(real.error?.issues)).toContain('payment');
  });

  it('a real kiosk never uses the sandbox, and a real service needs https and its key', () => {
    const sandbox = KioskConfig.safeParse({ simulation: false, payment: { kind: 'sandbox' } });
    expect(sandbox.success ? [] : sandbox.error.issues.map((i) => i.path.join('.'))).toContain('payment.kind');
    const http = KioskConfig.safeParse({ simulation: false, payment: { ...realService, baseUrl: 'http://pay.example.gov.cn' } });
    expect(http.success ? [] : http.error.issues.map((i) => i.path.join('.'))).toContain('payment.baseUrl');
    const keyless = KioskConfig.safeParse({ simulation: false, payment: { kind: 'http', baseUrl: 'https://pay.example.gov.cn' } });
    expect(keyless.success ? [] : keyless.error.issues.map((i) => i.path.join('.'))).toContain('payment.publicKey');
  });

  it('the simulated default is the embedded sandbox: an order is made and paid by 付款码 without a server', async () => {
    const payment = createPaymentFromConfig({ simulation: true, payment: undefined });
    expect(payment.sandbox).toBeDefined();
    const order = await payment.port.createOrder({
      idempotencyKey: 'embedded-order-1',
      items: [{ code: 'fee', name: '工本费', standard: '20元/证', basis: '依据', amountFen: 2000 }],
      holderMasked: '张*',
      expiresInSeconds: payment.orderTimeoutSeconds,
    });
    if (!order.ok) throw new Error(order.error.kind);
    const paid = await payment.port.payByCode(order.value.orderNo, '138800000000000000');
    expect(paid.ok && paid.value.status).toBe('paid');
  });

  it('a real kiosk without a payment service finds it unavailable', async () => {
    const payment = createPaymentFromConfig({ simulation: false, payment: undefined });
    expect(await payment.port.queryOrder('SBX000000000000')).toEqual({ ok: false, error: { kind: 'unavailable' } });
  });
});
