/**
 * The payment client against the sandbox payment service over real HTTP on
 * an ephemeral port: what a citizen paying at the kiosk would go through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpPayment, fetchTransport } from '../../../../electron/host/payment/http-payment';
import type { CreateOrderRequest, PaymentPort } from '../../../../electron/host/payment/payment-port';
import { startSandboxPaymentServer, type SandboxPaymentServer } from '../../../../electron/host/payment/sandbox-payment-server';
import { generateSigningKey } from '../../../../electron/host/payment/signing';
import { SIGNATURE_HEADER, sandboxPayPath } from '../../../../electron/host/payment/wire';

let server: SandboxPaymentServer;
let client: PaymentPort;
let clock = new Date('2026-12-02T10:00:00Z');
let keyCounter = 0;

const order = (over: Partial<CreateOrderRequest> = {}): CreateOrderRequest => ({
  idempotencyKey: `order-key-${++keyCounter}`,
  items: [{ code: 'idcard', name: '居民身份证工本费', standard: '20元/证', basis: '发改价格〔2003〕2322号', amountFen: 2000 }],
  holderMasked: '张*',
  expiresInSeconds: 300,
  ...over,
});

const code = (prefix: string) => prefix.padEnd(18, '0');

beforeAll(async () => {
  server = await startSandboxPaymentServer({ now: () => clock });
  client = createHttpPayment({ transport: fetchTransport(server.url), timeoutMs: 3000, publicKey: server.handler.publicKeyBase64 });
});
afterAll(() => server.close());

describe('payment client against the sandbox over HTTP', () => {
  it('creates an order with a QR code; the same key gives the same order', async () => {
    const request = order();
    const created = await client.createOrder(request);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.value).toMatchObject({ status: 'unpaid', amountFen: 2000, paidAt: null });
    expect(created.value.codeUrl.startsWith(server.url)).toBe(true);
    const again = await client.createOrder(request);
    expect(again.ok && again.value.orderNo).toBe(created.value.orderNo);
  });

  it('an order is paid when the citizen scans its QR code with a phone', async () => {
    const created = await client.createOrder(order());
    if (!created.ok) throw new Error('no order');
    const before = await client.queryOrder(created.value.orderNo);
    expect(before.ok && before.value.status).toBe('unpaid');
    const phone = await fetch(`${server.url}${sandboxPayPath(created.value.orderNo)}`, { method: 'POST', body: JSON.stringify({ channel: 'alipay' }) });
    expect(phone.status).toBe(200);
    const after = await client.queryOrder(created.value.orderNo);
    expect(after.ok && after.value).toMatchObject({ status: 'paid', channel: 'alipay' });
  });

  it('a 付款码 with the pay prefix pays at once; the decline prefix is declined', async () => {
    const first = await client.createOrder(order());
    if (!first.ok) throw new Error('no order');
    const declined = await client.payByCode(first.value.orderNo, code('1399'));
    expect(declined).toEqual({ ok: false, error: { kind: 'declined', reason: 'insufficientFunds' } });
    const unknown = await client.payByCode(first.value.orderNo, code('4444'));
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.kind).toBe('declined');
    const paid = await client.payByCode(first.value.orderNo, code('1388'));
    expect(paid.ok && paid.value).toMatchObject({ status: 'paid', channel: 'wechat' });
  });

  it('an unpaid order expires; closing an unpaid order closes it, closing a paid one reports it paid', async () => {
    const expiring = await client.createOrder(order({ expiresInSeconds: 60 }));
    if (!expiring.ok) throw new Error('no order');
    clock = new Date(clock.getTime() + 61_000);
    const expired = await client.queryOrder(expiring.value.orderNo);
    expect(expired.ok && expired.value.status).toBe('closed');
    const late = await client.payByCode(expiring.value.orderNo, code('1388'));
    expect(late.ok).toBe(false);

    const cancelled = await client.createOrder(order());
    if (!cancelled.ok) throw new Error('no order');
    const closed = await client.closeOrder(cancelled.value.orderNo);
    expect(closed.ok && closed.value.status).toBe('closed');

    const paid = await client.createOrder(order());
    if (!paid.ok) throw new Error('no order');
    await client.payByCode(paid.value.orderNo, code('2888'));
    const closePaid = await client.closeOrder(paid.value.orderNo);
    expect(closePaid.ok && closePaid.value.status).toBe('paid');
  });

  it('refunds a paid order once per key, never more than was paid', async () => {
    const created = await client.createOrder(order());
    if (!created.ok) throw new Error('no order');
    const unpaid = await client.refund({ orderNo: created.value.orderNo, amountFen: 2000, reason: 'rejected', idempotencyKey: 'refund-key-1' });
    expect(unpaid).toEqual({ ok: false, error: { kind: 'rejected', reason: 'notPaid' } });
    await client.payByCode(created.value.orderNo, code('6288'));
    const refund = await client.refund({ orderNo: created.value.orderNo, amountFen: 2000, reason: 'application rejected', idempotencyKey: 'refund-key-2' });
    expect(refund.ok && refund.value.amountFen).toBe(2000);
    const retried = await client.refund({ orderNo: created.value.orderNo, amountFen: 2000, reason: 'application rejected', idempotencyKey: 'refund-key-2' });
    expect(retried.ok && refund.ok && retried.value.refundNo).toBe(refund.ok && refund.value.refundNo);
    const more = await client.refund({ orderNo: created.value.orderNo, amountFen: 1, reason: 'again', idempotencyKey: 'refund-key-3' });
    expect(more).toEqual({ ok: false, error: { kind: 'rejected', reason: 'exceedsPaid' } });
    const state = await client.queryOrder(created.value.orderNo);
    expect(state.ok && state.value).toMatchObject({ status: 'refunded', refundedFen: 2000 });
  });

  it('fetches the 财政电子票据 of a paid order (not of an unpaid one)', async () => {
    const created = await client.createOrder(order());
    if (!created.ok) throw new Error('no order');
    const early = await client.fetchReceipt(created.value.orderNo);
    expect(early.ok).toBe(false);
    await client.payByCode(created.value.orderNo, code('1388'));
    const receipt = await client.fetchReceipt(created.value.orderNo);
    expect(receipt.ok).toBe(true);
    if (!receipt.ok) return;
    expect(receipt.value.billCode).toMatch(/^\d{8}$/);
    expect(receipt.value.billNumber).toMatch(/^\d{10}$/);
    expect(receipt.value.checkCode).toMatch(/^[0-9A-Z]{6}$/);
    expect(receipt.value.amountFen).toBe(2000);
    const again = await client.fetchReceipt(created.value.orderNo);
    expect(again).toEqual(receipt);
  });

  it('an unknown order is notFound', async () => {
    expect(await client.queryOrder('SBX000000000000')).toEqual({ ok: false, error: { kind: 'notFound' } });
  });

  it('fetches the sandbox key at start when told to (simulation)', async () => {
    const fetching = createHttpPayment({ transport: fetchTransport(server.url), timeoutMs: 3000, publicKey: 'fetchAtStart' });
    const created = await fetching.createOrder(order());
    expect(created.ok).toBe(true);
  });
});

describe('signatures', () => {
  it('answers signed by another key are refused as badSignature', async () => {
    const wrongKey = createHttpPayment({ transport: fetchTransport(server.url), timeoutMs: 3000, publicKey: generateSigningKey().publicKeyBase64 });
    expect(await wrongKey.createOrder(order())).toEqual({ ok: false, error: { kind: 'badSignature' } });
  });

  it('a forged notification is refused; the service’s own is accepted', async () => {
    const pushed: Array<{ body: string; signature: string }> = [];
    const receiver: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        pushed.push({ body: Buffer.concat(chunks).toString('utf8'), signature: String(req.headers[SIGNATURE_HEADER]) });
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const notifyUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/notify`;
    const notified = createHttpPayment({ transport: fetchTransport(server.url), timeoutMs: 3000, publicKey: server.handler.publicKeyBase64, notifyUrl });
    try {
      const created = await notified.createOrder(order());
      if (!created.ok) throw new Error('no order');
      await notified.payByCode(created.value.orderNo, code('1388'));
      await expect.poll(() => pushed.length).toBe(1);
      const genuine = await notified.acceptNotification(pushed[0]!.body, pushed[0]!.signature);
      expect(genuine.ok && genuine.value).toMatchObject({ orderNo: created.value.orderNo, status: 'paid' });

      // Same body, signed by someone else; or the service's signature on a changed body.
      const forger = generateSigningKey();
      expect(await notified.acceptNotification(pushed[0]!.body, forger.sign(pushed[0]!.body))).toEqual({ ok: false, error: { kind: 'badSignature' } });
      const altered = pushed[0]!.body.replace('"amountFen":2000', '"amountFen":1');
      expect(await notified.acceptNotification(altered, pushed[0]!.signature)).toEqual({ ok: false, error: { kind: 'badSignature' } });
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });

  it('a service that does not answer in time is a timeout; one that is down is unavailable', async () => {
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    const slow = createHttpPayment({ transport: fetchTransport(`http://127.0.0.1:${port}`), timeoutMs: 200, publicKey: server.handler.publicKeyBase64 });
    expect(await slow.queryOrder('SBX000000000000')).toEqual({ ok: false, error: { kind: 'timeout' } });
    silent.closeAllConnections();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
    const down = createHttpPayment({ transport: fetchTransport(`http://127.0.0.1:${port}`), timeoutMs: 2000, publicKey: server.handler.publicKeyBase64 });
    expect(await down.queryOrder('SBX000000000000')).toEqual({ ok: false, error: { kind: 'unavailable' } });
  });
});
