/**
 * 未满十六周岁 居民身份证首次申领 end to end, from the simulated default (the
 * real host, its simulated devices, the embedded back-end and payment
 * sandboxes) in headless Chromium with a fake camera playing a head in front
 * of a plain backdrop: 陈思远 (the guardian) places his card, consents and
 * passes the face check, types 陈小雨's number; the household check passes;
 * the child's photo, two prints, collection at the hall, the guardian's
 * signature, 20 元 paid on the dock's phone, the application submitted; the
 * 缴费凭证 and the 领证回执 come out of a serial receipt printer (the
 * simulator on a pty pair) and are read back by text. And a refusal: 王喆's
 * number is not on 陈思远's 户口, so the counter with its reason and a queue
 * ticket, before anything is paid.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HAN } from './certificate-support';
import { collectAtHall, consentAndFaceCheck, dock, payByPhone, startByCard, startServiceKiosk, type ServiceKiosk } from './service-support';
import { orderShown, sign, twoPrints } from './capability-demo-support';
import { childPhoto, guardianAndPhotoVideo, typeChildNumber } from './child-id-card-support';

const CHILD = '410402201806150027';
const WANG_ZHE = '110105200511300072';

let kiosk: ServiceKiosk;

beforeAll(async () => {
  kiosk = await startServiceKiosk({ video: guardianAndPhotoVideo() });
});
afterAll(() => kiosk?.stop());
afterEach(() => kiosk?.closePage());

/** Card → 未满十六周岁首次申领 → identify → consent → face check: the child's number. */
async function start(): Promise<Page> {
  const page = await kiosk.open();
  await startByCard(page, HAN, 'child-id-card');
  await consentAndFaceCheck(page, 'form-step', kiosk.logged.lines);
  return page;
}

describe('未满十六周岁 居民身份证首次申领', () => {
  it('陈思远 applies for 陈小雨: photo, prints, hall, signature, 20 元 paid, submitted; the 缴费凭证 and the 领证回执 read back', { timeout: 240_000 }, async () => {
    const { printer } = kiosk;
    const printedBefore = printer.texts().length;
    const p = await start();
    await typeChildNumber(p, CHILD, 'photo-flow-step');
    await childPhoto(p);
    await twoPrints(p, 'delivery-step');
    await collectAtHall(p);
    await sign(p);
    await orderShown(p);
    expect(await p.getByTestId('payment-total').textContent()).toMatch(/20/);
    await payByPhone(p);

    // The 缴费凭证, then the 领证回执.
    await expect.poll(() => p.getByTestId('receipt-print-step').getAttribute('data-state'), { timeout: 40_000 }).toBe('printed');
    await p.getByTestId('receipt-taken').click();
    await expect.poll(() => printer.texts().length, { timeout: 20_000 }).toBe(printedBefore + 2);
    await expect.poll(() => p.getByTestId('receipt-print-step').getAttribute('data-state'), { timeout: 20_000 }).toBe('printed');

    // Long lines wrap on the 80 mm paper: read the slips with the wrapping taken out.
    const [feeSlip, receipt] = printer.texts().slice(printedBefore).map((text) => text.replace(/\s+/g, ''));
    expect(feeSlip).toContain('居民身份证工本费');
    expect(feeSlip).toMatch(/20\.00/);
    expect(receipt).toContain('居民身份证领证回执');
    expect(receipt).toContain('首次申领（未满十六周岁，监护人代为申请）');
    expect(receipt).toContain('4104**********0027');
    expect(receipt).toMatch(/受理编号[：:]SB\d{8}/);
    expect(receipt).toMatch(/预计可领取日期[：:]\d{4}-\d{2}-\d{2}/);
    expect(receipt).toContain('领取时请监护人带上本回执和户口簿');
    expect(receipt).toContain('1号窗口');
    // Masked only: neither the child's nor the guardian's name or number in full.
    for (const secret of ['陈小雨', HAN.name, CHILD, HAN.idNumber]) expect(receipt).not.toContain(secret);

    await dock(p, 'dock-remove-card');
    await p.getByTestId('receipt-taken').click();
    await p.getByTestId('done-step').waitFor({ timeout: 15_000 });
    expect(await p.getByTestId('done-step').getAttribute('data-outcome')).toBe('applicationAccepted');
  });

  it("王喆's number is not on 陈思远's 户口: the counter says why, with a queue ticket, nothing paid", { timeout: 180_000 }, async () => {
    const { printer } = kiosk;
    const printedBefore = printer.texts().length;
    const p = await start();
    await typeChildNumber(p, WANG_ZHE, 'counter-step');
    expect(await p.getByTestId('counter-reason').textContent()).toContain('孩子不在您的户口上');
    await expect.poll(() => printer.texts().length, { timeout: 20_000 }).toBe(printedBefore + 1);
    const ticket = printer.texts()[printedBefore]!.replace(/\s+/g, '');
    expect(ticket).toContain('1号窗口');
    expect(ticket).not.toContain('工本费');
  });
});
