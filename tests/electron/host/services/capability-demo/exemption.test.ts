/**
 * The demo's fee as the back-end decides it (fee-exemption): 马秀兰 (低保)
 * owes nothing and passes with no order, 张伟 (hardship) pays half, 陈思远
 * the full fee; the fee screen names the rule applied.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowView } from '../../../../../electron/contract';
import capabilityDemo from '../../../../../electron/host/services/capability-demo';
import { card, startService, typed, type FlowRun } from '../flow-kit';
import { writtenName } from '../../flows/library/signatures';

const running: FlowRun[] = [];
afterEach(() => {
  for (const run of running.splice(0)) run.flow.stop();
});

/** identify → one page → two good prints → signed: the payment step's settled view. */
async function toPayment(identity: ReturnType<typeof card>): Promise<{ run: FlowRun; view: FlowView }> {
  const run = startService(capabilityDemo, identity);
  running.push(run);
  await run.settled();
  await run.step({ type: 'CONFIRM' });
  expect(await run.acceptPage('papers', 'proof')).toBe(true);
  await run.step({ type: 'CONFIRM' });
  expect(run.fingerprint(80)).toBe(true);
  expect(run.fingerprint(80)).toBe(true);
  const view = await run.step({ type: 'SIGN', signature: writtenName() });
  return { run, view };
}

const payment = (view: FlowView) => (view.data.step === 'payment' ? view.data : null);

describe('capability demo: the fee exemption the back-end applies', () => {
  it('马秀兰 (低保): nothing due, the rule shown, no order; the form says 免缴', async () => {
    const { run, view } = await toPayment(card('410403195806150041'));
    expect(payment(view)).toMatchObject({ state: 'exempt', totalFen: 0, qrText: null, exemption: { nameKey: 'svc.capability-demo.fee.exemptions.dibao', payPercent: 0 } });
    const form = await run.step({ type: 'CONFIRM' });
    expect(form.step).toBe('a4Print');
    expect(run.documents.requests[0]!.request.vars.payment).toBe('免缴');
  });

  it('张伟 (hardship, number typed): half the fee, with the rule, in an order to pay', async () => {
    const { view } = await toPayment(typed('410421197711020027'));
    expect(payment(view)).toMatchObject({ state: 'waiting', totalFen: 500, exemption: { nameKey: 'svc.capability-demo.fee.exemptions.hardship', payPercent: 50 } });
    expect(payment(view)!.items[0]).toMatchObject({ amountFen: 1000, dueFen: 500 });
  });

  it('陈思远 (no exemption) and someone the back-end does not know pay the full fee', async () => {
    for (const identity of [card('410402199001011230'), typed('410404197001010098')]) {
      const { view } = await toPayment(identity);
      expect(payment(view)).toMatchObject({ state: 'waiting', totalFen: 1000, exemption: null });
    }
  });
});
