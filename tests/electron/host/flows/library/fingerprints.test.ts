/**
 * The fingerprints library step: two prints, 右手拇指 (11) then 左手拇指 (16),
 * passed only by the host's FINGERPRINT_CAPTURED events for the capture and
 * finger asked for, at the step's minimum quality; bad prints are retried and
 * then give way to the next finger of the hand; exemptions are recorded.
 */
import { describe, expect, it } from 'vitest';
import { FlowEvent, type FlowView } from '../../../../../electron/contract';
import { fingerprintsStep, identifyStep, type FlowPlan, type StepDefinition } from '../../../../../electron/host/flows/library';
import { afterExemption, fingerprintsOf } from '../../../../../electron/host/flows/library/fingerprints';
import { initialContext } from '../../../../../electron/host/flows/library/context';
import { card, startPlan, type FlowRun } from '../../services/flow-kit';

const CHEN = '410402199001011230';
const SHA = 'a'.repeat(64);

const submitStep: StepDefinition = {
  id: 'submit',
  kind: 'review',
  labelKey: 'flow.steps.done',
  build: (wiring) => ({ on: { CONFIRM: wiring.leave({ to: 'done', outcome: 'submitted' }) } }),
  view: () => ({ data: { step: 'review', titleKey: 'svc.test.submit', rows: [], noteKeys: [] } }),
};

const plan = (): FlowPlan => ({ steps: [identifyStep(), fingerprintsStep({ id: 'prints', labelKey: 'flow.steps.fingerprints', minQuality: 50, maxTriesPerFinger: 2 }), submitStep] });

async function atPrints(): Promise<FlowRun> {
  const run = startPlan(() => plan(), card(CHEN));
  await run.step({ type: 'CONFIRM' });
  return run;
}

type Data = Extract<FlowView['data'], { step: 'fingerprints' }>;
const data = (run: FlowRun): Data => {
  const d = run.view().data;
  if (d.step !== 'fingerprints') throw new Error(`at ${d.step}`);
  return d;
};
const print = (run: FlowRun, quality: number, over: Partial<{ capture: number; finger: number; templateSha256: string }> = {}) =>
  run.flow.send({ type: 'FINGERPRINT_CAPTURED', capture: data(run).capture, finger: data(run).finger as never, quality, templateSha256: SHA, ...over } as never);

describe('fingerprints step', () => {
  it('asks for the right thumb, then the left thumb, and passes on two good prints from the host', async () => {
    const run = await atPrints();
    expect(run.view()).toMatchObject({ stepId: 'prints', step: 'fingerprints', data: { finger: 11, state: 'capturing', capture: 1, captured: [], required: 2, minQuality: 50, maxTries: 2 } });
    expect(run.view().accepts).toEqual(['EXEMPT_FINGER']);
    expect(run.flow.send({ type: 'FINGERPRINT_PROGRESS', capture: 1, quality: 42 } as never)).toBe(true);
    expect(data(run).liveQuality).toBe(42);
    expect(print(run, 86)).toBe(true);
    expect(data(run)).toMatchObject({ finger: 16, state: 'capturing', capture: 2, captured: [{ finger: 11, quality: 86 }], liveQuality: null });
    expect(print(run, 77)).toBe(true);
    expect(run.view().stepId).toBe('submit');
  });

  it('a print below the minimum is retried, and after maxTries the next finger of the same hand is asked for', async () => {
    const run = await atPrints();
    expect(print(run, 22)).toBe(true);
    expect(run.view()).toMatchObject({ data: { finger: 11, state: 'badQuality', tries: 1, lastQuality: 22 }, messageKey: 'flow.fingerprints.badQuality' });
    expect(run.view().accepts).toEqual(['RETRY', 'EXEMPT_FINGER']);
    // No capture runs while waiting for RETRY: a late print is refused.
    expect(print(run, 90)).toBe(false);
    expect(run.send({ type: 'RETRY' })).toBe(true);
    expect(data(run)).toMatchObject({ finger: 11, state: 'capturing', capture: 2, tries: 1 });
    expect(print(run, 30)).toBe(true);
    expect(data(run)).toMatchObject({ finger: 12, state: 'capturing', capture: 3, tries: 0 });
    expect(print(run, 80)).toBe(true);
    expect(data(run)).toMatchObject({ finger: 16, captured: [{ finger: 12, quality: 80 }] });
  });

  it('refuses prints of another capture, another finger, without a template hash, and the renderer cannot send one', async () => {
    const run = await atPrints();
    expect(print(run, 90, { capture: 7 })).toBe(false);
    expect(print(run, 90, { finger: 16 })).toBe(false);
    expect(print(run, 90, { templateSha256: 'nope' })).toBe(false);
    expect(FlowEvent.safeParse({ type: 'FINGERPRINT_CAPTURED', capture: 1, finger: 11, quality: 90, templateSha256: SHA }).success).toBe(false);
    expect(run.send({ type: 'CONFIRM' })).toBe(false);
    expect(data(run)).toMatchObject({ finger: 11, captured: [] });
  });

  it('a device failure waits for RETRY with its reason', async () => {
    const run = await atPrints();
    expect(run.flow.send({ type: 'FINGERPRINT_FAILED', capture: 1, reason: 'timeout' } as never)).toBe(true);
    expect(run.view()).toMatchObject({ data: { state: 'failed', failure: 'timeout' }, messageKey: 'flow.fingerprints.timeout' });
    expect(run.send({ type: 'RETRY' })).toBe(true);
    expect(data(run)).toMatchObject({ state: 'capturing', capture: 2, failure: null });
  });

  it('EXEMPT_FINGER records the exemption for staff and asks for the next finger; a hand with none left goes to the counter', async () => {
    const run = await atPrints();
    expect(run.send({ type: 'EXEMPT_FINGER', reason: 'missing' })).toBe(true);
    expect(data(run)).toMatchObject({ finger: 12, exemptions: [{ finger: 11, reason: 'missing' }] });
    for (const finger of [12, 13, 14]) {
      expect(data(run).finger).toBe(finger);
      expect(run.send({ type: 'EXEMPT_FINGER', reason: 'damaged' })).toBe(true);
    }
    expect(run.send({ type: 'EXEMPT_FINGER', reason: 'damaged' })).toBe(true);
    expect(run.view()).toMatchObject({ step: 'counter', data: { reasonKey: 'flow.counter.reason.fingerprintsFailed' } });
  });

  it('the fact records exemptionRequested for the service (staff confirmation)', () => {
    const fresh = fingerprintsOf(initialContext({ sessionId: 's', flowId: 'f', identity: null }), 'prints');
    expect(fresh.exemptionRequested).toBe(false);
    const after = afterExemption(fresh, 'damaged');
    expect(after).toMatchObject({ exemptionRequested: true, exemptions: [{ finger: 11, reason: 'damaged' }], skipped: [11], capture: 2 });
  });
});
