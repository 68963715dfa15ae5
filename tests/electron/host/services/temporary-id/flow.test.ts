/**
 * 临时身份证申领 over the sandbox back-end (clock KIT_NOW, 2026-12-01): the
 * back-end says who may apply before anything is paid; every refusal goes to
 * the counter with why and what to do; an eligible citizen takes a photo,
 * signs, pays 10 元 and leaves with the 缴费凭证 and a 领证回执 (the
 * 受理编号 as its code, masked name and number, when and where to collect,
 * or at the counter at once where the hall has a 临时身份证 printer).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowView, Identity } from '../../../../../electron/contract';
import temporaryId from '../../../../../electron/host/services/temporary-id';
import { card, sandboxGateway, startService, typed, type FlowRun, type KitOptions } from '../flow-kit';
import { writtenName } from '../../flows/library/signatures';

const MA_XIULAN = '410403195806150041';
const CHEN_SIYUAN = '410402199001011230';
const LIN_XIAOWEN = '320106198507122029';
const WANG_JIANGUO = '410402197203150037';
const HE_JING = '410403198808080060';
const STRANGER = '410404197001010098';

const running: FlowRun[] = [];
afterEach(() => {
  for (const run of running.splice(0)) run.flow.stop();
});

function start(identity: Identity, options: KitOptions = {}): FlowRun {
  const run = startService(temporaryId, identity, options);
  running.push(run);
  return run;
}

/** identify → consent → face → eligibility → a studio photo → signed: the payment step's view. */
async function toPayment(run: FlowRun): Promise<FlowView> {
  const photo = await run.verify();
  expect(photo).toMatchObject({ stepId: 'photo', data: { step: 'photo', spec: 'residentId', studioReceipt: true } });
  // The host's photo module accepted a studio 回执's photo and the citizen chose it.
  expect(await run.photo('residentId')).toBe(true);
  const sign = await run.settled();
  expect(sign.stepId).toBe('sign');
  return run.step({ type: 'SIGN', signature: writtenName() });
}

/** Paid by phone → submitted → the 缴费凭证 → the 领证回执's view. */
async function payToReceipt(run: FlowRun): Promise<FlowView> {
  const submitted = await run.payByPhone();
  const feeSlip = submitted.stepId === 'submit' ? await run.until((view) => view.stepId === 'feeSlip' && view.data.step === 'receiptPrint' && view.data.state !== 'printing') : submitted;
  expect(feeSlip.stepId).toBe('feeSlip');
  return run.step({ type: 'CONFIRM' });
}

describe('temporary-id: who may apply (the back-end decides, before anything is paid)', () => {
  it.each([
    ['陈思远 (card): no ID card application in progress', card(CHEN_SIYUAN), 'svc.temporary-id.refusal.noApplication'],
    ['林晓雯 (card, 户籍 Nanjing): 异地, issued only by the 户籍地 office', card(LIN_XIAOWEN), 'svc.temporary-id.refusal.otherRegistration'],
    ['刘秀英 (typed, card expired, nothing applied for)', typed('410403196809220046'), 'svc.temporary-id.refusal.noApplication'],
    ['a number the 户籍 record does not know', typed(STRANGER), 'svc.temporary-id.refusal.notFound'],
  ])('%s: the counter, a ticket for window 1, no order', async (_label, identity, reasonKey) => {
    const run = start(identity);
    const counter = await run.verify();
    expect(counter.data).toMatchObject({ step: 'counter', reasonKey, window: '1号窗口', ticket: { state: 'printed' } });
    expect(run.slips.tickets).toHaveLength(1);
    expect(run.slips.feeSlips ?? []).toEqual([]);
    expect(run.slips.infoSlips).toEqual([]);
  });

  it('the back-end down: try again, then the counter; nothing paid', async () => {
    const run = start(card(MA_XIULAN), { gateway: { ...sandboxGateway(), call: async () => ({ ok: false, error: { kind: 'unavailable', status: 503 } }) } });
    const failed = await run.verify();
    expect(failed.data).toMatchObject({ step: 'query', state: 'failed', failure: 'unavailable' });
    const counter = await run.step({ type: 'CONFIRM' });
    expect(counter.data).toMatchObject({ step: 'counter', reasonKey: 'flow.counter.reason.queryFailed' });
  });
});

describe('temporary-id: an accepted application', () => {
  it('马秀兰 (card, card being replaced): 10 元 with its 依据 and no exemption, the 受理编号 on the receipt with the expected date', async () => {
    const run = start(card(MA_XIULAN));
    const pay = await toPayment(run);
    expect(pay.data).toMatchObject({ step: 'payment', state: 'waiting', totalFen: 1000, exemption: null });
    expect(pay.data.step === 'payment' && pay.data.items).toMatchObject([{ nameKey: 'svc.temporary-id.fee.temporaryCard', amountFen: 1000, dueFen: 1000 }]);

    const receipt = await payToReceipt(run);
    expect(run.slips.feeSlips).toHaveLength(1);
    expect(run.slips.feeSlips[0]).toMatchObject({ serviceName: '临时身份证申领', totalFen: 1000, items: [{ name: '临时居民身份证工本费', amountFen: 1000 }] });
    expect(run.slips.feeSlips[0]!.items[0]!.basis).toContain('发改价格〔2003〕2322号');

    expect(receipt).toMatchObject({ stepId: 'slip', data: { step: 'receiptPrint', state: 'printed' } });
    const slip = run.slips.infoSlips[0]!;
    expect(slip.title).toBe('临时居民身份证领证回执');
    expect(slip.code).toMatch(/^SB\d{8}$/);
    expect(slip.lines).toEqual([
      { label: '姓名', value: '马**' },
      { label: '身份证号', value: '4104**********0041' },
      { label: '受理编号', value: slip.code },
      { label: '领取日期', value: '2026-12-04' },
      { label: '领取地点', value: expect.stringContaining('1号窗口') },
      { label: '有效期', value: '三个月，自签发之日起计算' },
    ]);
    expect(slip.notes).toEqual(['领取时请带上居民户口簿和本回执。', '领取正式身份证时，请交回临时身份证。']);
    // No full name or number anywhere on the slip.
    expect(JSON.stringify(slip)).not.toContain(MA_XIULAN);
    expect(JSON.stringify(slip)).not.toContain('马秀兰');
    expect(receipt.data.step === 'receiptPrint' && receipt.data.rows).toContainEqual({ labelKey: 'svc.temporary-id.slip.collectOn', text: '2026-12-04' });

    const done = await run.step({ type: 'CONFIRM' });
    expect(done.data).toMatchObject({ step: 'done', outcome: 'applicationAccepted' });
  });

  it('a hall with a 临时身份证 printer (counterPrinter): the receipt says at the counter, now, at which window; no date', async () => {
    const run = start(card(MA_XIULAN), { settings: { counterPrinter: true } });
    await toPayment(run);
    const receipt = await payToReceipt(run);
    const lines = run.slips.infoSlips[0]!.lines;
    expect(lines).toContainEqual({ label: '领取方式', value: '现在到窗口当场领取' });
    expect(lines).toContainEqual({ label: '领取地点', value: expect.stringContaining('1号窗口') });
    expect(lines.map((line) => line.label)).not.toContain('领取日期');
    expect(receipt.data.step === 'receiptPrint' && receipt.data.rows).toContainEqual({ labelKey: 'svc.temporary-id.slip.collectNow', textKey: 'svc.temporary-id.slip.atOnce' });
  });

  it('王建国 (typed number, no name from the keypad): the name on the receipt comes from the back-end, masked', async () => {
    const run = start(typed(WANG_JIANGUO));
    await toPayment(run);
    await payToReceipt(run);
    expect(run.slips.infoSlips[0]!.lines[0]).toEqual({ label: '姓名', value: '王**' });
  });

  it('the site setting is checked: an unknown key is refused as the host refuses it at start', () => {
    expect(temporaryId.settings!.safeParse({ counterPrinter: true }).success).toBe(true);
    expect(temporaryId.settings!.safeParse({}).success).toBe(true);
    expect(temporaryId.settings!.safeParse({ counterPrinter: 'yes' }).success).toBe(false);
    expect(temporaryId.settings!.safeParse({ printer: true }).success).toBe(false);
  });
});

describe('temporary-id: paid, then refused by the back-end', () => {
  it('何静 (typed): the 10 元 goes back, the citizen is told why, no receipt', async () => {
    const run = start(typed(HE_JING));
    await toPayment(run);
    const rejected = await run.payByPhone();
    const told = rejected.stepId === 'submit' && rejected.data.step === 'submit' && rejected.data.state === 'rejected' ? rejected : await run.until((view) => view.data.step === 'submit' && view.data.state === 'rejected');
    expect(told.data).toMatchObject({ step: 'submit', state: 'rejected', reason: 'notEligible', refund: 'refunded' });
    const done = await run.step({ type: 'CONFIRM' });
    expect(done.data).toMatchObject({ step: 'done', outcome: 'rejectedRefunded' });
    expect(run.slips.infoSlips).toEqual([]);
  });
});
