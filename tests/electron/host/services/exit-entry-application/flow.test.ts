/**
 * 出入境证件申请 with the flow kit over the sandbox (today 2026-12-01, a
 * Tuesday): which reasons the record allows for each document and each
 * refusal with why (出境限制 discreetly, an application in progress, 换发
 * before its time, a guardian not confirmed), the loss declared at once, the
 * child with the guardian (no fingerprints, the guardian signs), the pinyin
 * shown first, the fee per document, the payload and the 受理回执.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowView, FormValues } from '../../../../../electron/contract';
import exitEntryApplication from '../../../../../electron/host/services/exit-entry-application';
import { addDays } from '../../../../../domain/calendar-date';
import { renewableFrom } from '../../../../../electron/host/services/exit-entry-application/rules';
import type { PoliceGateway } from '../../../../../electron/host/gateway/police-gateway';
import { card, sandboxGateway, startService, typed, type FlowRun } from '../flow-kit';
import { writtenName } from '../../flows/library/signatures';

const ZHOU_TING = '410402199506120029'; // holds nothing: first application
const WU = '410403198011250034'; // passport expired; card permits valid
const ZHENG = '41040219920308004X'; // passport pages full; 港澳 card valid
const LIU_CHILD = '410402201405200011'; // aged 12
const LIU_FATHER = '410402198507060035';
const QIAN = '41040219771203005X'; // 出境限制
const CHEN = '410402199001011230'; // passport expiring in 150 days; 港澳 card valid to +2950d

const key = (path: string) => `svc.exit-entry-application.${path}`;
const running: FlowRun[] = [];
afterEach(() => {
  for (const run of running.splice(0)) run.flow.stop();
});

/** A run whose back-end submissions are recorded (the application's payload as the back-end gets it). */
function start(identity: ReturnType<typeof card>): FlowRun & { payloads: Array<Record<string, unknown>> } {
  const base = sandboxGateway();
  const payloads: Array<Record<string, unknown>> = [];
  const gateway = { ...base, submitApplication: (s: Parameters<typeof base.submitApplication>[0]) => (payloads.push(s.payload), base.submitApplication(s)) } as PoliceGateway;
  const run = startService(exitEntryApplication, identity, { gateway });
  running.push(run);
  return Object.assign(run, { payloads });
}

const optionsOf = (view: FlowView) => (view.data.step === 'choice' ? view.data.options.map((option) => option.value) : null);
const formOf = (view: FlowView) => (view.data.step === 'form' ? view.data : null);
const APPLICANT: FormValues = { surname: 'ZHOU', givenName: 'TING', occupation: 'enterprise', contactName: '周建国', contactPhone: '13800138000', contactRelation: 'parent' };

/** From the check to the payment: photo, (prints), the form, collection, signature. */
async function checkToPayment(run: FlowRun, options: { prints: boolean; applicant?: FormValues; delivery?: Record<string, unknown> }): Promise<FlowView> {
  const photo = await run.settled();
  expect(photo.stepId).toBe('photo');
  expect(await run.photo('exitEntry')).toBe(true);
  if (options.prints) {
    expect((await run.settled()).stepId).toBe('prints');
    expect(run.fingerprint(80)).toBe(true);
    expect(run.fingerprint(80)).toBe(true);
  }
  const form = await run.settled();
  expect(form.stepId).toBe('applicant');
  const delivery = await run.step({ type: 'SUBMIT_FORM', values: options.applicant ?? APPLICANT });
  expect(delivery.stepId).toBe('delivery');
  const sign = await run.step({ type: 'SUBMIT_FORM', values: (options.delivery ?? { method: 'hall' }) as never });
  expect(sign.stepId).toBe('sign');
  return run.step({ type: 'SIGN', signature: writtenName() });
}

async function payAndReceipt(run: FlowRun): Promise<FlowView> {
  await run.payByPhone();
  let view = await run.until((v) => (v.stepId !== 'pay' && v.stepId !== 'submit') || (v.data.step === 'submit' && v.data.state !== 'sending'), 5000);
  for (let i = 0; i < 4 && view.stepId !== 'receipt'; i++) view = await run.step({ type: 'CONFIRM' });
  return view;
}

const payment = (view: FlowView) => (view.data.step === 'payment' ? view.data : null);

describe('exit-entry-application: the record decides what may be applied for', () => {
  it('钱卫东 (出境限制): the counter with a discreet reason, before any choice', async () => {
    const run = start(typed(QIAN));
    const counter = await run.verify();
    expect(counter.data).toMatchObject({ step: 'counter', reasonKey: key('counter.restricted'), window: '3号窗口' });
    expect(run.slips.tickets).toHaveLength(1);
  });

  it('周婷 (holds nothing): every document offered, each only as 首次申请', async () => {
    const run = start(typed(ZHOU_TING));
    expect(optionsOf(await run.verify())).toEqual(['passport', 'hkMacauPermit', 'taiwanPermit']);
    expect(optionsOf(await run.step({ type: 'CHOOSE', value: 'taiwanPermit' }))).toEqual(['first']);
  });

  it('吴国强: passport 换发 (expired) or 补发; his valid 港澳 card may not be renewed yet (counter with the dates)', async () => {
    const run = start(typed(WU));
    await run.verify();
    expect(optionsOf(await run.step({ type: 'CHOOSE', value: 'passport' }))).toEqual(['renewal', 'lost']);
    expect((await run.step({ type: 'CHOOSE', value: 'renewal' })).stepId).toBe('photo');
    const permit = start(typed(WU));
    await permit.verify();
    await permit.step({ type: 'CHOOSE', value: 'hkMacauPermit' });
    const counter = await permit.step({ type: 'CHOOSE', value: 'renewal' });
    expect(counter.data).toMatchObject({ step: 'counter', reasonKey: key('counter.notYetDue'), reasonParams: { validUntil: addDays('2026-12-01', 2750), renewableFrom: renewableFrom(addDays('2026-12-01', 2750)) } });
    expect(permit.slips.tickets).toHaveLength(1);
  });

  it('郑丽: a passport with full pages may be renewed while valid; 陈思远\'s passport, 150 days from expiry, too', async () => {
    const zheng = start(typed(ZHENG));
    await zheng.verify();
    await zheng.step({ type: 'CHOOSE', value: 'passport' });
    expect((await zheng.step({ type: 'CHOOSE', value: 'renewal' })).stepId).toBe('photo');
    const chen = start(card(CHEN));
    await chen.verify();
    await chen.step({ type: 'CHOOSE', value: 'passport' });
    expect((await chen.step({ type: 'CHOOSE', value: 'renewal' })).stepId).toBe('photo');
  });
});

describe('exit-entry-application: to the receipt', () => {
  it('周婷: first passport, pinyin proposed and corrected, 120 元, the 受理回执 with the 受理编号 and 7 working days', async () => {
    const run = start(typed(ZHOU_TING));
    await run.verify();
    await run.step({ type: 'CHOOSE', value: 'passport' });
    await run.step({ type: 'CHOOSE', value: 'first' });
    const pay = await checkToPayment(run, {
      prints: true,
      applicant: { ...APPLICANT, givenName: 'TINGTING' },
    });
    expect(payment(pay)).toMatchObject({ state: 'waiting', totalFen: 12000, items: [{ nameKey: key('fee.passport'), amountFen: 12000 }] });
    const receipt = await payAndReceipt(run);
    expect(receipt).toMatchObject({ stepId: 'receipt', data: { step: 'receiptPrint', state: 'printed' } });
    const slip = run.slips.infoSlips[0]!;
    expect(slip).toMatchObject({ title: '出入境证件受理回执', codeFormat: 'code128' });
    expect(slip.lines).toEqual([
      { label: '申请证件', value: '普通护照' },
      { label: '办理类型', value: '首次申请' },
      { label: '申请人', value: '周*' },
      { label: '身份证号码', value: '4104**********0029' },
      { label: '受理编号', value: slip.code },
      { label: '预计可领取', value: '2026-12-10' },
      { label: '领取地点', value: expect.stringContaining('3号窗口') },
    ]);
    expect(JSON.stringify(slip)).not.toContain(ZHOU_TING);
    expect(run.slips.feeSlips[0]).toMatchObject({ totalFen: 12000, items: [{ name: '普通护照工本费', amountFen: 12000 }] });
    expect(run.payloads).toHaveLength(1);
    expect(run.payloads[0]).toMatchObject({
      idNumber: ZHOU_TING,
      document: 'passport',
      reason: 'first',
      pinyin: { surname: 'ZHOU', givenName: 'TINGTING' },
      occupation: 'enterprise',
      emergencyContact: { name: '周建国', phone: '13800138000', relation: 'parent' },
      guardian: null,
      photoSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      delivery: { method: 'hall' },
      signedBy: 'applicant',
    });
    expect(run.payloads[0]!.fingerprints).toHaveLength(2);
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ step: 'done', outcome: 'applied' });
  });

  it('the form shows the pinyin first: the record\'s (吴国强), or a proposal from the card\'s name', async () => {
    const wu = start(typed(WU));
    await wu.verify();
    await wu.step({ type: 'CHOOSE', value: 'passport' });
    await wu.step({ type: 'CHOOSE', value: 'renewal' });
    expect(await wu.photo('exitEntry')).toBe(true);
    await wu.settled();
    wu.fingerprint(80);
    wu.fingerprint(80);
    expect(formOf(await wu.settled())?.values).toMatchObject({ surname: 'WU', givenName: 'GUOQIANG' });

    const zhou = start(card(ZHOU_TING, { name: '欧阳婷' }));
    await zhou.verify();
    await zhou.step({ type: 'CHOOSE', value: 'passport' });
    await zhou.step({ type: 'CHOOSE', value: 'first' });
    await zhou.photo('exitEntry');
    await zhou.settled();
    zhou.fingerprint(80);
    zhou.fingerprint(80);
    expect(formOf(await zhou.settled())?.values).toMatchObject({ surname: 'OUYANG', givenName: 'TING' });
  });

  it('郑丽 loses her 港澳 card: declared lost at once (journaled), 60 元, the receipt says the old one is invalid', async () => {
    const run = start(typed(ZHENG));
    await run.verify();
    await run.step({ type: 'CHOOSE', value: 'hkMacauPermit' });
    await run.step({ type: 'CHOOSE', value: 'lost' });
    const pay = await checkToPayment(run, { prints: true });
    expect(run.outbox.submitted).toEqual([
      expect.objectContaining({ serviceId: 'exit-entry-application', payload: expect.objectContaining({ kind: 'travelDocumentLostReported', document: 'hkMacauPermit', reportNumber: 'YS20261201C60123456' }) }),
    ]);
    expect(payment(pay)).toMatchObject({ totalFen: 6000, items: [{ nameKey: key('fee.hkMacauPermit'), amountFen: 6000 }] });
    await payAndReceipt(run);
    const slip = run.slips.infoSlips[0]!;
    expect(slip.lines).toEqual(expect.arrayContaining([{ label: '办理类型', value: '补发' }, { label: '原证件遗失登记', value: 'YS20261201C60123456（2026-12-01）' }]));
    expect(slip.notes).toContain('您丢失的原证件已登记作废，找回后也不能再使用。');
  });

  it('刘一鸣 (12) with his father 刘建华: the guardian confirmed, no fingerprints, the guardian signs; EMS adds its fee', async () => {
    const run = start(typed(LIU_CHILD));
    await run.verify();
    await run.step({ type: 'CHOOSE', value: 'passport' });
    const guardian = await run.step({ type: 'CHOOSE', value: 'first' });
    expect(guardian).toMatchObject({ stepId: 'guardian', data: { step: 'form', titleKey: key('guardian.title') } });
    expect((await run.step({ type: 'SUBMIT_FORM', values: { idNumber: LIU_FATHER, relation: 'father', phone: '13900139000' } })).stepId).toBe('photo');
    const recipient = { method: 'ems', name: '刘建华', phone: '13900139000', address: { province: '410000', city: '410400', county: '410402', detail: '建设路56号' } };
    const form = { ...APPLICANT, surname: 'LIU', givenName: 'YIMING', occupation: 'student' };
    const pay = await checkToPayment(run, { prints: false, applicant: form, delivery: recipient });
    expect(payment(pay)).toMatchObject({ totalFen: 13500 });
    await payAndReceipt(run);
    const slip = run.slips.infoSlips[0]!;
    expect(slip.lines).toEqual(expect.arrayContaining([{ label: '申请人', value: '刘**' }, { label: '监护人', value: '刘**（父亲）' }, { label: '领取地点', value: 'EMS邮寄' }]));
    expect(run.payloads).toHaveLength(1);
    expect(run.payloads[0]).toMatchObject({ guardian: { idNumber: LIU_FATHER, relation: 'father', phone: '13900139000' }, fingerprints: [], signedBy: 'guardian' });
  });

  it('刘一鸣 with someone the back-end does not know as his guardian → the counter: bring the 户口簿 or 出生医学证明', async () => {
    const run = start(typed(LIU_CHILD));
    await run.verify();
    await run.step({ type: 'CHOOSE', value: 'passport' });
    await run.step({ type: 'CHOOSE', value: 'first' });
    const counter = await run.step({ type: 'SUBMIT_FORM', values: { idNumber: CHEN, relation: 'father', phone: '13900139000' } });
    expect(counter.data).toMatchObject({ step: 'counter', reasonKey: key('counter.guardianNotConfirmed') });
  });
});
