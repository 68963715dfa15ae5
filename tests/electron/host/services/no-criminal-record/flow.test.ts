/** 无犯罪记录证明 on the step library, driven with the flow test kit over the sandbox back-end. */
import { describe, expect, it } from 'vitest';
import type { FlowView } from '../../../../../electron/contract';
import type { IssuedCertificate, PoliceGateway, CriminalRecordQuery } from '../../../../../electron/host/gateway/police-gateway';
import noCriminalRecord from '../../../../../electron/host/services/no-criminal-record';
import { wording } from '../../../../../electron/host/services/no-criminal-record/wording';
import { card, renderedText, sandboxGateway, startService, typed, type FlowRun, type KitOptions } from '../flow-kit';
import type { Identity } from '../../../../../electron/contract';

const CHEN = '410402199001011230'; // 陈思远, no record
const RECORD = '410411198507150037'; // 孙建军, a record
const SEALED = '410402200203100042'; // 李晓雨, a sealed juvenile record
const REVIEW = '410421197711020027'; // 张伟, needs review
const NANJING = '32010219920308005X'; // 周明轩, 户籍 in Nanjing, 居住证 here
const BEIJING = '110105200511300072'; // 王喆, 户籍 in Beijing
const HK = '810000199507200020'; // 陈嘉欣, Hong Kong
const TIMEOUT = '410402199512120076'; // 郑浩然, the record query times out
const UNKNOWN = '410404197001010098'; // nobody the back-end knows

const svc = (path: string) => `svc.no-criminal-record.${path}`;
const start = (who: Identity | null, options: KitOptions = {}) => startService(noCriminalRecord, who, options);

/** The sandbox with every back-end call counted and the certificates it issued kept. */
function watchedGateway() {
  const base = sandboxGateway();
  const calls = { lookups: 0, queries: [] as CriminalRecordQuery[], issued: [] as IssuedCertificate[] };
  const gateway: PoliceGateway = {
    ...base,
    lookupPerson: (id) => ((calls.lookups += 1), base.lookupPerson(id)),
    queryCriminalRecord: (query) => (calls.queries.push(query), base.queryCriminalRecord(query)),
    issueCertificate: async (request) => {
      const issued = await base.issueCertificate(request);
      if (issued.ok) calls.issued.push(issued.value);
      return issued;
    },
  };
  return { gateway, calls };
}

/** identify → consent → face → registration, then the purpose and the record query, to the view after them. */
async function toReview(run: FlowRun, purpose = 'employment'): Promise<FlowView> {
  const atPurpose = await run.verify();
  expect(atPurpose.stepId).toBe('purpose');
  return run.step({ type: 'CHOOSE', value: purpose });
}

const printedView = (run: FlowRun) => run.until((v) => v.data.step === 'a4Print' && v.data.state === 'printed' && v.data.receipt !== 'printing');

describe('no-criminal-record flow: the certificate', () => {
  it('identify → consent → face → registration → purpose → record → review → print → done, with a slip and one outbox record', async () => {
    const { gateway, calls } = watchedGateway();
    const run = start(card(CHEN), { gateway });
    expect(run.view()).toMatchObject({ serviceId: 'no-criminal-record', stepId: 'identify', step: 'identify', stepIndex: 0, stepCount: 9, canGoBack: false, accepts: ['CONFIRM'] });
    expect(run.view().path.map((step) => step.id)).toEqual(['identify', 'consent', 'faceCheck', 'registration', 'purpose', 'record', 'review', 'print', 'done']);
    expect(run.view().data).toEqual({ step: 'identify', identity: { source: 'card', cardType: 'resident', name: '陈思远', idNumberMasked: '4104**********1230' }, problem: null });
    expect(JSON.stringify(run.view())).not.toContain(CHEN);

    // The identity is fixed from here: no way back to identify.
    expect(await run.step({ type: 'CONFIRM' })).toMatchObject({ stepId: 'consent', stepIndex: 1, canGoBack: false, data: { textKey: svc('consent.text'), granted: false } });
    expect(await run.step({ type: 'CONSENT', granted: true })).toMatchObject({ stepId: 'faceCheck', data: { attempt: 0, maxAttempts: 3, lastOutcome: null } });
    expect(run.face()).toBe(true);
    // The registration lookup runs only now, as a step of its own.
    expect(run.view()).toMatchObject({ stepId: 'registration', step: 'query', accepts: [], data: { state: 'running', titleKey: svc('query.registration') } });
    const purpose = await run.settled();
    expect(purpose).toMatchObject({ stepId: 'purpose', step: 'choice', canGoBack: false, accepts: ['CHOOSE'], data: { titleKey: svc('purpose.title'), selected: null } });
    expect(purpose.data.step === 'choice' && purpose.data.options.map((option) => option.value)).toEqual(['employment', 'abroad', 'settlement', 'other']);

    const review = await run.step({ type: 'CHOOSE', value: 'employment' });
    expect(review).toMatchObject({ stepId: 'review', canGoBack: true, accepts: ['CONFIRM', 'BACK'] });
    expect(review.data).toEqual({
      step: 'review',
      titleKey: svc('review.title'),
      rows: [
        { labelKey: svc('review.name'), text: '陈思远' },
        { labelKey: svc('review.idNumber'), text: '4104**********1230' },
        { labelKey: svc('review.purpose'), textKey: svc('purpose.employment') },
        { labelKey: svc('review.queryDate'), text: '2026-12-01' },
      ],
      noteKeys: [svc('notes.verify')],
    });

    run.send({ type: 'CONFIRM' });
    const printed = await printedView(run);
    const certificate = calls.issued[0]!;
    expect(calls.issued).toHaveLength(1);
    expect(certificate.number).toMatch(/^WFZ2026-HB-KIOSK-01-\d{6}$/);
    // The screen shows the back-end's number, the one printed on the paper.
    expect(printed).toMatchObject({ accepts: ['CONFIRM', 'REPRINT'], data: { state: 'printed', documentNumber: certificate.number, verifyCode: certificate.verifyCode, reprintAvailable: true, receipt: 'printed' } });
    expect(run.slips.receipts).toEqual([
      { sessionId: expect.any(String), serviceName: '无犯罪记录证明', documentNumber: certificate.number, verifyCode: certificate.verifyCode, name: '陈思远', idNumberMasked: '4104**********1230', issuedAt: expect.any(Date) },
    ]);
    expect(run.outbox.submitted).toEqual([
      {
        key: expect.stringMatching(/-certificate$/),
        serviceId: 'no-criminal-record',
        payload: { kind: 'certificateIssued', idNumber: CHEN, purpose: 'employment', result: 'noRecord', queryDate: '2026-12-01', documentNumber: 'J2026-000001', backendNumber: certificate.number, printed: true },
      },
    ]);

    expect(await run.step({ type: 'CONFIRM' })).toMatchObject({ stepId: 'done', stepIndex: 8, accepts: [], data: { step: 'done', outcome: 'certificateIssued', outcomeKey: svc('outcomes.certificateIssued') } });
    expect(run.faults).toEqual([]);
  });

  it('the A4 request: the back-end\'s number, seal, code and verification target, the wording from the folder\'s template', async () => {
    const { gateway, calls } = watchedGateway();
    const run = start(card(CHEN), { gateway });
    await toReview(run);
    run.send({ type: 'CONFIRM' });
    await printedView(run);
    const certificate = calls.issued[0]!;
    const { request } = run.documents.requests[0]!;
    expect(request).toMatchObject({ kind: 'noCriminalRecord', printedNumber: certificate.number });
    expect(request.seal?.imagePng).toEqual(certificate.seal.imagePng);
    expect(request.vars).toMatchObject({
      name: '陈思远',
      idDocumentType: '居民身份证',
      idNumber: CHEN,
      issuingOffice: certificate.issuingOffice,
      verifyCode: certificate.verifyCode,
      verifyTarget: certificate.verifyUrl,
      notes: [],
    });

    const text = (await renderedText(request)).replace(/ /g, '');
    expect(text).toContain(`编号：${certificate.number}`);
    expect(text).toContain(`经查询，截至2026年12月1日，未发现陈思远（证件类型：居民身份证，证件号码：${CHEN}）有犯罪记录。`);
    expect(text).toContain('特此证明。');
    expect(text).toContain(`核验码：${certificate.verifyCode}`);
    expect(text).toContain('2026年12月1日');
    expect(text).not.toContain('2026-12-01');
  }, 30_000);

  it('abroad: the notarisation and apostille note on screen and on the certificate; the validity note only where the site asks for it', async () => {
    const abroadNote = (wording['zh-CN'].notes as Record<string, string>).abroad!;
    const validityNote = (wording['zh-CN'].notes as Record<string, string>).validity!;

    const plain = start(card(CHEN));
    const review = await toReview(plain, 'abroad');
    expect(review.data).toMatchObject({ noteKeys: [svc('notes.abroad'), svc('notes.verify')] });
    plain.send({ type: 'CONFIRM' });
    const printed = await printedView(plain);
    expect(printed.data).toMatchObject({ noteKeys: [svc('notes.abroad'), svc('notes.verify')] });
    expect(plain.documents.requests[0]!.request.vars.notes).toEqual([abroadNote]);
    expect((await renderedText(plain.documents.requests[0]!.request)).replace(/ /g, '')).toContain(abroadNote.slice(0, 20));

    const withValidity = start(card(CHEN), { settings: { validityNote: true } });
    expect((await toReview(withValidity, 'abroad')).data).toMatchObject({ noteKeys: [svc('notes.abroad'), svc('notes.validity'), svc('notes.verify')] });
    withValidity.send({ type: 'CONFIRM' });
    await printedView(withValidity);
    expect(withValidity.documents.requests[0]!.request.vars.notes).toEqual([abroadNote, validityNote]);

    const employment = start(card(CHEN), { settings: { validityNote: true } });
    expect((await toReview(employment, 'employment')).data).toMatchObject({ noteKeys: [svc('notes.validity'), svc('notes.verify')] });
  }, 30_000);

  it('the site settings are checked against the service\'s schema', () => {
    expect(() => start(card(CHEN), { settings: { validityNote: 'yes' } })).toThrow();
    expect(() => start(card(CHEN), { settings: { unknown: true } })).toThrow();
  });

  it('review BACK returns to the purpose; a new purpose is a new query', async () => {
    const { gateway, calls } = watchedGateway();
    const run = start(card(CHEN), { gateway });
    await toReview(run, 'employment');
    const purpose = await run.step({ type: 'BACK' });
    expect(purpose).toMatchObject({ stepId: 'purpose', data: { selected: null } });
    const review = await run.step({ type: 'CHOOSE', value: 'settlement' });
    expect(review.data).toMatchObject({ rows: expect.arrayContaining([{ labelKey: svc('review.purpose'), textKey: svc('purpose.settlement') }]) });
    expect(calls.queries.map((query) => query.purpose)).toEqual(['employment', 'settlement']);
    expect(new Set(calls.queries.map((query) => query.requestKey)).size).toBe(2);
    run.send({ type: 'CONFIRM' });
    await printedView(run);
    expect(run.outbox.submitted.map((s) => s.payload.purpose)).toEqual(['settlement']);
  });

  it('a sealed juvenile record still gets the certificate; a typed number takes the name from the registration', async () => {
    const run = start(typed(SEALED));
    const review = await toReview(run);
    expect(review.data).toMatchObject({ step: 'review', rows: expect.arrayContaining([{ labelKey: svc('review.name'), text: '李晓雨' }]) });
    run.send({ type: 'CONFIRM' });
    await printedView(run);
    expect(run.documents.requests[0]!.request.vars).toMatchObject({ name: '李晓雨', idNumber: SEALED });
    expect(run.outbox.submitted[0]!.payload).toMatchObject({ kind: 'certificateIssued', result: 'sealedJuvenile' });
  });

  it('a failed print offers one reprint; a second failure sends the citizen to the counter', async () => {
    const run = start(card(CHEN));
    run.documents.script = ['paperOut', 'paperOut'];
    await toReview(run, 'other');
    run.send({ type: 'CONFIRM' });
    const failed = await run.until((v) => v.data.step === 'a4Print' && v.data.state === 'notPrinted');
    expect(failed).toMatchObject({ messageKey: 'print.paperOut', accepts: ['CONFIRM', 'REPRINT'], data: { reprintAvailable: true, receipt: 'printing' } });
    const again = await run.step({ type: 'REPRINT' });
    expect(again).toMatchObject({ data: { state: 'notPrinted', reprintAvailable: false }, accepts: ['CONFIRM'] });
    expect(run.send({ type: 'REPRINT' })).toBe(false);
    expect(run.documents.reprints).toEqual(['J2026-000001']);
    run.send({ type: 'CONFIRM' });
    const counter = await run.until((v) => v.data.step === 'counter' && v.data.ticket.state === 'printed');
    expect(counter.data).toEqual({ step: 'counter', reasonKey: 'flow.counter.reason.printFailed', window: '2号窗口', ticket: { state: 'printed', number: 'B001' } });
    expect(run.slips.receipts).toEqual([]);
    // The document exists (numbered, rendered) even unprinted: the outbox hears of it once.
    expect(run.outbox.submitted).toEqual([expect.objectContaining({ payload: expect.objectContaining({ kind: 'certificateIssued', printed: false }) })]);
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ outcome: 'counter' });
  });

  it('a reprint after a failed first print goes on to the slip', async () => {
    const run = start(card(CHEN));
    run.documents.script = ['paperOut'];
    await toReview(run, 'other');
    run.send({ type: 'CONFIRM' });
    await run.until((v) => v.data.step === 'a4Print' && v.data.state === 'notPrinted');
    run.send({ type: 'REPRINT' });
    const done = await printedView(run);
    expect(done.data).toMatchObject({ state: 'printed', receipt: 'printed', reprintAvailable: false });
    expect(run.slips.receipts).toHaveLength(1);
  });

  it('no back-end number: nothing is printed and the citizen goes to the counter', async () => {
    const base = sandboxGateway();
    const gateway: PoliceGateway = { ...base, issueCertificate: async () => ({ ok: false, error: { kind: 'unavailable', status: 503 } }) };
    const run = start(card(CHEN), { gateway });
    await toReview(run);
    const failed = await run.step({ type: 'CONFIRM' });
    expect(failed).toMatchObject({ messageKey: 'flow.a4Print.numberUnavailable', accepts: ['CONFIRM'], data: { state: 'notPrinted', documentNumber: null, reprintAvailable: false } });
    expect(run.documents.requests).toEqual([]);
    expect(run.outbox.submitted).toEqual([]);
  });
});

describe('no-criminal-record flow: who is served here', () => {
  it.each([
    ['a record', RECORD, 'record', '孙建军'],
    ['needs review', REVIEW, 'needsReview', '张伟'],
  ])('%s: the coarse counter reason, a queue ticket (the name from the registration, printed masked), a counter referral in the outbox', async (_label, idNumber, result, name) => {
    const run = start(typed(idNumber));
    await run.verify();
    run.send({ type: 'CHOOSE', value: 'employment' });
    const counter = await run.until((v) => v.data.step === 'counter' && v.data.ticket.state === 'printed');
    expect(counter.data).toEqual({ step: 'counter', reasonKey: 'flow.counter.reason.atCounter', window: '2号窗口', ticket: { state: 'printed', number: 'B001' } });
    expect(JSON.stringify(counter.data)).not.toMatch(/record|needsReview|犯罪/i);
    expect(run.slips.tickets).toEqual([{ sessionId: expect.any(String), serviceId: 'no-criminal-record', serviceName: '无犯罪记录证明', window: '2号窗口', name }]);
    expect(run.documents.requests).toEqual([]);
    expect(run.outbox.submitted).toEqual([
      { key: expect.stringMatching(/-counter$/), serviceId: 'no-criminal-record', payload: expect.objectContaining({ kind: 'counterReferral', idNumber, purpose: 'employment', result }) },
    ]);
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ step: 'done', outcome: 'counter', outcomeKey: 'flow.outcome.counter' });
  });

  it('a run that ends while the record query is on its way hands nothing to the outbox, whatever the answer', async () => {
    const base = sandboxGateway();
    let answer: () => void = () => undefined;
    const gateway: PoliceGateway = {
      ...base,
      queryCriminalRecord: (query) => new Promise((resolve) => (answer = () => resolve(base.queryCriminalRecord(query)))),
    };
    const run = start(typed(RECORD), { gateway });
    await run.verify();
    run.send({ type: 'CHOOSE', value: 'employment' });
    await run.until((v) => v.data.step === 'query');
    run.flow.stop(); // the citizen walked away; the session ended
    answer();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(run.outbox.submitted).toEqual([]);
    expect(run.slips.tickets).toEqual([]);
  });

  it('王喆, registered in Beijing: a queue ticket for this hall\'s certificates window (跨省通办), not a referral home', async () => {
    const run = start(card(BEIJING));
    await run.verify();
    const counter = await run.until((v) => v.data.step === 'counter' && v.data.ticket.state === 'printed');
    expect(counter).toMatchObject({ stepId: 'counter', data: { reasonKey: svc('counter.outOfProvince'), window: '2号窗口', ticket: { state: 'printed', number: 'B001' } } });
    expect(run.slips.tickets).toEqual([expect.objectContaining({ window: '2号窗口', name: '王喆', serviceName: '无犯罪记录证明' })]);
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ outcome: 'counter' });
  });

  it('周明轩, registered in Nanjing with a 居住证 here: served at the kiosk as a local resident', async () => {
    const run = start(typed(NANJING));
    expect((await run.verify()).stepId).toBe('purpose');
    const review = await run.step({ type: 'CHOOSE', value: 'employment' });
    expect(review.data).toMatchObject({ rows: expect.arrayContaining([{ labelKey: svc('review.name'), text: '周明轩' }]) });
    run.send({ type: 'CONFIRM' });
    await printedView(run);
    expect(run.documents.requests[0]!.request.vars).toMatchObject({ name: '周明轩', idNumber: NANJING });
  });

  it.each([
    ['a foreigner card (2023)', card('941124198804120029')],
    ['a foreigner card (2017)', card('SWE110085031501')],
    ['a typed 2023 foreigner number', typed('941124198804120029')],
  ])('%s goes to the 出入境 window straight from identify', async (_label, who) => {
    const { gateway, calls } = watchedGateway();
    const run = start(who, { gateway });
    const referral = await run.step({ type: 'CONFIRM' });
    expect(referral).toMatchObject({ stepId: 'referral', messageKey: 'flow.referral.exitEntry', data: { step: 'referral', to: 'exitEntry', window: '3号窗口' } });
    expect(calls.lookups).toBe(0);
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ outcome: 'referred', outcomeKey: 'flow.outcome.referred' });
  });

  it('a typed 2017 permit number (not recognisable at identify) is sent to 出入境 by the registration', async () => {
    const run = start(typed('SWE110085031501'));
    const referral = await run.verify();
    expect(referral).toMatchObject({ stepId: 'referral', data: { to: 'exitEntry', window: '3号窗口' } });
  });

  it.each([
    ['a Hong Kong resident', card(HK)],
    ['a person the back-end does not know', typed(UNKNOWN)],
  ])('%s is handled at the counter', async (_label, who) => {
    const run = start(who);
    await run.verify();
    const counter = await run.until((v) => v.data.step === 'counter' && v.data.ticket.state === 'printed');
    expect(counter.data).toMatchObject({ reasonKey: 'flow.counter.reason.atCounter', window: '2号窗口' });
  });
});

describe('no-criminal-record flow: the host checks every transition', () => {
  it.each([
    ['no identity', null, 'missing'],
    ['an invalid number', card('410402198203150016', { idNumberValid: false }), 'invalidNumber'],
    ['an expired card', card(CHEN, { expired: true, validTo: '2020-01-01' }), 'expired'],
  ])('identify stays put with %s', (_label, who, problem) => {
    const run = start(who);
    expect(run.send({ type: 'CONFIRM' })).toBe(true);
    expect(run.view()).toMatchObject({ stepId: 'identify', messageKey: `flow.identify.${problem}`, data: { problem } });
  });

  it('a card read later (IDENTITY from the host) makes identify pass', () => {
    const run = start(null);
    expect(run.identify(card(CHEN))).toBe(true);
    run.send({ type: 'CONFIRM' });
    expect(run.view().stepId).toBe('consent');
  });

  it('declining consent ends the run without any back-end call', () => {
    const { gateway, calls } = watchedGateway();
    const run = start(card(CHEN), { gateway });
    run.send({ type: 'CONFIRM' });
    run.send({ type: 'CONSENT', granted: false });
    expect(run.view().data).toEqual({ step: 'done', outcome: 'declined', outcomeKey: 'flow.outcome.declined' });
    expect(calls.lookups).toBe(0);
  });

  it.each([
    ['identify', 0, ['FACE_RESULT', 'CHOOSE', 'CONSENT', 'REPRINT', 'RETRY', 'BACK']],
    ['consent', 1, ['FACE_RESULT', 'CHOOSE', 'CONFIRM', 'REPRINT', 'RETRY', 'BACK']],
    ['faceCheck', 2, ['CHOOSE', 'CONFIRM', 'CONSENT', 'REPRINT', 'RETRY']],
  ] as const)('at %s, out-of-order events are refused', (_step, confirmed, refused) => {
    const run = start(card(CHEN));
    if (confirmed >= 1) run.send({ type: 'CONFIRM' });
    if (confirmed >= 2) run.send({ type: 'CONSENT', granted: true });
    for (const type of refused) {
      const sent =
        type === 'FACE_RESULT'
          ? run.face()
          : type === 'CHOOSE'
            ? run.send({ type, value: 'other' })
            : type === 'CONSENT'
              ? run.send({ type, granted: true })
              : run.send({ type });
      expect(sent, type).toBe(false);
    }
  });

  it('no purpose (and so no query) before the face check passed; no print before review', async () => {
    const { gateway, calls } = watchedGateway();
    const run = start(card(CHEN), { gateway });
    run.send({ type: 'CONFIRM' });
    run.send({ type: 'CONSENT', granted: true });
    expect(run.send({ type: 'CHOOSE', value: 'other' })).toBe(false);
    expect(run.send({ type: 'CONFIRM' })).toBe(false);
    expect(run.send({ type: 'REPRINT' })).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls.queries).toEqual([]);
    expect(run.documents.requests).toEqual([]);
  });

  it('three failed face checks send the citizen to the counter', async () => {
    const run = start(card(CHEN));
    run.send({ type: 'CONFIRM' });
    run.send({ type: 'CONSENT', granted: true });
    run.face('noMatch', 2);
    expect(run.view()).toMatchObject({ stepId: 'faceCheck', messageKey: 'flow.face.noMatch', data: { attempt: 1, lastOutcome: 'noMatch' } });
    run.face('refused', 1);
    expect(run.view()).toMatchObject({ messageKey: 'flow.face.refused', data: { attempt: 2, lastOutcome: 'refused' } });
    run.face('noMatch', 0);
    const counter = await run.until((v) => v.data.step === 'counter' && v.data.ticket.state === 'printed');
    expect(counter.data).toMatchObject({ reasonKey: 'flow.counter.reason.faceCheckFailed', window: '2号窗口' });
  });

  it('with five tries configured, the flow offers all five (the face module\'s count) and shows five', async () => {
    const run = start(card(CHEN), { maxFaceAttempts: 5 });
    run.send({ type: 'CONFIRM' });
    run.send({ type: 'CONSENT', granted: true });
    expect(run.view().data).toMatchObject({ attempt: 0, maxAttempts: 5 });
    for (const left of [4, 3, 2, 1]) {
      run.face('noMatch', left);
      expect(run.view()).toMatchObject({ stepId: 'faceCheck', data: { attempt: 5 - left, maxAttempts: 5 } });
    }
    run.face('noMatch', 0);
    expect((await run.until((v) => v.step === 'counter')).data).toMatchObject({ reasonKey: 'flow.counter.reason.faceCheckFailed' });
  });

  it('the face module saying no tries are left ends the check at once', () => {
    const run = start(card(CHEN));
    run.send({ type: 'CONFIRM' });
    run.send({ type: 'CONSENT', granted: true });
    run.face('noMatch', 0);
    expect(run.view().step).toBe('counter');
  });

  it('BACK from face check withdraws consent', () => {
    const run = start(card(CHEN));
    run.send({ type: 'CONFIRM' });
    run.send({ type: 'CONSENT', granted: true });
    expect(run.send({ type: 'BACK' })).toBe(true);
    expect(run.view()).toMatchObject({ stepId: 'consent', data: { granted: false } });
  });

  it('a record query that times out can be retried twice, then goes to the counter', async () => {
    const run = start(typed(TIMEOUT));
    await run.verify();
    let view = await run.step({ type: 'CHOOSE', value: 'settlement' });
    expect(view).toMatchObject({ stepId: 'record', messageKey: 'flow.query.timeout', accepts: ['CONFIRM', 'RETRY'], data: { state: 'failed', failure: 'timeout', retriesLeft: 2 } });
    view = await run.step({ type: 'RETRY' });
    expect(view.data).toMatchObject({ state: 'failed', retriesLeft: 1 });
    view = await run.step({ type: 'RETRY' });
    expect(view).toMatchObject({ accepts: ['CONFIRM'], data: { state: 'failed', retriesLeft: 0 } });
    expect(run.send({ type: 'RETRY' })).toBe(false);
    run.send({ type: 'CONFIRM' });
    expect((await run.until((v) => v.step === 'counter')).data).toMatchObject({ reasonKey: 'flow.counter.reason.queryFailed' });
  });

  it('an unreachable back-end at the registration offers a retry that works once it is back; the passed face check stands', async () => {
    const base = sandboxGateway();
    let down = true;
    const flaky: PoliceGateway = { ...base, lookupPerson: async (id) => (down ? { ok: false, error: { kind: 'unavailable', status: 503 } } : base.lookupPerson(id)) };
    const run = start(card(CHEN), { gateway: flaky });
    const failed = await run.verify();
    expect(failed).toMatchObject({ stepId: 'registration', messageKey: 'flow.query.unavailable', accepts: ['CONFIRM', 'RETRY'], data: { state: 'failed', failure: 'unavailable', retriesLeft: 2 } });
    down = false;
    expect((await run.step({ type: 'RETRY' })).stepId).toBe('purpose');
  });

  it('a stopped flow ignores everything', () => {
    const run = start(card(CHEN));
    run.flow.stop();
    expect(run.send({ type: 'CONFIRM' })).toBe(false);
  });
});

describe('no-criminal-record flow: nothing the back-end knows about a person before their face check passed', () => {
  it.each([
    ['王喆 (out of province)', card(BEIJING), 'counter'],
    ['a Hong Kong card (counter only)', card(HK), 'counter'],
    ['a number the back-end does not know', typed(UNKNOWN), 'counter'],
  ])('%s: consent leads to the face check with no lookup; the back-end decides only after the face passed', async (_label, who, after) => {
    const { gateway, calls } = watchedGateway();
    const run = start(who, { gateway });
    run.send({ type: 'CONFIRM' });
    run.send({ type: 'CONSENT', granted: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const view = run.view();
    expect(view).toMatchObject({ stepId: 'faceCheck', data: { lastOutcome: null } });
    expect(JSON.stringify(view)).not.toMatch(/北京|outOfProvince|atCounter/);
    expect(calls.lookups).toBe(0);
    run.face();
    await run.until((v) => v.step === after);
    expect(calls.lookups).toBe(1);
  });

  it('three failed face checks for a person the back-end would send elsewhere: the counter for the face, no lookup', async () => {
    const { gateway, calls } = watchedGateway();
    const run = start(card(BEIJING), { gateway });
    run.send({ type: 'CONFIRM' });
    run.send({ type: 'CONSENT', granted: true });
    for (const left of [2, 1, 0]) run.face('noMatch', left);
    const counter = await run.until((v) => v.data.step === 'counter' && v.data.ticket.state === 'printed');
    expect(counter.data).toMatchObject({ reasonKey: 'flow.counter.reason.faceCheckFailed' });
    expect(calls.lookups).toBe(0);
  });
});

describe('no-criminal-record flow: one identity per run', () => {
  it('after identify, the run refuses a new IDENTITY and ends on IDENTITY_CHANGED, revealing nothing', () => {
    const { gateway, calls } = watchedGateway();
    const run = start(typed(RECORD), { gateway });
    run.send({ type: 'CONFIRM' });
    run.send({ type: 'CONSENT', granted: true });
    expect(run.identify(card(CHEN))).toBe(false);
    expect(run.identityChanged()).toBe(true);
    expect(run.view()).toMatchObject({ stepId: 'done', accepts: [], data: { step: 'done', outcome: 'identityChanged', outcomeKey: 'flow.outcome.identityChanged' } });
    expect(run.face()).toBe(false);
    expect(calls.lookups).toBe(0);
    expect(run.documents.requests).toEqual([]);
    expect(run.outbox.submitted).toEqual([]);
  });

  it('a run that already finished keeps its outcome', () => {
    const run = start(card(CHEN));
    run.send({ type: 'CONFIRM' });
    run.send({ type: 'CONSENT', granted: false });
    expect(run.identityChanged()).toBe(false);
    expect(run.view().data).toMatchObject({ step: 'done', outcome: 'declined' });
  });

  it('every view names its run and grows its sequence number with each change', async () => {
    const run = start(card(CHEN));
    expect(run.view()).toMatchObject({ flowId: expect.stringMatching(/^flow-kit-/), seq: 0 });
    const heard: number[] = [];
    run.flow.subscribe((view) => heard.push(view.seq));
    run.send({ type: 'CONFIRM' });
    expect(run.view().seq).toBe(1);
    // A refused event changes nothing, so the number stays.
    run.send({ type: 'CONFIRM' });
    expect(run.view().seq).toBe(1);
    await run.step({ type: 'CONSENT', granted: true });
    run.face();
    await run.settled();
    expect(heard).toEqual(heard.map((_, i) => i + 1));
    expect(run.view().seq).toBe(heard.at(-1));
  });
});
