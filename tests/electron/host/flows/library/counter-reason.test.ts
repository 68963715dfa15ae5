/** The counter's reason may name values (a date) the step routed with; without them the view is as before. */
import { describe, expect, it } from 'vitest';
import { identifyStep, queryStep, receiptPrintStep, type FlowPlan, type Route } from '../../../../../electron/host/flows/library';
import { card, startPlan } from '../../services/flow-kit';

const plan = (route: Route) => (): FlowPlan => ({
  steps: [
    identifyStep(),
    queryStep<number>({ id: 'ask', labelKey: 'test.ask', titleKey: 'test.ask', run: async () => ({ ok: true, value: 1 }), route: () => route }),
    receiptPrintStep({ labelKey: 'test.slip', titleKey: 'test.slip', outcome: 'shown', rows: () => [], slip: (context) => ({ sessionId: context.sessionId, title: 't', lines: [] }) }),
  ],
});

describe('counter reason values', () => {
  it('a route to the counter with reasonParams: the counter view carries them', async () => {
    const run = startPlan(plan({ to: 'counter', reasonKey: 'test.reason', reasonParams: { until: '2027-10-17' } }), card('410402199001011230'));
    run.send({ type: 'CONFIRM' });
    const counter = await run.until((v) => v.data.step === 'counter' && v.data.ticket.state !== 'printing');
    expect(counter.data).toMatchObject({ step: 'counter', reasonKey: 'test.reason', reasonParams: { until: '2027-10-17' } });
  });

  it('without reasonParams the view has none', async () => {
    const run = startPlan(plan({ to: 'counter', reasonKey: 'test.reason' }), card('410402199001011230'));
    run.send({ type: 'CONFIRM' });
    const counter = await run.until((v) => v.data.step === 'counter' && v.data.ticket.state !== 'printing');
    expect(counter.data).not.toHaveProperty('reasonParams');
  });
});
