/**
 * Money is never lost or taken twice: the payment step holds the service's
 * application in the outbox before the order is made and releases it when
 * paid; the submit step sends it (accepted → 受理编号; refused for good →
 * the fee is refunded and the citizen told); a host stopped between payment
 * and submission is recovered by the next one on the same journal, and the
 * back-end gets the application exactly once.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowView } from '../../../../../electron/contract';
import { startFlowInstance, type FlowInstance } from '../../../../../electron/host/flows/flow-instance';
import { buildFlow, paymentStep, submitStep, submittedApplication, type FlowContext, type FlowKit, type StepDefinition } from '../../../../../electron/host/flows/library';
import { loadSandboxData } from '../../../../../electron/host/gateway/sandbox-data';
import { createSandboxGateway, type SandboxGateway } from '../../../../../electron/host/gateway/sandbox-gateway';
import { migrate } from '../../../../../electron/host/journal/migrations';
import { createOutboxHeldApplications, createOutboxSender, createOutboxStore, deliverThroughGateway } from '../../../../../electron/host/outbox';
import { createPaymentFromConfig, type ConfiguredPayment } from '../../../../../electron/host/payment/from-config';
import { createPaymentLedger } from '../../../../../electron/host/payment/ledger';
import { createPaymentDesk, type PaymentRecord } from '../../../../../electron/host/payment/payment-desk';
import { createPaymentSettlement } from '../../../../../electron/host/payment/settlement';
import { identityFromTyped } from '../../../../../electron/host/session/identity';

const KEY = Buffer.alloc(32, 5);
const ACCEPTED_ID = '410402199001011230';
/** The sandbox back-end refuses this citizen's applications (notEligible). */
const REFUSED_ID = '410403198808080060';
const FEE = { items: [{ code: 'demo', name: { 'zh-CN': '演示工本费', en: 'Demo fee' }, amountFen: 1000, basis: '模拟' }], exemptions: [] };
const application = (context: FlowContext) => ({ idNumber: context.identity?.idNumber ?? '', note: 'demo' });

/** The context the last step was drawn with (the facts the run holds). */
let seen: FlowContext | undefined;
const confirmStep = (id: string, last = false): StepDefinition => ({
  id,
  kind: 'review',
  labelKey: `svc.t.${id}`,
  build: (wiring) => ({ on: { CONFIRM: last ? wiring.leave({ to: 'done', outcome: 'submitted' }) : wiring.leave({ to: 'next' }) } }),
  view: (context) => {
    seen = context;
    return { data: { step: 'review', titleKey: `svc.t.${id}`, rows: [], noteKeys: [] } };
  },
});

const running: Array<{ stop(): void | Promise<void> }> = [];
afterEach(async () => {
  for (const item of running.splice(0).reverse()) await item.stop();
});

function sandboxGateway(): SandboxGateway {
  const loaded = loadSandboxData();
  if ('error' in loaded) throw new Error(loaded.error);
  return createSandboxGateway({ data: loaded.data, latency: { minMs: 0, maxMs: 0 } });
}

/** One "host" over a journal file: ledger, outbox, sender, desk, settlement; the payment service and back-end are outside it. */
function host(path: string, payment: ConfiguredPayment, gateway: SandboxGateway) {
  // A killed host asks nothing more: its port goes dead with it.
  let dead = false;
  const port = new Proxy(payment.port, {
    get: (target, name) => (...args: unknown[]) =>
      dead ? Promise.resolve({ ok: false, error: { kind: 'unavailable' } }) : (target[name as keyof typeof target] as (...a: unknown[]) => unknown).apply(target, args),
  });
  const db = new Database(path);
  const migrated = migrate(db);
  if (!migrated.ok) throw new Error(migrated.error.kind);
  const ledger = createPaymentLedger(db);
  const store = createOutboxStore({ db, key: KEY });
  const sender = createOutboxSender({ store, deliver: deliverThroughGateway(gateway), pollMs: 20, backoff: { baseMs: 20, maxMs: 50 }, onEvent: (event) => settlement.outboxEvent(event) });
  const recorded: PaymentRecord[] = [];
  const alerts: Array<{ orderNo: string; issue: string }> = [];
  const desk = createPaymentDesk({ port, orderTimeoutSeconds: 60, pollMs: 20, logger: pino({ level: 'silent' }), ledger, journal: (_s, record) => recorded.push(record), alert: (orderNo) => alerts.push({ orderNo, issue: 'refundFailed' }) });
  const slips: string[] = [];
  const settlement = createPaymentSettlement({
    desk,
    ledger,
    outbox: store,
    alerts: { paymentNeedsStaff: (detail) => alerts.push(detail) },
    slips: { printInfoSlip: async (slip) => (slips.push([slip.title, ...(slip.notes ?? [])].join(' ')), { kind: 'printed' }) },
    logger: pino({ level: 'silent' }),
  });
  const held = createOutboxHeldApplications({ store, sender, kioskId: 'HB-KIOSK-01' });
  const handle = {
    db,
    ledger,
    store,
    sender,
    desk,
    settlement,
    recorded,
    alerts,
    slips,
    held,
    /** The host dies: nothing it started answers or writes any more. */
    kill: () => {
      dead = true;
      settlement.stop();
      void sender.stop();
    },
    stop: async () => {
      settlement.stop();
      await sender.stop();
      if (db.open) db.close();
    },
  };
  running.push(handle);
  return handle;
}

function run(h: ReturnType<typeof host>, idNumber: string, submitWaitMs = 2000) {
  const kit = { serviceId: 'pay-test', payment: h.desk, heldApplications: h.held, now: () => new Date() } as unknown as FlowKit;
  const built = buildFlow(
    {
      steps: [
        confirmStep('start'),
        paymentStep({ id: 'pay', labelKey: 'flow.steps.payment', fee: FEE, application }),
        submitStep({ id: 'submit', labelKey: 'flow.steps.submit', payment: 'pay', application, waitMs: submitWaitMs, retryMs: 50 }),
        confirmStep('end', true),
      ],
    },
    kit,
  );
  const flow: FlowInstance = startFlowInstance({
    serviceId: 'pay-test',
    flowId: 'flow-1',
    machine: built.machine,
    input: { sessionId: 's-1', flowId: 'flow-1', identity: identityFromTyped(idNumber) },
    path: built.path,
    view: (snapshot) => built.view(snapshot as never),
  });
  running.push(flow);
  const until = async (check: (view: FlowView) => boolean, timeout = 4000): Promise<FlowView> => {
    await expect.poll(() => check(flow.view()), { timeout, interval: 10 }).toBe(true);
    return flow.view();
  };
  const orderNo = () => {
    const data = flow.view().data;
    return data.step === 'payment' && data.qrText ? data.qrText.split('/').at(-1)! : '';
  };
  return { flow, until, orderNo };
}

const journalPath = () => join(mkdtempSync(join(tmpdir(), 'paydurable-')), 'journal.sqlite');
const acceptedCount = (gateway: SandboxGateway) => Object.values(gateway.stats().accepted).reduce((sum, n) => sum + n, 0);
const waitingOrder = (view: FlowView) => view.data.step === 'payment' && view.data.state === 'waiting';

describe('held application, payment and submit', () => {
  it('holds the application before the order (never sent unpaid), submits it once paid: the 受理编号, the order settled delivered', async () => {
    const payment = createPaymentFromConfig({ simulation: true, payment: undefined });
    const gateway = sandboxGateway();
    const h = host(journalPath(), payment, gateway);
    const { flow, until, orderNo } = run(h, ACCEPTED_ID);
    flow.send({ type: 'CONFIRM' });
    await until(waitingOrder);
    // Written, encrypted and held: nothing reaches the back-end before the money.
    expect(h.store.held()).toHaveLength(1);
    expect(await h.sender.flush()).toBe(0);
    expect(acceptedCount(gateway)).toBe(0);
    const no = orderNo();
    expect(h.ledger.get(no)).toMatchObject({ applicationKey: h.store.held()[0]!.idempotencyKey, settlement: 'open' });

    expect(payment.sandbox!.payment.payByPhone(no, 'wechat').ok).toBe(true);
    await until((v) => v.stepId === 'end');
    const fact = submittedApplication(seen!, 'submit');
    expect(fact).toMatchObject({ status: 'accepted', receiptNumber: expect.stringMatching(/^SB\d{8}$/) });
    expect(acceptedCount(gateway)).toBe(1);
    expect(h.ledger.get(no)).toMatchObject({ status: 'paid', settlement: 'delivered' });
    expect(h.store.size()).toBe(0);
  });

  it('an application the back-end refuses: the fee is refunded (journaled, ledger refunded), the citizen is told, CONFIRM ends the run', async () => {
    const payment = createPaymentFromConfig({ simulation: true, payment: undefined });
    const gateway = sandboxGateway();
    const h = host(journalPath(), payment, gateway);
    const { flow, until, orderNo } = run(h, REFUSED_ID);
    flow.send({ type: 'CONFIRM' });
    await until(waitingOrder);
    const no = orderNo();
    payment.sandbox!.payment.payByPhone(no, 'alipay');
    const view = await until((v) => v.data.step === 'submit' && v.data.state === 'rejected');
    expect(view.data).toEqual({ step: 'submit', state: 'rejected', reason: 'notEligible', refund: 'refunded', refundedFen: 1000 });
    expect(view.messageKey).toBe('flow.submit.refund.refunded');
    expect(view.accepts).toEqual(['CONFIRM']);
    // The payment service's own word: the order is refunded, in full.
    const order = payment.sandbox!.payment.get(no);
    expect(order.ok && order.value.body).toMatchObject({ status: 'refunded', refundedFen: 1000 });
    expect(h.ledger.get(no)).toMatchObject({ status: 'refunded', settlement: 'refunded' });
    expect(h.recorded.at(-1)).toMatchObject({ orderNo: no, refunded: { amountFen: 1000 } });
    expect(h.store.size()).toBe(0);
    flow.send({ type: 'CONFIRM' });
    const done = await until((v) => v.step === 'done');
    expect(done.data).toMatchObject({ outcome: 'rejectedRefunded', outcomeKey: 'flow.outcome.rejectedRefunded' });
  });

  it('a back-end that does not answer in time: the step passes with no 受理编号 yet; the outbox delivers it later and the order is settled then', async () => {
    const payment = createPaymentFromConfig({ simulation: true, payment: undefined });
    const gateway = sandboxGateway();
    let down = true;
    const flaky = { ...gateway, submitApplication: async (s: Parameters<SandboxGateway['submitApplication']>[0]) => (down ? { ok: false as const, error: { kind: 'unavailable' as const } } : gateway.submitApplication(s)) };
    const h = host(journalPath(), payment, flaky as SandboxGateway);
    const { flow, until, orderNo } = run(h, ACCEPTED_ID, 200);
    flow.send({ type: 'CONFIRM' });
    await until(waitingOrder);
    const no = orderNo();
    payment.sandbox!.payment.payByPhone(no, 'wechat');
    await until((v) => v.stepId === 'end');
    expect(submittedApplication(seen!, 'submit')).toMatchObject({ status: 'queued', receiptNumber: null });
    expect(h.ledger.get(no)).toMatchObject({ settlement: 'open' });
    down = false;
    h.sender.start();
    await expect.poll(() => h.ledger.get(no)?.settlement, { timeout: 3000 }).toBe('delivered');
    expect(acceptedCount(gateway)).toBe(1);
  });
});

describe('a host stopped between payment and submission', () => {
  it('the next host on the same journal releases the held application, the back-end gets it exactly once, staff are told', async () => {
    const path = journalPath();
    const payment = createPaymentFromConfig({ simulation: true, payment: undefined });
    const gateway = sandboxGateway();
    const first = host(path, payment, gateway);
    const { flow, until, orderNo } = run(first, ACCEPTED_ID);
    flow.send({ type: 'CONFIRM' });
    await until(waitingOrder);
    const no = orderNo();
    // The host dies; the citizen's payment lands before any step heard of it (no poll, no release, no submit).
    first.kill();
    flow.stop();
    payment.sandbox!.payment.payByPhone(no, 'wechat');
    first.db.close();

    const second = host(path, payment, gateway);
    expect(second.store.held()).toHaveLength(1);
    expect(await second.settlement.recover()).toBe(0);
    expect(second.store.held()).toHaveLength(0);
    expect(second.alerts).toEqual([{ orderNo: no, issue: 'paidNotDelivered' }]);
    await second.sender.flush();
    expect(acceptedCount(gateway)).toBe(1);
    expect(second.ledger.get(no)).toMatchObject({ status: 'paid', settlement: 'delivered' });

    // A third start finds nothing to do and sends nothing again.
    second.db.close();
    const third = host(path, payment, gateway);
    expect(await third.settlement.recover()).toBe(0);
    expect(await third.sender.flush()).toBe(0);
    expect(acceptedCount(gateway)).toBe(1);
    expect(third.alerts).toEqual([]);
  });

  it('an order left unpaid is closed at the next start and its held application discarded, never sent', async () => {
    const path = journalPath();
    const payment = createPaymentFromConfig({ simulation: true, payment: undefined });
    const gateway = sandboxGateway();
    const first = host(path, payment, gateway);
    const { flow, until, orderNo } = run(first, ACCEPTED_ID);
    flow.send({ type: 'CONFIRM' });
    await until(waitingOrder);
    const no = orderNo();
    first.kill();
    flow.stop();
    first.db.close();
    const second = host(path, payment, gateway);
    expect(await second.settlement.recover()).toBe(0);
    expect(second.store.size()).toBe(0);
    expect(second.ledger.get(no)).toMatchObject({ status: 'closed', settlement: 'abandoned' });
    expect(payment.sandbox!.payment.payByPhone(no, 'wechat').ok).toBe(false);
    await second.sender.flush();
    expect(acceptedCount(gateway)).toBe(0);
  });

  it('a citizen who walks away after paying: the application goes, staff are told, a slip prints; the order settles when delivered', async () => {
    const payment = createPaymentFromConfig({ simulation: true, payment: undefined });
    const gateway = sandboxGateway();
    let down = true;
    const slow = { ...gateway, submitApplication: async (s: Parameters<SandboxGateway['submitApplication']>[0]) => (down ? { ok: false as const, error: { kind: 'timeout' as const } } : gateway.submitApplication(s)) };
    const h = host(journalPath(), payment, slow as SandboxGateway);
    const { flow, until, orderNo } = run(h, ACCEPTED_ID, 10_000);
    flow.send({ type: 'CONFIRM' });
    await until(waitingOrder);
    const no = orderNo();
    payment.sandbox!.payment.payByPhone(no, 'wechat');
    // Paid, and the submission waiting on a slow back-end: the citizen leaves, the session ends.
    await until((v) => v.step === 'submit');
    flow.stop();
    down = false;
    await h.settlement.sessionEnded('s-1');
    expect(h.alerts).toContainEqual({ orderNo: no, issue: 'walkedAwayAfterPaying' });
    // The slip says what is true at the time: paid, the application queued (not yet submitted or accepted), what to do, and the refund if refused.
    expect(h.slips.join()).toContain('已缴费。申请已排队，将自动提交，尚未受理。');
    expect(h.slips.join()).toContain('到窗口查询受理结果');
    expect(h.slips.join()).toContain('费用原路退回');
    expect(h.slips.join()).not.toContain('已提交');
    expect(h.slips.join()).not.toContain(ACCEPTED_ID);
    // Delivered by the sender once its backoff allows (the key keeps it to one application).
    await expect.poll(async () => (await h.sender.flush(), acceptedCount(gateway)), { timeout: 3000, interval: 20 }).toBe(1);
    expect(h.ledger.get(no)).toMatchObject({ settlement: 'delivered' });
  });

  it('a walk-away, then a restart before the application was delivered: staff are alerted once, the order settles when delivered', async () => {
    const path = journalPath();
    const payment = createPaymentFromConfig({ simulation: true, payment: undefined });
    const gateway = sandboxGateway();
    const down = { ...gateway, submitApplication: async () => ({ ok: false as const, error: { kind: 'timeout' as const } }) };
    const first = host(path, payment, down as SandboxGateway);
    const { flow, until, orderNo } = run(first, ACCEPTED_ID, 10_000);
    flow.send({ type: 'CONFIRM' });
    await until(waitingOrder);
    const no = orderNo();
    payment.sandbox!.payment.payByPhone(no, 'wechat');
    await until((v) => v.step === 'submit');
    flow.stop();
    await first.settlement.sessionEnded('s-1');
    expect(first.alerts).toEqual([{ orderNo: no, issue: 'walkedAwayAfterPaying' }]);
    // The ledger remembers that staff were told.
    expect(first.ledger.get(no)).toMatchObject({ status: 'paid', settlement: 'alerted' });
    first.kill();
    first.db.close();

    const second = host(path, payment, gateway);
    expect(await second.settlement.recover()).toBe(0);
    expect(second.alerts).toEqual([]);
    await expect.poll(async () => (await second.sender.flush(), acceptedCount(gateway)), { timeout: 3000, interval: 20 }).toBe(1);
    expect(second.ledger.get(no)).toMatchObject({ settlement: 'delivered' });
    expect(second.alerts).toEqual([]);
  });

  it('a payment service that does not answer at start: the order stays open and is settled by a later try', async () => {
    const path = journalPath();
    const payment = createPaymentFromConfig({ simulation: true, payment: undefined });
    const gateway = sandboxGateway();
    const first = host(path, payment, gateway);
    const { flow, until, orderNo } = run(first, ACCEPTED_ID);
    flow.send({ type: 'CONFIRM' });
    await until(waitingOrder);
    const no = orderNo();
    first.kill();
    flow.stop();
    payment.sandbox!.payment.payByPhone(no, 'wechat');
    first.db.close();
    const second = host(path, payment, gateway);
    second.kill();
    expect(await second.settlement.recover()).toBe(1);
    expect(second.ledger.get(no)).toMatchObject({ settlement: 'open' });
    expect(second.store.held()).toHaveLength(1);
    second.db.close();
    const third = host(path, payment, gateway);
    expect(await third.settlement.recover()).toBe(0);
    await third.sender.flush();
    expect(acceptedCount(gateway)).toBe(1);
  });

  it('a released application the back-end refuses in the background: the order is refunded', async () => {
    const path = journalPath();
    const payment = createPaymentFromConfig({ simulation: true, payment: undefined });
    const gateway = sandboxGateway();
    const first = host(path, payment, gateway);
    const { flow, until, orderNo } = run(first, REFUSED_ID);
    flow.send({ type: 'CONFIRM' });
    await until(waitingOrder);
    const no = orderNo();
    first.kill();
    flow.stop();
    payment.sandbox!.payment.payByPhone(no, 'wechat');
    first.db.close();
    const second = host(path, payment, gateway);
    await second.settlement.recover();
    await second.sender.flush();
    await expect.poll(() => second.ledger.get(no)?.settlement, { timeout: 3000 }).toBe('refunded');
    const order = payment.sandbox!.payment.get(no);
    expect(order.ok && order.value.body.status).toBe('refunded');
    expect(acceptedCount(gateway)).toBe(0);
  });
});
