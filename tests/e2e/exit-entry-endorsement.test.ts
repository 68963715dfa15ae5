/**
 * 出入境签注 end to end in headless Chromium on the simulated default
 * (embedded back-end and payment sandboxes; the receipt printer is the real
 * ESC/POS driver on a pty with the simulator at the other end; the
 * endorsement writer is the simulated one, its sample permit cards placed
 * and removed with the dock's `dock-permit-<number>` / `dock-permit-remove`):
 * 赵欣 (户籍 郑州) buys a 个人旅游 endorsement to Hong Kong (一年二次, 30 元:
 * outside 深圳 G is not multiple-entry) and it is written to her chip;
 * 陈思远 (平顶山) is told why 个人旅游 is not offered and buys 探亲 (15 元);
 * 吴国强 endorses his Taiwan permit (探亲 一年多次, 80 元); another person's
 * permit on the writer goes to the counter; 钱卫东 (出境限制) goes to the
 * counter discreetly. Receipts are read back by text.
 *
 * Needs the endorsement writer's device (simulator, dock, host wiring),
 * built on another branch: until it is merged the kiosk has no writer and
 * the flow sends everyone to the counter at "place your permit".
 * The fake camera plays the man of resident-han's reference photo: the
 * test's sandbox data gives the typed-in people his face.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { detailValue, HAN } from './certificate-support';
import { consentAndFaceCheck, dock, payByPhone, placePermit, startByCard, startByNumber, startServiceKiosk, withHanFace, type ServiceKiosk } from './service-support';
import { stillFaceVideo } from './fixtures/face-video';
import { feeSlipThenReceipt } from './id-card-renewal-support';

const SERVICE = 'exit-entry-endorsement';
const CATEGORY = 'exitEntry';
const ZHAO = { name: '赵欣', idNumber: '410105199108150022', permit: 'C72345678' } as const;
const WU = { name: '吴国强', idNumber: '410403198011250034', taiwanPermit: 'L21234567' } as const;
const QIAN = { idNumber: '41040219771203005X' } as const;
const CHEN_PERMIT = 'C38816402';
const RECEIPT = `svc.${SERVICE}.receipt`;

let kiosk: ServiceKiosk;

beforeAll(async () => {
  kiosk = await startServiceKiosk({ video: stillFaceVideo(), citizens: withHanFace([ZHAO.idNumber, WU.idNumber, QIAN.idNumber]) });
});
afterAll(() => kiosk?.stop());
afterEach(async () => {
  if (!kiosk) return;
  // A case that stopped half-way must not leave its permit on the writer for the next one.
  const page = await kiosk.open();
  await page.getByTestId('dock-handle').click();
  const remove = page.getByTestId('dock-permit-remove');
  await remove.waitFor({ timeout: 10_000 });
  if (await remove.isEnabled()) await remove.click();
  await expect.poll(() => remove.isDisabled(), { timeout: 10_000 }).toBe(true);
  await kiosk.closePage();
});


/** A typed number → the service → consents and the face check → the writer's prompt. */
async function startTyped(idNumber: string, target = 'choice-placed') {
  const p = await kiosk.open();
  await startByNumber(p, SERVICE, idNumber, { category: CATEGORY });
  await consentAndFaceCheck(p, target, kiosk.logged.lines);
  return p;
}

describe('出入境签注', () => {
  it('赵欣 (郑州): 个人旅游 to Hong Kong, one year two entries, 30 元 by phone, written to the chip; 缴费凭证 and the slip read back', { timeout: 240_000 }, async () => {
    const p = await startTyped(ZHAO.idNumber);
    const before = kiosk.printer.texts().length;
    await placePermit(p, ZHAO.permit, 'choice-hongKong');
    await p.getByTestId('choice-hongKong').click();
    await p.getByTestId('choice-G').click();
    // 个人旅游 outside 深圳: 3 months or 1 year, once or twice (no multiple-entry G).
    expect(await p.getByTestId('choice-multiple-12').count()).toBe(0);
    await p.getByTestId('choice-twice-12').click();
    await p.getByTestId('review-step').waitFor({ timeout: 10_000 });
    expect(await detailValue(p, 'review-step', `svc.${SERVICE}.review.fee`)).toBe('30元');
    await p.getByTestId('review-confirm').click();
    expect(await p.getByTestId('payment-total').textContent()).toMatch(/30/);
    await payByPhone(p);
    await feeSlipThenReceipt(p, `${RECEIPT}.number`);

    const number = await detailValue(p, 'receipt-details', `${RECEIPT}.number`);
    expect(number).toMatch(/^QH\d{14}$/);
    expect(kiosk.printer.printedWith('缴费凭证', before)).toContain('30.00');
    const slip = kiosk.printer.printedWith('出入境签注凭条', before);
    expect(slip).toMatch(/签注种类[：:]\s*个人旅游（G）/);
    expect(slip).toMatch(/有效期和次数[：:]\s*一年二次有效/);
    expect(slip).toMatch(/写入芯片[：:]\s*已写入证件芯片/);
    expect(slip).toContain('C72****78');
    expect(slip).toContain(number);
    expect(slip).not.toContain(ZHAO.permit);
    expect(slip).not.toContain(ZHAO.idNumber);
    expect(slip).not.toContain(ZHAO.name);

    await dock(p, 'dock-permit-remove');
    await p.getByTestId('receipt-taken').click();
    await p.getByTestId('done-step').waitFor({ timeout: 10_000 });
    expect(await p.getByTestId('done-step').getAttribute('data-outcome')).toBe('endorsed');
  });

  it('陈思远 (平顶山, by card): 个人旅游 is listed with why it is not offered; he buys 探亲, 15 元', { timeout: 240_000 }, async () => {
    const p = await kiosk.open();
    const before = kiosk.printer.texts().length;
    await startByCard(p, HAN, SERVICE, CATEGORY);
    await consentAndFaceCheck(p, 'choice-placed', kiosk.logged.lines);
    await placePermit(p, CHEN_PERMIT, 'choice-hongKong');
    await p.getByTestId('choice-hongKong').click();
    expect(await p.getByTestId('choice-G').textContent()).toContain('不在个人旅游开放城市');
    await p.getByTestId('choice-T').click();
    await p.getByTestId('choice-single-3').click();
    await p.getByTestId('review-confirm').click();
    expect(await p.getByTestId('payment-total').textContent()).toMatch(/15/);
    await payByPhone(p);
    await feeSlipThenReceipt(p, `${RECEIPT}.number`);
    const slip = kiosk.printer.printedWith('出入境签注凭条', before);
    expect(slip).toMatch(/签注种类[：:]\s*探亲（T）/);
    expect(slip).toMatch(/每次最多停留[：:]\s*14天/);
    expect(slip).toContain('已写入证件芯片');
    await dock(p, 'dock-permit-remove');
    await dock(p, 'dock-remove-card');
    await p.getByTestId('receipt-taken').click();
    await p.getByTestId('done-step').waitFor({ timeout: 10_000 });
  });

  it('吴国强: his Taiwan permit; 个人旅游 suspended since 2019; 探亲 one year multiple, 80 元, written', { timeout: 240_000 }, async () => {
    const p = await startTyped(WU.idNumber, 'choice-taiwanPermit');
    const before = kiosk.printer.texts().length;
    await p.getByTestId('choice-taiwanPermit').click();
    await placePermit(p, WU.taiwanPermit, 'choice-T');
    expect(await p.getByTestId('choice-G').textContent()).toContain('二〇一九年八月一日');
    await p.getByTestId('choice-T').click();
    await p.getByTestId('choice-multiple-12').click();
    await p.getByTestId('review-confirm').click();
    expect(await p.getByTestId('payment-total').textContent()).toMatch(/80/);
    await payByPhone(p);
    await feeSlipThenReceipt(p, `${RECEIPT}.number`);
    const slip = kiosk.printer.printedWith('出入境签注凭条', before);
    expect(slip).toMatch(/前往地[：:]\s*台湾/);
    expect(slip).toContain('L21****67');
    expect(slip).toContain('已写入证件芯片');
    expect(kiosk.printer.printedWith('缴费凭证', before)).toContain('80.00');
    await dock(p, 'dock-permit-remove');
  });

  it('another person\'s permit on the writer: the counter, saying so; nothing paid', { timeout: 180_000 }, async () => {
    const p = await startTyped(ZHAO.idNumber);
    await placePermit(p, CHEN_PERMIT, 'counter-step');
    expect(await p.getByTestId('counter-reason').textContent()).toContain('不是您本人');
    expect(await p.getByTestId('counter-window').textContent()).toContain('3');
    expect(await p.getByTestId('payment-step').count()).toBe(0);
    await dock(p, 'dock-permit-remove');
  });

  it('钱卫东 (出境限制): the counter, discreetly', { timeout: 180_000 }, async () => {
    const p = await startTyped(QIAN.idNumber, 'counter-step');
    const reason = (await p.getByTestId('counter-reason').textContent()) ?? '';
    expect(reason).toContain('工作人员为您办理');
    expect(reason).not.toMatch(/限制|不准|禁止/);
    expect(await p.getByTestId('choice-placed').count()).toBe(0);
  });
});
