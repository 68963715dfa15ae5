/**
 * 出入境证件申请 end to end, the other paths (see exit-entry-application.test.ts
 * for the first application and the counter): 吴国强's expired passport
 * renewed (换发, his pinyin from the record); 郑丽's 往来港澳通行证 lost
 * (补发: declared lost at once, 60 元, the receipt says the old one is
 * invalid); 刘一鸣, aged 12, with his father 刘建华 (the guardian's number,
 * relation and phone, checked by the back-end; no fingerprints; the
 * guardian signs; the receipt names the guardian, masked).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { twoPrints } from './capability-demo-support';
import { studioPhotoByCode } from './id-card-renewal-support';
import { chooseFormOption, type ServiceKiosk } from './service-support';
import { chooseDocumentAndReason, collectSignPay, exitEntryKiosk, fillApplicantForm, LIU_CHILD, LIU_FATHER, receiptTaken, startTyped, STUDIO_CODE, WU, ZHENG } from './exit-entry-application-support';

let kiosk: ServiceKiosk;

beforeAll(async () => {
  kiosk = await exitEntryKiosk();
});
afterAll(() => kiosk?.stop());
afterEach(() => kiosk?.closePage());

describe('出入境证件申请: 换发, 补发, a child', () => {
  it('吴国强: his expired passport renewed (换发), the record\'s pinyin shown, 120 元', { timeout: 180_000 }, async () => {
    const p = await kiosk.open();
    const before = kiosk.printer.texts().length;
    await startTyped(kiosk, p, WU.idNumber);
    await chooseDocumentAndReason(p, 'passport', 'renewal');
    await studioPhotoByCode(p, STUDIO_CODE, 'fingerprints-step');
    await twoPrints(p, 'form-step');
    await fillApplicantForm(p, { surname: 'WU', givenName: 'GUOQIANG' }, { occupation: 'enterprise' });
    const receipt = await collectSignPay(kiosk, p, 120, before);
    expect(receipt).toMatch(/办理类型[：:]\s*换发/);
    expect(receipt).toContain('交回原证件');
    expect(receipt).not.toContain(WU.idNumber);
    await receiptTaken(p);
  });

  it('郑丽: her 往来港澳通行证 lost — declared at once, 补发 60 元, the receipt says the old one is invalid', { timeout: 180_000 }, async () => {
    const p = await kiosk.open();
    const before = kiosk.printer.texts().length;
    await startTyped(kiosk, p, ZHENG.idNumber);
    await chooseDocumentAndReason(p, 'hkMacauPermit', 'lost');
    await studioPhotoByCode(p, STUDIO_CODE, 'fingerprints-step');
    await twoPrints(p, 'form-step');
    await fillApplicantForm(p, { surname: 'ZHENG', givenName: 'LI' }, { occupation: 'institution' });
    const receipt = await collectSignPay(kiosk, p, 60, before);
    expect(receipt).toMatch(/申请证件[：:]\s*往来港澳通行证/);
    expect(receipt).toMatch(/办理类型[：:]\s*补发/);
    expect(receipt).toMatch(/原证件遗失登记[：:]\s*YS\d{8}C60123456/);
    expect(receipt).toContain('原证件已登记作废');
    await receiptTaken(p);
  });

  it('刘一鸣 (12) with his father 刘建华: the guardian checked, no fingerprints, the guardian signs, the receipt names him masked', { timeout: 180_000 }, async () => {
    const p = await kiosk.open();
    const before = kiosk.printer.texts().length;
    await startTyped(kiosk, p, LIU_CHILD.idNumber);
    await chooseDocumentAndReason(p, 'passport', 'first');
    // The guardian's form: number, relation, phone.
    await p.getByTestId('form-field-idNumber').click({ timeout: 15_000 });
    for (const c of LIU_FATHER.idNumber) await p.getByTestId(`id-keypad-key-${c}`).click();
    await p.getByTestId('id-keypad-confirm').click();
    await chooseFormOption(p, 'relation', 'father');
    await p.getByTestId('form-field-phone').click();
    for (const c of '13900139000') await p.getByTestId(`phone-keypad-key-${c}`).click();
    await p.getByTestId('phone-keypad-confirm').click();
    await p.getByTestId('form-submit').click();
    // Confirmed by the back-end: the photo, then straight to the form (no fingerprints under 16).
    await studioPhotoByCode(p, STUDIO_CODE, 'form-step');
    expect(await p.getByTestId('fingerprints-step').count()).toBe(0);
    await fillApplicantForm(p, { surname: 'LIU', givenName: 'YIMING' }, { occupation: 'student' });
    const receipt = await collectSignPay(kiosk, p, 120, before);
    expect(receipt).toMatch(/申请人[：:]\s*刘\*\*/);
    expect(receipt).toMatch(/监护人[：:]\s*刘\*\*（父亲）/);
    expect(receipt).not.toContain(LIU_FATHER.idNumber);
    expect(receipt).not.toContain(LIU_CHILD.idNumber);
    await receiptTaken(p);
  });
});
