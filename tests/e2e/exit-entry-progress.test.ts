/**
 * 出入境办理进度查询及领证 end to end on the simulated default kiosk: a
 * receipt's 受理编号 held under the scanner (the dock's sample receipt,
 * 陈思远's passport ready at this hall) → the ID number's last four → the
 * status masked on screen → a 领证 queue ticket for the 出入境 window; a typed
 * number (吴国强's posted 港澳通行证) → the EMS number → a slip checked by
 * text; an unknown number → what to do; resident-han's card with the face
 * check → the same passport and the ticket offered. The host drives a serial
 * receipt printer whose far end (the simulator) the test reads.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stillFaceVideo } from './fixtures/face-video';
import { detailValue, HAN } from './certificate-support';
import { chooseService, consentAndFaceCheck, dock, placeCard, startServiceKiosk, typeLatin, type ServiceKiosk } from './service-support';

const SERVICE = 'exit-entry-progress';
const RESULT = `svc.${SERVICE}.result`;
/** electron/host/services/exit-entry-progress/sandbox.json. */
const CHEN_NUMBER = '41040210000000018301';
const WU_NUMBER = '41040310000000020417';

let kiosk: ServiceKiosk;

beforeAll(async () => {
  kiosk = await startServiceKiosk({ video: stillFaceVideo() });
});
afterAll(() => kiosk?.stop());
afterEach(() => kiosk?.closePage());

/** No card: touch → 出入境 → the service → 用受理回执查询: the number's form. */
async function startByReceipt(page: Page): Promise<void> {
  await page.getByTestId('start-button').click();
  await chooseService(page, 'exitEntry', SERVICE, 'choice-step');
  await page.getByTestId('choice-receipt').click();
  await page.getByTestId('form-scan-hint').waitFor({ timeout: 10_000 });
}

/** The ID number's last four on the form that asks for them, then what comes next. */
async function typeTail(page: Page, tail: string, next: string): Promise<void> {
  await page.getByTestId('form-field-idNumberTail').click({ timeout: 10_000 });
  await typeLatin(page, tail);
  await page.getByTestId('form-submit').click();
  await page.getByTestId(next).waitFor({ timeout: 15_000 });
}

describe('出入境办理进度查询及领证', () => {
  it('a receipt scanned → its last four → ready at this hall, masked → a 领证 ticket for the 出入境 window', { timeout: 120_000 }, async () => {
    const page = await kiosk.open();
    await startByReceipt(page);
    await dock(page, 'dock-scan-exitEntryReceipt-scanner');
    await page.getByTestId('form-field-idNumberTail').waitFor({ timeout: 10_000 });
    await typeTail(page, '1230', 'review-step');

    expect(await detailValue(page, 'review-details', `${RESULT}.holder`)).toBe('陈**');
    expect(await detailValue(page, 'review-details', `${RESULT}.acceptanceNumber`)).toBe(CHEN_NUMBER);
    expect(await detailValue(page, 'review-details', `${RESULT}.document`)).toBe('普通护照');
    expect(await detailValue(page, 'review-details', `${RESULT}.status`)).toBe('已制证，待领取');
    expect(await detailValue(page, 'review-details', `${RESULT}.collectAt`)).toContain('3号窗口');
    expect(await page.getByTestId('step-notes').textContent()).toContain('身份证和受理回执');
    // What a receipt's number shows: never the ID number or the full name.
    const screen = (await page.getByTestId('review-step').textContent()) ?? '';
    expect(screen).not.toContain(HAN.name);
    expect(screen).not.toContain(HAN.idNumber);

    await page.getByTestId('review-confirm').click();
    await page.getByTestId('choice-ticket').click();
    await page.getByTestId('counter-step').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('counter-reason').textContent()).toContain('3号窗口');
    await page.getByTestId('counter-ticket').waitFor({ timeout: 15_000 });
    await expect.poll(() => kiosk.printer.texts().some((text) => text.includes('3号窗口')), { timeout: 15_000 }).toBe(true);
  });

  it('a typed number → its last four → posted, the EMS number → a slip that says so, masked', { timeout: 120_000 }, async () => {
    const printed = kiosk.printer.texts().length;
    const page = await kiosk.open();
    await startByReceipt(page);
    await page.getByTestId('form-field-number').click();
    await typeLatin(page, WU_NUMBER);
    await page.getByTestId('form-submit').click();
    await typeTail(page, '0034', 'review-step');

    expect(await detailValue(page, 'review-details', `${RESULT}.status`)).toBe('已邮寄');
    expect(await detailValue(page, 'review-details', `${RESULT}.emsNumber`)).toBe('EA203456789CN');
    expect(await detailValue(page, 'review-details', `${RESULT}.document`)).toBe('往来港澳通行证');
    await page.getByTestId('review-confirm').click();
    // Not ready here: no ticket, only the slip or finishing.
    await page.getByTestId('choice-slip').waitFor();
    expect(await page.getByTestId('choice-ticket').count()).toBe(0);
    await page.getByTestId('choice-slip').click();
    await expect.poll(() => page.getByTestId('receipt-print-step').getAttribute('data-state'), { timeout: 20_000 }).toBe('printed');

    const text = kiosk.printer.texts().slice(printed).join('\n');
    expect(text).toContain('出入境证件办理进度');
    expect(text).toMatch(/办理状态[：:]\s*已邮寄/);
    expect(text).toContain('EA203456789CN');
    expect(text).toContain(WU_NUMBER);
    expect(text).toContain('吴**');
    expect(text).not.toContain('吴国强');
    expect(text).not.toContain('410403198011250034');
    await page.getByTestId('receipt-taken').click();
    await page.getByTestId('done-step').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('done-step').getAttribute('data-outcome')).toBe('progressShown');
  });

  it('a number that does not exist: a clear word on what to do', { timeout: 120_000 }, async () => {
    const page = await kiosk.open();
    await startByReceipt(page);
    await page.getByTestId('form-field-number').click();
    await typeLatin(page, '41040299999999999999');
    await page.getByTestId('form-submit').click();
    await typeTail(page, '1230', 'done-step');
    expect(await page.getByTestId('done-step').getAttribute('data-outcome')).toBe('numberNotFound');
    expect(await page.getByTestId('done-outcome').textContent()).toContain('没有查到这个受理编号');
  });

  it('resident-han\'s card → consents → face check → his passport ready here, his masked number → the 领证 ticket offered', { timeout: 120_000 }, async () => {
    const { logged } = kiosk;
    const page = await kiosk.open();
    await placeCard(page, HAN);
    await chooseService(page, 'exitEntry', SERVICE, 'choice-step');
    await page.getByTestId('choice-idCard').click();
    await page.getByTestId('identify-step').waitFor({ timeout: 10_000 });
    await page.getByTestId('identify-confirm').click();
    await consentAndFaceCheck(page, 'review-step', logged.lines);

    expect(await detailValue(page, 'review-details', `${RESULT}.idNumber`)).toBe('4104**********1230');
    expect(await detailValue(page, 'review-details', `${RESULT}.status`)).toBe('已制证，待领取');
    await page.getByTestId('review-confirm').click();
    await page.getByTestId('choice-ticket').waitFor({ timeout: 10_000 });
    await page.getByTestId('choice-ticket').click();
    await page.getByTestId('counter-step').waitFor({ timeout: 10_000 });
    await dock(page, 'dock-remove-card');
  });
});
