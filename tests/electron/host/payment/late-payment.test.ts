/**
 * Pushed notifications and late payments: a payment that arrives after the
 * kiosk closed its order is refunded at once and journaled; a forged or
 * garbled notification changes nothing. Through the embedded sandbox's real
 * handler and signatures (in-process), and over the host's HTTP endpoint.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { err } from '../../../../domain/result';
import { openJournal, type Journal } from '../../../../electron/host/journal';
import { createAuditLog } from '../../../../electron/host/journal/transactions-audit';
import { createPaymentFromConfig } from '../../../../electron/host/payment/from-config';
import { createLatePayments } from '../../../../electron/host/payment/late-payment';
import { createPaymentLedger } from '../../../../electron/host/payment/ledger';
import { isNotifyRequest, serveNotification } from '../../../../electron/host/payment/notify-endpoint';
import { createPaymentDesk } from '../../../../electron/host/payment/payment-desk';
import { createPaymentNotifications, NOTIFY_PATH } from '../../../../electron/host/payment/payment-notifications';
import type { PaymentPort } from '../../../../electron/host/payment/payment-port';
import { generateSigningKey } from '../../../../electron/host/payment/signing';
import { SIGNATURE_HEADER, sandboxLatePayPath } from '../../../../electron/host/payment/wire';

const ITEMS = [{ code: 'fee', name: '工本费', standard: '20元/证', basis: '依据', amountFen: 2000 }];
const silent = pino({ level: 'silent' });

let journal: Journal | undefined;
let server: Server | undefined;
afterEach(async () => {
  journal?.close();
  journal = undefined;
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

function setup(options: { refundFails?: boolean } = {}) {
  const opened = openJournal(':memory:');
  if (!opened.ok) throw new Error(opened.error.kind);
  journal = opened.value;
  const db = journal.db;
  const configured = createPaymentFromConfig({ simulation: true, payment: undefined });
  const port: PaymentPort = options.refundFails ? { ...configured.port, refund: async () => err({ kind: 'unavailable' as const }) } : configured.port;
  const ledger = createPaymentLedger(db);
  const audit = createAuditLog(db);
  const alerts: string[] = [];
  const late = createLatePayments({ port, ledger, logger: silent, audit, alert: (orderNo) => alerts.push(orderNo) });
  const inbox = createPaymentNotifications({ port, ledger, late, logger: silent });
  const answers: Array<Promise<{ status: number }>> = [];
  const pushed: Array<{ body: string; signature: string }> = [];
  configured.connectNotifications?.((body, signature) => {
    pushed.push({ body, signature });
    answers.push(inbox.accept(body, signature));
  });
  const desk = createPaymentDesk({ port, orderTimeoutSeconds: 60, logger: silent, ledger });
  const sandbox = configured.sandbox!;
  /** An order the kiosk raised and then gave up (closed unpaid). */
  const abandonedOrder = async (key: string) => {
    const created = await port.createOrder({ idempotencyKey: key, items: ITEMS, holderMasked: '张*', expiresInSeconds: 60 });
    if (!created.ok) throw new Error(created.error.kind);
    desk.opened({ sessionId: 's-1', serviceId: 'svc', orderKey: key, state: created.value });
    await desk.abandon('s-1', created.value.orderNo);
    return created.value.orderNo;
  };
  const auditActions = () => (db.prepare('SELECT action, subject, detail FROM audit_events ORDER BY id').all() as Array<{ action: string; subject: string; detail: string }>);
  return { sandbox, ledger, inbox, answers, pushed, alerts, abandonedOrder, auditActions };
}

const latePay = (sandbox: ReturnType<typeof setup>['sandbox'], orderNo: string) =>
  sandbox.handle({ method: 'POST', path: sandboxLatePayPath(orderNo), headers: {}, body: JSON.stringify({ channel: 'alipay' }) });

describe('late payments', () => {
  it('refunds in full, journals and settles a payment that arrived after the order was closed', async () => {
    const { sandbox, ledger, answers, alerts, abandonedOrder, auditActions } = setup();
    const no = await abandonedOrder('late-order-1');
    expect(ledger.get(no)).toMatchObject({ status: 'closed', settlement: 'abandoned' });

    const paid = await latePay(sandbox, no);
    expect(paid.status).toBe(200);
    expect(answers).toHaveLength(1);
    expect(await answers[0]).toMatchObject({ status: 200 });

    const atService = sandbox.payment.get(no);
    expect(atService.ok && atService.value.body).toMatchObject({ status: 'refunded', refundedFen: 2000, channel: 'alipay' });
    expect(ledger.get(no)).toMatchObject({ status: 'refunded', refundedFen: 2000, settlement: 'refunded', channel: 'alipay' });
    expect(auditActions()).toEqual([expect.objectContaining({ action: 'payment.lateRefunded', subject: no })]);
    expect(JSON.parse(auditActions()[0]!.detail)).toMatchObject({ amountFen: 2000 });
    expect(alerts).toEqual([]);
  });

  it('refunds once however often the payment is told', async () => {
    const { sandbox, inbox, ledger, answers, pushed, abandonedOrder, auditActions } = setup();
    const no = await abandonedOrder('late-order-2');
    await latePay(sandbox, no);
    await answers[0];
    // The same genuine "paid" notification, pushed again (a retrying service).
    const replay = await inbox.accept(pushed[0]!.body, pushed[0]!.signature);
    expect(replay.status).toBe(200);
    expect(ledger.get(no)).toMatchObject({ status: 'refunded', refundedFen: 2000 });
    const atService = sandbox.payment.get(no);
    expect(atService.ok && atService.value.body.refundedFen).toBe(2000);
    expect(auditActions().filter((a) => a.action === 'payment.lateRefunded')).toHaveLength(1);
  });

  it('raises a refundFailed alert and leaves the order to staff when the refund fails', async () => {
    const { sandbox, ledger, answers, alerts, abandonedOrder, auditActions } = setup({ refundFails: true });
    const no = await abandonedOrder('late-order-3');
    await latePay(sandbox, no);
    await answers[0];
    expect(alerts).toEqual([no]);
    expect(ledger.get(no)).toMatchObject({ status: 'paid', settlement: 'alerted' });
    expect(auditActions().map((a) => a.action)).toEqual(['payment.lateRefundFailed']);
  });

  it('leaves alone a payment on an order the run still holds', async () => {
    const { sandbox, ledger, inbox } = setup();
    const configuredPort = sandbox; // the order is made straight at the sandbox, then opened in the ledger
    const created = configuredPort.payment.create({ idempotencyKey: 'open-order-1', amountFen: 2000, expiresInSeconds: 60, notifyUrl: null, fingerprint: 'f' });
    if (!created.ok) throw new Error('not created');
    const no = created.value.body.orderNo;
    ledger.opened({ orderNo: no, orderKey: 'k', sessionId: 's', serviceId: 'svc', amountFen: 2000 });
    configuredPort.payment.payByPhone(no, 'wechat');
    const state = configuredPort.payment.get(no);
    if (!state.ok) throw new Error('no order');
    // Signed by the sandbox, as its own answer would be.
    const answer = await configuredPort.handle({ method: 'GET', path: `/v1/orders/${no}`, headers: {}, body: '' });
    expect((await inbox.accept(answer.body, answer.headers[SIGNATURE_HEADER])).status).toBe(200);
    expect(ledger.get(no)).toMatchObject({ status: 'paid', settlement: 'open', refundedFen: 0 });
  });
});

describe('notification endpoint', () => {
  async function listen(inbox: ReturnType<typeof setup>['inbox']) {
    server = createServer((req, res) => {
      if (isNotifyRequest(req)) void serveNotification(req, res, inbox);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
    return `http://127.0.0.1:${(server!.address() as AddressInfo).port}${NOTIFY_PATH}`;
  }

  it('refuses a notification signed by another key (401) and changes nothing', async () => {
    const { ledger, inbox, abandonedOrder, auditActions, sandbox } = setup();
    const no = await abandonedOrder('forged-order-1');
    const url = await listen(inbox);
    const forged = JSON.stringify({ type: 'order', orderNo: no, status: 'paid', amountFen: 2000, codeUrl: 'http://127.0.0.1/x', expiresAt: '2026-12-02T10:00:00Z', paidAt: '2026-12-02T10:00:00Z', channel: 'wechat', refundedFen: 0 });
    const response = await fetch(url, { method: 'POST', headers: { [SIGNATURE_HEADER]: generateSigningKey().sign(forged) }, body: forged });
    expect(response.status).toBe(401);
    expect(ledger.get(no)).toMatchObject({ status: 'closed', settlement: 'abandoned' });
    expect(auditActions()).toEqual([]);
    const atService = sandbox.payment.get(no);
    expect(atService.ok && atService.value.body.status).toBe('closed');
  });

  it('answers 400 for a signed body that is not a notification, 405 for a GET, 413 for a huge body', async () => {
    const { inbox, sandbox } = setup();
    const url = await listen(inbox);
    // A signed answer of another kind (the sandbox's refusal) is not an order's state.
    const refusal = await sandbox.handle({ method: 'GET', path: '/v1/orders/NOSUCHORDER1', headers: {}, body: '' });
    const garbled = await fetch(url, { method: 'POST', headers: { [SIGNATURE_HEADER]: refusal.headers[SIGNATURE_HEADER]! }, body: refusal.body });
    expect(garbled.status).toBe(400);
    expect((await fetch(url)).status).toBe(405);
    const huge = await fetch(url, { method: 'POST', body: 'x'.repeat(70_000) }).catch(() => ({ status: 413 }));
    expect(huge.status).toBe(413);
  });

  it('takes a genuine notification over HTTP and refunds a late payment', async () => {
    const { ledger, inbox, abandonedOrder, sandbox } = setup();
    const no = await abandonedOrder('http-order-1');
    const url = await listen(inbox);
    // The sandbox pays late and its signed push is carried over the socket this time.
    sandbox.payment.latePay(no, 'unionpay');
    const answer = await sandbox.handle({ method: 'GET', path: `/v1/orders/${no}`, headers: {}, body: '' });
    const response = await fetch(url, { method: 'POST', headers: { [SIGNATURE_HEADER]: answer.headers[SIGNATURE_HEADER]! }, body: answer.body });
    expect(response.status).toBe(200);
    expect(ledger.get(no)).toMatchObject({ status: 'refunded', settlement: 'refunded', channel: 'unionpay' });
  });
});
