/**
 * 驾驶人安全驾驶证明 end to end, with the back-end over HTTP (the sandbox
 * server in this test's process: the service's own operation
 * `POST /v1/ops/driver-safety-record` and the certificate at
 * `POST /v1/certificates`, through the host's real HTTP client).
 * resident-han's card, the consent, the face check (fake camera playing his
 * face, liveness seam), 近3年, the review with the period's counts, the A4
 * certificate with the back-end's number and the same counts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatChineseDate } from '../../electron/host/issued/templates/chinese-date';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { operationPath } from '../../electron/host/gateway/operation';
import { stillFaceVideo } from './fixtures/face-video';
import { fakeCameraArgs, launchChromium, ROOT } from './harness';
import { readJournal } from './fault-support';
import {
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
import { chooseService, startHttpSandbox, type HttpSandbox } from './service-support';

const REVIEW = 'svc.safe-driving-certificate.review';

interface SandboxDriver {
  licence: { classes: string };
  history: { violations: Array<{ on: string; handled: boolean }>; accidents: Array<{ on: string; atFault: boolean }> };
  points: number;
}

/** What the sandbox's record for resident-han counts in a period (the shared 车驾管 sandbox.json, whose history for him is in calendar dates; the period is the one the review shows). */
function expectedCounts(from: string, to: string) {
  const data = JSON.parse(readFileSync(join(ROOT, 'electron/host/services/shared/traffic/sandbox.json'), 'utf8')) as { drivers: Record<string, SandboxDriver> };
  const driver = data.drivers[HAN.idNumber]!;
  const inPeriod = (on: string) => on >= from && on <= to;
  const violations = driver.history.violations.filter((v) => inPeriod(v.on));
  const accidents = driver.history.accidents.filter((a) => inPeriod(a.on));
  return {
    classes: driver.licence.classes,
    violations: violations.length,
    unhandled: violations.filter((v) => !v.handled).length,
    accidents: accidents.length,
    atFault: accidents.filter((a) => a.atFault).length,
    points: driver.points,
  };
}

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

describe('驾驶人安全驾驶证明', () => {
  it("card → consents → face check → 近3年 → the review with the period's counts → the A4 certificate with the back-end's number and the same counts; nothing left after", { timeout: 120_000 }, async () => {
    const known = sessionIds(logged.lines);
    page = await browser.newPage({ viewport: PORTRAIT });
    await openKioskWithCamera(page, logged.url);
    await placeCard(page, HAN);
    await chooseService(page, 'traffic', 'safe-driving-certificate');
    await page.getByTestId('identify-confirm').click();
    await consentToQueryAndFace(page);
    await waitPastFaceCheck(page, 'choice-step', logged.lines);
    const sessionId = await newSessionId(logged.lines, known);
    await dock(page, 'dock-remove-card');

    expect(await page.getByTestId('choice-step').innerText()).toContain('近3年');
    await page.getByTestId('choice-y3').click();
    let period = ['', ''];
    let expected = expectedCounts('', '');
    const { number, verifyCode } = await reviewToPrinted(page, 'certificateIssued', async (p) => {
      expect(await detailValue(p, 'review-details', `${REVIEW}.name`)).toBe(HAN.name);
      period = (await detailValue(p, 'review-details', `${REVIEW}.period`)).split(' – ');
      const [from, to] = period as [string, string];
      expect(from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // 近3年: the same day three years before.
      expect(`${Number(to.slice(0, 4)) - 3}${to.slice(4)}`).toBe(from);
      expected = expectedCounts(from, to);
      expect(await detailValue(p, 'review-details', `${REVIEW}.classes`)).toBe(expected.classes);
      expect(await detailValue(p, 'review-details', `${REVIEW}.violations`)).toBe(`${expected.violations} (${expected.unhandled})`);
      expect(await detailValue(p, 'review-details', `${REVIEW}.accidents`)).toBe(`${expected.accidents} (${expected.atFault})`);
      expect(await detailValue(p, 'review-details', `${REVIEW}.points`)).toBe(String(expected.points));
    });
    // The driver's record came from the service's own back-end operation, over HTTP, for the three years chosen.
    expect(backend.server.requests(operationPath('driver-safety-record'))).toBe(1);

    // The printed number is the back-end's for this certificate, not the kiosk's journal number.
    expect(backend.sandbox.certificates.check(verifyCode)).toMatchObject({ type: 'safeDriving', number, holderIdNumberMasked: '4104**********1230', sealVerified: true });
    const kioskNumbers = readJournal(logged.dataDir).documents.filter((d) => d.session_id === sessionId).map((d) => d.number);
    expect(kioskNumbers).toHaveLength(1);
    expect(kioskNumbers[0]).not.toBe(number);

    const text = keptPdfText(logged.dataDir, number);
    expect(text).toContain('驾驶人安全驾驶证明');
    expect(text).toContain(`编号：${number}`);
    expect(text).not.toContain(kioskNumbers[0]);
    expect(text).toContain(HAN.idNumber);
    expect(text).toContain(
      `经查询公安交通管理信息系统，${formatChineseDate(period[0]!)}至${formatChineseDate(period[1]!)}期间，该驾驶人共有交通违法记录${expected.violations}起（其中未处理${expected.unhandled}起），` +
        `交通事故记录${expected.accidents}起（其中负有责任${expected.atFault}起）；当前记分周期累积记分${expected.points}分。`,
    );
    expect(text).toContain(`核验码：${verifyCode}`);

    // The back-end's verification page names the certificate in words.
    const html = await (await fetch(`${backend.server.url}/verify/${verifyCode}`)).text();
    expect(html).toContain('有效');
    expect(html).toContain('驾驶人安全驾驶证明');
    expect(html).not.toContain(HAN.idNumber);

    await expectNoTraces(page, logged, sessionId, HAN);
  });
});
