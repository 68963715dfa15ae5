/**
 * The submit step of a free service (no payment step): the application is
 * written to the outbox under the step's own key and sent at once; accepted
 * → the 受理编号 is the step's fact; refused for good → the citizen sees why
 * and that nothing was charged, then the counter with the service's reason.
 * A free submit step must name that reason.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { submitStep, submittedApplication, identifyStep, type FlowContext, type FlowKit, type FlowPlan, type StepDefinition } from '../../../../../electron/host/flows/library';
import { sandboxGateway, startPlan, typed, type FlowRun } from '../../services/flow-kit';

/** The sandbox back-end accepts this citizen's applications… */
const ACCEPTED_ID = '410402199001011230';
/** …and refuses this one's (notEligible). */
const REFUSED_ID = '410403198808080060';
const REASON = 'svc.test-service.counter.rejected';

const application = (context: FlowContext) => ({ kind: 'freeTest', idNumber: context.identity?.idNumber ?? '' });

/** The last step: shows the 受理编号, CONFIRM ends the run. */
const finish: StepDefinition = {
  id: 'finish',
  kind: 'review',
  labelKey: 'flow.steps.done',
  build: (wiring) => ({ on: { CONFIRM: wiring.leave({ to: 'done', outcome: 'submitted' }) } }),
  view: (context) => ({ data: { step: 'review', titleKey: 'svc.test-service.finish', rows: [{ labelKey: 'svc.test-service.number', text: submittedApplication(context, 'submit')?.receiptNumber ?? '' }], noteKeys: [] } }),
};

const plan = (): FlowPlan => ({ steps: [identifyStep(), submitStep({ id: 'submit', labelKey: 'flow.steps.submit', application, rejectedReasonKey: REASON }), finish] });

const running: FlowRun[] = [];
afterEach(() => {
  for (const run of running.splice(0)) run.flow.stop();
});

function start(idNumber: string): FlowRun {
  const gateway = sandboxGateway();
  const run = startPlan((_kit: FlowKit) => plan(), typed(idNumber), { gateway });
  running.push(run);
  return run;
}

describe('submit step without a payment step (a free service)', () => {
  it('sends the application under its own key: the 受理编号 is its fact, the back-end got the payload once', async () => {
    const run = start(ACCEPTED_ID);
    const finished = await run.step({ type: 'CONFIRM' });
    expect(finished.stepId).toBe('finish');
    const number = finished.data.step === 'review' ? finished.data.rows[0]!.text : '';
    expect(number).toMatch(/^SB\d{8}$/);
    const gateway = run.gateway as ReturnType<typeof sandboxGateway>;
    expect(gateway.acceptedPayload(`app-${run.flow.flowId}-submit-0`)).toEqual({ kind: 'freeTest', idNumber: ACCEPTED_ID });
    expect(gateway.stats().accepted).toEqual({ [`app-${run.flow.flowId}-submit-0`]: 1 });
  });

  it('refused for good: why, nothing charged, then the counter with the service’s reason', async () => {
    const run = start(REFUSED_ID);
    const rejected = await run.step({ type: 'CONFIRM' });
    expect(rejected).toMatchObject({ stepId: 'submit', messageKey: 'flow.submit.refund.nothingPaid', data: { step: 'submit', state: 'rejected', reason: 'notEligible', refund: 'nothingPaid' } });
    const counter = await run.step({ type: 'CONFIRM' });
    expect(counter.data).toMatchObject({ step: 'counter', reasonKey: REASON });
  });

  it('a free submit step names the counter’s reason for a refusal', () => {
    expect(() => submitStep({ id: 'submit', labelKey: 'flow.steps.submit', application })).toThrow(/rejectedReasonKey/);
  });
});
