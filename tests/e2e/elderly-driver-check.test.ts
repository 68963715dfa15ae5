/**
 * 70周岁以上驾驶人年度审验 (体检及三力测试) end to end in headless Chromium
 * on the simulated default (embedded sandbox back-end; the receipt printer
 * is the real ESC/POS driver on a pty with the simulator reading back what
 * came out). The fake camera plays resident-han's man; the test's sandbox
 * data gives the typed-number people his reference face.
 * - 李德福 (73, medical check valid) types his number, sees his medical
 *   check, takes the 三力测试 as a careful driver (scripted touches with
 *   human timings, measured by the renderer: 我记住了 once the signs are
 *   read, each light reacted to once green) and passes; the slip is read
 *   back by text: masked name and number, the score, the dates, the 受理编号.
 * - 李德福 answering wrongly (quick wrong answers, the reaction button
 *   touched before the light changes): 0 points, and the result says what
 *   happens next (one more try today, come back, the licence's
 *   consequences); ending the test goes to the counter with why and a
 *   queue ticket. (The scoring and the host's timing checks are tested on
 *   the host: tests/electron/host/flows/library; the screens' timing in
 *   tests/renderer/steps/ability-test.test.tsx.)
 * - 王桂芝 (72, medical check lapsed): the counter with where to get one.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { detailValue } from './certificate-support';
import { consentAndFaceCheck, startByNumber, startServiceKiosk, takeAbilityTest, withHanFace, type ServiceKiosk } from './service-support';
import { stillFaceVideo } from './fixtures/face-video';

const LI = { name: '李德福', idNumber: '410402195304180017' } as const;
const WANG = { name: '王桂芝', idNumber: '410403195411070020' } as const;
const SLIP = 'svc.elderly-driver-check.slip';

let kiosk: ServiceKiosk;

beforeAll(async () => {
  kiosk = await startServiceKiosk({ video: stillFaceVideo(), citizens: withHanFace([LI.idNumber, WANG.idNumber]) });
});
afterAll(async () => {
  await kiosk?.stop();
});
afterEach(async () => {
  await kiosk?.closePage();
});

/** Touch → 车驾管 → this service → the number typed → consents → face check, up to `target`. */
async function startTyped(idNumber: string, target: string): Promise<Page> {
  const p = await kiosk.open();
  await startByNumber(p, 'elderly-driver-check', idNumber, { category: 'traffic' });
  await consentAndFaceCheck(p, target, kiosk.logged.lines);
  return p;
}

describe('70周岁以上驾驶人年度审验', () => {
  it('李德福 (73): his medical check, the 三力测试 passed with careful touches, the annual check recorded, the slip read back by text', { timeout: 300_000 }, async () => {
    const p = await startTyped(LI.idNumber, 'review-step');
    expect(await detailValue(p, 'review-details', 'svc.elderly-driver-check.medical.institution')).toBe('平顶山市第二人民医院');
    const before = kiosk.printer.texts().length;
    await p.getByTestId('review-confirm').click();
    await takeAbilityTest(p, 'careful');
    expect(await p.getByTestId('ability-test-step').getAttribute('data-state')).toBe('passed');
    expect(await p.getByTestId('ability-score-total').textContent()).toContain('100');
    await p.getByTestId('ability-confirm').click();

    const slip = p.getByTestId('receipt-print-step');
    await expect.poll(() => slip.getAttribute('data-state'), { timeout: 30_000 }).toBe('printed');
    const number = await detailValue(p, 'receipt-details', `${SLIP}.acceptanceNumber`);
    expect(number).toMatch(/^SL\d{8}[0-9A-F]{8}$/);
    const printed = kiosk.printer.texts().slice(before).filter((text) => text.includes('七十周岁以上驾驶人年度审验凭条'));
    expect(printed).toHaveLength(1);
    const text = printed[0]!;
    expect(text).toMatch(/三力测试成绩[：:]\s*100分 合格/);
    expect(text).toMatch(/记忆力\/判断力\/反应力[：:]\s*35\/35\/30/);
    expect(text).toMatch(/测试日期[：:]\s*\d{4}-\d{2}-\d{2}/);
    expect(text).toMatch(/下次提交身体条件证明截止[：:]\s*\d{4}-\d{2}-\d{2}/);
    expect(text).toContain(number);
    expect(text).toContain('李**');
    expect(text).not.toContain(LI.name);
    expect(text).not.toContain(LI.idNumber);
    await p.getByTestId('receipt-taken').click();
    await p.getByTestId('done-step').waitFor({ timeout: 10_000 });
    expect(await p.getByTestId('done-step').getAttribute('data-outcome')).toBe('annualCheckRecorded');
  });

  it('李德福 answering wrongly: the result says what happens next; ending the test goes to the counter with why and a ticket', { timeout: 300_000 }, async () => {
    const p = await startTyped(LI.idNumber, 'review-step');
    await p.getByTestId('review-confirm').click();
    await takeAbilityTest(p, 'wrong');
    expect(await p.getByTestId('ability-test-step').getAttribute('data-state')).toBe('failed');
    expect(await p.getByTestId('ability-verdict').textContent()).toContain('需要90分才合格');
    // Every wrong answer counted (none refused as implausible), the touches before the light too.
    expect(await p.getByTestId('ability-score-reaction').locator('dd').textContent()).toBe('0分（满分30分）');
    expect(await p.getByTestId('ability-score-total').locator('dd').textContent()).toBe('0分（满分100分）');
    const next = (await p.getByTestId('ability-next').textContent()) ?? '';
    expect(next).toContain('今天还可以在本机再测一次');
    expect(next).toContain('驾驶证可能被注销');
    expect(await p.getByTestId('ability-retry').isVisible()).toBe(true);
    await p.getByTestId('ability-confirm').click();
    await p.getByTestId('counter-step').waitFor({ timeout: 15_000 });
    const reason = (await p.getByTestId('counter-reason').textContent()) ?? '';
    expect(reason).toContain('三力测试今天没有通过');
    expect(reason).toContain('一年内最多可以参加5次测试');
    expect(await p.getByTestId('counter-window').textContent()).toContain('4');
    await expect.poll(() => p.getByTestId('counter-step').getAttribute('data-ticket'), { timeout: 20_000 }).toBe('printed');
  });

  it('王桂芝 (72, medical check lapsed): the counter says where to get one, with a ticket; no test', { timeout: 180_000 }, async () => {
    const p = await startTyped(WANG.idNumber, 'counter-step');
    const reason = (await p.getByTestId('counter-reason').textContent()) ?? '';
    expect(reason).toContain('体检信息已经过期');
    expect(reason).toContain('县级以上医院');
    expect(await p.getByTestId('counter-window').textContent()).toContain('4');
    await expect.poll(() => p.getByTestId('counter-step').getAttribute('data-ticket'), { timeout: 20_000 }).toBe('printed');
    expect(await p.getByTestId('ability-test-step').count()).toBe(0);
  });
});
