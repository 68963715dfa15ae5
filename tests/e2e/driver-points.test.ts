/**
 * 记分查询·驾驶人信息单 end to end in headless Chromium on the simulated
 * default (the embedded sandbox back-end; A4 documents kept and read back
 * with pdftotext; the receipt printer is the host's real ESC/POS driver on a
 * pty with the simulator at the other end, which reads back what came out).
 * 陈思远 places his sample card (resident-han, the fake camera's man); the
 * others type their number (none of them has a sample card), and the test's
 * sandbox data gives them resident-han's reference face (liveness skipped):
 * - 陈思远 by card (the card path of the 车驾管 services, tried once): 3 points,
 *   two violations on his licence, the slip read back by text;
 * - 许磊 (6 points, three violations): the record on screen, the slip read
 *   back by text; again, the A4 sheet read back by text;
 * - 高志远 (0 points, none pending): the record on screen, finished without
 *   printing;
 * - 孙建军 (吊销): shown as such, with what it means;
 * - 赵丽 (no licence): the counter says why and what to do, with a ticket.
 * Sandbox dates are relative to the back-end's today (shared/traffic/sandbox.json).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { stillFaceVideo } from './fixtures/face-video';
import { detailValue, expectNoTraces, keptPdfText, newSessionId, sessionIds } from './certificate-support';
import { consentAndFaceCheck, startByCard, startByNumber, startServiceKiosk, withHanFace, type ServiceKiosk } from './service-support';

const SERVICE = 'driver-points';
const svc = (path: string) => `svc.${SERVICE}.${path}`;
const XU = { name: '许磊', idNumber: '410411198809260039' } as const;
const GAO = { name: '高志远', idNumber: '410402197908230010' } as const;
const SUN = { name: '孙建军', idNumber: '410411198507150037' } as const;
const ZHAO = { name: '赵丽', idNumber: '410402198506110029' } as const;
/** resources/citizens/resident-han.json: the one 车驾管 driver with a sample card. */
const CHEN = { name: '陈思远', idNumber: '410402199001011230', card: 'resident-han' } as const;
const WINDOW = '4号窗口'; // services.windows.traffic (default)

let kiosk: ServiceKiosk;

beforeAll(async () => {
  kiosk = await startServiceKiosk({ video: stillFaceVideo(), citizens: withHanFace([XU.idNumber, GAO.idNumber, SUN.idNumber, ZHAO.idNumber]), host: { documents: { keepDocuments: true } } });
});
afterAll(async () => {
  await kiosk?.stop();
});
afterEach(async () => {
  await kiosk?.closePage();
});

/** The number typed → 记分查询 → consents → face check, up to `target`; the run's session id. */
async function startTypedRun(citizen: { idNumber: string }, target: string): Promise<{ p: Page; sessionId: string }> {
  const known = sessionIds(kiosk.logged.lines);
  const p = await kiosk.open();
  await startByNumber(p, SERVICE, citizen.idNumber, { category: 'traffic' });
  await consentAndFaceCheck(p, target, kiosk.logged.lines);
  return { p, sessionId: await newSessionId(kiosk.logged.lines, known) };
}

/** The texts of every screen row labelled `labelKey` under `list`. */
async function detailValues(p: Page, list: string, labelKey: string): Promise<string[]> {
  return (await p.getByTestId(list).locator(`[data-testid="detail-row"][data-label-key="${svc(labelKey)}"] dd`).allTextContents()).map((text) => text.trim());
}

/** The screen's record: its rows checked for 许磊. */
async function expectXuOnScreen(p: Page, list: string): Promise<void> {
  expect(await detailValue(p, list, svc('sheet.name'))).toBe(XU.name);
  expect(await detailValue(p, list, svc('sheet.idNumber'))).toBe('4104**********0039');
  expect(await detailValue(p, list, svc('sheet.classes'))).toBe('C1');
  expect(await detailValue(p, list, svc('sheet.status'))).toBe('正常');
  expect(await detailValue(p, list, svc('sheet.points'))).toBe('6');
  expect(await detailValue(p, list, svc('sheet.cycle'))).toMatch(/^\d{4}-08-16 – \d{4}-08-15$/);
  expect(await detailValue(p, list, svc('sheet.pending'))).toBe('3');
  expect(await detailValues(p, list, 'sheet.violationPenalty')).toEqual(['100 / 1', '200 / 6', '50 / 0']);
  const what = await detailValues(p, list, 'sheet.violationWhat');
  expect(what[1]).toBe('驾驶机动车违反道路交通信号灯通行的 · 豫D1**45');
  expect(what[2]).toMatch(/豫DA\*\*78$/);
}

describe('记分查询·驾驶人信息单', () => {
  it('许磊: 6 points and three violations on screen → the slip, read back from the printer: masked, every violation, the notes', { timeout: 180_000 }, async () => {
    const before = kiosk.printer.texts().length;
    const { p, sessionId } = await startTypedRun(XU, 'review-step');
    await expectXuOnScreen(p, 'review-details');
    expect(await p.getByTestId('review-step').innerText()).toContain('罚款没有交清的，记分会转到下一个记分周期');

    await p.getByTestId('review-confirm').click();
    await p.getByTestId('choice-step').waitFor({ timeout: 10_000 });
    await p.getByTestId('choice-receipt').click();
    await expect.poll(() => p.getByTestId('receipt-print-step').getAttribute('data-state'), { timeout: 30_000 }).toBe('printed');
    // The screen repeats what the slip says.
    await expectXuOnScreen(p, 'receipt-details');

    const texts = kiosk.printer.texts().slice(before);
    expect(texts).toHaveLength(1);
    expect(kiosk.printer.simulator.receipts.at(-1)).toMatchObject({ cut: true, interrupted: false });
    const slip = texts[0]!;
    expect(slip).toContain('驾驶人信息单');
    expect(slip).toMatch(/姓名[：:]\s*许\*/);
    expect(slip).toMatch(/驾驶证号[：:]\s*4104\*{10}0039/);
    expect(slip).toMatch(/驾驶证状态[：:]\s*正常/);
    expect(slip).toMatch(/累积记分[：:]\s*6分/);
    expect(slip).toMatch(/未处理违法[：:]\s*3起/);
    const flat = slip.replace(/\s+/g, '');
    expect(flat).toContain('驾驶机动车违反道路交通信号灯通行的，号牌豫D1**45，罚款200元，记6分。');
    expect(flat).toContain('号牌豫DA**78，罚款50元，记0分，已作出处罚决定，罚款缴纳期限至');
    expect(flat).toContain('记分周期是12个月');
    // Masked only: not the name, the number or a plate in full.
    expect(slip).not.toContain(XU.name);
    expect(slip).not.toContain(XU.idNumber);
    expect(slip).not.toContain('豫D12345');

    await p.getByTestId('receipt-taken').click();
    await p.getByTestId('done-step').waitFor({ timeout: 10_000 });
    expect(await p.getByTestId('done-step').getAttribute('data-outcome')).toBe('slipPrinted');
    await p.getByTestId('done-finish').click();
    await expectNoTraces(p, kiosk.logged, sessionId, XU);
  });

  it('陈思远 by his card: the card starts 记分查询, his record on screen, the slip read back by text', { timeout: 120_000 }, async () => {
    const before = kiosk.printer.texts().length;
    const known = sessionIds(kiosk.logged.lines);
    const p = await kiosk.open();
    // The card, not the keypad: the reader's identity carries through to the driver record.
    await startByCard(p, CHEN, SERVICE, 'traffic');
    await consentAndFaceCheck(p, 'review-step', kiosk.logged.lines);
    const sessionId = await newSessionId(kiosk.logged.lines, known);
    expect(await detailValue(p, 'review-details', svc('sheet.name'))).toBe(CHEN.name);
    expect(await detailValue(p, 'review-details', svc('sheet.idNumber'))).toBe('4104**********1230');
    expect(await detailValue(p, 'review-details', svc('sheet.points'))).toBe('3');
    expect(await detailValue(p, 'review-details', svc('sheet.pending'))).toBe('2');

    await p.getByTestId('review-confirm').click();
    await p.getByTestId('choice-receipt').click();
    await expect.poll(() => p.getByTestId('receipt-print-step').getAttribute('data-state'), { timeout: 30_000 }).toBe('printed');
    const texts = kiosk.printer.texts().slice(before);
    expect(texts).toHaveLength(1);
    const slip = texts[0]!;
    expect(slip).toContain('驾驶人信息单');
    expect(slip).toMatch(/姓名[：:]\s*陈\*\*/);
    expect(slip).toMatch(/驾驶证号[：:]\s*4104\*{10}1230/);
    expect(slip).toMatch(/累积记分[：:]\s*3分/);
    expect(slip).toMatch(/未处理违法[：:]\s*2起/);
    const flat = slip.replace(/\s+/g, '');
    expect(flat).toContain('号牌豫D3**M2，罚款100元，记1分。');
    expect(flat).toContain('号牌豫DA**78，罚款100元，记0分。');
    expect(slip).not.toContain(CHEN.name);
    expect(slip).not.toContain(CHEN.idNumber);

    await p.getByTestId('receipt-taken').click();
    await p.getByTestId('done-step').waitFor({ timeout: 10_000 });
    expect(await p.getByTestId('done-step').getAttribute('data-outcome')).toBe('slipPrinted');
    await p.getByTestId('done-finish').click();
    await expectNoTraces(p, kiosk.logged, sessionId, CHEN);
  });

  it('许磊 again: the A4 驾驶人信息单, numbered by the kiosk, read back from the kept PDF', { timeout: 180_000 }, async () => {
    const before = kiosk.printer.texts().length;
    const { p, sessionId } = await startTypedRun(XU, 'review-step');
    await p.getByTestId('review-confirm').click();
    await p.getByTestId('choice-a4').click();
    await expect.poll(() => p.getByTestId('a4-print-step').getAttribute('data-state'), { timeout: 30_000 }).toBe('printed');
    const number = ((await p.getByTestId('print-document-number').textContent()) ?? '').trim();
    expect(number).not.toBe('');

    const text = keptPdfText(kiosk.logged.dataDir, number);
    for (const part of [
      '驾驶人信息单',
      '姓名：许磊',
      '驾驶证号：4104**********0039',
      '准驾车型：C1',
      '初次领证：2010年8月16日',
      '驾驶证状态：正常',
      '累积记分：6分（满分12分）',
      '三、未处理的交通违法（3起）',
      '驾驶机动车违反道路交通信号灯通行的，号牌豫D1**45，罚款200元，记6分。',
      '号牌豫DA**78，罚款50元，记0分，已作出处罚决定，罚款缴纳期限至',
      '不作为证明使用',
    ]) {
      expect(text).toContain(part);
    }
    expect(text).toMatch(/记分周期：\d{4}年8月16日至\d{4}年8月15日/);
    expect(text).not.toContain(XU.idNumber);
    expect(text).not.toContain('豫D12345');
    // An A4 sheet, no slip.
    expect(kiosk.printer.texts().slice(before)).toEqual([]);

    await p.getByTestId('print-collected').click();
    await p.getByTestId('done-step').waitFor({ timeout: 10_000 });
    expect(await p.getByTestId('done-step').getAttribute('data-outcome')).toBe('sheetPrinted');
    await p.getByTestId('done-finish').click();
    await expectNoTraces(p, kiosk.logged, sessionId, XU);
  });

  it('高志远: 0 points, nothing pending; finished without printing', { timeout: 180_000 }, async () => {
    const before = kiosk.printer.texts().length;
    const { p, sessionId } = await startTypedRun(GAO, 'review-step');
    expect(await detailValue(p, 'review-details', svc('sheet.points'))).toBe('0');
    expect(await detailValue(p, 'review-details', svc('sheet.pending'))).toBe('0');
    expect(await detailValue(p, 'review-details', svc('sheet.status'))).toBe('正常');
    expect(await detailValues(p, 'review-details', 'sheet.violationWhen')).toEqual([]);

    await p.getByTestId('review-confirm').click();
    await p.getByTestId('choice-none').click();
    await p.getByTestId('done-step').waitFor({ timeout: 10_000 });
    expect(await p.getByTestId('done-step').getAttribute('data-outcome')).toBe('sheetShown');
    expect(kiosk.printer.texts().slice(before)).toEqual([]);
    await p.getByTestId('done-finish').click();
    await expectNoTraces(p, kiosk.logged, sessionId, GAO);
  });

  it('孙建军: the revoked licence is shown as 吊销, with what it means and what to do', { timeout: 180_000 }, async () => {
    const { p, sessionId } = await startTypedRun(SUN, 'review-step');
    expect(await detailValue(p, 'review-details', svc('sheet.status'))).toBe('吊销');
    expect(await detailValue(p, 'review-details', svc('sheet.classes'))).toBe('B2');
    expect(await detailValue(p, 'review-details', svc('sheet.points'))).toBe('12');
    expect(await p.getByTestId('review-step').innerText()).toContain('驾驶证已被吊销，不能开车');
    await p.getByTestId('review-confirm').click();
    await p.getByTestId('choice-none').click();
    await p.getByTestId('done-step').waitFor({ timeout: 10_000 });
    await p.getByTestId('done-finish').click();
    await expectNoTraces(p, kiosk.logged, sessionId, SUN);
  });

  it('赵丽 (no licence): the counter says why and what to do, with a ticket for the traffic window', { timeout: 180_000 }, async () => {
    const before = kiosk.printer.texts().length;
    const { p, sessionId } = await startTypedRun(ZHAO, 'counter-step');
    await expect.poll(() => p.getByTestId('counter-step').getAttribute('data-ticket'), { timeout: 15_000 }).toBe('printed');
    const reason = (await p.getByTestId('counter-reason').textContent()) ?? '';
    expect(reason).toContain('没有查到您的机动车驾驶证信息');
    expect(reason).toContain('请工作人员帮您核对');
    expect(await p.getByTestId('counter-window').textContent()).toContain(WINDOW);
    // The ticket is the only thing printed.
    const texts = kiosk.printer.texts().slice(before);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain(WINDOW);
    expect(texts[0]).not.toContain(ZHAO.idNumber);

    await p.getByTestId('counter-done').click();
    await p.getByTestId('done-step').waitFor({ timeout: 10_000 });
    expect(await p.getByTestId('done-step').getAttribute('data-outcome')).toBe('counter');
    await p.getByTestId('done-finish').click();
    await expectNoTraces(p, kiosk.logged, sessionId, ZHAO);
  });
});
