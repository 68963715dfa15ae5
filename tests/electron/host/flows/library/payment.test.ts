/**
 * The payment library step against the embedded sandbox payment service
 * (the same client and signatures as over HTTP): the step is passed only
 * when the payment service confirms its order paid for the amount due,
 * never by the citizen's events; nothing due passes with no order; cancel
 * and timeout close the order.
 */
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { FlowEvent, type FlowView } from '../../../../../electron/contract';
import { startFlowInstance, type FlowInstance } from '../../../../../electron/host/flows/flow-instance';
import { buildFlow, type FlowKit, type StepDefinition } from '../../../../../electron/host/flows/library';
import { paidFee, paymentStep, type PaymentOptions } from '../../../../../electron/host/flows/library/payment';
import { createPaymentFromConfig } from '../../../../../electron/host/payment/from-config';
import { createPaymentDesk, type PaymentRecord } from '../../../../../electron/host/payment/payment-desk';
import { identityFromTyped } from '../../../../../electron/host/session/identity';

const FEE: PaymentOptions['fee'] = {
  items: [{ code: 'idcard', name: { 'zh-CN': '居民身份证工本费', en: 'ID card fee' }, amountFen: 2000, basis: '发改价格〔2003〕2322号' }],
  exemptions: [
    { code: 'dibao', name: { 'zh-CN': '低保', en: 'Minimum living allowance' }, payPercent: 0, basis: '民发〔2012〕xx号' },
    { code: 'hardship', name: { 'zh-CN': '困难', en: 'Hardship' }, payPercent: 50, basis: '地方规定' },
  ],
};

const confirmStep = (id: string): StepDefinition => ({
  id,
  kind: 'review',
  labelKey: `svc.pay-test.${id}`,
  build: (wiring) => ({ on: { CONFIRM: id === 'submit' ? wiring.leave({ to: 'done', outcome: 'submitted' }) : wiring.leave({ to: 'next' }) } }),
  view: () => ({ data: { step: 'review', titleKey: `svc.pay-test.${id}`, rows: [], noteKeys: [] } }),
});

const running: FlowInstance[] = [];
afterEach(() => {
  for (const flow of running.splice(0)) flow.stop();
});

function setup(options: Partial<PaymentOptions> & { orderTimeoutSeconds?: number } = {}) {
  const configured = createPaymentFromConfig({ simulation: true, payment: undefined });
  const recorded: PaymentRecord[] = [];
  const desk = createPaymentDesk({ port: configured.port, orderTimeoutSeconds: options.orderTimeoutSeconds ?? 60, pollMs: 20, logger: pino({ level: 'silent' }), journal: (_s, record) => recorded.push(record) });
  const kit = { serviceId: 'pay-test', payment: desk, now: () => new Date() } as unknown as FlowKit;
  const built = buildFlow({ steps: [confirmStep('start'), paymentStep({ id: 'pay', labelKey: 'flow.steps.payment', fee: FEE, back: true, ...options }), confirmStep('submit')] }, kit);
  const flow = startFlowInstance({
    serviceId: 'pay-test',
    flowId: 'flow-1',
    machine: built.machine,
    input: { sessionId: 's-1', flowId: 'flow-1', identity: identityFromTyped('410402199001011230') },
    path: built.path,
    view: (snapshot) => built.view(snapshot as never),
  });
  running.push(flow);
  const sandbox = configured.sandbox!;
  const until = async (check: (view: FlowView) => boolean): Promise<FlowView> => {
    await expect.poll(() => check(flow.view()), { timeout: 3000, interval: 10 }).toBe(true);
    return flow.view();
  };
  const orderNo = () => {
    const data = flow.view().data;
    return data.step === 'payment' && data.qrText ? data.qrText.split('/').at(-1)! : '';
  };
  return { flow, sandbox, recorded, until, orderNo };
}

const paymentData = (view: FlowView) => (view.data.step === 'payment' ? view.data : null);

describe('payment step (host library)', () => {
  it('shows the items, the total and the order’s QR code; the citizen’s events cannot pass it', async () => {
    const { flow, until } = setup();
    flow.send({ type: 'CONFIRM' });
    const view = await until((v) => paymentData(v)?.state === 'waiting');
    expect(view.data).toMatchObject({
      step: 'payment',
      items: [{ nameKey: 'svc.pay-test.fee.idcard', standard: '20元', basis: '发改价格〔2003〕2322号', amountFen: 2000, dueFen: 2000 }],
      totalFen: 2000,
      exemption: null,
    });
    expect(paymentData(view)?.qrText).toMatch(/^http:\/\/127\.0\.0\.1:8743\/sandbox\/scan\/SBX/);
    expect(view.accepts).toEqual(['BACK']);
    expect(flow.send({ type: 'CONFIRM' })).toBe(false);
    expect(FlowEvent.safeParse({ type: 'PAYMENT_CONFIRMED' }).success).toBe(false);
    expect(FlowEvent.safeParse({ type: 'PAYMENT_CODE', authCode: '138800000000000000' }).success).toBe(false);
    // A confirmation of some other order, or for less than is due, is not this step's.
    expect(flow.send({ type: 'PAYMENT_CONFIRMED', order: { orderNo: 'SBX0000000000', status: 'paid', amountFen: 2000 } } as never)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(flow.view().step).toBe('payment');
  });

  it('passes when the citizen’s phone pays the QR code; the fact holds the order and the 财政电子票据', async () => {
    const { flow, sandbox, until, orderNo, recorded } = setup();
    flow.send({ type: 'CONFIRM' });
    await until((v) => paymentData(v)?.state === 'waiting');
    const no = orderNo();
    expect(sandbox.payment.payByPhone(no, 'alipay').ok).toBe(true);
    const next = await until((v) => v.stepId === 'submit');
    expect(next.step).toBe('review');
    // Journaled when confirmed (the session may end before the receipt comes), then again with the 票据.
    expect(recorded).toHaveLength(2);
    expect(recorded[0]).toMatchObject({ orderNo: no, amountFen: 2000, channel: 'alipay', items: [{ code: 'idcard', amountFen: 2000 }], receipt: null });
    expect(recorded[1]!.receipt?.billCode).toMatch(/^\d{8}$/);
    expect(recorded[1]!.receipt?.billNumber).toMatch(/^\d{10}$/);
  });

  it('a 付款码 the scanner read (the host’s event) pays; a declined one leaves the order waiting with the reason', async () => {
    const { flow, until } = setup();
    flow.send({ type: 'CONFIRM' });
    await until((v) => paymentData(v)?.state === 'waiting');
    expect(flow.send({ type: 'PAYMENT_CODE', authCode: 'not-a-code' })).toBe(false);
    expect(flow.send({ type: 'PAYMENT_CODE', authCode: '139900000000000000' })).toBe(true);
    const declined = await until((v) => paymentData(v)?.failure === 'declined');
    expect(declined.messageKey).toBe('flow.payment.failure.declined');
    expect(paymentData(declined)?.state).toBe('waiting');
    expect(flow.send({ type: 'PAYMENT_CODE', authCode: '138800000000000000' })).toBe(true);
    await until((v) => v.stepId === 'submit');
  });

  it('nothing due after an exemption: the rule is shown and the step passes with no order', async () => {
    const { flow, until, recorded } = setup({ exemption: () => 'dibao' });
    flow.send({ type: 'CONFIRM' });
    const view = await until((v) => paymentData(v)?.state === 'exempt');
    expect(view.data).toMatchObject({ totalFen: 0, qrText: null, exemption: { nameKey: 'svc.pay-test.fee.exemptions.dibao', payPercent: 0 }, items: [{ amountFen: 2000, dueFen: 0 }] });
    expect(flow.send({ type: 'CONFIRM' })).toBe(true);
    expect(flow.view().stepId).toBe('submit');
    expect(recorded).toEqual([]);
  });

  it('hardship pays half; an extra item from an earlier step (EMS) is added and never exempted', async () => {
    const { flow, until } = setup({
      exemption: () => 'hardship',
      extraItems: () => [{ code: 'ems', name: { 'zh-CN': 'EMS邮寄费', en: 'EMS' }, amountFen: 1500, basis: '邮政资费', nameKey: 'flow.payment.items.ems' }],
    });
    flow.send({ type: 'CONFIRM' });
    const view = await until((v) => paymentData(v)?.state === 'waiting');
    expect(view.data).toMatchObject({ totalFen: 2500, items: [{ dueFen: 1000 }, { nameKey: 'flow.payment.items.ems', dueFen: 1500 }] });
  });

  it('a service with no fee items passes at once', async () => {
    const { flow } = setup({ fee: { items: [], exemptions: [] } });
    flow.send({ type: 'CONFIRM' });
    expect(flow.view().stepId).toBe('submit');
  });

  it('cancel (BACK) closes the order and goes back', async () => {
    const { flow, sandbox, until, orderNo } = setup();
    flow.send({ type: 'CONFIRM' });
    await until((v) => paymentData(v)?.state === 'waiting');
    const no = orderNo();
    expect(flow.send({ type: 'BACK' })).toBe(true);
    expect(flow.view().stepId).toBe('start');
    await expect.poll(() => { const order = sandbox.payment.get(no); return order.ok && order.value.body.status; }).toBe('closed');
  });

  it('an order out of time is closed; the citizen may try again with a new order', async () => {
    const { flow, sandbox, until, orderNo } = setup({ orderTimeoutSeconds: 1 });
    flow.send({ type: 'CONFIRM' });
    await until((v) => paymentData(v)?.state === 'waiting');
    const first = orderNo();
    const expired = await until((v) => paymentData(v)?.state === 'expired');
    expect(expired.messageKey).toBe('flow.payment.expired');
    expect(expired.accepts).toEqual(expect.arrayContaining(['RETRY', 'CONFIRM', 'BACK']));
    const closed = sandbox.payment.get(first);
    expect(closed.ok && closed.value.body.status).toBe('closed');
    flow.send({ type: 'RETRY' });
    await until((v) => paymentData(v)?.state === 'waiting');
    expect(orderNo()).not.toBe(first);
  });

  it('the session ending closes an unpaid order', async () => {
    const { flow, sandbox, until, orderNo } = setup();
    flow.send({ type: 'CONFIRM' });
    await until((v) => paymentData(v)?.state === 'waiting');
    const no = orderNo();
    flow.stop();
    await expect.poll(() => { const order = sandbox.payment.get(no); return order.ok && order.value.body.status; }).toBe('closed');
  });
});

describe('paidFee', () => {
  it('is null before the step passed', () => {
    expect(paidFee({ facts: { pay: { status: 'pending' } } } as never, 'pay')).toBeNull();
  });
});
