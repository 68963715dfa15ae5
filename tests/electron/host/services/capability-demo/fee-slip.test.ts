/**
 * The demo prints the 缴费凭证 after a paid fee and before the A4 form: the
 * receipt printer gets the items, amount, order and 财政电子票据, the screen
 * repeats them; someone exempt in full gets no slip and goes on to the form.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowView } from '../../../../../electron/contract';
import capabilityDemo from '../../../../../electron/host/services/capability-demo';
import { card, startService, type FlowRun } from '../flow-kit';
import { writtenName } from '../../flows/library/signatures';

const running: FlowRun[] = [];
afterEach(() => {
  for (const run of running.splice(0)) run.flow.stop();
});

/** identify → one page → two good prints → signed: at the payment step. */
async function toPayment(idNumber: string): Promise<FlowRun> {
  const run = startService(capabilityDemo, card(idNumber));
  running.push(run);
  await run.settled();
  await run.step({ type: 'CONFIRM' });
  expect(await run.acceptPage('papers', 'proof')).toBe(true);
  await run.step({ type: 'CONFIRM' });
  expect(run.fingerprint(80)).toBe(true);
  expect(run.fingerprint(80)).toBe(true);
  await run.step({ type: 'SIGN', signature: writtenName() });
  return run;
}

const rowTexts = (view: FlowView) => (view.data.step === 'receiptPrint' ? view.data.rows.map((row) => ('text' in row ? row.text : '')) : []);

describe('capability demo: the 缴费凭证', () => {
  it('陈思远 pays 10 元: after the submission the fee slip prints (amount, order, 票据) before the A4 form', async () => {
    const run = await toPayment('410402199001011230');
    await run.payByPhone('wechat');
    const slip = await run.until((view) => view.stepId === 'feeSlip' && view.data.step === 'receiptPrint' && view.data.state === 'printed');
    expect(slip.data).toMatchObject({ step: 'receiptPrint', titleKey: 'flow.feeSlip.title', reprintAvailable: true });
    expect(run.slips.feeSlips).toHaveLength(1);
    const printed = run.slips.feeSlips[0]!;
    expect(printed).toMatchObject({ totalFen: 1000, channel: 'wechat', items: [{ name: '演示工本费', amountFen: 1000 }], exemption: null });
    expect(printed.receipt?.billNumber).toMatch(/^\d{10}$/);
    // The holder is masked on paper.
    expect(JSON.stringify(printed)).not.toContain('410402199001011230');
    expect(rowTexts(slip)).toEqual(expect.arrayContaining(['¥10.00', printed.orderNo, `${printed.receipt!.billCode} ${printed.receipt!.billNumber}`]));
    const form = await run.step({ type: 'CONFIRM' });
    expect(form.step).toBe('a4Print');
    expect(run.documents.requests[0]!.request.vars.payment).toContain(printed.orderNo);
  });

  it('马秀兰 (低保) pays nothing: no fee slip, straight on to the form', async () => {
    const run = await toPayment('410403195806150041');
    const form = await run.step({ type: 'CONFIRM' });
    expect(form.step).toBe('a4Print');
    expect(run.slips.feeSlips).toEqual([]);
  });
});
