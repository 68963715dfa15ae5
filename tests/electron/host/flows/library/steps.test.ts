/** The library's steps one by one, on the fixture plan: choice, query, a4Print, receiptPrint. */
import { describe, expect, it } from 'vitest';
import { choiceStep, chosen, identifyStep, receiptPrintStep, type FlowKit, type FlowPlan } from '../../../../../electron/host/flows/library';
import { card, startPlan, type FlowRun } from '../../services/flow-kit';
import { deferred, FIXTURE_DOCUMENT, fixturePlan, fixtureScript, KEY, type FixtureOptions, type FixtureScript } from './fixture-plan';

const CHEN = '410402199001011230';

function start(script: FixtureScript = fixtureScript(), options: FixtureOptions = {}): FlowRun {
  return startPlan(fixturePlan(script, options), card(CHEN));
}

async function toReview(run: FlowRun) {
  await run.verify();
  return run.step({ type: 'CHOOSE', value: 'red' });
}

describe('choice', () => {
  it('offers its options, accepts CHOOSE, and refuses a value it does not list', async () => {
    const run = start();
    const colour = await run.verify();
    expect(colour).toMatchObject({
      stepId: 'colour',
      step: 'choice',
      canGoBack: true,
      data: {
        step: 'choice',
        titleKey: KEY('colour.title'),
        options: [
          { value: 'red', labelKey: KEY('colour.red') },
          { value: 'blue', labelKey: KEY('colour.blue'), noteKey: KEY('colour.blueNote') },
        ],
        selected: null,
      },
    });
    expect(colour.accepts).toEqual(['CHOOSE', 'BACK']);
    expect(run.send({ type: 'CHOOSE', value: 'green' })).toBe(false);
    expect(run.send({ type: 'CHOOSE', value: 'RED' })).toBe(false);
    expect(run.view()).toMatchObject({ stepId: 'colour', seq: colour.seq });
    expect(run.send({ type: 'CHOOSE', value: 'blue' })).toBe(true);
  });

  it('BACK (when the service allows it) returns to the step before', async () => {
    const run = start();
    await run.verify();
    expect(await run.step({ type: 'BACK' })).toMatchObject({ stepId: 'faceCheck', canGoBack: true });
  });
});

describe('query', () => {
  it('a failure worth another try offers RETRY up to maxAttempts, then only the counter with the service\'s reason', async () => {
    const script = fixtureScript();
    script.lookup = [{ ok: false, error: { kind: 'timeout' } }, { ok: false, error: { kind: 'badResponse', detail: 'x' } }];
    const run = start(script, { lookup: { maxAttempts: 2, failedReasonKey: KEY('counter.lookupFailed') } });
    await run.verify();
    run.send({ type: 'CHOOSE', value: 'red' });
    expect(run.view()).toMatchObject({ stepId: 'lookup', step: 'query', accepts: [], data: { titleKey: KEY('lookup.title'), state: 'running', failure: null, retriesLeft: 1 } });
    const first = await run.settled();
    expect(first).toMatchObject({ messageKey: 'flow.query.timeout', accepts: ['CONFIRM', 'RETRY'], data: { state: 'failed', failure: 'timeout', retriesLeft: 1 } });
    const second = await run.step({ type: 'RETRY' });
    expect(second).toMatchObject({ messageKey: 'flow.query.badResponse', accepts: ['CONFIRM'], data: { state: 'failed', failure: 'badResponse', retriesLeft: 0 } });
    expect(run.send({ type: 'RETRY' })).toBe(false);
    expect(script.lookups).toHaveLength(2);
    const counter = await run.step({ type: 'CONFIRM' });
    expect(counter).toMatchObject({ stepId: 'counter', data: { reasonKey: KEY('counter.lookupFailed') } });
  });

  it('three attempts by default, the library\'s reason when the service names none; the same request key every time', async () => {
    const script = fixtureScript();
    script.lookup = [1, 2, 3].map(() => ({ ok: false, error: { kind: 'unavailable' } }) as const);
    const run = start(script);
    await run.verify();
    expect(await run.step({ type: 'CHOOSE', value: 'red' })).toMatchObject({ data: { retriesLeft: 2 } });
    await run.step({ type: 'RETRY' });
    expect(await run.step({ type: 'RETRY' })).toMatchObject({ data: { retriesLeft: 0 } });
    expect(new Set(script.lookups.map((lookup) => lookup.requestKey)).size).toBe(1);
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ reasonKey: 'flow.counter.reason.queryFailed' });
  });

  it('the citizen may give up and go to the counter before the tries run out', async () => {
    const script = fixtureScript();
    script.lookup = [{ ok: false, error: { kind: 'timeout' } }];
    const run = start(script);
    await run.verify();
    await run.step({ type: 'CHOOSE', value: 'red' });
    expect((await run.step({ type: 'CONFIRM' })).stepId).toBe('counter');
  });

  it('a retry that works goes on, the answer being the step\'s fact', async () => {
    const script = fixtureScript();
    script.lookup = [{ ok: false, error: { kind: 'timeout' } }, { ok: true, value: { size: 42 } }];
    const run = start(script);
    await run.verify();
    await run.step({ type: 'CHOOSE', value: 'red' });
    const review = await run.step({ type: 'RETRY' });
    expect(review).toMatchObject({ stepId: 'review', data: { rows: [expect.anything(), { labelKey: KEY('review.size'), text: '42' }] } });
  });

  it('the service routes an answer aside: to a referral, or to done with its outcome', async () => {
    const referred = start(fixtureScript(), { lookup: { route: () => ({ to: 'referral', referral: { to: 'registeredResidence', province: '江苏省', city: '南京市' } }) } });
    await referred.verify();
    expect(await referred.step({ type: 'CHOOSE', value: 'red' })).toMatchObject({
      stepId: 'referral',
      messageKey: 'flow.referral.registeredResidence',
      data: { to: 'registeredResidence', registeredProvince: '江苏省', registeredCity: '南京市', window: '2号窗口' },
    });
    expect((await referred.step({ type: 'CONFIRM' })).data).toMatchObject({ outcome: 'referred' });

    const ended = start(fixtureScript(), { lookup: { route: () => ({ to: 'done', outcome: 'nothingToShow' }) } });
    await ended.verify();
    expect((await ended.step({ type: 'CHOOSE', value: 'red' })).data).toEqual({ step: 'done', outcome: 'nothingToShow', outcomeKey: KEY('outcomes.nothingToShow') });
  });
});

describe('a4Print', () => {
  it('prints, then the collection slip; CONFIRM ends with the service\'s outcome', async () => {
    const script = fixtureScript();
    const run = start(script);
    await toReview(run);
    run.send({ type: 'CONFIRM' });
    expect(run.view()).toMatchObject({ stepId: 'print', step: 'a4Print', accepts: [], data: { state: 'printing', documentNumber: null, verifyCode: null, reprintAvailable: false, receipt: 'printing' } });
    const printed = await run.settled();
    expect(printed).toMatchObject({
      accepts: ['CONFIRM', 'REPRINT'],
      data: { state: 'printed', documentNumber: 'ZM2026-TEST-000001', verifyCode: 'ABCD2345EF', reprintAvailable: true, receipt: 'printed', noteKeys: [KEY('notes.verify')] },
    });
    expect(run.documents.requests).toEqual([{ sessionId: expect.any(String), request: FIXTURE_DOCUMENT.ok && FIXTURE_DOCUMENT.value.request }]);
    expect(run.slips.receipts).toEqual([expect.objectContaining({ documentNumber: 'ZM2026-TEST-000001', verifyCode: 'ABCD2345EF', name: '陈思远' })]);
    expect(script.issued).toEqual([{ documentNumber: 'J2026-000001', state: 'printed' }]);
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ outcome: 'printedIt', outcomeKey: KEY('outcomes.printedIt') });
  });

  it('a document without a number of the back-end\'s (printedNumber null) shows the journal\'s own', async () => {
    const script = fixtureScript();
    const request = { kind: 'testSheet', template: { id: 'test' }, vars: { colour: 'red' } };
    script.prepare = [{ ok: true, value: { printedNumber: null, verifyCode: null, request } }];
    const run = start(script, { receipt: false });
    await toReview(run);
    const printed = await run.step({ type: 'CONFIRM' });
    expect(printed).toMatchObject({ data: { state: 'printed', documentNumber: 'J2026-000001', verifyCode: null } });
    expect(run.documents.requests[0]!.request).not.toHaveProperty('printedNumber');
  });

  it('one reprint of a printed document (by the journal\'s number), and no second slip', async () => {
    const run = start();
    await toReview(run);
    await run.step({ type: 'CONFIRM' });
    const again = await run.step({ type: 'REPRINT' });
    expect(again).toMatchObject({ accepts: ['CONFIRM'], data: { state: 'printed', reprintAvailable: false, receipt: 'printed' } });
    expect(run.send({ type: 'REPRINT' })).toBe(false);
    expect(run.documents.reprints).toEqual(['J2026-000001']);
    expect(run.slips.receipts).toHaveLength(1);
  });

  it('not printed: the message, one reprint; a reprint that prints goes on to the slip', async () => {
    const script = fixtureScript();
    const run = start(script);
    run.documents.script = ['paperOut'];
    await toReview(run);
    const failed = await run.step({ type: 'CONFIRM' });
    expect(failed).toMatchObject({ messageKey: 'print.paperOut', accepts: ['CONFIRM', 'REPRINT'], data: { state: 'notPrinted', documentNumber: 'ZM2026-TEST-000001', verifyCode: null, reprintAvailable: true, receipt: 'printing' } });
    expect(run.slips.receipts).toEqual([]);
    const reprinted = await run.step({ type: 'REPRINT' });
    expect(reprinted).toMatchObject({ data: { state: 'printed', verifyCode: 'ABCD2345EF', reprintAvailable: false, receipt: 'printed' } });
    expect(reprinted.messageKey).toBeUndefined();
    expect(run.slips.receipts).toHaveLength(1);
    // Told once, when the document came to exist.
    expect(script.issued).toEqual([{ documentNumber: 'J2026-000001', state: 'notPrinted' }]);
  });

  it('not printed twice: the counter, with the library\'s reason', async () => {
    const run = start();
    run.documents.script = ['paperOut', 'paperOut'];
    await toReview(run);
    await run.step({ type: 'CONFIRM' });
    expect(await run.step({ type: 'REPRINT' })).toMatchObject({ accepts: ['CONFIRM'], data: { state: 'notPrinted', reprintAvailable: false } });
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ step: 'counter', reasonKey: 'flow.counter.reason.printFailed' });
  });

  it('no document (the service could not prepare it, or it was not produced): no reprint, the counter', async () => {
    const script = fixtureScript();
    script.prepare = [{ ok: false, error: 'numberUnavailable' }];
    const run = start(script);
    await toReview(run);
    expect(await run.step({ type: 'CONFIRM' })).toMatchObject({ messageKey: 'flow.a4Print.numberUnavailable', accepts: ['CONFIRM'], data: { state: 'notPrinted', documentNumber: null } });
    expect(run.documents.requests).toEqual([]);
    expect(script.issued).toEqual([]);

    const unrendered = start();
    unrendered.documents.script = ['documentFailed'];
    await toReview(unrendered);
    expect(await unrendered.step({ type: 'CONFIRM' })).toMatchObject({ messageKey: 'flow.a4Print.documentFailed', accepts: ['CONFIRM'], data: { reprintAvailable: false } });
  });

  it('a slip the printer could not print leaves the document printed', async () => {
    const run = start();
    run.slips.script.receipts = ['paperOut'];
    await toReview(run);
    expect(await run.step({ type: 'CONFIRM' })).toMatchObject({ data: { state: 'printed', receipt: 'notPrinted', reprintAvailable: true } });
  });

  it('without a slip configured, the document alone', async () => {
    const run = start(fixtureScript(), { receipt: false });
    await toReview(run);
    expect(await run.step({ type: 'CONFIRM' })).toMatchObject({ data: { state: 'printed', receipt: 'printed' } });
    expect(run.slips.receipts).toEqual([]);
  });

  it('a session that ends while the document is prepared prints nothing', async () => {
    const script = fixtureScript();
    const hold = deferred<typeof FIXTURE_DOCUMENT>();
    script.prepare = [hold.promise];
    const run = start(script);
    await toReview(run);
    run.send({ type: 'CONFIRM' });
    run.flow.stop();
    hold.resolve(FIXTURE_DOCUMENT);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(run.documents.requests).toEqual([]);
    expect(script.issued).toEqual([]);
  });
});

describe('receiptPrint', () => {
  const slipPlan = (kit: FlowKit): FlowPlan => ({
    steps: [
      identifyStep(),
      receiptPrintStep({
        labelKey: KEY('steps.slip'),
        titleKey: KEY('slip.title'),
        outcome: 'slipTaken',
        rows: () => [{ labelKey: KEY('slip.status'), text: '待领取' }],
        slip: (context) => ({ sessionId: context.sessionId, title: kit.serviceName['zh-CN'], lines: [{ label: '办理状态', value: '待领取' }], code: 'SL0001' }),
      }),
    ],
  });

  it('prints the slip, repeats it on screen, reprints once; CONFIRM ends with the service\'s outcome', async () => {
    const run = startPlan(slipPlan, card(CHEN));
    run.send({ type: 'CONFIRM' });
    expect(run.view()).toMatchObject({ stepId: 'slip', step: 'receiptPrint', accepts: [], data: { state: 'printing', reprintAvailable: false } });
    const printed = await run.settled();
    expect(printed).toMatchObject({ accepts: ['CONFIRM', 'REPRINT'], data: { titleKey: KEY('slip.title'), state: 'printed', rows: [{ labelKey: KEY('slip.status'), text: '待领取' }], reprintAvailable: true } });
    expect(run.slips.infoSlips).toEqual([{ sessionId: expect.any(String), title: '测试事项', lines: [{ label: '办理状态', value: '待领取' }], code: 'SL0001' }]);
    expect(await run.step({ type: 'REPRINT' })).toMatchObject({ accepts: ['CONFIRM'], data: { state: 'printed', reprintAvailable: false } });
    expect(run.send({ type: 'REPRINT' })).toBe(false);
    expect(run.slips.infoSlips).toHaveLength(2);
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ outcome: 'slipTaken' });
  });

  it('a slip not printed: the message and the rows on screen, a reprint, and the same outcome', async () => {
    const run = startPlan(slipPlan, card(CHEN));
    run.slips.script.infoSlips = ['paperOut', 'paperOut'];
    const failed = await run.step({ type: 'CONFIRM' });
    expect(failed).toMatchObject({ messageKey: 'print.paperOut', accepts: ['CONFIRM', 'REPRINT'], data: { state: 'notPrinted', reprintAvailable: true, rows: [expect.anything()] } });
    expect(await run.step({ type: 'REPRINT' })).toMatchObject({ messageKey: 'print.paperOut', accepts: ['CONFIRM'], data: { state: 'notPrinted', reprintAvailable: false } });
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ outcome: 'slipTaken' });
  });
});

describe('choice with a route, and a slip that may be skipped', () => {
  // identify → how (slip / other / none: none ends the run) → slip (only when chosen) → other slip.
  const plan = (kit: FlowKit): FlowPlan => {
    const slip = (title: string) => (context: { sessionId: string }) => ({ sessionId: context.sessionId, title, lines: [{ label: kit.serviceName['zh-CN'], value: title }] });
    return {
      steps: [
        identifyStep(),
        choiceStep({
          id: 'how',
          labelKey: KEY('steps.how'),
          titleKey: KEY('how.title'),
          options: [
            { value: 'slip', labelKey: KEY('how.slip') },
            { value: 'other', labelKey: KEY('how.other') },
            { value: 'none', labelKey: KEY('how.none') },
          ],
          route: (value) => (value === 'none' ? { to: 'done', outcome: 'nothingPrinted' } : { to: 'next' }),
        }),
        receiptPrintStep({ labelKey: KEY('steps.slip'), titleKey: KEY('slip.title'), outcome: 'slipTaken', rows: () => [], slip: slip('凭条'), skip: (context) => chosen(context, 'how') !== 'slip' }),
        receiptPrintStep({ id: 'other', labelKey: KEY('steps.other'), titleKey: KEY('other.title'), outcome: 'otherTaken', rows: () => [], slip: slip('另一种') }),
      ],
    };
  };

  it('an option routed to done ends the run with its outcome, nothing printed', async () => {
    const run = startPlan(plan, card(CHEN));
    expect(await run.step({ type: 'CONFIRM' })).toMatchObject({ stepId: 'how', accepts: ['CHOOSE'] });
    expect(await run.step({ type: 'CHOOSE', value: 'none' })).toMatchObject({ stepId: 'done', data: { outcome: 'nothingPrinted' } });
    expect(run.slips.infoSlips).toEqual([]);
  });

  it('a route still accepts only listed options', async () => {
    const run = startPlan(plan, card(CHEN));
    await run.step({ type: 'CONFIRM' });
    expect(run.send({ type: 'CHOOSE', value: 'everything' })).toBe(false);
    expect(run.view().stepId).toBe('how');
  });

  it('the chosen slip prints; a skipped slip passes without printing to the next step', async () => {
    const chosenSlip = startPlan(plan, card(CHEN));
    await chosenSlip.step({ type: 'CONFIRM' });
    chosenSlip.send({ type: 'CHOOSE', value: 'slip' });
    expect(await chosenSlip.settled()).toMatchObject({ stepId: 'slip', data: { state: 'printed' } });
    expect((await chosenSlip.step({ type: 'CONFIRM' })).data).toMatchObject({ outcome: 'slipTaken' });
    expect(chosenSlip.slips.infoSlips.map((s) => s.title)).toEqual(['凭条']);

    const other = startPlan(plan, card(CHEN));
    await other.step({ type: 'CONFIRM' });
    other.send({ type: 'CHOOSE', value: 'other' });
    expect(await other.settled()).toMatchObject({ stepId: 'other', data: { state: 'printed' } });
    expect((await other.step({ type: 'CONFIRM' })).data).toMatchObject({ outcome: 'otherTaken' });
    expect(other.slips.infoSlips.map((s) => s.title)).toEqual(['另一种']);
  });
});
