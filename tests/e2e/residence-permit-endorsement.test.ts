/**
 * 居住证签注 end to end: Chromium against the real host (simulation default),
 * the fake camera playing resident-han's still face (liveness seam), and a
 * serial receipt printer whose far end is the simulator (socat pty pair), so
 * the slip and the queue ticket are read back by text.
 *  - 周明轩, typed: consents, face check, the check (due this month), the
 *    review, the 签注, the slip: masked holder, the new date, the 签注编号.
 *  - 林晓雯, by card: already endorsed this year → the counter's reason and a
 *    queue ticket for the 户政 window.
 * Sandbox dates are relative to the back-end's today (sandbox.json).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { zonedIsoDate } from '../../domain/calendar-date';
import { resolveBound } from '../../electron/host/flows/library/form/fields';
import { stillFaceVideo } from './fixtures/face-video';
import { detailValue, expectNoTraces, newSessionId, sessionIds, sessionLines } from './certificate-support';
import { consentAndFaceCheck, dock, startByCard, startByNumber, startServiceKiosk, withHanFace, type ServiceKiosk } from './service-support';

const SERVICE = 'residence-permit-endorsement';
const svc = (path: string) => `svc.${SERVICE}.${path}`;
const ZHOU = { name: '周明轩', idNumber: '32010219920308005X' } as const;
const LIN = { card: 'resident-moved', name: '林晓雯', idNumber: '320106198507122029' } as const;
/** sandbox.json: 周明轩's permit, endorsed until 20 days from today; endorsed for a year more. */
const ZHOU_PERMIT = '4101002025JZ003187';

let kiosk: ServiceKiosk;

beforeAll(async () => {
  // Typed-only 周明轩 and resident-moved 林晓雯 have no reference photo the fake camera's face could match: they get resident-han's.
  kiosk = await startServiceKiosk({ video: stillFaceVideo(), citizens: withHanFace([ZHOU.idNumber, LIN.idNumber]) });
});
afterAll(() => kiosk?.stop());
afterEach(() => kiosk?.closePage());

describe('居住证签注', () => {
  it('周明轩 typed: consents → face → the review (masked, the new date) → endorsed → the slip printed with the 签注编号; journaled endorsed; nothing left after', { timeout: 150_000 }, async () => {
    const { logged, printer } = kiosk;
    const known = sessionIds(logged.lines);
    const receiptsBefore = printer.texts().length;
    const page = await kiosk.open();
    await startByNumber(page, SERVICE, ZHOU.idNumber);
    const sessionId = await newSessionId(logged.lines, known);
    await consentAndFaceCheck(page, 'review-step', logged.lines);

    // The host's today (the hall's zone) and the dates sandbox.json sets from it.
    const today = zonedIsoDate(new Date(), 'Asia/Shanghai');
    const until = resolveBound({ fromToday: { days: 20 } }, today);
    const newUntil = resolveBound({ fromToday: { years: 1 } }, until);
    expect(await detailValue(page, 'review-details', svc('review.holder'))).toBe('周**');
    expect(await detailValue(page, 'review-details', svc('review.permitNumber'))).toBe('4101**********3187');
    expect(await detailValue(page, 'review-details', svc('review.endorsedUntil'))).toBe(until);
    expect(await detailValue(page, 'review-details', svc('review.newEndorsedUntil'))).toBe(newUntil);
    expect(await detailValue(page, 'review-details', svc('review.fee'))).toBe('免费');
    await page.getByTestId('review-confirm').click();

    await page.getByTestId('receipt-print-step').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByTestId('receipt-print-step').getAttribute('data-state'), { timeout: 20_000 }).toBe('printed');
    const number = await detailValue(page, 'receipt-details', svc('slip.endorsementNumber'));
    expect(number).toMatch(/^QZ\d{14}$/);
    expect(await detailValue(page, 'receipt-details', svc('slip.newEndorsedUntil'))).toBe(newUntil);

    // The printer received one slip, cut: the title, the new date and the 签注编号; the holder masked.
    const texts = printer.texts().slice(receiptsBefore);
    expect(texts).toHaveLength(1);
    const text = texts[0]!;
    expect(text).toContain('居住证签注凭条');
    expect(text).toMatch(new RegExp(`签注有效期至[：:]\\s*${newUntil}`));
    expect(text).toMatch(new RegExp(`签注日期[：:]\\s*${today}`));
    expect(text).toContain(number);
    expect(text).toContain('周**');
    expect(text).toContain('3201**********005X');
    expect(text).toContain('签注不收费');
    expect(text).not.toContain(ZHOU.name);
    expect(text).not.toContain(ZHOU.idNumber);
    expect(text).not.toContain(ZHOU_PERMIT);
    expect(printer.simulator.receipts.at(-1)!.cut).toBe(true);

    await page.getByTestId('receipt-taken').click();
    await page.getByTestId('done-step').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('done-step').getAttribute('data-outcome')).toBe('endorsed');
    await page.getByTestId('done-finish').click();
    await expectNoTraces(page, logged, sessionId, ZHOU);
    // The journal recorded the 签注 as the run's outcome.
    expect(sessionLines(logged.lines, sessionId).some((line) => line.includes('session journaled') && line.includes('"outcome":"endorsed"'))).toBe(true);
  });

  it('林晓雯 by card: already endorsed this year → the counter says why and what to do, with a ticket for the 户政 window', { timeout: 150_000 }, async () => {
    const { logged, printer } = kiosk;
    const known = sessionIds(logged.lines);
    const receiptsBefore = printer.texts().length;
    const page = await kiosk.open();
    await startByCard(page, LIN, SERVICE);
    const sessionId = await newSessionId(logged.lines, known);
    await consentAndFaceCheck(page, 'counter-step', logged.lines);

    await expect.poll(() => page.getByTestId('counter-step').getAttribute('data-ticket'), { timeout: 20_000 }).toBe('printed');
    const reason = (await page.getByTestId('counter-reason').textContent()) ?? '';
    expect(reason).toContain('今年已经签注过了');
    // Until when, and from when to come back (sandbox.json: endorsed until today + 320 days).
    const until = resolveBound({ fromToday: { days: 320 } }, zonedIsoDate(new Date(), 'Asia/Shanghai'));
    expect(reason).toContain(`有效到${until}`);
    expect(reason).toContain(`请在${resolveBound({ fromToday: { months: -1 } }, until)}到${until}之间来办`);
    expect(await page.getByTestId('counter-window').textContent()).toContain('1');
    const ticketNumber = ((await page.getByTestId('counter-ticket').textContent()) ?? '').trim();
    expect(ticketNumber).not.toBe('');

    // One queue ticket and no 签注凭条 came out of the printer.
    const texts = printer.texts().slice(receiptsBefore);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain(ticketNumber);
    expect(texts[0]).toContain('居住证签注');
    expect(texts[0]).not.toContain('居住证签注凭条');

    await page.getByTestId('counter-done').click();
    await page.getByTestId('done-step').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('done-step').getAttribute('data-outcome')).toBe('counter');
    await dock(page, 'dock-remove-card');
    await page.getByTestId('done-finish').click();
    await expectNoTraces(page, logged, sessionId, LIN);
  });
});
