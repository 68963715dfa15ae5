/**
 * 临时身份证申领 end to end in headless Chromium, from the simulated default
 * (the embedded back-end and payment sandboxes), with the host's real serial
 * receipt printer driver talking to the receipt simulator over a pty pair:
 * - 马秀兰 by card (her ID card is being replaced: the back-end says she may
 *   apply): consents, face check (the fake camera plays resident-han's man,
 *   made her card's reference photo with the dock's enrolment first, as in
 *   face-enrol.test.ts: her own reference photo is turned too far to pass
 *   the renderer's positioning; liveness seam), the photo from a photo studio's 回执 (the dock's
 *   scanner), her signature, 10 元 paid by the dock's phone, the 缴费凭证 and
 *   the 领证回执 with the 受理编号, the date and the window, read back from
 *   what the printer printed;
 * - 陈思远 by card (no ID card application in progress): the counter with
 *   why and what to do, and a queue ticket for window 1; nothing to pay.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { stillFaceVideo } from './fixtures/face-video';
import { detailValue, expectNoTraces, HAN, MA, newSessionId, sessionIds } from './certificate-support';
import { orderShown, sign } from './capability-demo-support';
import { consentAndFaceCheck, dock, payByPhone, startByCard, startServiceKiosk, type ServiceKiosk } from './service-support';

const SLIP = 'svc.temporary-id.slip';
const WINDOW = '1号窗口'; // services.windows.huzheng (default)

let kiosk: ServiceKiosk;

beforeAll(async () => {
  kiosk = await startServiceKiosk({ video: stillFaceVideo() });
});
afterAll(() => kiosk?.stop());
afterEach(() => kiosk?.closePage());

/** Card → 临时身份证申领 → identify → consents → face check, up to `target`; the run's session id. */
async function startWithCard(citizen: { card: string; name: string }, target: string, enrol = false): Promise<{ p: Page; sessionId: string }> {
  const { logged } = kiosk;
  const known = sessionIds(logged.lines);
  const p = await kiosk.open();
  if (enrol) {
    // The face at the camera becomes the card's reference photo (the host keeps it in memory, simulation only).
    await p.getByTestId('dock-handle').click();
    await p.getByTestId(`dock-enrol-${citizen.card}`).click();
    const result = p.getByTestId('dock-enrol-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.getAttribute('data-ok'), (await result.textContent()) ?? '').toBe('true');
    await p.getByTestId('dock-handle').click();
  }
  await startByCard(p, citizen, 'temporary-id');
  await consentAndFaceCheck(p, target, logged.lines);
  return { p, sessionId: await newSessionId(logged.lines, known) };
}

describe('临时身份证申领', () => {
  it('马秀兰 by card: studio photo, signature, 10 元 by phone → the 缴费凭证 and the 领证回执 (受理编号, date, window) as printed', { timeout: 240_000 }, async () => {
    const { printer, logged } = kiosk;
    const printedBefore = printer.texts().length;
    const { p, sessionId } = await startWithCard(MA, 'photo-flow-step', true);

    // The photo: the biometric consent for it, then a photo studio's 回执 held under the scanner.
    await p.getByTestId('photo-flow-step').getByTestId('consent-agree').click({ timeout: 15_000 });
    await expect.poll(() => p.getByTestId('photo-flow-step').getAttribute('data-phase'), { timeout: 20_000 }).toBe('take');
    await dock(p, 'dock-scan-photoReceipt-scanner');
    await expect.poll(() => p.getByTestId('studio-receipt').getAttribute('data-state'), { timeout: 20_000 }).toBe('fetched');
    await p.getByTestId('studio-receipt-use').click();
    await p.getByTestId('signature-step').waitFor({ timeout: 20_000 });

    await sign(p);
    await orderShown(p);
    expect(await p.getByTestId('payment-total').textContent()).toMatch(/10/);
    await payByPhone(p);

    // Submitted; the 缴费凭证 printed, then taken.
    await expect.poll(() => p.getByTestId('receipt-print-step').getAttribute('data-state'), { timeout: 40_000 }).toBe('printed');
    await p.getByTestId('receipt-details').locator('[data-label-key="flow.feeSlip.total"]').waitFor({ timeout: 10_000 });
    await p.getByTestId('receipt-taken').click();

    // The 领证回执: on screen…
    await p.getByTestId('receipt-details').locator(`[data-label-key="${SLIP}.acceptanceNumber"]`).waitFor({ timeout: 20_000 });
    await expect.poll(() => p.getByTestId('receipt-print-step').getAttribute('data-state'), { timeout: 20_000 }).toBe('printed');
    const number = await detailValue(p, 'receipt-details', `${SLIP}.acceptanceNumber`);
    expect(number).toMatch(/^SB\d{8}$/);
    expect(await detailValue(p, 'receipt-details', `${SLIP}.collectOn`)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await detailValue(p, 'receipt-details', `${SLIP}.collectAt`)).toContain(WINDOW);

    // …and as the printer printed them: the fee slip, then the receipt, each cut.
    const texts = printer.texts().slice(printedBefore);
    expect(texts).toHaveLength(2);
    expect(printer.simulator.receipts.slice(printedBefore).every((receipt) => receipt.cut && !receipt.interrupted)).toBe(true);
    const [feeSlip, receipt] = texts as [string, string];
    expect(feeSlip).toContain('临时居民身份证工本费');
    expect(feeSlip).toMatch(/10\.00/);
    expect(feeSlip).toContain('发改价格〔2003〕2322号');
    expect(receipt).toContain('临时居民身份证领证回执');
    expect(receipt).toMatch(new RegExp(`受理编号[：:]\\s*${number}`));
    expect(receipt).toMatch(/领取日期[：:]\s*\d{4}-\d{2}-\d{2}/);
    expect(receipt).toContain(WINDOW);
    expect(receipt).toContain('三个月');
    expect(receipt).toContain('户口簿');
    // The 受理编号 as a CODE128 barcode for the window's scanner (no QR code).
    expect(printer.simulator.receipts.at(-1)!.barcodes).toEqual([number]);
    expect(printer.simulator.receipts.at(-1)!.qrCodes).toEqual([]);
    // Masked only: neither the full name nor the full number.
    for (const text of texts) {
      expect(text).not.toContain(MA.name);
      expect(text).not.toContain(MA.idNumber);
    }

    await dock(p, 'dock-remove-card');
    await p.getByTestId('receipt-taken').click();
    await p.getByTestId('done-step').waitFor({ timeout: 10_000 });
    expect(await p.getByTestId('done-step').getAttribute('data-outcome')).toBe('applicationAccepted');
    await p.getByTestId('done-finish').click();
    await expectNoTraces(p, logged, sessionId, MA);
  });

  it('陈思远 by card, no ID card application in progress: the counter says why and what to do, with a ticket for window 1; no payment', { timeout: 120_000 }, async () => {
    const { printer, logged } = kiosk;
    const printedBefore = printer.texts().length;
    const { p, sessionId } = await startWithCard(HAN, 'counter-step');
    await expect.poll(() => p.getByTestId('counter-step').getAttribute('data-ticket'), { timeout: 15_000 }).toBe('printed');
    expect(await p.getByTestId('counter-window').textContent()).toContain(WINDOW);
    const reason = (await p.getByTestId('counter-reason').textContent()) ?? '';
    expect(reason).toContain('没有查到您正在办理的身份证申请');
    expect(reason).toContain('请先申请办理身份证');
    const ticket = ((await p.getByTestId('counter-ticket').textContent()) ?? '').trim();
    expect(ticket).toMatch(/\S/);
    expect(await p.getByTestId('payment-step').count()).toBe(0);
    expect(await p.getByTestId('photo-flow-step').count()).toBe(0);
    // The ticket is the only thing printed.
    const texts = printer.texts().slice(printedBefore);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain(WINDOW);

    await dock(p, 'dock-remove-card');
    await p.getByTestId('counter-done').click();
    await p.getByTestId('done-step').waitFor({ timeout: 10_000 });
    expect(await p.getByTestId('done-step').getAttribute('data-outcome')).toBe('counter');
    await p.getByTestId('done-finish').click();
    await expectNoTraces(p, logged, sessionId, HAN);
  });
});
