/**
 * 身份证换领/补领 with the flow kit over the sandbox (today 2026-12-01):
 * the reasons the record allows, each refusal with why, the lost card
 * reported at once, the fee per reason with its exemptions, and the
 * 领证回执 with the 受理编号, the expected date and where to collect.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowView } from '../../../../../electron/contract';
import idCardRenewal from '../../../../../electron/host/services/id-card-renewal';
import { card, sandboxGateway, startService, typed, type FlowRun } from '../flow-kit';
import type { PoliceGateway } from '../../../../../electron/host/gateway/police-gateway';
import type { SandboxGateway } from '../../../../../electron/host/gateway/sandbox-gateway';
import { writtenName } from '../../flows/library/signatures';

const WANG = '410402197203150037'; // card expires in 45 days
const LIU = '410403196809220046'; // card expired 2025-10-01
const ZHAO = '410402198506110029'; // lost her card (typed)
const CHEN = '410402199001011230'; // card valid to 2035-03-01
const MA = '410403195806150041'; // an application already being made
const WANG_ZHE = '110105200511300072'; // card reported lost earlier
const SUN = '410402197904050055'; // 低保, card expiring
const ZHOU_TING = '410402199303040061'; // hardship, card damaged
const LIN = '320106198507122029'; // 户籍 Nanjing: 异地
const HE = '410403198808080060'; // the back-end refuses her application
const LI = '410402200203100042'; // no ID card record in this service's sandbox

const key = (path: string) => `svc.id-card-renewal.${path}`;
const running: FlowRun[] = [];
afterEach(() => {
  for (const run of running.splice(0)) run.flow.stop();
});

function start(identity: ReturnType<typeof card>): FlowRun {
  const run = startService(idCardRenewal, identity);
  running.push(run);
  return run;
}

const optionsOf = (view: FlowView) => (view.data.step === 'choice' ? view.data.options.map((option) => option.value) : null);

/** From the reason to the payment step: photo, two prints, collection, signature. */
async function toPayment(run: FlowRun, reason: string, delivery: Record<string, unknown> = { method: 'hall' }): Promise<FlowView> {
  const photo = await run.step({ type: 'CHOOSE', value: reason });
  expect(photo.stepId).toBe('photo');
  expect(await run.photo('residentId')).toBe(true);
  await run.settled();
  expect(run.fingerprint(80)).toBe(true);
  expect(run.fingerprint(80)).toBe(true);
  const collection = await run.settled();
  expect(collection.stepId).toBe('delivery');
  const sign = await run.step({ type: 'SUBMIT_FORM', values: delivery as never });
  expect(sign.stepId).toBe('sign');
  return run.step({ type: 'SIGN', signature: writtenName() });
}

/** Pays by phone, then the settled view after the submission. */
async function payAndSubmit(run: FlowRun): Promise<FlowView> {
  await run.payByPhone();
  return run.until((view) => view.stepId !== 'pay' && view.stepId !== 'submit' || (view.data.step === 'submit' && view.data.state !== 'sending'), 5000);
}

async function toReceipt(run: FlowRun): Promise<FlowView> {
  let view = await run.settled();
  for (let i = 0; i < 4 && view.stepId !== 'receipt'; i++) view = await run.step({ type: 'CONFIRM' });
  return view;
}

const payment = (view: FlowView) => (view.data.step === 'payment' ? view.data : null);
const rowText = (view: FlowView, label: string) => (view.data.step === 'receiptPrint' ? view.data.rows.find((row) => row.labelKey === key(`receipt.${label}`))?.text : undefined);

describe('id-card-renewal: who may apply for what', () => {
  it('王建国 (card expiring in 45 days): 到期换领 and 损坏换领 offered; 补领 is not, his card is on the reader', async () => {
    const run = start(card(WANG));
    const reason = await run.verify();
    expect(reason).toMatchObject({ stepId: 'reason', data: { step: 'choice', titleKey: key('reason.title') } });
    expect(optionsOf(reason)).toEqual(['expiry', 'damaged']);
  });

  it('刘秀英: her expired card is her identity here, and 到期换领 is open', async () => {
    const run = start(card(LIU, { validTo: '2025-10-01', expired: true }));
    expect(optionsOf(await run.verify())).toEqual(['expiry', 'damaged']);
  });

  it('陈思远 (valid to 2035): 到期换领 is refused at the counter with his dates, before anything is paid', async () => {
    const run = start(card(CHEN));
    expect(optionsOf(await run.verify())).toEqual(['expiry', 'damaged']);
    const counter = await run.step({ type: 'CHOOSE', value: 'expiry' });
    expect(counter.data).toMatchObject({ step: 'counter', reasonKey: key('counter.notYetDue'), reasonParams: { validTo: '2035-03-01', renewableFrom: '2034-12-01' }, window: '1号窗口' });
    expect(run.slips.tickets).toHaveLength(1);
  });

  it('马秀兰: a card already being made → the counter, pointing to the progress enquiry and 临时身份证', async () => {
    const run = start(card(MA, { validTo: 'long-term' }));
    expect((await run.verify()).data).toMatchObject({ step: 'counter', reasonKey: key('counter.inProgress') });
  });

  it('王喆: a card reported lost on the reader → the counter; typed, only 补领 is offered', async () => {
    const onCard = start(card(WANG_ZHE));
    expect((await onCard.verify()).data).toMatchObject({ step: 'counter', reasonKey: key('counter.lostCardPresented') });
    const byNumber = start(typed(WANG_ZHE));
    expect(optionsOf(await byNumber.verify())).toEqual(['lost']);
  });

  it('someone with no ID card record here → the counter (noRecord)', async () => {
    const run = start(typed(LI));
    expect((await run.verify()).data).toMatchObject({ step: 'counter', reasonKey: key('counter.noRecord') });
  });
});

describe('id-card-renewal: to the end', () => {
  it('王建国 renews: 20 元, submitted, 缴费凭证 and the 领证回执 with the 受理编号, date and place', async () => {
    const run = start(card(WANG));
    await run.verify();
    const pay = await toPayment(run, 'expiry');
    expect(payment(pay)).toMatchObject({ state: 'waiting', totalFen: 2000, exemption: null, items: [{ nameKey: key('fee.renewal'), amountFen: 2000 }] });
    await payAndSubmit(run);
    const receipt = await toReceipt(run);
    expect(receipt).toMatchObject({ stepId: 'receipt', data: { step: 'receiptPrint', state: 'printed' } });
    expect(run.slips.feeSlips).toHaveLength(1);
    expect(run.slips.feeSlips[0]).toMatchObject({ totalFen: 2000, items: [{ name: '居民身份证换领工本费', amountFen: 2000 }] });
    const slip = run.slips.infoSlips[0]!;
    expect(slip.title).toBe('居民身份证领证回执');
    expect(slip.code).toMatch(/\S+/);
    expect(slip.codeFormat).toBe('code128');
    expect(slip.lines).toEqual(
      expect.arrayContaining([
        { label: '业务类型', value: '到期换领' },
        { label: '申请人', value: '王**' },
        { label: '身份证号码', value: '4104**********0037' },
        { label: '受理编号', value: slip.code },
        { label: '预计可领取', value: '2026-12-31' },
        { label: '领取地点', value: expect.stringContaining('1号窗口') },
      ]),
    );
    expect(JSON.stringify(slip)).not.toContain(WANG);
    expect(rowText(receipt, 'acceptanceNumber')).toBe(slip.code);
    // The back-end got the content, not only hashes: the photo, both prints' templates, the signature (checked by the sandbox before it accepted).
    const sandbox = run.gateway as SandboxGateway;
    const accepted = Object.keys(sandbox.stats().accepted);
    expect(accepted).toHaveLength(1);
    const attachments = sandbox.acceptedAttachments(accepted[0]!)!;
    expect(attachments.photo).toMatchObject({ step: 'photo', spec: 'residentId' });
    expect(attachments.fingerprints?.prints.map((print) => [print.finger, print.quality])).toEqual([
      [11, 80],
      [16, 80],
    ]);
    expect(attachments.signature).toMatchObject({ step: 'sign', documentKey: key('sign.document') });
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ step: 'done', outcome: 'applied' });
  });

  it('王建国: a photo that arrives other than it was taken is refused by the back-end → refunded, 材料上传失败, to the counter', async () => {
    const base = sandboxGateway();
    // A link that damages the photo on its way: the hash no longer matches the bytes.
    const gateway: PoliceGateway = {
      ...base,
      submitApplication: (submission) =>
        base.submitApplication(submission.attachments?.photo ? { ...submission, attachments: { ...submission.attachments, photo: { ...submission.attachments.photo, jpegBase64: Buffer.from('not the photo').toString('base64') } } } : submission),
    };
    const run = startService(idCardRenewal, card(WANG), { gateway });
    running.push(run);
    await run.verify();
    await toPayment(run, 'expiry');
    const refused = await payAndSubmit(run);
    expect(refused.data).toMatchObject({ step: 'submit', state: 'rejected', reason: 'attachmentInvalid', refund: 'refunded' });
    const counter = await run.step({ type: 'CONFIRM' });
    expect(counter.data).toMatchObject({ step: 'counter', reasonKey: 'flow.submit.attachmentsCounterReason' });
    expect(run.slips.infoSlips).toHaveLength(0);
    expect(base.stats().accepted).toEqual({});
  });

  it('赵丽 (lost, typed): the card is reported lost as soon as she confirms, journaled; 补领 40 元; the receipt says so', async () => {
    const run = start(typed(ZHAO));
    expect(optionsOf(await run.verify())).toEqual(['expiry', 'damaged', 'lost']);
    const pay = await toPayment(run, 'lost');
    expect(run.outbox.submitted).toEqual([
      expect.objectContaining({ serviceId: 'id-card-renewal', payload: expect.objectContaining({ kind: 'lostCardReported', reportNumber: 'GS20261201110029', reportedOn: '2026-12-01' }) }),
    ]);
    expect(payment(pay)).toMatchObject({ totalFen: 4000, items: [{ nameKey: key('fee.replacement'), amountFen: 4000 }] });
    await payAndSubmit(run);
    await toReceipt(run);
    const slip = run.slips.infoSlips[0]!;
    expect(slip.lines).toEqual(expect.arrayContaining([{ label: '业务类型', value: '丢失补领' }, { label: '申请人', value: '赵*' }, { label: '旧证挂失', value: 'GS20261201110029（2026-12-01）' }]));
    expect(slip.notes).toContain('您的旧身份证已挂失作废，找回后也不能再使用。');
  });

  it('林晓雯 (户籍 Nanjing): 异地, the back-end\'s later date on the receipt; EMS adds its fee', async () => {
    const run = start(card(LIN));
    await run.verify();
    const pay = await toPayment(run, 'damaged', { method: 'ems', name: '林晓雯', phone: '13800138000', address: { province: '410000', city: '410400', county: '410402', detail: '建设路56号' } });
    expect(payment(pay)).toMatchObject({ totalFen: 5500 });
    await payAndSubmit(run);
    await toReceipt(run);
    expect(run.slips.infoSlips[0]!.lines).toEqual(expect.arrayContaining([{ label: '预计可领取', value: '2027-01-30' }, { label: '异地受理', value: '是（跨省通办，户籍地审核后制证）' }, { label: '领取地点', value: 'EMS邮寄' }]));
  });
});

describe('id-card-renewal: exemptions the back-end decides', () => {
  it('孙国强 (低保): 换领 free, no order, no 缴费凭证, the receipt still printed', async () => {
    const run = start(typed(SUN));
    await run.verify();
    const pay = await toPayment(run, 'expiry');
    expect(payment(pay)).toMatchObject({ state: 'exempt', totalFen: 0, exemption: { nameKey: key('fee.exemptions.dibao'), payPercent: 0 } });
    await run.step({ type: 'CONFIRM' });
    await toReceipt(run);
    expect(run.slips.feeSlips).toHaveLength(0);
    expect(run.slips.infoSlips[0]!.lines).toEqual(expect.arrayContaining([{ label: '申请人', value: '孙**' }]));
  });

  it('孙国强 (低保) who lost his card: 补领 is not a 换领, he pays the full 40 元 (居民身份证法 art. 20)', async () => {
    const run = start(typed(SUN));
    await run.verify();
    const pay = await toPayment(run, 'lost');
    expect(payment(pay)).toMatchObject({ state: 'waiting', totalFen: 4000, exemption: null });
  });

  it('周婷 (hardship, damaged card): 40 元 halved to 20 元', async () => {
    const run = start(typed(ZHOU_TING));
    await run.verify();
    const pay = await toPayment(run, 'damaged');
    expect(payment(pay)).toMatchObject({ state: 'waiting', totalFen: 2000, exemption: { nameKey: key('fee.exemptions.hardship'), payPercent: 50 } });
  });
});

describe('id-card-renewal: paid, then refused by the back-end', () => {
  it('何静: the application is refused after payment → refunded, the citizen told, no receipt', async () => {
    const run = start(typed(HE));
    await run.verify();
    await toPayment(run, 'expiry');
    const refused = await payAndSubmit(run);
    expect(refused.data).toMatchObject({ step: 'submit', state: 'rejected', refund: 'refunded' });
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ step: 'done', outcome: 'rejectedRefunded' });
    expect(run.slips.infoSlips).toHaveLength(0);
  });
});
