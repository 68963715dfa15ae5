/**
 * Pushed notifications and late payments: a payment that arrives after the
 * kiosk closed its order is refunded at once and journaled, whether a
 * notification or a poll (a status query, the recovery at start, the day-end
 * reconciliation) tells of it, and once when both do; a forged or garbled
 * notification changes nothing. Through the embedded sandbox's real handler
 * and signatures (in-process), and over the host's HTTP endpoint.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { err } from '../../../../domain/result';
import { openJournal, type Journal } from '../../../../electron/host/journal';
import { createAuditLog } from '../../../../electron/host/journal/transactions-audit';
import { runDayEndCheck } from '../../../../electron/host/payment/day-end-check';
import { createPaymentFromConfig } from '../../../../electron/host/payment/from-config';
import { createLatePayments } from '../../../../electron/host/payment/late-payment';
import { createPaymentLedger } from '../../../../electron/host/payment/ledger';
import { isNotifyRequest, serveNotification } from '../../../../electron/host/payment/notify-endpoint';
import { createPaymentDesk } from '../../../../electron/host/payment/payment-desk';
import { createPaymentNotifications, NOTIFY_PATH } from '../../../../electron/host/payment/payment-notifications';
import type { PaymentPort } from '../../../../electron/host/payment/payment-port';
import { createPaymentSettlement } from '../../../../electron/host/payment/settlement';
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

/** `notify: false`: the sandbox's pushes are lost (no notification ever comes; only a poll can tell). */
function setup(options: { refundFails?: boolean; notify?: boolean } = {}) {
  const opened = openJournal(':memory:');
  if (!opened.ok) throw new Error(opened.error.kind);
  journal = opened.value;
  const db = journal.db;
  const configured = createPaymentFromConfig({ simulation: true, payment: undefined });
  const port: PaymentPort = options.refundFails ? { ...configured.port, refund: async () => err({ kind: 'unavailable' as const }) } : configured.port;
  const ledger = createPaymentLedger(db);
  const audit = createAuditLog(db);
  const alerts: string[] = [];
  /** The staff alerts as the host raises them (create-host.ts wires the late refund's alert so). */
  const staffAlerts: Array<{ orderNo: string; issue: string }> = [];
  const late = createLatePayments({
    port,
    ledger,
    logger: silent,
    audit,
    alert: (orderNo) => {
      alerts.push(orderNo);
      staffAlerts.push({ orderNo, issue: 'refundFailed' });
    },
  });
  const inbox = createPaymentNotifications({ port, ledger, late, logger: silent });
  const answers: Array<Promise<{ status: number }>> = [];
  const pushed: Array<{ body: string; signature: string }> = [];
  configured.connectNotifications?.((body, signature) => {
    pushed.push({ body, signature });
    if (options.notify !== false) answers.push(inbox.accept(body, signature));
  });
  const desk = createPaymentDesk({ port, orderTimeoutSeconds: 60, logger: silent, ledger, late });
  const settlement = createPaymentSettlement({ desk, ledger, outbox: { release: () => true, discard: () => true, held: () => [], has: () => false }, alerts: { paymentNeedsStaff: (a) => staffAlerts.push(a) }, logger: silent, late });
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
  return { sandbox, port, ledger, late, desk, settlement, inbox, answers, pushed, alerts, staffAlerts, abandonedOrder, auditActions };
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

describe('late payments seen by a poll', () => {
  const refunds = (actions: Array<{ action: string; subject: string }>) => actions.filter((a) => a.action === 'payment.lateRefunded');

  it('a status query that finds a given-up order paid: refunded and journaled as a notification would have had it', async () => {
    const { sandbox, port, ledger, desk, pushed, abandonedOrder, auditActions } = setup({ notify: false });
    const no = await abandonedOrder('poll-order-1');
    await latePay(sandbox, no);
    // The push was lost on the way: the kiosk heard nothing.
    expect(pushed).toHaveLength(1);
    expect(ledger.get(no)).toMatchObject({ status: 'closed', settlement: 'abandoned' });
    const asked = await port.queryOrder(no);
    if (!asked.ok) throw new Error(asked.error.kind);
    desk.observed(asked.value);
    await expect.poll(() => ledger.get(no)?.settlement).toBe('refunded');
    expect(ledger.get(no)).toMatchObject({ status: 'refunded', refundedFen: 2000, channel: 'alipay' });
    const atService = sandbox.payment.get(no);
    expect(atService.ok && atService.value.body).toMatchObject({ status: 'refunded', refundedFen: 2000 });
    expect(refunds(auditActions())).toEqual([expect.objectContaining({ subject: no })]);
  });

  it('the recovery at start asks about orders given up lately and refunds the one paid late', async () => {
    const { sandbox, ledger, settlement, abandonedOrder, staffAlerts, auditActions } = setup({ notify: false });
    const late = await abandonedOrder('poll-order-2');
    const closed = await abandonedOrder('poll-order-3');
    await latePay(sandbox, late);
    expect(await settlement.recover()).toBe(0);
    expect(ledger.get(late)).toMatchObject({ status: 'refunded', settlement: 'refunded' });
    expect(ledger.get(closed)).toMatchObject({ status: 'closed', settlement: 'abandoned' });
    expect(refunds(auditActions()).map((a) => a.subject)).toEqual([late]);
    expect(staffAlerts).toEqual([]);
    // A second start refunds nothing again.
    expect(await settlement.recover()).toBe(0);
    expect(refunds(auditActions())).toHaveLength(1);
  });

  it('a poll and a notification that both see the payment refund it once', async () => {
    const { sandbox, ledger, late, settlement, answers, abandonedOrder, auditActions } = setup();
    const no = await abandonedOrder('poll-order-4');
    // The push and two polls race: the service sees one refund under one key.
    await Promise.all([latePay(sandbox, no), late.recheck(no), settlement.recover()]);
    await Promise.all(answers);
    expect(await late.recheck(no)).toBe('notLate');
    const atService = sandbox.payment.get(no);
    expect(atService.ok && atService.value.body).toMatchObject({ status: 'refunded', refundedFen: 2000 });
    expect(ledger.get(no)).toMatchObject({ status: 'refunded', refundedFen: 2000, settlement: 'refunded' });
    expect(refunds(auditActions())).toHaveLength(1);
  });

  it('a refund that fails after a poll: staff are alerted (refundFailed) and the order is left to them', async () => {
    const { sandbox, ledger, settlement, abandonedOrder, staffAlerts, auditActions } = setup({ refundFails: true, notify: false });
    const no = await abandonedOrder('poll-order-5');
    await latePay(sandbox, no);
    expect(await settlement.recover()).toBe(0);
    expect(staffAlerts).toEqual([{ orderNo: no, issue: 'refundFailed' }]);
    expect(ledger.get(no)).toMatchObject({ status: 'paid', settlement: 'alerted' });
    expect(auditActions().map((a) => a.action)).toEqual(['payment.lateRefundFailed']);
    // Alerted once: a later start does not ask (nor alert) again.
    await settlement.recover();
    expect(staffAlerts).toHaveLength(1);
  });

  it('the day-end reconciliation refunds a late payment its statement shows, then finds the two sides agree', async () => {
    const { sandbox, port, ledger, late, abandonedOrder, auditActions } = setup({ notify: false });
    const no = await abandonedOrder('poll-order-6');
    await latePay(sandbox, no);
    const mismatched: string[] = [];
    const date = new Date().toISOString().slice(0, 10);
    const result = await runDayEndCheck({ port, ledger, timeZone: 'UTC', late, alert: (orderNo) => mismatched.push(orderNo) }, date);
    if (!result.ok) throw new Error(result.error.kind);
    expect(ledger.get(no)).toMatchObject({ status: 'refunded', settlement: 'refunded' });
    expect(result.value.mismatches).toEqual([]);
    expect(mismatched).toEqual([]);
    expect(refunds(auditActions())).toHaveLength(1);
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
