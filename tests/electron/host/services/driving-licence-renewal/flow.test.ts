/**
 * 驾驶证换证补证 with the flow kit over the sandbox (today 2026-12-01): the
 * kinds each record allows, every refusal at the counter with why and a
 * ticket before anything is paid, and the whole path to the 领证回执 (10 元,
 * EMS adding its fee, the new validity, the 受理编号 as a code128 barcode,
 * name and number masked).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowView } from '../../../../../electron/contract';
import drivingLicenceRenewal from '../../../../../electron/host/services/driving-licence-renewal';
import type { PoliceGateway } from '../../../../../electron/host/gateway/police-gateway';
import { card, sandboxGateway, startService, typed, type FlowRun, type KitOptions } from '../flow-kit';
import { writtenName } from '../../flows/library/signatures';
import { competentAnswers, poorAnswers } from '../../flows/library/ability-answers';
import { wording } from '../../../../../electron/host/services/driving-licence-renewal/wording';
import { violationDecision, violationPayment } from '../../../../../electron/host/services/traffic-violations/backend';

const GAO = '410402197908230010'; // expiring in 40 days, check valid
const HAN_MEI = '410403198305170021'; // expired 100 days ago
const FENG = '410402197603020039'; // 注销
const SUN = '410411198507150037'; // 吊销
const LI_DEFU = '410402195304180017'; // 73, annual check valid
const WANG_GUIZHI = '410403195411070020'; // 72, check lapsed
const XU = '410411198809260039'; // 6 points, years from expiry
const DENG = '410402199102140058'; // 满分
const ZHAO = '410402198506110029'; // holds no driving licence
const LIU = '410402198111050033'; // 45, expiring in 30 days, no medical check on record
const ZHOU = '410402198009120031'; // 46, expiring in 50 days, check valid, one unhandled violation (豫D6N3H8)

const key = (path: string) => `svc.driving-licence-renewal.${path}`;
const running: FlowRun[] = [];
afterEach(() => {
  for (const run of running.splice(0)) run.flow.stop();
});

function start(identity: ReturnType<typeof card>, options: KitOptions = {}): FlowRun {
  const run = startService(drivingLicenceRenewal, identity, options);
  running.push(run);
  return run;
}

const optionsOf = (view: FlowView) => (view.data.step === 'choice' ? view.data.options.map((option) => option.value) : null);
const rowsOf = (view: FlowView) => (view.data.step === 'review' || view.data.step === 'receiptPrint' ? view.data.rows : []);
const payment = (view: FlowView) => (view.data.step === 'payment' ? view.data : null);

/** One round of the 三力测试 on screen, answered carefully or poorly. */
async function answer(run: FlowRun, how: 'competent' | 'poor'): Promise<FlowView> {
  const data = run.view().data;
  if (data.step !== 'abilityTest' || !data.round) throw new Error(`no round at ${run.view().stepId}`);
  const { name, showing, questions } = data.round;
  return run.step({ type: 'ABILITY_ANSWERS', round: name, showing, answers: how === 'competent' ? competentAnswers(questions) : poorAnswers(questions) });
}

/** The 三力测试 from its introduction: the practice, then the three scored rounds answered `how`; its result screen. */
async function takeAbilityTest(run: FlowRun, how: 'competent' | 'poor'): Promise<FlowView> {
  await run.step({ type: 'CONFIRM' });
  await answer(run, 'competent');
  await run.step({ type: 'CONFIRM' });
  await answer(run, how);
  await answer(run, how);
  return answer(run, how);
}

/** From the kind to the review: the photo, then the collection. */
async function toReview(run: FlowRun, kind: string, delivery: Record<string, unknown> = { method: 'hall' }, before?: (run: FlowRun) => Promise<void>): Promise<FlowView> {
  await run.step({ type: 'CHOOSE', value: kind });
  if (before) await before(run);
  const photo = run.view();
  expect(photo.stepId).toBe('photo');
  expect(await run.photo('drivingLicence')).toBe(true);
  const collection = await run.settled();
  expect(collection.stepId).toBe('delivery');
  const review = await run.step({ type: 'SUBMIT_FORM', values: delivery as never });
  expect(review.stepId).toBe('review');
  return review;
}

/** Review confirmed, signed: the payment step. */
async function toPayment(run: FlowRun, kind: string, delivery?: Record<string, unknown>): Promise<FlowView> {
  await toReview(run, kind, delivery);
  expect((await run.step({ type: 'CONFIRM' })).stepId).toBe('sign');
  return run.step({ type: 'SIGN', signature: writtenName() });
}

/** Paid by phone and submitted, the 缴费凭证 confirmed: the 领证回执. */
async function payToReceipt(run: FlowRun): Promise<FlowView> {
  await run.payByPhone();
  let view = await run.until((v) => (v.stepId !== 'pay' && v.stepId !== 'submit') || (v.data.step === 'submit' && v.data.state !== 'sending'), 5000);
  for (let i = 0; i < 4 && view.stepId !== 'receipt'; i++) view = await run.step({ type: 'CONFIRM' });
  return view;
}

describe('driving-licence-renewal: refusals at the counter, with why, before anything is paid', () => {
  const refused: Array<[string, string, string, Record<string, string> | undefined]> = [
    ['冯军 (注销)', FENG, 'cancelled', undefined],
    ['孙建军 (吊销)', SUN, 'revoked', undefined],
    ['王桂芝 (72, annual check lapsed)', WANG_GUIZHI, 'medicalLapsedAnnual', { checkedOn: '2025-10-07', validUntil: '2026-04-05' }],
    ['邓海波 (满分)', DENG, 'pointsExceeded', { points: '12' }],
    ['赵丽 (no licence)', ZHAO, 'noLicence', undefined],
  ];
  for (const [who, idNumber, reason, params] of refused) {
    it(`${who}: counter.${reason}, a ticket for window 4`, async () => {
      const run = start(typed(idNumber));
      const counter = await run.verify();
      expect(counter.data).toMatchObject({ step: 'counter', reasonKey: key(`counter.${reason}`), window: '4号窗口', ...(params ? { reasonParams: params } : {}) });
      expect(run.slips.tickets).toHaveLength(1);
      expect(run.outbox.submitted).toHaveLength(0);
    });
  }
});

describe('driving-licence-renewal: no medical check on record in the renewal window', () => {
  it('刘振东 (30 days to expiry, no 电子体检 on record): counter.medicalMissing says where to get one, a ticket, nothing paid', async () => {
    const run = start(typed(LIU));
    const counter = await run.verify();
    expect(counter.data).toMatchObject({ step: 'counter', reasonKey: key('counter.medicalMissing'), window: '4号窗口' });
    // What the screen shows for that key: where to go for the check, and that the hospital sends it (no paper).
    const said = (wording['zh-CN'].counter as Record<string, string>).medicalMissing!;
    expect(said).toContain('有驾驶人体检资质的医院或体检中心');
    expect(said).toContain('不用带纸质证明');
    expect(run.slips.tickets).toHaveLength(1);
    expect(run.outbox.submitted).toHaveLength(0);
    expect(run.slips.feeSlips).toHaveLength(0);
  });
});

describe('driving-licence-renewal: 审验, unhandled violations (162号 art. 72–73)', () => {
  const zhCounter = wording['zh-CN'].counter as Record<string, string>;
  const enCounter = wording.en.counter as Record<string, string>;

  it('周建平 (50 days to expiry, one unhandled violation): the counter says how many, that they come first and where, a ticket, nothing paid', async () => {
    const run = start(card(ZHOU));
    const counter = await run.verify();
    expect(counter.data).toMatchObject({ step: 'counter', reasonKey: key('counter.unhandledViolations'), reasonParams: { violations: '1' }, window: '4号窗口' });
    expect(run.slips.tickets).toHaveLength(1);
    expect(run.outbox.submitted).toHaveLength(0);
    expect(run.slips.feeSlips).toHaveLength(0);
    // The words behind the key: how many, handled first, nothing charged, this kiosk's 交通违法处理 or the window.
    const said = zhCounter.unhandledViolations!.replace('{{violations}}', '1');
    expect(said).toContain('您名下还有1条交通违法没有处理完毕');
    expect(said).toContain('处理完毕后才能通过审验');
    expect(said).toContain('这次没有收费');
    expect(said).toContain('“交通违法处理”');
    expect(said).toContain('排队票到窗口');
    expect(enCounter.unhandledViolations).toContain('nothing was charged');
  });

  it('周建平 once the violation is decided and paid: the review passes, 期满换证 is offered', async () => {
    const gateway = sandboxGateway();
    const number = '4104027300015236';
    const decided = await gateway.call(violationDecision, { requestKey: 'zhou-decision-1', idNumber: ZHOU, numbers: [number] });
    if (!decided.ok || decided.value.status !== 'decided') throw new Error('the sandbox did not decide');
    const paid = await gateway.call(violationPayment, { requestKey: 'zhou-payment-1', idNumber: ZHOU, decisionNumber: decided.value.decisionNumber, numbers: [number], orderNo: 'T1', paidFen: 10_000 });
    expect(paid).toMatchObject({ ok: true, value: { status: 'recorded' } });
    const run = start(card(ZHOU), { gateway });
    expect(optionsOf(await run.verify())).toEqual(['expiry']);
  });

  it('a clean driver passes it unseen to the kind: 高志远 (no violations)', async () => {
    const run = start(card(GAO));
    const kind = await run.verify();
    expect(kind.stepId).toBe('kind');
    expect(kind.path.map((step) => step.id)).toContain('violations');
  });

  it('许磊 (violations on his cars, years from expiry): 补领 and 损毁换证 are not 审验 (art. 66, 69), he goes on to the review', async () => {
    const run = start(typed(XU));
    expect(optionsOf(await run.verify())).toEqual(['damaged', 'lost']);
    expect((await toReview(run, 'damaged')).stepId).toBe('review');
    expect(run.slips.tickets).toHaveLength(0);
  });
});

describe('driving-licence-renewal: the kinds a record allows', () => {
  it('高志远 (40 days to expiry): only 期满换证', async () => {
    const run = start(card(GAO));
    const kind = await run.verify();
    expect(kind).toMatchObject({ stepId: 'kind', data: { step: 'choice', titleKey: key('kind.title') } });
    expect(optionsOf(kind)).toEqual(['expiry']);
    expect(run.send({ type: 'CHOOSE', value: 'lost' })).toBe(false);
  });

  it('许磊 (years from expiry): 损毁换证 and 补领; no medical check needed under 70', async () => {
    const run = start(typed(XU));
    expect(optionsOf(await run.verify())).toEqual(['damaged', 'lost']);
    const review = await toReview(run, 'lost');
    expect(rowsOf(review)).toEqual(expect.arrayContaining([{ labelKey: key('review.medical'), textKey: key('medical.notNeeded') }, { labelKey: key('review.kind'), textKey: key('kinds.lost') }]));
  });
});

describe('driving-licence-renewal: to the end', () => {
  it('高志远 renews: review with his medical check and the new validity, 10 元, submitted, 缴费凭证, 领证回执', async () => {
    const base = sandboxGateway();
    const payloads: Array<Record<string, unknown>> = [];
    const gateway = { ...base, submitApplication: (s: Parameters<typeof base.submitApplication>[0]) => (payloads.push(s.payload), base.submitApplication(s)) } as PoliceGateway;
    const run = start(typed(GAO), { gateway });
    expect(run.view().path.map((step) => step.id)).toEqual(['identify', 'consent', 'faceCheck', 'record', 'violations', 'kind', 'abilityTest', 'photo', 'delivery', 'review', 'sign', 'pay', 'submit', 'feeSlip', 'receipt', 'done']);
    await run.verify();
    const review = await toReview(run, 'expiry');
    expect(rowsOf(review)).toEqual(
      expect.arrayContaining([
        { labelKey: key('review.name'), text: '高**' },
        { labelKey: key('review.licenceNumber'), text: '4104**********0010' },
        { labelKey: key('review.classes'), text: 'C1' },
        { labelKey: key('review.validUntil'), text: '2027-01-10' },
        { labelKey: key('review.newValidity'), text: '2027-01-10 至 长期' },
        { labelKey: key('review.medical'), text: '平顶山市第一人民医院体检中心，2026-11-19体检，有效期到2027-05-18' },
        { labelKey: key('review.fee'), text: '¥10.00' },
      ]),
    );
    await run.step({ type: 'CONFIRM' });
    const pay = await run.step({ type: 'SIGN', signature: writtenName() });
    expect(payment(pay)).toMatchObject({ state: 'waiting', totalFen: 1000, items: [{ nameKey: key('fee.licence'), amountFen: 1000 }] });
    const receipt = await payToReceipt(run);
    expect(receipt).toMatchObject({ stepId: 'receipt', data: { step: 'receiptPrint', state: 'printed' } });
    expect(run.slips.feeSlips[0]).toMatchObject({ totalFen: 1000, items: [{ name: '机动车驾驶证工本费', amountFen: 1000 }] });
    const slip = run.slips.infoSlips[0]!;
    expect(slip.title).toBe('机动车驾驶证领证回执');
    expect(slip.codeFormat).toBe('code128');
    expect(slip.code).toMatch(/\S+/);
    expect(slip.lines).toEqual([
      { label: '业务类型', value: '期满换证' },
      { label: '申请人', value: '高**' },
      { label: '驾驶证号', value: '4104**********0010' },
      { label: '准驾车型', value: 'C1' },
      { label: '受理编号', value: slip.code },
      { label: '新证有效期（预计）', value: '2027-01-10 至 长期' },
      { label: '预计可领取', value: '2026-12-02' },
      { label: '领取地点', value: expect.stringContaining('4号窗口') },
    ]);
    expect(slip.notes).toContain('旧驾驶证还在的，领新证时请交回。');
    expect(JSON.stringify(slip)).not.toContain(GAO);
    expect(JSON.stringify(slip)).not.toContain('高志远');
    expect(payloads).toEqual([
      expect.objectContaining({ kind: 'drivingLicenceRenewal', idNumber: GAO, renewal: 'expiry', newValidity: { from: '2027-01-10', until: 'long-term' }, medicalCheck: { institution: '平顶山市第一人民医院体检中心', checkedOn: '2026-11-19' }, photoSha256: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    ]);
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ step: 'done', outcome: 'applied' });
  });

  it('韩梅 (expired 100 days ago) by EMS: 10 元 + 15 元, the new term from today, posted', async () => {
    const run = start(typed(HAN_MEI));
    expect(optionsOf(await run.verify())).toEqual(['expiry']);
    const pay = await toPayment(run, 'expiry', { method: 'ems', name: '韩梅', phone: '13800138000', address: { province: '410000', city: '410400', county: '410403', detail: '建设路56号' } });
    expect(payment(pay)).toMatchObject({ totalFen: 2500 });
    await payToReceipt(run);
    expect(run.slips.infoSlips[0]!.lines).toEqual(expect.arrayContaining([{ label: '新证有效期（预计）', value: '2026-12-01 至 长期' }, { label: '领取地点', value: 'EMS邮寄' }, { label: '申请人', value: '韩*' }]));
  });

  it('李德福 (73, annual check valid): the 三力测试 first, passed; 期满换证 to ten years, the test in the application', async () => {
    const base = sandboxGateway();
    const payloads: Array<Record<string, unknown>> = [];
    const gateway = { ...base, submitApplication: (s: Parameters<typeof base.submitApplication>[0]) => (payloads.push(s.payload), base.submitApplication(s)) } as PoliceGateway;
    const run = start(typed(LI_DEFU), { gateway });
    expect(optionsOf(await run.verify())).toEqual(['expiry']);
    const review = await toReview(run, 'expiry', { method: 'hall' }, async (r) => {
      expect(r.view().stepId).toBe('abilityTest');
      const result = await takeAbilityTest(r, 'competent');
      expect(result.data).toMatchObject({ step: 'abilityTest', state: 'passed' });
      await r.step({ type: 'CONFIRM' });
    });
    expect(rowsOf(review)).toEqual(expect.arrayContaining([{ labelKey: key('review.newValidity'), text: '2027-01-30 至 2037-01-30' }]));
    await run.step({ type: 'CONFIRM' });
    await run.step({ type: 'SIGN', signature: writtenName() });
    await payToReceipt(run);
    expect(payloads).toEqual([expect.objectContaining({ renewal: 'expiry', abilityTest: expect.objectContaining({ passed: true, total: 100 }) })]);
  });

  it('李德福 fails the 三力测试 twice: the counter says what happens next, nothing paid', async () => {
    const run = start(typed(LI_DEFU));
    await run.verify();
    await run.step({ type: 'CHOOSE', value: 'expiry' });
    const failed = await takeAbilityTest(run, 'poor');
    expect(failed.data).toMatchObject({ state: 'failed', failedNoteKey: key('abilityTest.failedNote') });
    await run.step({ type: 'RETRY' });
    await answer(run, 'competent');
    await answer(run, 'poor');
    await answer(run, 'poor');
    const counter = await run.step({ type: 'CONFIRM' });
    expect(counter.data).toMatchObject({ step: 'counter', reasonKey: key('counter.abilityFailed'), window: '4号窗口' });
  });

  it('高志远 (46) takes no 三力测试: the photo follows the kind', async () => {
    const run = start(typed(GAO));
    await run.verify();
    expect((await run.step({ type: 'CHOOSE', value: 'expiry' })).stepId).toBe('photo');
  });

  it('BACK from the review returns to the collection, which forgets the choice', async () => {
    const run = start(typed(GAO));
    await run.verify();
    await toReview(run, 'expiry');
    expect((await run.step({ type: 'BACK' })).stepId).toBe('delivery');
  });
});
