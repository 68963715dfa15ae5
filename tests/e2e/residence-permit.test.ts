/**
 * 居住证申领 end to end: Chromium against the real host (simulation
 * default), one fake camera that plays resident-han's still face for the
 * face check (liveness seam) and then a printed page for the document camera
 * (fixtures/switchable-video.ts), the dock's scanner for the photo studio's
 * 回执, and a serial receipt printer whose far end is the simulator (socat
 * pty pair), so the 领证回执 and the queue ticket are read back by text.
 *  - 黄志强, typed (registered here eight months): consents, face check, 在本地有住处,
 *    房屋租赁合同 photographed, the studio photo, address by the region
 *    picker and phone by the keypad, review, signature, submitted free → the
 *    领证回执: masked name and number, the 受理编号 as a CODE128 barcode, the
 *    date 15 days on, the window, 首次申领免费.
 *  - 吴磊, typed (registered three months): the counter says why, from when
 *    he may apply, with a ticket for the 户政 window.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { zonedIsoDate } from '../../domain/calendar-date';
import { resolveBound } from '../../electron/host/flows/library/form/fields';
import { stillFaceVideo } from './fixtures/face-video';
import { pageVideo } from './fixtures/page-video';
import { switchableVideo, type SwitchableVideo } from './fixtures/switchable-video';
import { consentToQueryAndFace, detailValue, expectNoTraces, newSessionId, sessionIds, sessionLines, waitPastFaceCheck } from './certificate-support';
import { sign } from './capability-demo-support';
import { studioPhoto } from './id-card-renewal-support';
import { startByNumber, startServiceKiosk, withHanFace, type ServiceKiosk } from './service-support';

const SERVICE = 'residence-permit';
const svc = (path: string) => `svc.${SERVICE}.${path}`;
const HUANG = { name: '黄志强', idNumber: '420106199002120034' } as const;
const WU = { name: '吴磊', idNumber: '420106198807180013' } as const;
const WINDOW = '1号窗口'; // services.windows.huzheng (default)

let camera: SwitchableVideo;
let kiosk: ServiceKiosk;

beforeAll(async () => {
  kiosk = await startServiceKiosk({
    video: (fixtures) => {
      camera = switchableVideo(fixtures, stillFaceVideo());
      return camera.path;
    },
    citizens: withHanFace([HUANG.idNumber, WU.idNumber]),
  });
});
afterAll(async () => {
  await kiosk?.stop();
});
beforeEach(() => camera.show(stillFaceVideo()));
afterEach(async () => {
  await kiosk?.closePage();
});

/** Keys on one of the screen's keypads (`<prefix>-key-<c>`), then its confirm. */
async function typeOn(p: Page, prefix: string, text: string): Promise<void> {
  for (const c of text) await p.getByTestId(`${prefix}-key-${c}`).click();
  await p.getByTestId(`${prefix}-confirm`).click();
}

describe('居住证申领', () => {
  it('黄志强 typed: condition, the lease photographed, studio photo, address and phone, review, signature → submitted free → the 领证回执 as printed, with the 受理编号 as a barcode', { timeout: 240_000 }, async () => {
    const known = sessionIds(kiosk.logged.lines);
    const receiptsBefore = kiosk.printer.texts().length;
    const p = await kiosk.open();
    await startByNumber(p, SERVICE, HUANG.idNumber);
    const sessionId = await newSessionId(kiosk.logged.lines, known);
    await consentToQueryAndFace(p);
    await waitPastFaceCheck(p, 'choice-step', kiosk.logged.lines);
    // From now on the camera shows a printed page (the document camera opens it afresh).
    camera.show(await pageVideo());

    // The condition, then the proofs for it.
    await p.getByTestId('choice-housing').click();
    await p.getByTestId('choice-lease').click({ timeout: 15_000 });
    await p.getByTestId('document-capture-step').waitFor({ timeout: 15_000 });
    const take = p.getByTestId('document-take');
    await expect.poll(() => take.isEnabled(), { timeout: 30_000 }).toBe(true);
    await take.click();
    await expect.poll(() => p.getByTestId('paper-count-lease').textContent(), { timeout: 30_000 }).toMatch(/1/);
    await p.getByTestId('document-confirm').click();

    // The photo from the studio's 回执, then the form.
    await studioPhoto(p, 'form-step');
    await p.getByTestId('form-field-address').click();
    await p.getByTestId('region-410000').click({ timeout: 15_000 });
    await p.getByTestId('region-410400').click();
    await p.getByTestId('region-410402').click();
    await typeOn(p, 'pinyin-keyboard', '88');
    await expect.poll(() => p.getByTestId('form-value-address').textContent()).toContain('河南省平顶山市新华区88');
    await p.getByTestId('form-field-phone').click();
    await typeOn(p, 'phone-keypad', '13912345678');
    await p.getByTestId('form-submit').click();

    // The review: masked name and number, the choices, one page, the address, free.
    await p.getByTestId('review-step').waitFor({ timeout: 15_000 });
    expect(await detailValue(p, 'review-details', svc('review.name'))).toBe('黄**');
    expect(await detailValue(p, 'review-details', svc('review.idNumber'))).toBe('4201**********0034');
    expect(await detailValue(p, 'review-details', svc('review.basis'))).toBe('在本地有住处');
    expect(await detailValue(p, 'review-details', svc('review.proof'))).toBe('房屋租赁合同');
    expect(await detailValue(p, 'review-details', svc('review.pages'))).toBe('1');
    expect(await detailValue(p, 'review-details', svc('review.address'))).toBe('河南省平顶山市新华区88');
    expect(await detailValue(p, 'review-details', svc('review.fee'))).toBe('首次申领免费');
    await p.getByTestId('review-confirm').click();

    // Signed: no payment, straight to the submission and the receipt.
    await p.getByTestId('signature-step').waitFor({ timeout: 15_000 });
    await sign(p, 'receipt-print-step');
    expect(await p.getByTestId('payment-step').count()).toBe(0);
    await expect.poll(() => p.getByTestId('receipt-print-step').getAttribute('data-state'), { timeout: 40_000 }).toBe('printed');
    const number = await detailValue(p, 'receipt-details', svc('receipt.acceptanceNumber'));
    expect(number).toMatch(/^SB\d{8}$/);
    const issuedBy = resolveBound({ fromToday: { days: 15 } }, zonedIsoDate(new Date(), 'Asia/Shanghai'));
    expect(await detailValue(p, 'receipt-details', svc('receipt.issuedBy'))).toBe(issuedBy);

    // The printer printed one receipt, cut: read back by text, the 受理编号 also as CODE128.
    const texts = kiosk.printer.texts().slice(receiptsBefore);
    expect(texts).toHaveLength(1);
    const text = texts[0]!;
    expect(text).toContain('居住证领证回执');
    expect(text).toMatch(new RegExp(`受理编号[：:]\\s*${number}`));
    expect(text).toMatch(new RegExp(`最迟领证日期[：:]\\s*${issuedBy}`));
    expect(text).toContain('在本地有住处');
    expect(text).toContain(WINDOW);
    expect(text).toContain('首次申领免费');
    expect(text).toContain('黄**');
    expect(text).toContain('4201**********0034');
    expect(text).not.toContain(HUANG.name);
    expect(text).not.toContain(HUANG.idNumber);
    const printed = kiosk.printer.simulator.receipts.at(-1)!;
    expect(printed.cut).toBe(true);
    expect(printed.barcodes).toEqual([number]);
    expect(printed.qrCodes).toEqual([]);

    await p.getByTestId('receipt-taken').click();
    await p.getByTestId('done-step').waitFor({ timeout: 10_000 });
    expect(await p.getByTestId('done-step').getAttribute('data-outcome')).toBe('applied');
    await p.getByTestId('done-finish').click();
    await expectNoTraces(p, kiosk.logged, sessionId, HUANG);
    expect(sessionLines(kiosk.logged.lines, sessionId).some((line) => line.includes('session journaled') && line.includes('"outcome":"applied"'))).toBe(true);
  });

  it('吴磊 typed, registered three months: the counter says why and from when, with a ticket for the 户政 window; nothing photographed', { timeout: 150_000 }, async () => {
    const known = sessionIds(kiosk.logged.lines);
    const receiptsBefore = kiosk.printer.texts().length;
    const p = await kiosk.open();
    await startByNumber(p, SERVICE, WU.idNumber);
    const sessionId = await newSessionId(kiosk.logged.lines, known);
    await consentToQueryAndFace(p);
    await waitPastFaceCheck(p, 'counter-step', kiosk.logged.lines);

    await expect.poll(() => p.getByTestId('counter-step').getAttribute('data-ticket'), { timeout: 20_000 }).toBe('printed');
    expect(await p.getByTestId('counter-window').textContent()).toContain(WINDOW);
    const reason = (await p.getByTestId('counter-reason').textContent()) ?? '';
    // sandbox.json: registered three months before the back-end's today; half a year from then.
    const since = resolveBound({ fromToday: { months: -3 } }, zonedIsoDate(new Date(), 'Asia/Shanghai'));
    const from = resolveBound({ fromToday: { months: 6 } }, since);
    expect(reason).toContain(`您从${since}开始在本地登记居住，还不满半年`);
    expect(reason).toContain(`请在${from}以后再来申领`);
    const ticket = ((await p.getByTestId('counter-ticket').textContent()) ?? '').trim();
    expect(ticket).not.toBe('');
    expect(await p.getByTestId('document-capture-step').count()).toBe(0);

    const texts = kiosk.printer.texts().slice(receiptsBefore);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain(ticket);
    expect(texts[0]).toContain(WINDOW);
    expect(texts[0]).not.toContain('居住证领证回执');

    await p.getByTestId('counter-done').click();
    await p.getByTestId('done-step').waitFor({ timeout: 10_000 });
    expect(await p.getByTestId('done-step').getAttribute('data-outcome')).toBe('counter');
    await p.getByTestId('done-finish').click();
    await expectNoTraces(p, kiosk.logged, sessionId, WU);
  });
});
