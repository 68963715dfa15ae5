/**
 * 出入境证件申请 end to end: the walk its two spec files share (the
 * citizens, the kiosk for them, the start, the document and reason, the
 * form, collection to the 受理回执 read back by text). Set-up is
 * service-support's; this file only strings its helpers for this service.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { sign } from './capability-demo-support';
import { stillFaceVideo } from './fixtures/face-video';
import { feeSlipThenReceipt } from './id-card-renewal-support';
import { chooseFormOption, collectAtHall, consentAndFaceCheck, payByPhone, startByNumber, startServiceKiosk, typeChinese, type ServiceKiosk } from './service-support';

export const SERVICE = 'exit-entry-application';
export const RECEIPT_KEY = `svc.${SERVICE}.receipt`;
/** The photo studio's 出入境 回执 (electron/host/capture/photo/studio-receipts.sandbox.json) whose holders include these people. */
export const STUDIO_CODE = 'SB2026EXE00000000003';

export const ZHOU_TING = { name: '周婷', idNumber: '410402199506120029' } as const;
export const WU = { name: '吴国强', idNumber: '410403198011250034' } as const;
export const ZHENG = { name: '郑丽', idNumber: '41040219920308004X' } as const;
export const LIU_CHILD = { name: '刘一鸣', idNumber: '410402201405200011' } as const;
export const LIU_FATHER = { name: '刘建华', idNumber: '410402198507060035' } as const;
export const QIAN = { name: '钱卫东', idNumber: '41040219771203005X' } as const;

/** The simulated default kiosk, the camera playing resident-han's man, whose face these typed-only people get in the test's sandbox copy. */
export function exitEntryKiosk(): Promise<ServiceKiosk> {
  return startServiceKiosk({ video: stillFaceVideo(), citizens: Object.fromEntries([ZHOU_TING, WU, ZHENG, LIU_CHILD, QIAN].map((p) => [p.idNumber, { faceRef: 'resident-han' }])) });
}

/** Touch → 出入境 → 出入境证件申请 → the number typed → consents and face check: `target` (default the document's choice). */
export async function startTyped(kiosk: ServiceKiosk, page: Page, idNumber: string, target = 'choice-step'): Promise<void> {
  await startByNumber(page, SERVICE, idNumber, { category: 'exitEntry' });
  await consentAndFaceCheck(page, target, kiosk.logged.lines);
}

/** The document, then the reason (its options are the record's): the step after (the check passes by itself). */
export async function chooseDocumentAndReason(page: Page, document: string, reason: string): Promise<void> {
  await page.getByTestId(`choice-${document}`).click();
  await page.getByTestId(`choice-${reason}`).click({ timeout: 15_000 });
}

/**
 * The application form: the pinyin shown first is checked (and `givenName`
 * retyped on the latin keyboard when given), then the occupation and the
 * emergency contact (张敏, a sibling) are filled and the form sent: the
 * delivery step.
 */
export async function fillApplicantForm(page: Page, shown: { surname: string; givenName: string }, options: { givenName?: string; occupation: string }): Promise<void> {
  await page.getByTestId('form-field-surname').waitFor({ timeout: 20_000 });
  expect(await page.getByTestId('form-value-surname').textContent()).toBe(shown.surname);
  expect(await page.getByTestId('form-value-givenName').textContent()).toBe(shown.givenName);
  if (options.givenName) {
    await page.getByTestId('form-field-givenName').click();
    await page.getByTestId('latin-keyboard').waitFor();
    for (let i = 0; i < shown.givenName.length; i++) await page.getByTestId('latin-keyboard-backspace').click();
    for (const c of options.givenName) await page.getByTestId(`latin-keyboard-key-${c}`).click();
    await page.getByTestId('latin-keyboard-confirm').click();
    await expect.poll(() => page.getByTestId('form-value-givenName').textContent()).toBe(options.givenName);
  }
  await chooseFormOption(page, 'occupation', options.occupation);
  await page.getByTestId('form-field-contactName').click();
  await typeChinese(page, [['zhang', '张'], ['min', '敏']]);
  await expect.poll(() => page.getByTestId('form-value-contactName').textContent()).toBe('张敏');
  await page.getByTestId('form-field-contactPhone').click();
  for (const c of '13912345678') await page.getByTestId(`phone-keypad-key-${c}`).click();
  await page.getByTestId('phone-keypad-confirm').click();
  await chooseFormOption(page, 'contactRelation', 'sibling');
  await page.getByTestId('form-submit').click();
  await page.getByTestId('delivery-step').waitFor({ timeout: 15_000 });
}

/** Collection at the hall, the signature, `yuan` paid by phone, the 缴费凭证 and the 受理回执: its printed text (the one receipt after `before`). */
export async function collectSignPay(kiosk: ServiceKiosk, page: Page, yuan: number, before: number): Promise<string> {
  await collectAtHall(page);
  await sign(page);
  expect(await page.getByTestId('payment-total').textContent()).toMatch(new RegExp(`${yuan}`));
  await payByPhone(page);
  await feeSlipThenReceipt(page, `${RECEIPT_KEY}.acceptanceNumber`);
  const printed = kiosk.printer.texts().slice(before);
  expect(printed.filter((text) => text.includes('缴费凭证')).join('\n')).toContain(`${yuan}.00`);
  const receipts = printed.filter((text) => text.includes('出入境证件受理回执'));
  expect(receipts).toHaveLength(1);
  return receipts[0]!;
}

/** The receipt taken: the flow ends with `applied`. */
export async function receiptTaken(page: Page): Promise<void> {
  await page.getByTestId('receipt-taken').click();
  await page.getByTestId('done-step').waitFor({ timeout: 10_000 });
  expect(await page.getByTestId('done-step').getAttribute('data-outcome')).toBe('applied');
}
