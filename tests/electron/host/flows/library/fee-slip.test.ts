/**
 * The feeSlip library step: after a paid payment step the 缴费凭证 prints
 * what was charged (items, 依据, exemption, order, channel, 票据) with the
 * holder masked; the screen repeats it on the receiptPrint screen; nothing
 * paid passes without a slip.
 */
import { assign } from 'xstate';
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowView } from '../../../../../electron/contract';
import { startFlowInstance, type FlowInstance } from '../../../../../electron/host/flows/flow-instance';
import { buildFlow, feeSlipStep, type FlowContext, type FlowKit, type PaidFee, type PaymentOptions, type StepDefinition } from '../../../../../electron/host/flows/library';
import { identityFromTyped } from '../../../../../electron/host/session/identity';
import { recordingSlips } from '../kiosk-flow-fakes';

const PAYMENT: PaymentOptions = {
  id: 'pay',
  labelKey: 'flow.steps.payment',
  fee: {
    items: [{ code: 'idcard', name: { 'zh-CN': '居民身份证工本费', en: 'ID card fee' }, amountFen: 2000, basis: '发改价格〔2003〕2322号' }],
    exemptions: [{ code: 'hardship', name: { 'zh-CN': '困难群众减半', en: 'Hardship' }, payPercent: 50, basis: '地方规定' }],
  },
  exemption: (context) => (context.facts.hardship ? 'hardship' : null),
};

/** Stands in for the payment step: passes with the fact a paid (or exempt) payment leaves. */
const paidStep = (fact: PaidFee, hardship: boolean): StepDefinition => ({
  id: 'pay',
  kind: 'review',
  labelKey: 'flow.steps.payment',
  build: (wiring) => ({ on: { CONFIRM: wiring.leave({ to: 'next' }, assign({ facts: ({ context }: { context: FlowContext }) => ({ ...context.facts, pay: fact, ...(hardship ? { hardship: true } : {}) }) })) } }),
  view: () => ({ data: { step: 'review', titleKey: 'x', rows: [], noteKeys: [] } }),
});
const endStep: StepDefinition = {
  id: 'end',
  kind: 'review',
  labelKey: 'x',
  build: (wiring) => ({ on: { CONFIRM: wiring.leave({ to: 'done', outcome: 'submitted' }) } }),
  view: () => ({ data: { step: 'review', titleKey: 'end', rows: [], noteKeys: [] } }),
};

const PAID: PaidFee = {
  status: 'paid',
  orderNo: 'SBX202612020000011234',
  amountFen: 1000,
  exemption: 'hardship',
  channel: 'wechat',
  paidAt: '2026-12-02T01:31:00Z',
  receipt: { billCode: '33010123', billNumber: '0001234567', checkCode: 'A1B2C3', url: 'https://pay.example/r/1' },
};

const running: FlowInstance[] = [];
afterEach(() => {
  for (const flow of running.splice(0)) flow.stop();
});

function setup(fact: PaidFee, hardship = true) {
  const slips = recordingSlips();
  const kit = { serviceId: 'pay-test', serviceName: { 'zh-CN': '居民身份证补领', en: 'ID card' }, slips, now: () => new Date() } as unknown as FlowKit;
  const built = buildFlow({ steps: [paidStep(fact, hardship), feeSlipStep({ payment: PAYMENT, labelKey: 'flow.steps.slip' }), endStep] }, kit);
  const flow = startFlowInstance({
    serviceId: 'pay-test',
    flowId: 'flow-1',
    machine: built.machine,
    input: { sessionId: 's-1', flowId: 'flow-1', identity: identityFromTyped('410402199001011230') },
    path: built.path,
    view: (snapshot) => built.view(snapshot as never),
  });
  running.push(flow);
  const until = async (check: (view: FlowView) => boolean) => {
    await expect.poll(() => check(flow.view()), { timeout: 3000, interval: 10 }).toBe(true);
    return flow.view();
  };
  return { flow, slips, until };
}

describe('fee slip step', () => {
  it('prints what was charged, with the exemption and the 票据, the holder masked, and shows it on the receiptPrint screen', async () => {
    const { flow, slips, until } = setup(PAID);
    flow.send({ type: 'CONFIRM' });
    const view = await until((v) => v.data.step === 'receiptPrint' && v.data.state === 'printed');
    expect(slips.feeSlips).toEqual([
      {
        sessionId: 's-1',
        serviceName: '居民身份证补领',
        items: [{ name: '居民身份证工本费', basis: '发改价格〔2003〕2322号', amountFen: 1000 }],
        totalFen: 1000,
        exemption: { name: '困难群众减半', basis: '地方规定' },
        orderNo: PAID.orderNo,
        channel: 'wechat',
        paidAt: PAID.paidAt,
        receipt: PAID.receipt,
        holderMasked: '4104**********1230',
      },
    ]);
    expect(JSON.stringify(slips.feeSlips)).not.toContain('410402199001011230');
    expect(view.data).toMatchObject({ step: 'receiptPrint', titleKey: 'flow.feeSlip.title', reprintAvailable: true });
    expect(view.data.step === 'receiptPrint' && view.data.rows).toEqual(
      expect.arrayContaining([
        { labelKey: 'flow.feeSlip.total', text: '¥10.00' },
        { labelKey: 'flow.feeSlip.orderNo', text: PAID.orderNo },
      ]),
    );
    flow.send({ type: 'REPRINT' });
    await until(() => slips.feeSlips.length === 2);
    await until((v) => v.data.step === 'receiptPrint' && v.data.state === 'printed' && !v.data.reprintAvailable);
    flow.send({ type: 'CONFIRM' });
    await until((v) => v.data.step === 'review' && v.data.titleKey === 'end');
  });

  it('passes without a slip when nothing was paid', async () => {
    const { flow, slips, until } = setup({ ...PAID, status: 'nothingDue', orderNo: null, amountFen: 0, receipt: null, channel: null, paidAt: null }, false);
    flow.send({ type: 'CONFIRM' });
    await until((v) => v.data.step === 'review' && v.data.titleKey === 'end');
    expect(slips.feeSlips).toEqual([]);
  });
});
