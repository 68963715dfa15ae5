/**
 * 无犯罪记录证明 end to end with the police back-end over HTTP: the sandbox
 * server runs in this test's process on a loopback port, and the browser
 * host reaches it with its real HTTP client (`backend: { kind: 'sandbox',
 * baseUrl }`), as a kiosk reaches the police gateway. Chromium's fake camera
 * plays a still of resident-han's face (liveness seam; the sandbox's own
 * face answer for the comparison); documents are kept so the printed PDF can
 * be read back.
 *
 * What a receiving employer relies on: the certificate prints the number the
 * back-end issued (never the kiosk's journal number), the statement with the
 * holder's full ID number, and the verification code; the back-end's page at
 * GET /verify/<code> says 有效 and shows the holder only masked.
 */
import { formatChineseDate } from '../../electron/host/issued/templates/chinese-date';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { GATEWAY_PATHS } from '../../electron/host/gateway/wire-schemas';
import { stillFaceVideo } from './fixtures/face-video';
import { fakeCameraArgs, launchChromium } from './harness';
import { readJournal } from './fault-support';
import {
  chooseCertificate,
  consentToQueryAndFace,
  detailValue,
  dock,
  expectNoTraces,
  HAN,
  keptPdfText,
  newSessionId,
  openKioskWithCamera,
  placeCard,
  PORTRAIT,
  reviewToPrinted,
  sessionIds,
  startLoggedHost,
  waitPastFaceCheck,
  type LoggedHost,
} from './certificate-support';
import { startHttpSandbox, type HttpSandbox } from './service-support';

const REVIEW = 'svc.no-criminal-record.review';
const MASKED = '4104**********1230';

let backend: HttpSandbox;
let logged: LoggedHost;
let browser: Browser;
let page: Page | undefined;

beforeAll(async () => {
  backend = await startHttpSandbox();
  [logged, browser] = await Promise.all([
    startLoggedHost({ backend: backend.backend, documents: { keepDocuments: true }, face: { challengeTimeoutSeconds: 5, testingSkipLiveness: true } }),
    launchChromium(fakeCameraArgs(stillFaceVideo())),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await logged?.stop();
  await backend?.server.close();
});
afterEach(async () => {
  await page?.close();
  page = undefined;
});

describe('无犯罪记录证明 with the back-end over HTTP', () => {
  it("prints the back-end's number, the statement and the verification code; the back-end's verification page says 有效 with the holder masked", { timeout: 120_000 }, async () => {
    const known = sessionIds(logged.lines);
    page = await browser.newPage({ viewport: PORTRAIT });
    await openKioskWithCamera(page, logged.url);
    await placeCard(page, HAN);
    await chooseCertificate(page);
    await page.getByTestId('identify-confirm').click();
    await consentToQueryAndFace(page);
    await waitPastFaceCheck(page, 'choice-step', logged.lines);
    const sessionId = await newSessionId(logged.lines, known);
    await dock(page, 'dock-remove-card');

    await page.getByTestId('choice-employment').click();
    let queryDate = '';
    const { number, verifyCode } = await reviewToPrinted(page, 'certificateIssued', async (p) => {
      expect(await detailValue(p, 'review-details', `${REVIEW}.name`)).toBe(HAN.name);
      expect(await detailValue(p, 'review-details', `${REVIEW}.idNumber`)).toBe(MASKED);
      queryDate = await detailValue(p, 'review-details', `${REVIEW}.queryDate`);
    });
    expect(queryDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(verifyCode).toMatch(/^[0-9A-Za-z]{4,32}$/);

    // The number is the one the back-end issued (over HTTP), for this certificate's code.
    expect(backend.server.requests(GATEWAY_PATHS.issueCertificate)).toBe(1);
    const issued = backend.sandbox.certificates.check(verifyCode);
    expect(issued).toMatchObject({ type: 'noCriminalRecord', number, holderIdNumberMasked: MASKED, sealVerified: true });
    // The kiosk's own journal number is another one, kept beside it in the journal.
    const journal = readJournal(logged.dataDir);
    const kioskNumbers = journal.documents.filter((d) => d.session_id === sessionId).map((d) => d.number);
    expect(kioskNumbers).toHaveLength(1);
    expect(kioskNumbers[0]).toMatch(/^WF\d{4}-/);
    expect(kioskNumbers[0]).not.toBe(number);
    expect(journal.backendNumbers).toContain(number);

    const text = keptPdfText(logged.dataDir, number);
    expect(text).toContain(`编号：${number}`);
    expect(text).not.toContain(kioskNumbers[0]);
    // Printed in the official form (2026年12月2日); the screen shows the ISO date.
    expect(text).toContain(`经查询，截至${formatChineseDate(queryDate)}，未发现${HAN.name}（证件类型：居民身份证，证件号码：${HAN.idNumber}）有犯罪记录。`);
    expect(text).toContain(`核验码：${verifyCode}`);

    // What the employer's phone opens from the QR code: the back-end's page for this code.
    const answer = await fetch(`${backend.server.url}/verify/${verifyCode}`);
    expect(answer.status).toBe(200);
    const html = await answer.text();
    expect(html).toContain('有效');
    expect(html).toContain(MASKED);
    expect(html).toContain(number);
    expect(html).not.toContain(HAN.idNumber);
    expect(html).not.toContain(HAN.name);
    // An unknown code is not found, and says nothing about anyone.
    const unknown = await fetch(`${backend.server.url}/verify/ZZZZ9999ZZZZ`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('未找到');

    await expectNoTraces(page, logged, sessionId, HAN);
  });
});
