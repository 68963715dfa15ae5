/**
 * 身份证换领/补领 end to end in headless Chromium on the simulated default
 * (embedded back-end and payment sandboxes; the receipt printer is the real
 * ESC/POS driver on a pty with the simulator at the other end, which reads
 * back what came out): 王建国's card, 45 days from expiry, renews to the
 * 领证回执 (20 元 paid by phone, the 缴费凭证, the receipt read back by text);
 * 赵丽 types her number, her lost card is reported, 补领 costs 40 元; 陈思远's
 * card (valid to 2035) is refused 到期换领 with the dates, before any fee;
 * 刘秀英's expired card is her identity here (the reason to renew it).
 * The fake camera plays the man of resident-han's reference photo (liveness
 * skipped): the test's sandbox data gives 王建国 and 赵丽 his face. Their
 * standard photos come from a photo studio's 回执 the dock's scanner reads.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { detailValue, HAN } from './certificate-support';
import { collectAtHall, consentAndFaceCheck, dock, payByPhone, startByCard, startByNumber, startServiceKiosk, withHanFace, type ServiceKiosk } from './service-support';
import { sign, twoPrints } from './capability-demo-support';
import { stillFaceVideo } from './fixtures/face-video';
import { feeSlipThenReceipt, studioPhoto } from './id-card-renewal-support';

const WANG = { card: 'resident-expiring', name: '王建国', idNumber: '410402197203150037' } as const;
const ZHAO = { name: '赵丽', idNumber: '410402198506110029' } as const;
const LIU = { card: 'resident-expired', name: '刘秀英', idNumber: '410403196809220046' } as const;
const RECEIPT = 'svc.id-card-renewal.receipt';

let kiosk: ServiceKiosk;

beforeAll(async () => {
  kiosk = await startServiceKiosk({ video: stillFaceVideo(), citizens: withHanFace([WANG.idNumber, ZHAO.idNumber, LIU.idNumber]) });
});
afterAll(() => kiosk?.stop());
afterEach(() => kiosk?.closePage());


describe('身份证换领补领', () => {
  it('王建国 (card 45 days from expiry): 到期换领, studio photo, prints, hall, signature, 20 元 by phone, 缴费凭证, 领证回执 read back by text', { timeout: 240_000 }, async () => {
    const p = await kiosk.open();
    const before = kiosk.printer.texts().length;
    await startByCard(p, WANG, 'id-card-renewal');
    await consentAndFaceCheck(p, 'choice-step', kiosk.logged.lines);
    expect(await p.getByTestId('choice-lost').count()).toBe(0);
    await p.getByTestId('choice-expiry').click();
    await studioPhoto(p);
    await twoPrints(p, 'delivery-step');
    await collectAtHall(p);
    await sign(p);
    expect(await p.getByTestId('payment-total').textContent()).toMatch(/20/);
    await payByPhone(p);
    await feeSlipThenReceipt(p);

    const number = await detailValue(p, 'receipt-details', `${RECEIPT}.acceptanceNumber`);
    expect(number).toMatch(/^[A-Z0-9-]{6,}$/);
    const fee = kiosk.printer.printedWith('缴费凭证', before);
    expect(fee).toContain('20.00');
    const receipt = kiosk.printer.printedWith('居民身份证领证回执', before);
    expect(receipt).toMatch(/业务类型[：:]\s*到期换领/);
    expect(receipt).toContain(number);
    expect(receipt).toMatch(/预计可领取[：:]\s*\d{4}-\d{2}-\d{2}/);
    expect(receipt).toContain('1号窗口');
    expect(receipt).toContain('王**');
    expect(receipt).not.toContain(WANG.name);
    expect(receipt).not.toContain(WANG.idNumber);

    await dock(p, 'dock-remove-card');
    await p.getByTestId('receipt-taken').click();
    await p.getByTestId('done-step').waitFor({ timeout: 10_000 });
    expect(await p.getByTestId('done-step').getAttribute('data-outcome')).toBe('applied');
  });

  it('赵丽 (lost card, number typed): 补领, the old card reported lost at once, 40 元, the receipt says so', { timeout: 240_000 }, async () => {
    const p = await kiosk.open();
    const before = kiosk.printer.texts().length;
    await startByNumber(p, 'id-card-renewal', ZHAO.idNumber);
    await consentAndFaceCheck(p, 'choice-step', kiosk.logged.lines);
    await p.getByTestId('choice-lost').click();
    await studioPhoto(p);
    await twoPrints(p, 'delivery-step');
    await collectAtHall(p);
    await sign(p);
    expect(await p.getByTestId('payment-total').textContent()).toMatch(/40/);
    await payByPhone(p);
    await feeSlipThenReceipt(p);

    const receipt = kiosk.printer.printedWith('居民身份证领证回执', before);
    expect(receipt).toMatch(/业务类型[：:]\s*丢失补领/);
    expect(receipt).toMatch(/旧证挂失[：:]\s*GS\d{8}110029/);
    expect(receipt).toContain('旧身份证已挂失作废');
    expect(receipt).not.toContain(ZHAO.idNumber);
    expect(kiosk.printer.printedWith('缴费凭证', before)).toContain('40.00');
    await p.getByTestId('receipt-taken').click();
    await p.getByTestId('done-step').waitFor({ timeout: 10_000 });
    expect(await p.getByTestId('done-step').getAttribute('data-outcome')).toBe('applied');
  });

  it('陈思远 (card valid to 2035): 到期换领 refused with the dates and a ticket for window 1; nothing paid', { timeout: 180_000 }, async () => {
    const p = await kiosk.open();
    await startByCard(p, HAN, 'id-card-renewal');
    await consentAndFaceCheck(p, 'choice-step', kiosk.logged.lines);
    expect(await p.getByTestId('choice-lost').count()).toBe(0);
    await p.getByTestId('choice-expiry').click();
    await p.getByTestId('counter-step').waitFor({ timeout: 15_000 });
    const reason = (await p.getByTestId('counter-reason').textContent()) ?? '';
    expect(reason).toContain('2035-03-01');
    expect(reason).toContain('2034-12-01');
    expect(await p.getByTestId('counter-window').textContent()).toContain('1');
    expect(await p.getByTestId('payment-step').count()).toBe(0);
  });

  it('刘秀英 (card expired 2025-10-01): the expired card is accepted at identify and through the face check; 到期换领 offered', { timeout: 180_000 }, async () => {
    const p = await kiosk.open();
    await startByCard(p, LIU, 'id-card-renewal');
    await consentAndFaceCheck(p, 'choice-step', kiosk.logged.lines);
    expect(await p.getByTestId('choice-expiry').count()).toBe(1);
    expect(await p.getByTestId('choice-lost').count()).toBe(0);
  });
});
