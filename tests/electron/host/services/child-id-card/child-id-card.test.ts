/**
 * 未满十六周岁 居民身份证首次申领, driven with the flow test kit over the
 * sandbox back-end: 陈思远 (guardian, by card) applies for 陈小雨 through to
 * the 领证回执; each refusal of the household check goes to the counter with
 * its own reason, before anything is paid.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowView, Identity } from '../../../../../electron/contract';
import type { PoliceGateway } from '../../../../../electron/host/gateway/police-gateway';
import childIdCard from '../../../../../electron/host/services/child-id-card';
import type { HouseholdAnswer } from '../../../../../electron/host/services/child-id-card/backend';
import { card, sandboxGateway, startService, typed, type FlowRun, type KitOptions } from '../flow-kit';
import { writtenName } from '../../flows/library/signatures';

const svc = (path: string) => `svc.child-id-card.${path}`;
const CHEN = '410402199001011230';
const CHILD = '410402201806150027';
const WANG_ZHE = '110105200511300072';
const LI_XIAOYU = '410402200203100042';

const running: FlowRun[] = [];
afterEach(() => {
  for (const run of running.splice(0)) run.flow.stop();
});

function start(who: Identity, options: KitOptions = {}): FlowRun {
  const run = startService(childIdCard, who, options);
  running.push(run);
  return run;
}

/** The sandbox, with the household check answered `answer` (cases the sandbox's people do not cover). */
function answering(answer: HouseholdAnswer): PoliceGateway {
  const base = sandboxGateway();
  return { ...base, call: async (operation, request) => (operation.name === 'child-id-card-household' ? { ok: true, value: answer } : base.call(operation, request)) } as PoliceGateway;
}

const typeChild = (run: FlowRun, idNumber: string) => run.step({ type: 'SUBMIT_FORM', values: { idNumber } });

/** identify → consent → face → the child's number: the view after the household check. */
async function toHousehold(run: FlowRun, child = CHILD): Promise<FlowView> {
  const form = await run.verify();
  expect(form).toMatchObject({ stepId: 'child', step: 'form', data: { titleKey: svc('child.title'), fields: [{ id: 'idNumber', type: 'text', input: 'idNumber' }] } });
  await typeChild(run, child);
  return run.settled();
}

/** From the photo step through prints, delivery at the hall and the signature: the payment view. */
async function toPayment(run: FlowRun): Promise<FlowView> {
  const photo = run.view();
  expect(photo).toMatchObject({ stepId: 'photo', data: { spec: 'residentId', studioReceipt: false } });
  expect(await run.photo('residentId')).toBe(true);
  await run.settled();
  expect(run.fingerprint(80)).toBe(true);
  expect(run.fingerprint(80)).toBe(true);
  const delivery = await run.settled();
  expect(delivery.stepId).toBe('delivery');
  await run.step({ type: 'SUBMIT_FORM', values: { method: 'hall' } });
  return run.step({ type: 'SIGN', signature: writtenName() });
}

describe('child-id-card: 陈思远 applies for 陈小雨', () => {
  it('runs identify → consent → face → child → household → photo → prints → delivery → sign → pay → submit → 缴费凭证 → 领证回执', async () => {
    const base = sandboxGateway();
    const payloads: Array<Record<string, unknown>> = [];
    const gateway = { ...base, submitApplication: (s: Parameters<typeof base.submitApplication>[0]) => (payloads.push(s.payload), base.submitApplication(s)) } as PoliceGateway;
    const run = start(card(CHEN), { gateway });
    expect(run.view().path.map((step) => step.id)).toEqual(['identify', 'consent', 'faceCheck', 'child', 'household', 'photo', 'prints', 'delivery', 'sign', 'pay', 'submit', 'feeSlip', 'receipt', 'done']);
    expect((await toHousehold(run)).stepId).toBe('photo');
    const pay = await toPayment(run);
    expect(pay.data).toMatchObject({ step: 'payment', state: 'waiting', totalFen: 2000, exemption: null });
    const after = await run.payByPhone();
    const feeSlip = after.stepId === 'feeSlip' ? after : await run.until((v) => v.stepId === 'feeSlip' && v.data.step === 'receiptPrint' && v.data.state === 'printed');
    expect(feeSlip.stepId).toBe('feeSlip');
    expect(run.slips.feeSlips).toHaveLength(1);
    expect(run.slips.feeSlips[0]).toMatchObject({ totalFen: 2000, items: [{ name: '居民身份证工本费', amountFen: 2000 }], holderMasked: '陈**' });
    const receipt = await run.step({ type: 'CONFIRM' });
    expect(receipt).toMatchObject({ stepId: 'receipt', data: { step: 'receiptPrint', state: 'printed', titleKey: svc('receipt.title') } });

    const slip = run.slips.infoSlips[0]!;
    expect(slip.title).toBe('居民身份证领证回执');
    const number = slip.code!;
    expect(number).toMatch(/^SB\d{8}$/);
    expect(slip.codeFormat).toBe('code128');
    expect(slip.lines).toEqual([
      { label: '业务类型', value: '首次申领（未满十六周岁，监护人代为申请）' },
      { label: '申领人（孩子）', value: '陈**' },
      { label: '孩子身份证号', value: '4104**********0027' },
      { label: '监护人', value: '陈**' },
      { label: '受理编号', value: number },
      // KIT_NOW is 2026-12-01 in the hall's zone; the sandbox says 20 days.
      { label: '预计可领取日期', value: '2026-12-21' },
      { label: '领取地点', value: expect.stringContaining('1号窗口') },
      { label: '证件有效期', value: '五年' },
    ]);
    // Nothing on the slip or the screen carries a full name or number.
    const printed = JSON.stringify([slip, receipt.data]);
    for (const secret of ['陈小雨', '陈思远', CHILD, CHEN]) expect(printed).not.toContain(secret);

    // The application: the child is its subject, the guardian its applicant.
    expect(payloads).toHaveLength(1);
    expect(payloads[0]).toMatchObject({ subject: { role: 'child', idNumber: CHILD, name: '陈小雨' }, applicant: { role: 'guardian', idNumber: CHEN } });

    const done = await run.step({ type: 'CONFIRM' });
    expect(done.data).toMatchObject({ step: 'done', outcome: 'applicationAccepted' });
    expect(run.faults).toEqual([]);
  });

  it('journals who the application is for (the child) and who applies (the guardian), both masked', async () => {
    const events: unknown[] = [];
    const run = start(card(CHEN), { audit: { record: (event) => events.push(event) } });
    expect((await toHousehold(run)).stepId).toBe('photo');
    expect(events).toEqual([
      {
        actor: 'host',
        action: 'application.parties',
        sessionId: expect.any(String),
        subject: 'child-id-card',
        detail: { subjectRole: 'child', subjectIdNumberMasked: '4104**********0027', subjectNameMasked: '陈**', applicantRole: 'guardian', applicantIdNumberMasked: '4104**********1230', applicantNameMasked: '陈**', household: 'eligible' },
      },
    ]);
    const refused: unknown[] = [];
    await toHousehold(start(card(CHEN), { audit: { record: (event) => refused.push(event) } }), WANG_ZHE);
    expect(refused).toMatchObject([{ detail: { subjectIdNumberMasked: '1101**********0072', subjectNameMasked: null, household: 'notInHousehold' } }]);
    for (const secret of [CHILD, CHEN, '陈小雨', '陈思远', WANG_ZHE]) expect(JSON.stringify([events, refused])).not.toContain(secret);
  });

  it('shows the child\'s number back only masked, and refuses a number that fails the checksum', async () => {
    const run = start(card(CHEN));
    await run.verify();
    const refused = await typeChild(run, '410402201806150028');
    expect(refused).toMatchObject({ stepId: 'child', data: { errors: { idNumber: 'flow.form.error.idNumber' } } });
  });

  it('posts the card by EMS for 15 元 more, never exempted', async () => {
    const run = start(card(CHEN));
    await toHousehold(run);
    expect(await run.photo('residentId')).toBe(true);
  await run.settled();
    run.fingerprint(80);
    run.fingerprint(80);
    await run.settled();
    await run.step({ type: 'SUBMIT_FORM', values: { method: 'ems', name: '陈思远', phone: '13800138000', address: { province: '410000', city: '410400', county: '410402', detail: '建设路1号' } } });
    const pay = await run.step({ type: 'SIGN', signature: writtenName() });
    expect(pay.data).toMatchObject({ step: 'payment', totalFen: 3500 });
  });
});

describe('child-id-card: the household check refuses before anything is paid', () => {
  const cases: Array<[string, Identity, string, string]> = [
    ["王喆's number: not in 陈思远's household", card(CHEN), WANG_ZHE, 'notInHousehold'],
    ['李晓雨 (born 2002): 16 or over, applies herself', card(CHEN), LI_XIAOYU, 'aged16OrOver'],
    ['a number the 户籍 system does not know', card(CHEN), '410404197001010098', 'notFound'],
    ['陈小雨 with a guardian whose household she is not in (马秀兰, typed)', typed('410403195806150041'), CHILD, 'notInHousehold'],
  ];
  it.each(cases)('%s → the counter with its reason, no order made', async (_label, guardian, child, reason) => {
    const run = start(guardian);
    const view = await toHousehold(run, child);
    expect(view).toMatchObject({ step: 'counter', data: { reasonKey: svc(`reason.${reason}`) } });
    // Refused at the household check: the payment step was never entered.
    expect(run.slips.feeSlips).toEqual([]);
    const ticket = await run.until((v) => v.data.step === 'counter' && v.data.ticket.state === 'printed');
    expect(ticket.data).toMatchObject({ window: '1号窗口' });
  });

  it.each(['alreadyHasCard', 'applicationInProgress'] as const)('%s (the back-end says so) → the counter with its reason', async (reason) => {
    const run = start(card(CHEN), { gateway: answering({ verdict: 'refused', reason }) });
    expect(await toHousehold(run)).toMatchObject({ step: 'counter', data: { reasonKey: svc(`reason.${reason}`) } });
  });
});

describe('child-id-card: fee exemptions the back-end applies, and the prints', () => {
  it('低保: nothing due, the rule shown, no 缴费凭证 printed, straight to the receipt', async () => {
    const run = start(card(CHEN), { gateway: answering({ verdict: 'eligible', child: { name: '陈小雨', birthDate: '2018-06-15' }, exemption: 'dibao', readyWithinDays: 20 }) });
    await toHousehold(run);
    const pay = await toPayment(run);
    expect(pay.data).toMatchObject({ step: 'payment', state: 'exempt', totalFen: 0, exemption: { nameKey: svc('fee.exemptions.dibao'), payPercent: 0 } });
    const next = await run.step({ type: 'CONFIRM' });
    const receipt = next.stepId === 'receipt' ? next : await run.until((v) => v.stepId === 'receipt' && v.data.step === 'receiptPrint' && v.data.state === 'printed');
    expect(receipt.stepId).toBe('receipt');
    expect(run.slips.feeSlips).toEqual([]);
  });

  it('hardship: half the fee', async () => {
    const run = start(card(CHEN), { gateway: answering({ verdict: 'eligible', child: { name: '陈小雨', birthDate: '2018-06-15' }, exemption: 'hardship', readyWithinDays: 20 }) });
    await toHousehold(run);
    expect((await toPayment(run)).data).toMatchObject({ state: 'waiting', totalFen: 1000, exemption: { payPercent: 50 } });
  });

  it('a child whose prints cannot be taken: the counter, where staff confirm the exemption', async () => {
    const run = start(card(CHEN));
    await toHousehold(run);
    expect(await run.photo('residentId')).toBe(true);
  await run.settled();
    let view = run.view();
    for (let i = 0; i < 12 && view.step === 'fingerprints'; i += 1) view = await run.step({ type: 'EXEMPT_FINGER', reason: 'missing' });
    expect(view).toMatchObject({ step: 'counter', data: { reasonKey: svc('reason.noFinger') } });
  });
});

describe('child-id-card: paid, then refused by the back-end', () => {
  it('the fee is refunded and the run ends rejectedRefunded, with no receipt', async () => {
    const base = sandboxGateway();
    // The back-end refuses this application as it refuses 何静's (her sandbox mark), after the payment.
    const gateway = { ...base, submitApplication: (s: Parameters<typeof base.submitApplication>[0]) => base.submitApplication({ ...s, payload: { ...s.payload, idNumber: '410403198808080060' } }) } as PoliceGateway;
    const run = start(card(CHEN), { gateway });
    await toHousehold(run);
    await toPayment(run);
    await run.payByPhone();
    const rejected = await run.until((v) => v.data.step === 'submit' && v.data.state === 'rejected');
    expect(rejected.data).toMatchObject({ reason: 'notEligible', refund: 'refunded', refundedFen: 2000 });
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ step: 'done', outcome: 'rejectedRefunded' });
    expect(run.slips.infoSlips).toEqual([]);
  });
});
