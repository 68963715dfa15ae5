/**
 * 出入境签注 with the flow kit over the sandbox (today 2026-12-01) and a test
 * double of the endorsement writer: which permit, the chip that must be the
 * record's, the endorsements the back-end offers (and why not the others),
 * each fee, the endorsement issued and written to the chip (or, when the chip
 * will not take it, the slip and the counter saying it is paid), and every
 * refusal at the counter with why.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowView } from '../../../../../electron/contract';
import { defaultConfig } from '../../../../../electron/host/config/load';
import exitEntryEndorsement from '../../../../../electron/host/services/exit-entry-endorsement';
import { chipPermits, routeRecord } from '../../../../../electron/host/services/exit-entry-endorsement/choices';
import type { ExitEntryRecordAnswer } from '../../../../../electron/host/services/shared/exit-entry/travel-documents';
import { writerDouble, type WriterDouble } from '../endorsement-writer-double';
import { card, startService, typed, type FlowRun } from '../flow-kit';

const CHEN = '410402199001011230'; // 港澳 card C38816402, 户籍 平顶山, a sibling in Hong Kong
const WU = '410403198011250034'; // 港澳 C51234567 and 台湾 L21234567, 入台许可 for 探亲
const ZHENG = '41040219920308004X'; // 港澳 C60123456, her company registered for business endorsements
const ZHAO = '410105199108150022'; // 港澳 C72345678, 户籍 郑州 (a 个人游 city)
const QIAN = '41040219771203005X'; // 出境限制
const ZHOU = '410402199506120029'; // holds no document
const LIU_JIANHUA = '410402198507060035'; // a passport only

const key = (path: string) => `svc.exit-entry-endorsement.${path}`;
const running: FlowRun[] = [];
afterEach(() => {
  for (const run of running.splice(0)) run.flow.stop();
});

function start(identity: ReturnType<typeof card>, writer: WriterDouble): FlowRun {
  const run = startService(exitEntryEndorsement, identity, { endorsementWriter: writer });
  running.push(run);
  return run;
}

const options = (view: FlowView) => (view.data.step === 'choice' ? view.data.options.map((option) => option.value) : null);
const notes = (view: FlowView) => (view.data.step === 'choice' ? Object.fromEntries(view.data.options.map((option) => [option.value, option.noteKey])) : null);
const payment = (view: FlowView) => (view.data.step === 'payment' ? view.data : null);
const slipLine = (run: FlowRun, label: string) => run.slips.infoSlips.at(-1)?.lines.find((line) => line.label === label)?.value;

/** Pays by phone, then the first settled view after submission, issue and write. */
async function payAndWrite(run: FlowRun): Promise<FlowView> {
  await run.payByPhone();
  return run.until((view) => !['pay', 'submit', 'issue'].includes(view.stepId) && (view.data.step !== 'query' || view.data.state !== 'running') && (view.stepId !== 'feeSlip' || view.data.step !== 'receiptPrint' || view.data.state !== 'printing'), 8000);
}

/** From the fee slip on to the endorsement slip. */
async function toReceipt(run: FlowRun): Promise<FlowView> {
  let view = await run.settled();
  for (let i = 0; i < 3 && view.stepId !== 'receipt'; i++) view = await run.step({ type: 'CONFIRM' });
  return view;
}

describe('exit-entry-endorsement: who is sent where before anything is paid', () => {
  it('钱卫东 (出境限制): the counter, discreetly (the reason says only that the window will help)', async () => {
    const run = start(typed(QIAN), writerDouble(null));
    const view = await run.verify();
    expect(view.data).toMatchObject({ step: 'counter', reasonKey: key('counter.restricted'), window: '3号窗口' });
    expect(run.slips.tickets).toHaveLength(1);
  });

  it('周婷 (no permit) and 刘建华 (a passport only): the counter, to apply for a permit first', async () => {
    for (const person of [ZHOU, LIU_JIANHUA]) {
      const run = start(typed(person), writerDouble(null));
      expect((await run.verify()).data).toMatchObject({ step: 'counter', reasonKey: key('counter.noPermit') });
    }
  });

  it('陈思远: one card permit, so no permit choice; his card is read at once and the types follow', async () => {
    const writer = writerDouble('C38816402');
    const run = start(card(CHEN), writer);
    const destination = await run.verify();
    expect(writer.calls).toEqual(['read']);
    expect(destination).toMatchObject({ stepId: 'destination', data: { step: 'choice', titleKey: key('destination.title') } });
    expect(options(destination)).toEqual(['hongKong', 'macau']);
  });

  it('陈思远 (户籍 平顶山): 个人旅游 is not offered, and says why; choosing it goes to the counter with the reason', async () => {
    const run = start(card(CHEN), writerDouble('C38816402'));
    await run.verify();
    const types = await run.step({ type: 'CHOOSE', value: 'hongKong' });
    expect(options(types)).toEqual(['L', 'T', 'G', 'S', 'D', 'Q']);
    expect(notes(types)).toMatchObject({ L: key('type.hkMacau.LNote'), T: key('type.hkMacau.TNote'), G: key('refusal.cityNotListed'), S: key('refusal.noCompany'), D: key('refusal.noStayApproval'), Q: key('refusal.needsPapers') });
    const counter = await run.step({ type: 'CHOOSE', value: 'G' });
    expect(counter.data).toMatchObject({ step: 'counter', reasonKey: key('counter.refused.cityNotListed') });
    expect(run.outbox.submitted ?? []).toEqual([]);
  });

  it('陈思远 to Macau: no 探亲 (his relative is in Hong Kong)', async () => {
    const run = start(card(CHEN), writerDouble('C38816402'));
    await run.verify();
    const types = await run.step({ type: 'CHOOSE', value: 'macau' });
    expect(options(types)).toEqual(['L', 'G', 'T', 'S', 'D', 'Q']);
    expect(notes(types)).toMatchObject({ T: key('refusal.noRelatives') });
  });

  it('团队旅游 to Hong Kong: 3 months or 1 year, once or twice, each with its fee; to Macau: once only', async () => {
    const run = start(card(CHEN), writerDouble('C38816402'));
    await run.verify();
    await run.step({ type: 'CHOOSE', value: 'hongKong' });
    const terms = await run.step({ type: 'CHOOSE', value: 'L' });
    expect(options(terms)).toEqual(['single-3', 'twice-3', 'single-12', 'twice-12']);
    expect(notes(terms)).toEqual({ 'single-3': key('price.hkMacauSingle'), 'twice-3': key('price.hkMacauTwice'), 'single-12': key('price.hkMacauSingle'), 'twice-12': key('price.hkMacauTwice') });
    await run.step({ type: 'BACK' });
    await run.step({ type: 'BACK' });
    const macau = await run.step({ type: 'CHOOSE', value: 'macau' });
    expect(macau.stepId).toBe('type');
    expect(options(await run.step({ type: 'CHOOSE', value: 'L' }))).toEqual(['single-3', 'single-12']);
  });

  it('the card on the writer is another person\'s permit: the counter, and nothing is read further', async () => {
    const writer = writerDouble('C38816402');
    const run = start(typed(ZHAO), writer);
    expect((await run.verify()).data).toMatchObject({ step: 'counter', reasonKey: key('counter.wrongCard') });
    expect(writer.calls).toEqual(['read']);
  });

  it('no card on the writer: asks for it in plain words; then a bank card; then hers', async () => {
    const writer = writerDouble(null);
    const run = start(typed(ZHAO), writer);
    const prompt = await run.verify();
    expect(prompt).toMatchObject({ stepId: 'card', messageKey: key('writer.noCard'), data: { step: 'choice', titleKey: key('card.prompt') } });
    writer.place('notAPermit');
    expect((await run.step({ type: 'CHOOSE', value: 'placed' })).messageKey).toBe(key('writer.notAPermit'));
    writer.place('C72345678');
    expect((await run.step({ type: 'CHOOSE', value: 'placed' })).stepId).toBe('destination');
  });

  it('the writer down: the counter', async () => {
    const writer = writerDouble('C72345678');
    writer.script.reads.push('deviceDown');
    const run = start(typed(ZHAO), writer);
    expect((await run.verify()).data).toMatchObject({ step: 'counter', reasonKey: key('counter.writer') });
  });
});

describe('exit-entry-endorsement: paid and written', () => {
  it('赵欣 (户籍 郑州): 个人旅游 to Hong Kong, one year two entries, 30 元; written to her chip; the slip says so', async () => {
    const writer = writerDouble('C72345678');
    const run = start(typed(ZHAO), writer);
    await run.verify();
    const types = await run.step({ type: 'CHOOSE', value: 'hongKong' });
    expect(options(types)).toEqual(['L', 'G', 'T', 'S', 'D', 'Q']);
    expect(notes(types)).toMatchObject({ G: key('type.hkMacau.GNote'), T: key('refusal.noRelatives') });
    const terms = await run.step({ type: 'CHOOSE', value: 'G' });
    // Outside 深圳 the 个人旅游 endorsement is once or twice (出入境管理局公告): no multiple-entry one is offered.
    expect(options(terms)).toEqual(['single-3', 'twice-3', 'single-12', 'twice-12']);
    const review = await run.step({ type: 'CHOOSE', value: 'twice-12' });
    expect(review).toMatchObject({ stepId: 'review', data: { step: 'review' } });
    expect(review.data.step === 'review' && review.data.rows).toEqual([
      { labelKey: key('review.permit'), text: 'C72****78' },
      { labelKey: key('review.destination'), textKey: key('destination.hongKong') },
      { labelKey: key('review.type'), textKey: key('type.hkMacau.G') },
      { labelKey: key('review.entries'), textKey: key('term.twice12') },
      { labelKey: key('review.stay'), text: '7' },
      { labelKey: key('review.fee'), text: '30元' },
    ]);
    const pay = await run.step({ type: 'CONFIRM' });
    expect(payment(pay)).toMatchObject({ state: 'waiting', totalFen: 3000, items: [{ nameKey: key('fee.hkMacauTwice'), amountFen: 3000 }] });
    await payAndWrite(run);
    expect(writer.written).toEqual([
      { permitNumber: 'C72345678', endorsement: { destination: 'hongKong', type: 'G', entries: 'twice', validFrom: '2026-12-01', validUntil: '2027-11-30', stayDays: 7, number: expect.stringMatching(/^QH20261201\d{6}$/) } },
    ]);
    const receipt = await toReceipt(run);
    expect(receipt).toMatchObject({ stepId: 'receipt', data: { step: 'receiptPrint', state: 'printed' } });
    expect(run.slips.feeSlips[0]).toMatchObject({ totalFen: 3000, items: [{ name: '赴港澳二次有效签注', amountFen: 3000 }] });
    const slip = run.slips.infoSlips.at(-1)!;
    expect(slip.title).toBe('出入境签注凭条');
    expect(slip.codeFormat).toBe('code128');
    expect(slip.code).toBe(writer.written[0]!.endorsement.number);
    expect(slip.lines).toEqual([
      { label: '持证人', value: '赵*' },
      { label: '身份证号码', value: '4101**********0022' },
      { label: '通行证号码', value: 'C72****78' },
      { label: '前往地', value: '香港' },
      { label: '签注种类', value: '个人旅游（G）' },
      { label: '有效期和次数', value: '一年二次有效' },
      { label: '签注编号', value: slip.code },
      { label: '有效期', value: '2026-12-01 至 2027-11-30' },
      { label: '每次最多停留', value: '7天' },
      { label: '签注费', value: '30元' },
      { label: '写入芯片', value: '已写入证件芯片' },
    ]);
    expect(JSON.stringify(slip)).not.toContain(ZHAO);
    expect(JSON.stringify(slip)).not.toContain('C72345678');
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ step: 'done', outcome: 'endorsed' });
  });

  it('陈思远 buys 探亲 (a sibling in Hong Kong): three months, one entry, 15 元, 14 days a stay', async () => {
    const writer = writerDouble('C38816402');
    const run = start(card(CHEN), writer);
    await run.verify();
    await run.step({ type: 'CHOOSE', value: 'hongKong' });
    const terms = await run.step({ type: 'CHOOSE', value: 'T' });
    expect(options(terms)).toEqual(['single-3']);
    await run.step({ type: 'CHOOSE', value: 'single-3' });
    expect(payment(await run.step({ type: 'CONFIRM' }))).toMatchObject({ totalFen: 1500 });
    await payAndWrite(run);
    expect(writer.written[0]!.endorsement).toMatchObject({ destination: 'hongKong', type: 'T', entries: 'single', validUntil: '2027-02-28', stayDays: 14 });
    await toReceipt(run);
    expect(slipLine(run, '持证人')).toBe('陈**');
    expect(slipLine(run, '每次最多停留')).toBe('14天');
    expect(slipLine(run, '签注费')).toBe('15元');
  });

  it('吴国强: two permits, he chooses Taiwan; 个人旅游 suspended, 团队旅游 not resumed for 河南, 探亲 with his 入台许可: one year multiple, 80 元', async () => {
    const writer = writerDouble('L21234567');
    const run = start(typed(WU), writer);
    const permits = await run.verify();
    expect(permits).toMatchObject({ stepId: 'permit' });
    expect(options(permits)).toEqual(['hkMacauPermit', 'taiwanPermit']);
    const types = await run.step({ type: 'CHOOSE', value: 'taiwanPermit' });
    // Taiwan is the only destination: no destination choice.
    expect(types.stepId).toBe('type');
    expect(options(types)).toEqual(['T', 'G', 'L', 'Q']);
    expect(notes(types)).toMatchObject({ G: key('refusal.suspended'), L: key('refusal.notResumed'), Q: key('refusal.needsPapers') });
    const terms = await run.step({ type: 'CHOOSE', value: 'T' });
    expect(options(terms)).toEqual(['single-6', 'multiple-12']);
    expect(notes(terms)).toEqual({ 'single-6': key('price.taiwanSingle'), 'multiple-12': key('price.taiwanMultiple') });
    await run.step({ type: 'CHOOSE', value: 'multiple-12' });
    expect(payment(await run.step({ type: 'CONFIRM' }))).toMatchObject({ totalFen: 8000, items: [{ nameKey: key('fee.taiwanMultiple') }] });
    await payAndWrite(run);
    expect(writer.written[0]).toMatchObject({ permitNumber: 'L21234567', endorsement: { destination: 'taiwan', type: 'T', entries: 'multiple', stayDays: 30, number: expect.stringMatching(/^QT/) } });
    await toReceipt(run);
    expect(slipLine(run, '前往地')).toBe('台湾');
    expect(slipLine(run, '签注种类')).toBe('探亲（T）');
    expect(slipLine(run, '通行证号码')).toBe('L21****67');
  });

  it('吴国强 chooses Taiwan but his 港澳 card lies on the writer: the counter (wrong card)', async () => {
    const run = start(typed(WU), writerDouble('C51234567'));
    await run.verify();
    expect((await run.step({ type: 'CHOOSE', value: 'taiwanPermit' })).data).toMatchObject({ step: 'counter', reasonKey: key('counter.wrongCard') });
  });

  it('郑丽 (her company registered): 商务 three months once, three months or one year multiple; one year multiple is 80 元', async () => {
    const run = start(typed(ZHENG), writerDouble('C60123456'));
    await run.verify();
    await run.step({ type: 'CHOOSE', value: 'hongKong' });
    const terms = await run.step({ type: 'CHOOSE', value: 'S' });
    expect(options(terms)).toEqual(['single-3', 'multiple-3', 'multiple-12']);
    await run.step({ type: 'CHOOSE', value: 'multiple-12' });
    expect(payment(await run.step({ type: 'CONFIRM' }))).toMatchObject({ totalFen: 8000, items: [{ nameKey: key('fee.hkMacauMultiple1y') }] });
  });

  it('the review\'s BACK returns to the type; choosing again replaces the endorsement and its fee', async () => {
    const run = start(typed(ZHAO), writerDouble('C72345678'));
    await run.verify();
    await run.step({ type: 'CHOOSE', value: 'hongKong' });
    await run.step({ type: 'CHOOSE', value: 'G' });
    await run.step({ type: 'CHOOSE', value: 'twice-12' });
    expect((await run.step({ type: 'BACK' })).stepId).toBe('type');
    await run.step({ type: 'CHOOSE', value: 'L' });
    await run.step({ type: 'CHOOSE', value: 'single-3' });
    expect(payment(await run.step({ type: 'CONFIRM' }))).toMatchObject({ totalFen: 1500 });
  });
});

describe('exit-entry-endorsement: the chip will not take it', () => {
  it('the card taken away mid-write: put back, written at the second try', async () => {
    const writer = writerDouble('C72345678');
    writer.script.writes.push('cardRemoved');
    const run = start(typed(ZHAO), writer);
    await run.verify();
    await run.step({ type: 'CHOOSE', value: 'hongKong' });
    await run.step({ type: 'CHOOSE', value: 'L' });
    await run.step({ type: 'CHOOSE', value: 'single-3' });
    await run.step({ type: 'CONFIRM' });
    const prompt = await payAndWrite(run);
    expect(prompt).toMatchObject({ stepId: 'write', messageKey: key('writer.cardRemoved'), data: { step: 'choice', titleKey: key('write.prompt') } });
    await run.step({ type: 'CHOOSE', value: 'placed' });
    await toReceipt(run);
    expect(slipLine(run, '写入芯片')).toBe('已写入证件芯片');
    expect(writer.written).toHaveLength(1);
  });

  it('three failed writes: issued and paid, no refund; the slip says the window writes it, then a ticket with why', async () => {
    const writer = writerDouble('C72345678');
    writer.script.writes.push('writeFailed', 'writeFailed', 'writeFailed');
    const run = start(typed(ZHAO), writer);
    await run.verify();
    await run.step({ type: 'CHOOSE', value: 'hongKong' });
    await run.step({ type: 'CHOOSE', value: 'G' });
    await run.step({ type: 'CHOOSE', value: 'single-3' });
    await run.step({ type: 'CONFIRM' });
    await payAndWrite(run);
    await run.step({ type: 'CHOOSE', value: 'placed' });
    await run.step({ type: 'CHOOSE', value: 'placed' });
    const receipt = await toReceipt(run);
    expect(receipt.stepId).toBe('receipt');
    expect(writer.written).toEqual([]);
    expect(run.slips.feeSlips[0]).toMatchObject({ totalFen: 1500 });
    const slip = run.slips.infoSlips.at(-1)!;
    expect(slipLine(run, '写入芯片')).toBe('未写入，请到3号窗口写入（已缴费）');
    expect(slip.notes).toEqual(['签注已签发并已缴费，请带上通行证和本凭条到3号窗口，由工作人员写入芯片，不再收费。']);
    expect(slip.code).toMatch(/^QH/);
    const counter = await run.step({ type: 'CONFIRM' });
    expect(counter.data).toMatchObject({ step: 'counter', reasonKey: key('counter.writeAtCounter'), window: '3号窗口' });
  });

  it('a full chip: no retry, straight to the slip that sends the citizen to the window', async () => {
    const writer = writerDouble('C72345678');
    writer.script.writes.push('chipFull');
    const run = start(typed(ZHAO), writer);
    await run.verify();
    await run.step({ type: 'CHOOSE', value: 'macau' });
    await run.step({ type: 'CHOOSE', value: 'G' });
    await run.step({ type: 'CHOOSE', value: 'single-12' });
    await run.step({ type: 'CONFIRM' });
    await payAndWrite(run);
    await toReceipt(run);
    expect(writer.calls.filter((call) => call === 'write')).toHaveLength(1);
    expect(slipLine(run, '前往地')).toBe('澳门');
    expect(slipLine(run, '写入芯片')).toContain('未写入');
  });
});

describe('exit-entry-endorsement: where the record sends the citizen', () => {
  const record = (documents: ExitEntryRecordAnswer['documents']): ExitEntryRecordAnswer => ({ name: '测试人', pinyin: null, documents, applicationsInProgress: [], registeredCity: '平顶山市', exitRestricted: false });
  const permit = (over: Partial<ExitEntryRecordAnswer['documents'][number]>): ExitEntryRecordAnswer['documents'][number] => ({
    type: 'hkMacauPermit',
    number: 'C12345678',
    form: 'card',
    issuedOn: '2024-01-01',
    validUntil: '2034-01-01',
    status: 'valid',
    pagesFull: false,
    ...over,
  });

  it('a valid card permit goes on; a booklet one, an expired or lost one, or none goes to the counter with what to do', () => {
    expect(routeRecord(record([permit({})]))).toEqual({ to: 'next' });
    expect(routeRecord(record([permit({ form: 'booklet' })]))).toEqual({ to: 'counter', reasonKey: key('counter.bookletPermit') });
    expect(routeRecord(record([permit({ status: 'expired' })]))).toEqual({ to: 'counter', reasonKey: key('counter.permitNotValid') });
    expect(routeRecord(record([permit({ status: 'reportedLost' })]))).toEqual({ to: 'counter', reasonKey: key('counter.permitNotValid') });
    expect(routeRecord(record([permit({ type: 'passport', number: 'E12345678', form: 'booklet' })]))).toEqual({ to: 'counter', reasonKey: key('counter.noPermit') });
    // A valid card permit beside an expired booklet one: on, with only the card offered.
    const both = record([permit({ form: 'booklet', status: 'expired', number: 'W12345678' }), permit({ type: 'taiwanPermit', number: 'L12345678' })]);
    expect(routeRecord(both)).toEqual({ to: 'next' });
    expect(chipPermits(both).map((document) => document.number)).toEqual(['L12345678']);
  });

  it('a hall in another province: 陈思远\'s first endorsement here is the counter\'s, with a 居住证', async () => {
    const config = defaultConfig();
    const run = startService(exitEntryEndorsement, card(CHEN), { endorsementWriter: writerDouble('C38816402'), config: { ...config, services: { ...config.services, homeProvinceCode: '44' } } });
    running.push(run);
    expect((await run.verify()).data).toMatchObject({ step: 'counter', reasonKey: key('counter.nonLocalFirstTime') });
  });
});
