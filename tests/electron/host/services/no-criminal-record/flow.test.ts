import { describe, expect, it } from 'vitest';
import { identity, passFace, startRun, toPurpose, waitForView } from './fixtures';
import type { PoliceGateway } from '../../../../../electron/host/gateway/police-gateway';
import { sandbox } from './fixtures';

const HAN = '410402199001011230';
const RECORD = '410411198507150037';
const SEALED = '410402200203100042';
const REVIEW = '410421197711020027';
const NANJING = '32010219920308005X';
const BEIJING_CARD = '110105200511300072';
const HK = '810000199507200020';
const TIMEOUT = '410402199512120076';

describe('no-criminal-record flow: the certificate path', () => {
  it('identify → consent → face → purpose → query → review → print → done, with a receipt and one outbox record', async () => {
    const h = startRun(identity(HAN, { name: '陈思远' }));
    expect(h.flow.view()).toMatchObject({ serviceId: 'no-criminal-record', step: 'identify', stepIndex: 0, stepCount: 8, canGoBack: false });
    expect(h.flow.view().data).toEqual({ step: 'identify', identity: { source: 'card', cardType: 'resident', name: '陈思远', idNumberMasked: '4104**********1230' }, problem: null });
    expect(JSON.stringify(h.flow.view())).not.toContain(HAN);

    expect(h.flow.send({ type: 'CONFIRM' })).toBe(true);
    // The identity is fixed from here: no way back to identify.
    expect(h.flow.view()).toMatchObject({ step: 'consent', stepIndex: 1, canGoBack: false });
    h.flow.send({ type: 'CONSENT', granted: true });
    const face = h.flow.view();
    expect(face).toMatchObject({ step: 'faceCheck', data: { attempt: 0, maxAttempts: 3, lastOutcome: null } });
    expect(h.flow.send(passFace)).toBe(true);
    // The 户籍 lookup runs after the face passed; the face step says so meanwhile.
    expect(h.flow.view()).toMatchObject({ step: 'faceCheck', canGoBack: false, accepts: [], data: { lastOutcome: 'passed' } });
    expect(await waitForView(h.flow, (v) => v.step === 'choosePurpose')).toMatchObject({ canGoBack: false, accepts: ['PURPOSE'] });
    h.flow.send({ type: 'PURPOSE', purpose: 'abroad' });
    const review = await waitForView(h.flow, (v) => v.step === 'review');
    expect(review.data).toEqual({ step: 'review', name: '陈思远', idNumberMasked: '4104**********1230', purpose: 'abroad', queryDate: '2026-03-02' });
    h.flow.send({ type: 'CONFIRM' });
    const printed = await waitForView(h.flow, (v) => v.step === 'print' && v.data.step === 'print' && v.data.receipt === 'printed');
    expect(printed.data).toMatchObject({ state: 'printed', documentNumber: 'WF2026-TEST-000001', reprintAvailable: true });
    expect(h.certificates.printed).toHaveLength(1);
    expect(h.certificates.printed[0]).toMatchObject({ name: '陈思远', idDocumentType: '居民身份证', idNumber: HAN, queryDate: '2026-03-02', issueDate: '2026-03-02' });
    expect(h.certificates.printed[0]?.verifyCode).toMatch(/^[0-9A-F]{12}$/);
    expect(h.certificates.printed[0]?.backendNumber).toMatch(/^WFZ2026-HB-KIOSK-01-\d{6}$/);
    expect(h.tickets.receipts).toEqual([{ documentNumber: 'WF2026-TEST-000001', verifyCode: h.certificates.printed[0]?.verifyCode }]);
    expect(h.queue.submitted).toHaveLength(1);
    expect(h.queue.submitted[0]?.payload).toMatchObject({ kind: 'certificateIssued', result: 'noRecord', documentNumber: 'WF2026-TEST-000001', printed: true });
    h.flow.send({ type: 'CONFIRM' });
    expect(h.flow.view()).toMatchObject({ step: 'done', stepIndex: 7, accepts: [], data: { outcome: 'certificateIssued' } });
  });

  it('a sealed juvenile record still gets the certificate', async () => {
    const h = startRun(identity(SEALED, { source: 'typed', cardType: null, name: null, validTo: null }));
    await toPurpose(h);
    h.flow.send({ type: 'PURPOSE', purpose: 'employment' });
    const review = await waitForView(h.flow, (v) => v.step !== 'query');
    expect(review.step).toBe('review');
    expect(review.data).toMatchObject({ name: '李晓雨' });
    h.flow.send({ type: 'CONFIRM' });
    await waitForView(h.flow, (v) => v.data.step === 'print' && v.data.receipt === 'printed');
    expect(h.certificates.printed[0]).toMatchObject({ name: '李晓雨', idNumber: SEALED });
  });

  it('a failed print offers one reprint; a second failure sends the citizen to the counter', async () => {
    const h = startRun(identity(HAN));
    h.certificates.script = ['paperOut', 'paperOut'];
    await toPurpose(h);
    h.flow.send({ type: 'PURPOSE', purpose: 'other' });
    await waitForView(h.flow, (v) => v.step === 'review');
    h.flow.send({ type: 'CONFIRM' });
    const failed = await waitForView(h.flow, (v) => v.data.step === 'print' && v.data.state === 'notPrinted');
    expect(failed).toMatchObject({ messageKey: 'print.paperOut', data: { reprintAvailable: true, receipt: 'printing' } });
    expect(failed.accepts).toEqual(['CONFIRM', 'REPRINT']);
    h.flow.send({ type: 'REPRINT' });
    const again = await waitForView(h.flow, (v) => v.data.step === 'print' && v.data.state === 'notPrinted');
    expect(again.data).toMatchObject({ reprintAvailable: false });
    expect(h.flow.send({ type: 'REPRINT' })).toBe(false);
    expect(h.certificates.reprints).toEqual(['WF2026-TEST-000001']);
    h.flow.send({ type: 'CONFIRM' });
    const counter = await waitForView(h.flow, (v) => v.data.step === 'counter' && v.data.ticket.state === 'printed');
    expect(counter.data).toMatchObject({ reason: 'printFailed', window: '2号窗口' });
    expect(h.queue.submitted.filter((s) => s.payload.kind === 'certificateIssued')).toHaveLength(1);
  });

  it('a reprint after a failed first print goes on to the receipt', async () => {
    const h = startRun(identity(HAN));
    h.certificates.script = ['paperOut'];
    await toPurpose(h);
    h.flow.send({ type: 'PURPOSE', purpose: 'other' });
    await waitForView(h.flow, (v) => v.step === 'review');
    h.flow.send({ type: 'CONFIRM' });
    await waitForView(h.flow, (v) => v.data.step === 'print' && v.data.state === 'notPrinted');
    h.flow.send({ type: 'REPRINT' });
    const done = await waitForView(h.flow, (v) => v.data.step === 'print' && v.data.receipt === 'printed');
    expect(done.data).toMatchObject({ state: 'printed', reprintAvailable: false });
  });
});

describe('no-criminal-record flow: no certificate here', () => {
  it.each([
    ['a record', RECORD, 'record'],
    ['needs review', REVIEW, 'needsReview'],
  ])('%s: a discreet counter message, a queue ticket, a referral in the outbox', async (_label, idNumber, result) => {
    const h = startRun(identity(idNumber, { source: 'typed', cardType: null, name: null, validTo: null }));
    await toPurpose(h);
    h.flow.send({ type: 'PURPOSE', purpose: 'employment' });
    const counter = await waitForView(h.flow, (v) => v.data.step === 'counter' && v.data.ticket.state === 'printed');
    expect(counter).toMatchObject({ messageKey: 'flow.counter.resultAtCounter', data: { reason: 'resultAtCounter', window: '2号窗口', ticket: { number: 'B001' } } });
    expect(JSON.stringify(counter)).not.toMatch(/"(record|needsReview)"/);
    expect(h.certificates.printed).toHaveLength(0);
    expect(h.queue.submitted).toEqual([{ key: expect.stringMatching(/-counter$/), payload: expect.objectContaining({ kind: 'counterReferral', result }) }]);
    h.flow.send({ type: 'CONFIRM' });
    expect(h.flow.view().data).toEqual({ step: 'done', outcome: 'counter' });
  });

  it.each([
    ['a typed Nanjing number', identity(NANJING, { source: 'typed', cardType: null, name: null, validTo: null }), '江苏省', '南京市'],
    ['a Beijing card', identity(BEIJING_CARD), '北京市', '北京市'],
  ])('out of province (%s): told to apply at the 户籍地, or the 居住地 with a 居住证', async (_label, who, province, city) => {
    const h = startRun(who);
    await toPurpose(h);
    const view = await waitForView(h.flow, (v) => v.step === 'referral');
    expect(view).toMatchObject({ messageKey: 'flow.referral.registeredResidence', data: { to: 'registeredResidence', registeredProvince: province, registeredCity: city, window: '2号窗口' } });
    h.flow.send({ type: 'CONFIRM' });
    expect(h.flow.view().data).toEqual({ step: 'done', outcome: 'referred' });
  });

  it.each([
    ['a foreigner card', identity('941124198804120029', { cardType: 'foreigner' })],
    ['a 2017 foreigner permit', identity('SWE110085031501', { cardType: 'foreigner' })],
    ['a typed foreigner number', identity('941124198804120029', { source: 'typed', cardType: null, name: null, validTo: null })],
  ])('%s goes to the 出入境 window straight from identify', (_label, who) => {
    const h = startRun(who);
    h.flow.send({ type: 'CONFIRM' });
    expect(h.flow.view()).toMatchObject({ step: 'referral', data: { to: 'exitEntry', window: '3号窗口' } });
  });

  it('a Hong Kong resident is handled at the counter', async () => {
    const h = startRun(identity(HK, { cardType: 'hmt' }));
    await toPurpose(h);
    const view = await waitForView(h.flow, (v) => v.data.step === 'counter' && v.data.ticket.state === 'printed');
    expect(view.data).toMatchObject({ reason: 'counterOnly' });
  });

  it('a person the back-end does not know goes to the counter', async () => {
    const h = startRun(identity('410404197001010098'));
    await toPurpose(h);
    const view = await waitForView(h.flow, (v) => v.step === 'counter');
    expect(view.data).toMatchObject({ reason: 'notFound' });
  });
});

describe('no-criminal-record flow: the host checks every transition', () => {
  it.each([
    ['no identity', null, 'missing'],
    ['an invalid number', identity('410402198203150016', { idNumberValid: false }), 'invalidNumber'],
    ['an expired card', identity(HAN, { expired: true, validTo: '2020-01-01' }), 'expired'],
  ])('identify stays put with %s', (_label, who, problem) => {
    const h = startRun(who);
    expect(h.flow.send({ type: 'CONFIRM' })).toBe(true);
    expect(h.flow.view()).toMatchObject({ step: 'identify', messageKey: `flow.identify.${problem}`, data: { problem } });
  });

  it('a card read later (IDENTITY from the host) makes identify pass', () => {
    const h = startRun(null);
    h.flow.send({ type: 'IDENTITY', identity: identity(HAN) });
    h.flow.send({ type: 'CONFIRM' });
    expect(h.flow.view().step).toBe('consent');
  });

  it('declining consent ends the run without any back-end call', () => {
    let calls = 0;
    const base = sandbox();
    const counting: PoliceGateway = { ...base, lookupPerson: (id) => ((calls += 1), base.lookupPerson(id)) };
    const h = startRun(identity(HAN), counting);
    h.flow.send({ type: 'CONFIRM' });
    h.flow.send({ type: 'CONSENT', granted: false });
    expect(h.flow.view().data).toEqual({ step: 'done', outcome: 'declined' });
    expect(calls).toBe(0);
  });

  it.each([
    ['identify', [] as const, ['FACE_RESULT', 'PURPOSE', 'CONSENT', 'REPRINT', 'RETRY', 'BACK']],
    ['consent', ['CONFIRM'] as const, ['FACE_RESULT', 'PURPOSE', 'CONFIRM', 'REPRINT', 'RETRY', 'BACK']],
  ])('at %s, out-of-order events are refused', (_step, prefix, refused) => {
    const h = startRun(identity(HAN));
    for (const type of prefix) h.flow.send({ type });
    for (const type of refused) {
      const event =
        type === 'FACE_RESULT' ? passFace : type === 'PURPOSE' ? ({ type, purpose: 'other' } as const) : type === 'CONSENT' ? ({ type, granted: true } as const) : ({ type } as { type: 'CONFIRM' });
      expect(h.flow.send(event), type).toBe(false);
    }
  });

  it('no purpose (and so no query) before the face check passed; no print before review', async () => {
    const h = startRun(identity(HAN));
    h.flow.send({ type: 'CONFIRM' });
    h.flow.send({ type: 'CONSENT', granted: true });
    await waitForView(h.flow, (v) => v.step === 'faceCheck');
    expect(h.flow.send({ type: 'PURPOSE', purpose: 'other' })).toBe(false);
    expect(h.flow.send({ type: 'CONFIRM' })).toBe(false);
    expect(h.flow.send({ type: 'REPRINT' })).toBe(false);
    expect(h.certificates.printed).toHaveLength(0);
  });

  it('three failed face checks send the citizen to the counter', async () => {
    const h = startRun(identity(HAN));
    h.flow.send({ type: 'CONFIRM' });
    h.flow.send({ type: 'CONSENT', granted: true });
    await waitForView(h.flow, (v) => v.step === 'faceCheck');
    h.flow.send({ type: 'FACE_RESULT', outcome: 'noMatch', attemptsLeft: 2 });
    expect(h.flow.view()).toMatchObject({ step: 'faceCheck', messageKey: 'flow.face.noMatch', data: { attempt: 1, lastOutcome: 'noMatch' } });
    h.flow.send({ type: 'FACE_RESULT', outcome: 'refused', attemptsLeft: 1 });
    h.flow.send({ type: 'FACE_RESULT', outcome: 'noMatch', attemptsLeft: 0 });
    const counter = await waitForView(h.flow, (v) => v.step === 'counter');
    expect(counter.data).toMatchObject({ reason: 'faceCheckFailed' });
  });

  it('with five tries configured, the flow offers all five (the face module\'s count) and shows five', async () => {
    const h = startRun(identity(HAN), undefined, { maxFaceAttempts: 5 });
    h.flow.send({ type: 'CONFIRM' });
    h.flow.send({ type: 'CONSENT', granted: true });
    const face = await waitForView(h.flow, (v) => v.step === 'faceCheck');
    expect(face.data).toMatchObject({ attempt: 0, maxAttempts: 5 });
    for (const left of [4, 3, 2, 1]) {
      h.flow.send({ type: 'FACE_RESULT', outcome: 'noMatch', attemptsLeft: left });
      expect(h.flow.view()).toMatchObject({ step: 'faceCheck', data: { attempt: 5 - left, maxAttempts: 5 } });
    }
    h.flow.send({ type: 'FACE_RESULT', outcome: 'noMatch', attemptsLeft: 0 });
    expect((await waitForView(h.flow, (v) => v.step === 'counter')).data).toMatchObject({ reason: 'faceCheckFailed' });
  });

  it('the face module saying no tries are left ends the check at once', async () => {
    const h = startRun(identity(HAN));
    h.flow.send({ type: 'CONFIRM' });
    h.flow.send({ type: 'CONSENT', granted: true });
    await waitForView(h.flow, (v) => v.step === 'faceCheck');
    h.flow.send({ type: 'FACE_RESULT', outcome: 'noMatch', attemptsLeft: 0 });
    expect(h.flow.view().step).toBe('counter');
  });

  it('BACK from face check withdraws consent', async () => {
    const h = startRun(identity(HAN));
    h.flow.send({ type: 'CONFIRM' });
    h.flow.send({ type: 'CONSENT', granted: true });
    await waitForView(h.flow, (v) => v.step === 'faceCheck');
    h.flow.send({ type: 'BACK' });
    expect(h.flow.view()).toMatchObject({ step: 'consent', data: { granted: false, busy: false } });
  });

  it('a query that times out can be retried twice, then goes to the counter', async () => {
    const h = startRun(identity(TIMEOUT));
    await toPurpose(h);
    h.flow.send({ type: 'PURPOSE', purpose: 'settlement' });
    let view = await waitForView(h.flow, (v) => v.data.step === 'query' && v.data.state === 'failed');
    expect(view).toMatchObject({ messageKey: 'flow.query.timeout', data: { failure: 'timeout', retriesLeft: 2 }, accepts: ['CONFIRM', 'RETRY'] });
    h.flow.send({ type: 'RETRY' });
    view = await waitForView(h.flow, (v) => v.data.step === 'query' && v.data.state === 'failed' && v.data.retriesLeft === 1);
    h.flow.send({ type: 'RETRY' });
    view = await waitForView(h.flow, (v) => v.data.step === 'query' && v.data.state === 'failed' && v.data.retriesLeft === 0);
    expect(view.accepts).toEqual(['CONFIRM']);
    h.flow.send({ type: 'CONFIRM' });
    expect((await waitForView(h.flow, (v) => v.step === 'counter')).data).toMatchObject({ reason: 'queryFailed' });
  });

  it('an unreachable back-end at the lookup fails with a retry that works once it is back', async () => {
    const base = sandbox();
    let down = true;
    const flaky: PoliceGateway = { ...base, lookupPerson: async (id) => (down ? { ok: false, error: { kind: 'unavailable', status: 503 } } : base.lookupPerson(id)) };
    const h = startRun(identity(HAN), flaky);
    await toPurpose(h);
    const failed = await waitForView(h.flow, (v) => v.step === 'failed');
    expect(failed).toMatchObject({ data: { reason: 'backendUnavailable', canRetry: true }, accepts: ['CONFIRM', 'RETRY'] });
    down = false;
    // The retry repeats the lookup; the face check that passed still stands.
    h.flow.send({ type: 'RETRY' });
    await waitForView(h.flow, (v) => v.step === 'choosePurpose');
  });

  it('a stopped flow ignores everything', () => {
    const h = startRun(identity(HAN));
    h.flow.stop();
    expect(h.flow.send({ type: 'CONFIRM' })).toBe(false);
  });
});

describe('no-criminal-record flow: nothing the back-end knows about a person before their face check passed', () => {
  /** A sandbox that counts person lookups and record queries. */
  function countingGateway() {
    const base = sandbox();
    const calls = { lookups: 0, queries: 0 };
    const gateway: PoliceGateway = {
      ...base,
      lookupPerson: (id) => ((calls.lookups += 1), base.lookupPerson(id)),
      queryCriminalRecord: (request) => ((calls.queries += 1), base.queryCriminalRecord(request)),
    };
    return { gateway, calls };
  }

  it.each([
    ['a typed Nanjing number (out of province)', identity(NANJING, { source: 'typed', cardType: null, name: null, validTo: null }), 'referral'],
    ['a Hong Kong card (counter only)', identity(HK, { cardType: 'hmt' }), 'counter'],
    ['a number the back-end does not know', identity('410404197001010098', { source: 'typed', cardType: null, name: null, validTo: null }), 'counter'],
  ])('%s: consent leads to the face check, with no lookup; the back-end decides only after the face passed', async (_label, who, after) => {
    const { gateway, calls } = countingGateway();
    const h = startRun(who, gateway);
    h.flow.send({ type: 'CONFIRM' });
    h.flow.send({ type: 'CONSENT', granted: true });
    // Let any back-end call that might have started settle.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const view = h.flow.view();
    expect(view).toMatchObject({ step: 'faceCheck', data: { lastOutcome: null } });
    expect(JSON.stringify(view)).not.toMatch(/江苏|南京|registeredProvince|notFound|counterOnly/);
    expect(calls).toEqual({ lookups: 0, queries: 0 });

    h.flow.send(passFace);
    const decided = await waitForView(h.flow, (v) => v.step === after);
    expect(calls.lookups).toBe(1);
    if (after === 'referral') expect(decided.data).toMatchObject({ registeredProvince: '江苏省', registeredCity: '南京市' });
  });

  it('three failed face checks for a person the back-end would refer elsewhere: the counter for the face, never the referral, no lookup', async () => {
    const { gateway, calls } = countingGateway();
    const h = startRun(identity(NANJING, { source: 'typed', cardType: null, name: null, validTo: null }), gateway);
    h.flow.send({ type: 'CONFIRM' });
    h.flow.send({ type: 'CONSENT', granted: true });
    for (const attemptsLeft of [2, 1, 0]) h.flow.send({ type: 'FACE_RESULT', outcome: 'noMatch', attemptsLeft });
    const counter = await waitForView(h.flow, (v) => v.data.step === 'counter' && v.data.ticket.state === 'printed');
    expect(counter.data).toMatchObject({ reason: 'faceCheckFailed' });
    expect(calls).toEqual({ lookups: 0, queries: 0 });
  });
});

describe('no-criminal-record flow: one identity per run', () => {
  it('after identify, the run ignores a new IDENTITY and ends on IDENTITY_CHANGED, revealing nothing', async () => {
    const { gateway, calls } = (() => {
      const base = sandbox();
      const counted = { lookups: 0 };
      return { gateway: { ...base, lookupPerson: (id: string) => ((counted.lookups += 1), base.lookupPerson(id)) } as PoliceGateway, calls: counted };
    })();
    const h = startRun(identity(RECORD, { source: 'typed', cardType: null, name: null, validTo: null }), gateway);
    h.flow.send({ type: 'CONFIRM' });
    h.flow.send({ type: 'CONSENT', granted: true });
    expect(h.flow.send({ type: 'IDENTITY', identity: identity(HAN) })).toBe(false);
    expect(h.flow.send({ type: 'IDENTITY_CHANGED' })).toBe(true);
    expect(h.flow.view()).toMatchObject({ step: 'done', accepts: [], data: { step: 'done', outcome: 'identityChanged' } });
    expect(h.flow.send(passFace)).toBe(false);
    expect(calls.lookups).toBe(0);
    expect(h.certificates.printed).toHaveLength(0);
    expect(h.queue.submitted).toEqual([]);
  });

  it('a run that already finished keeps its outcome', async () => {
    const h = startRun(identity(HAN));
    h.flow.send({ type: 'CONFIRM' });
    h.flow.send({ type: 'CONSENT', granted: false });
    expect(h.flow.send({ type: 'IDENTITY_CHANGED' })).toBe(false);
    expect(h.flow.view().data).toEqual({ step: 'done', outcome: 'declined' });
  });

  it('every view names its run and grows its sequence number with each change', async () => {
    const h = startRun(identity(HAN));
    const first = h.flow.view();
    expect(first).toMatchObject({ flowId: expect.stringMatching(/^flow-test-/), seq: 0 });
    const heard: number[] = [];
    h.flow.subscribe((v) => heard.push(v.seq));
    h.flow.send({ type: 'CONFIRM' });
    expect(h.flow.view().seq).toBe(1);
    // A refused event changes nothing, so the number stays.
    h.flow.send({ type: 'CONFIRM' });
    expect(h.flow.view().seq).toBe(1);
    await toPurpose(h);
    expect(heard).toEqual(heard.map((_, i) => i + 1));
    expect(h.flow.view().seq).toBe(heard.at(-1));
  });
});
