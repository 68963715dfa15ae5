/** The builder: steps chained behind gates, back, the side steps, the end on another identity, and the plans it refuses. */
import { describe, expect, it } from 'vitest';
import { buildFlow, FlowPlanError, identifyStep, reviewStep, type FlowContext, type StepDefinition } from '../../../../../electron/host/flows/library';
import { card, startPlan, testKit } from '../../services/flow-kit';
import { deferred, FIXTURE_DOCUMENT, fixturePlan, fixtureScript, KEY, startActor, type FixtureScript } from './fixture-plan';

const CHEN = '410402199001011230';

/** A step that jumps straight to `target` on CONFIRM, without being passed: what the gate is for. */
function rogueStep(id: string, target: string): StepDefinition {
  return {
    id,
    kind: 'review',
    labelKey: KEY(`steps.${id}`),
    build: () => ({ on: { CONFIRM: { target } } }),
    view: () => ({ data: { step: 'review', titleKey: KEY('rogue'), rows: [], noteKeys: [] } }),
  };
}

async function toReview(run: ReturnType<typeof startPlan>) {
  await run.verify();
  return run.step({ type: 'CHOOSE', value: 'red' });
}

describe('the gate: a step is entered only when every step before it was passed', () => {
  it('a step that jumps ahead to the print ends the run as failed (internal), printing nothing', async () => {
    const script = fixtureScript();
    const run = startPlan(
      fixturePlan(script, { steps: (steps) => [steps[0]!, rogueStep('shortcut', '#flow.print'), ...steps.slice(1)] }),
      card(CHEN),
    );
    await run.step({ type: 'CONFIRM' });
    expect(run.view().stepId).toBe('shortcut');
    const failed = await run.step({ type: 'CONFIRM' });
    expect(failed).toMatchObject({ stepId: 'failed', step: 'failed', messageKey: 'flow.failed.internal', accepts: ['CONFIRM'], data: { reason: 'internal', canRetry: false } });
    expect(run.documents.requests).toEqual([]);
    expect(script.lookups).toEqual([]);
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ step: 'done', outcome: 'failed', outcomeKey: 'flow.outcome.failed' });
  });

  it('a jump into the face check from identify is refused the same way: consent was not passed', async () => {
    const run = startPlan(fixturePlan(fixtureScript(), { steps: (steps) => [rogueStep('jump', '#flow.faceCheck'), ...steps] }), card(CHEN));
    expect(await run.step({ type: 'CONFIRM' })).toMatchObject({ stepId: 'failed', data: { reason: 'internal' } });
  });

  it('a step\'s own condition (mayEnter) closes it even when everything before was passed', async () => {
    const run = startPlan(fixturePlan(fixtureScript(), { printMayEnter: () => false }), card(CHEN));
    await toReview(run);
    expect(await run.step({ type: 'CONFIRM' })).toMatchObject({ stepId: 'failed', data: { reason: 'internal' } });
    expect(run.documents.requests).toEqual([]);
  });

  it('the host passes each main-path step as the run leaves it along the path', async () => {
    const { actor } = startActor(fixturePlan(fixtureScript()), card(CHEN));
    const passed = () => (actor.getSnapshot().context as FlowContext).passed;
    actor.send({ type: 'CONFIRM' });
    actor.send({ type: 'CONSENT', granted: true });
    expect(passed()).toEqual(['identify', 'consent']);
    actor.send({ type: 'FACE_RESULT', outcome: 'passed', attemptsLeft: 2 });
    actor.send({ type: 'CHOOSE', value: 'blue' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(passed()).toEqual(['identify', 'consent', 'faceCheck', 'colour', 'lookup']);
    actor.stop();
  });
});

describe('back', () => {
  it('forgets what the step gone back to and every step after it found, and un-passes them', async () => {
    const script = fixtureScript();
    script.lookup = [{ ok: false, error: { kind: 'timeout' } }];
    const { actor } = startActor(fixturePlan(script), card(CHEN));
    const context = () => actor.getSnapshot().context as FlowContext;
    actor.send({ type: 'CONFIRM' });
    actor.send({ type: 'CONSENT', granted: true });
    actor.send({ type: 'FACE_RESULT', outcome: 'passed', attemptsLeft: 2 });
    actor.send({ type: 'CHOOSE', value: 'blue' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    actor.send({ type: 'RETRY' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(context()).toMatchObject({ facts: { colour: 'blue', lookup: { size: 1 } }, attempts: { lookup: 2 }, passed: ['identify', 'consent', 'faceCheck', 'colour', 'lookup'] });

    actor.send({ type: 'BACK' });
    expect(context().facts).toEqual({});
    expect(context().attempts).toEqual({});
    expect(context().queryFailures).toEqual({});
    expect(context().passed).toEqual(['identify', 'consent', 'faceCheck']);
    // What the steps before found stays: the face check that passed still stands.
    expect(context().face.passed).toBe(true);
    actor.stop();
  });

  it('a new choice after BACK runs the query again, with its tries back in full', async () => {
    const script = fixtureScript();
    script.lookup = [{ ok: false, error: { kind: 'timeout' } }];
    const run = startPlan(fixturePlan(script), card(CHEN));
    await run.verify();
    expect(await run.step({ type: 'CHOOSE', value: 'red' })).toMatchObject({ stepId: 'lookup', data: { state: 'failed', retriesLeft: 2 } });
    expect(await run.step({ type: 'RETRY' })).toMatchObject({ stepId: 'review' });
    const colour = await run.step({ type: 'BACK' });
    expect(colour).toMatchObject({ stepId: 'colour', canGoBack: true, data: { selected: null } });
    expect(await run.step({ type: 'CHOOSE', value: 'blue' })).toMatchObject({ stepId: 'review', data: { rows: [{ labelKey: KEY('review.colour'), textKey: KEY('colour.blue') }, expect.anything()] } });
    expect(script.lookups.map((lookup) => lookup.colour)).toEqual(['red', 'red', 'blue']);
  });

  it('the builder refuses a back to the step itself or a later one', () => {
    const { kit } = testKit('test-service', { 'zh-CN': '测试', en: 'Test' }, 'certificates');
    const plan = fixturePlan(fixtureScript(), { steps: (steps) => [steps[0]!, reviewStep({ id: 'check', labelKey: KEY('x'), titleKey: KEY('x'), rows: () => [], backTo: 'print' }), ...steps.slice(1)] });
    expect(() => buildFlow(plan(kit), kit)).toThrow(FlowPlanError);
  });
});

describe('IDENTITY_CHANGED ends any step as identityChanged', () => {
  /** Drives a run of the fixture plan to `where`; returns the script to check nothing happens after. */
  async function runAt(where: string): Promise<{ run: ReturnType<typeof startPlan>; script: FixtureScript; release: () => void }> {
    const script = fixtureScript();
    const hold = deferred<{ ok: true; value: { size: number } }>();
    const holdPrint = deferred<typeof FIXTURE_DOCUMENT>();
    let release = () => {};
    if (where === 'lookup running') {
      script.lookup = [hold.promise];
      release = () => hold.resolve({ ok: true, value: { size: 9 } });
    }
    if (where === 'lookup failed') script.lookup = [{ ok: false, error: { kind: 'unavailable' } }];
    if (where === 'print issuing') {
      script.prepare = [holdPrint.promise];
      release = () => holdPrint.resolve(FIXTURE_DOCUMENT);
    }
    const run = startPlan(fixturePlan(script), card(CHEN));
    if (where === 'identify') return { run, script, release };
    await run.step({ type: 'CONFIRM' });
    if (where === 'consent') return { run, script, release };
    await run.step({ type: 'CONSENT', granted: true });
    if (where === 'faceCheck') return { run, script, release };
    run.face();
    await run.settled();
    if (where === 'colour') return { run, script, release };
    run.send({ type: 'CHOOSE', value: 'red' });
    if (where === 'lookup running' || where === 'lookup failed') return { run, script, release };
    await run.settled();
    if (where === 'review') return { run, script, release };
    run.send({ type: 'CONFIRM' });
    if (where === 'print issuing') return { run, script, release };
    await run.settled();
    return { run, script, release };
  }

  it.each(['identify', 'consent', 'faceCheck', 'colour', 'lookup running', 'lookup failed', 'review', 'print issuing', 'print printed'])('at %s', async (where) => {
    const { run, script, release } = await runAt(where);
    const before = run.documents.requests.length;
    expect(run.identityChanged()).toBe(true);
    expect(run.view()).toMatchObject({ stepId: 'done', accepts: [], data: { step: 'done', outcome: 'identityChanged', outcomeKey: 'flow.outcome.identityChanged' } });
    // Work in flight when the run ended is ignored: nothing printed or told after.
    release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(run.view().data).toMatchObject({ outcome: 'identityChanged' });
    expect(run.documents.requests).toHaveLength(before);
    expect(script.issued).toHaveLength(before);
  });

  it.each([
    ['counter', { ok: false, error: { kind: 'notFound' } }],
    ['failed', 'throw'],
  ] as const)('at the %s side step', async (side, answer) => {
    const script = fixtureScript();
    script.lookup = [answer];
    const run = startPlan(fixturePlan(script), card(CHEN));
    await run.verify();
    expect((await run.step({ type: 'CHOOSE', value: 'red' })).stepId).toBe(side);
    expect(run.identityChanged()).toBe(true);
    expect(run.view().data).toMatchObject({ outcome: 'identityChanged' });
  });

  it('at the referral side step', async () => {
    const run = startPlan(fixturePlan(fixtureScript()), card('941124198804120029'));
    expect((await run.step({ type: 'CONFIRM' })).stepId).toBe('referral');
    expect(run.identityChanged()).toBe(true);
    expect(run.view().data).toMatchObject({ outcome: 'identityChanged' });
  });

  it('not once the run is done: its outcome stays', async () => {
    const run = startPlan(fixturePlan(fixtureScript()), card(CHEN));
    await run.step({ type: 'CONFIRM' });
    await run.step({ type: 'CONSENT', granted: false });
    expect(run.identityChanged()).toBe(false);
    expect(run.view().data).toMatchObject({ outcome: 'declined', outcomeKey: 'flow.outcome.declined' });
  });
});

describe('the side steps and the path', () => {
  it('the path is the plan\'s steps then done; a side step shows as the last', async () => {
    const script = fixtureScript();
    script.lookup = [{ ok: false, error: { kind: 'notFound' } }];
    const run = startPlan(fixturePlan(script), card(CHEN));
    expect(run.view().path).toEqual([
      { id: 'identify', labelKey: 'flow.steps.identify' },
      { id: 'consent', labelKey: KEY('steps.consent') },
      { id: 'faceCheck', labelKey: 'flow.steps.faceCheck' },
      { id: 'colour', labelKey: KEY('steps.colour') },
      { id: 'lookup', labelKey: KEY('steps.lookup') },
      { id: 'review', labelKey: KEY('steps.review') },
      { id: 'print', labelKey: KEY('steps.print') },
      { id: 'done', labelKey: 'flow.steps.done' },
    ]);
    await run.verify();
    const counter = await run.step({ type: 'CHOOSE', value: 'red' });
    expect(counter).toMatchObject({ stepId: 'counter', stepIndex: 7, stepCount: 8, data: { reasonKey: KEY('counter.notFound'), window: '2号窗口', ticket: { state: 'printed', number: 'B001' } } });
    expect(run.slips.tickets).toEqual([{ sessionId: expect.any(String), serviceId: 'test-service', serviceName: '测试事项', window: '2号窗口', name: '陈思远' }]);
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ outcome: 'counter' });
  });

  it('a queue ticket the printer could not print: the counter says so, with the window', async () => {
    const run = startPlan(fixturePlan(fixtureScript()), card(CHEN));
    run.slips.script.tickets = ['paperOut'];
    run.send({ type: 'CONFIRM' });
    run.send({ type: 'CONSENT', granted: true });
    run.face('noMatch', 0);
    const counter = await run.settled();
    expect(counter).toMatchObject({ stepId: 'counter', data: { reasonKey: 'flow.counter.reason.faceCheckFailed', window: '2号窗口', ticket: { state: 'notPrinted' } } });
  });

  it('a query whose service throws (a bug) ends in failed, not in an unhandled error', async () => {
    const script = fixtureScript();
    script.lookup = ['throw'];
    const run = startPlan(fixturePlan(script), card(CHEN));
    await run.verify();
    expect(await run.step({ type: 'CHOOSE', value: 'red' })).toMatchObject({ stepId: 'failed', messageKey: 'flow.failed.internal' });
    expect(run.faults).toEqual([]);
  });
});

describe('buildFlow refuses plans that cannot run', () => {
  const { kit } = testKit('test-service', { 'zh-CN': '测试', en: 'Test' }, 'certificates');
  const review = (id: string) => reviewStep({ id, labelKey: KEY('x'), titleKey: KEY('x'), rows: () => [] });

  it.each([
    ['no steps', []],
    ['two steps with one id', [identifyStep(), review('check'), review('check')]],
    ['a step called counter', [identifyStep(), review('counter')]],
    ['a step called referral', [review('referral')]],
    ['a step called failed', [review('failed')]],
    ['a step called done', [review('done')]],
    ['an id that is no short identifier', [review('check the details')]],
    ['a last step that goes on to nothing', [identifyStep(), review('check')]],
  ] as Array<[string, StepDefinition[]]>)('%s', (_label, steps) => {
    expect(() => buildFlow({ steps }, kit)).toThrow(FlowPlanError);
  });

  it('the fixture plan itself builds', () => {
    expect(() => buildFlow(fixturePlan(fixtureScript())(kit), kit)).not.toThrow();
  });
});
