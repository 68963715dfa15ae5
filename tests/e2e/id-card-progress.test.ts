/**
 * 身份证办理进度查询 end to end: resident-han's card, the consent, the face
 * check (fake camera playing his face, liveness seam), the back-end's status
 * of his ID card application (the sandbox: 到期换领, 待领取 at the 户政大厅's
 * 1号窗口), then the slip. The host drives a serial receipt printer with its
 * real ESC/POS driver; the printer at the other end of the line is the
 * simulator in this test (socat pty pair), which reads back what came out.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stillFaceVideo } from './fixtures/face-video';
import { detailValue, expectNoTraces, HAN, newSessionId, sessionIds } from './certificate-support';
import { consentAndFaceCheck, dock, startByCard, startServiceKiosk, type ServiceKiosk } from './service-support';

const SLIP = 'svc.id-card-progress.slip';
/** resources: electron/host/services/id-card-progress/sandbox.json, 陈思远's application. */
const ACCEPTANCE_NUMBER = 'SL410402202611150031';
const COLLECT_AT = '湖滨派出所户政大厅 1号窗口';

let kiosk: ServiceKiosk;

beforeAll(async () => {
  kiosk = await startServiceKiosk({ video: stillFaceVideo() });
});
afterAll(() => kiosk?.stop());
afterEach(() => kiosk?.closePage());

describe('身份证办理进度查询', () => {
  it('card → consents → face check → the status on screen (待领取, the window) and on the slip the receipt printer printed; nothing left after', { timeout: 120_000 }, async () => {
    const { logged, printer } = kiosk;
    const known = sessionIds(logged.lines);
    const page = await kiosk.open();
    await startByCard(page, HAN, 'id-card-progress');
    await consentAndFaceCheck(page, 'receipt-print-step', logged.lines);
    const sessionId = await newSessionId(logged.lines, known);

    // The screen repeats what the slip says.
    await expect.poll(() => page.getByTestId('receipt-print-step').getAttribute('data-state'), { timeout: 20_000 }).toBe('printed');
    expect(await detailValue(page, 'receipt-details', `${SLIP}.status`)).toBe('待领取');
    expect(await detailValue(page, 'receipt-details', `${SLIP}.collectAt`)).toBe(COLLECT_AT);
    expect(await detailValue(page, 'receipt-details', `${SLIP}.acceptanceNumber`)).toBe(ACCEPTANCE_NUMBER);

    // The printer at the end of the line received one slip, cut: the status, the window, the number as a QR code.
    expect(printer.simulator.receipts).toHaveLength(1);
    const slip = printer.simulator.receipts[0]!;
    expect(slip.cut).toBe(true);
    expect(slip.interrupted).toBe(false);
    const text = printer.texts()[0]!;
    expect(text).toContain('身份证办理进度');
    expect(text).toMatch(/办理状态[：:]\s*待领取/);
    expect(text).toContain('1号窗口');
    expect(text).toContain(ACCEPTANCE_NUMBER);
    expect(slip.qrCodes).toEqual([ACCEPTANCE_NUMBER]);
    // The slip carries no personal data: neither the name nor the ID number.
    expect(text).not.toContain(HAN.name);
    expect(text).not.toContain(HAN.idNumber);

    await dock(page, 'dock-remove-card');
    await page.getByTestId('receipt-taken').click();
    await page.getByTestId('done-step').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('done-step').getAttribute('data-outcome')).toBe('progressShown');
    await page.getByTestId('done-finish').click();
    await expectNoTraces(page, logged, sessionId, HAN);
  });
});
