/**
 * 出入境证件申请 end to end in headless Chromium on the simulated default
 * (embedded back-end and payment sandboxes; the receipt printer is the real
 * ESC/POS driver on a pty with the simulator reading back what came out):
 * 周婷, who holds nothing, applies for her first passport (the studio's
 * photo, two prints, the pinyin shown and corrected on the latin keyboard,
 * the form, the hall, 120 元 by phone, the 受理回执 with its 受理编号 and
 * the expected date); 钱卫东 (出境限制) is sent to the counter with a
 * discreet reason, before any choice. 换发, 补发 and the child with his
 * guardian: exit-entry-application-paths.test.ts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { detailValue } from './certificate-support';
import { twoPrints } from './capability-demo-support';
import { studioPhotoByCode } from './id-card-renewal-support';
import type { ServiceKiosk } from './service-support';
import { chooseDocumentAndReason, collectSignPay, exitEntryKiosk, fillApplicantForm, QIAN, RECEIPT_KEY, receiptTaken, startTyped, STUDIO_CODE, ZHOU_TING } from './exit-entry-application-support';

let kiosk: ServiceKiosk;

beforeAll(async () => {
  kiosk = await exitEntryKiosk();
});
afterAll(() => kiosk?.stop());
afterEach(() => kiosk?.closePage());

describe('出入境证件申请', () => {
  it('周婷: first passport — studio photo, prints, pinyin corrected, hall, 120 元 by phone, the 受理回执 read back by text', { timeout: 180_000 }, async () => {
    const p = await kiosk.open();
    const before = kiosk.printer.texts().length;
    await startTyped(kiosk, p, ZHOU_TING.idNumber);
    // She holds nothing: only 首次申请 is offered.
    await chooseDocumentAndReason(p, 'passport', 'first');
    expect(await p.getByTestId('choice-renewal').count()).toBe(0);
    await studioPhotoByCode(p, STUDIO_CODE, 'fingerprints-step');
    await twoPrints(p, 'form-step');
    await fillApplicantForm(p, { surname: 'ZHOU', givenName: 'TING' }, { givenName: 'TINGTING', occupation: 'enterprise' });
    const receipt = await collectSignPay(kiosk, p, 120, before);

    const number = await detailValue(p, 'receipt-details', `${RECEIPT_KEY}.acceptanceNumber`);
    expect(number).toMatch(/^[A-Z0-9-]{6,}$/);
    expect(receipt).toMatch(/申请证件[：:]\s*普通护照/);
    expect(receipt).toMatch(/办理类型[：:]\s*首次申请/);
    expect(receipt).toContain(number);
    expect(receipt).toMatch(/预计可领取[：:]\s*\d{4}-\d{2}-\d{2}/);
    expect(receipt).toContain('3号窗口');
    expect(receipt).toContain('周*');
    expect(receipt).toContain('4104**********0029');
    expect(receipt).not.toContain(ZHOU_TING.name);
    expect(receipt).not.toContain(ZHOU_TING.idNumber);
    await receiptTaken(p);
  });

  it('钱卫东 (出境限制): the counter at once, discreetly (no word of why), with a ticket for window 3', { timeout: 120_000 }, async () => {
    const p = await kiosk.open();
    await startTyped(kiosk, p, QIAN.idNumber, 'counter-step');
    const reason = (await p.getByTestId('counter-reason').textContent()) ?? '';
    expect(reason).toContain('窗口');
    expect(reason).not.toMatch(/限制|不准|禁止|出境/);
    expect(await p.getByTestId('counter-window').textContent()).toContain('3');
    expect(await p.getByTestId('choice-step').count()).toBe(0);
  });
});
