/**
 * The fingerprints step with compareWithCard: after two good prints it waits
 * for the host's 1:1 comparison with the card (FINGERPRINT_COMPARED, never
 * from the renderer); match and skipped go on, noMatch takes the prints again
 * and then sends to the counter, an unavailable back-end goes on (or to the
 * counter when the service says so). The fact has the outcome, no template.
 */
import { describe, expect, it } from 'vitest';
import { FlowEvent, type FlowView } from '../../../../../electron/contract';
import { fingerprintsStep, identifyStep, type FingerprintsOptions, type StepDefinition } from '../../../../../electron/host/flows/library';
import { afterComparison, fingerprintsOf } from '../../../../../electron/host/flows/library/fingerprints';
import { initialContext } from '../../../../../electron/host/flows/library/context';
import { card, startPlan, type FlowRun } from '../../services/flow-kit';

const CHEN = '410402199001011230';
const SHA = 'b'.repeat(64);

const submitStep: StepDefinition = {
  id: 'submit',
  kind: 'review',
  labelKey: 'flow.steps.done',
  build: (wiring) => ({ on: { CONFIRM: wiring.leave({ to: 'done', outcome: 'submitted' }) } }),
  view: () => ({ data: { step: 'review', titleKey: 'svc.test.submit', rows: [], noteKeys: [] } }),
};

async function atComparison(options: Partial<FingerprintsOptions> = {}): Promise<FlowRun> {
  const run = startPlan(() => ({ steps: [identifyStep(), fingerprintsStep({ id: 'prints', labelKey: 'flow.steps.fingerprints', compareWithCard: true, ...options }), submitStep] }), card(CHEN));
  await run.step({ type: 'CONFIRM' });
  for (let i = 0; i < 2; i++) run.flow.send({ type: 'FINGERPRINT_CAPTURED', capture: data(run).capture, finger: data(run).finger as never, quality: 88, templateSha256: SHA } as never);
  return run;
}

type Data = Extract<FlowView['data'], { step: 'fingerprints' }>;
const data = (run: FlowRun): Data => {
  const d = run.view().data;
  if (d.step !== 'fingerprints') throw new Error(`at ${d.step}`);
  return d;
};
const compared = (run: FlowRun, outcome: string, extra: Record<string, unknown> = {}) => run.flow.send({ type: 'FINGERPRINT_COMPARED', capture: data(run).capture, outcome, ...extra } as never);

describe('fingerprints step: 1:1 comparison with the card', () => {
  it('two good prints wait for the comparison; a match goes on and the fact keeps the outcome and score, no template', async () => {
    const run = await atComparison();
    expect(data(run)).toMatchObject({ state: 'comparing', captured: [{ finger: 11 }, { finger: 16 }], compare: { noMatches: 0, maxTries: 2 } });
    // The renderer can neither send the verdict nor skip the comparison.
    expect(FlowEvent.safeParse({ type: 'FINGERPRINT_COMPARED', capture: 3, outcome: 'match' }).success).toBe(false);
    expect(run.send({ type: 'RETRY' })).toBe(false);
    expect(compared(run, 'match', { score: 92, capture: 99 })).toBe(false);
    expect(compared(run, 'match', { score: 92 })).toBe(true);
    expect(run.view().stepId).toBe('submit');
  });

  it('the fact records the verdict and score (or the reason it was skipped), nothing of the prints compared', () => {
    const comparing = { ...fingerprintsOf(initialContext({ sessionId: 's', flowId: 'f', identity: null }), 'prints'), state: 'comparing' as const };
    expect(afterComparison(comparing, { outcome: 'match', score: 92 }).comparison).toEqual({ outcome: 'match', score: 92 });
    expect(afterComparison(comparing, { outcome: 'skipped', reason: 'noCard' }).comparison).toEqual({ outcome: 'skipped', reason: 'noCard' });
    expect(afterComparison(comparing, { outcome: 'unavailable' }).comparison).toEqual({ outcome: 'unavailable' });
    expect(afterComparison(comparing, { outcome: 'noMatch', score: 8 })).toMatchObject({ state: 'noMatch', noMatches: 1, comparison: { outcome: 'noMatch', score: 8 } });
  });

  it('noMatch: the citizen is told and RETRY takes both prints again; a second noMatch sends to the counter', async () => {
    const run = await atComparison();
    expect(compared(run, 'noMatch', { score: 8 })).toBe(true);
    expect(run.view()).toMatchObject({ data: { state: 'noMatch', compare: { noMatches: 1 } }, messageKey: 'flow.fingerprints.noMatch' });
    expect(run.view().accepts).toContain('RETRY');
    expect(run.send({ type: 'RETRY' })).toBe(true);
    expect(data(run)).toMatchObject({ state: 'capturing', finger: 11, captured: [] });
    for (let i = 0; i < 2; i++) run.flow.send({ type: 'FINGERPRINT_CAPTURED', capture: data(run).capture, finger: data(run).finger as never, quality: 90, templateSha256: SHA } as never);
    expect(data(run).state).toBe('comparing');
    expect(compared(run, 'noMatch', { score: 5 })).toBe(true);
    expect(run.view()).toMatchObject({ step: 'counter', data: { reasonKey: 'flow.counter.reason.fingerprintsNoMatch' } });
  });

  it('skipped (typed number, no prints on the card) goes on and is recorded with its reason', async () => {
    const run = await atComparison();
    expect(compared(run, 'skipped', { reason: 'noCardPrints' })).toBe(true);
    expect(run.view().stepId).toBe('submit');
  });

  it('back-end down: goes on by default; with onCompareUnavailable "counter" sends to the counter', async () => {
    const on = await atComparison();
    expect(compared(on, 'unavailable')).toBe(true);
    expect(on.view().stepId).toBe('submit');
    const counter = await atComparison({ onCompareUnavailable: 'counter' });
    expect(compared(counter, 'unavailable')).toBe(true);
    expect(counter.view()).toMatchObject({ step: 'counter', data: { reasonKey: 'flow.counter.reason.fingerprintsUnavailable' } });
  });

  it('without compareWithCard the step passes on two prints as before, and ignores comparisons', async () => {
    const run = startPlan(() => ({ steps: [identifyStep(), fingerprintsStep({ id: 'prints', labelKey: 'flow.steps.fingerprints' }), submitStep] }), card(CHEN));
    await run.step({ type: 'CONFIRM' });
    expect(data(run).compare).toBeUndefined();
    expect(compared(run, 'match', { score: 99 })).toBe(false);
    for (let i = 0; i < 2; i++) run.flow.send({ type: 'FINGERPRINT_CAPTURED', capture: data(run).capture, finger: data(run).finger as never, quality: 88, templateSha256: SHA } as never);
    expect(run.view().stepId).toBe('submit');
  });

  it('refuses a maxCompareTries out of range', () => {
    expect(() => fingerprintsStep({ id: 'p', labelKey: 'x', compareWithCard: true, maxCompareTries: 0 })).toThrow(RangeError);
  });
});
