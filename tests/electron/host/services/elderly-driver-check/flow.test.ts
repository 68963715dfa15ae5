/**
 * 70周岁以上驾驶人年度审验 over the sandbox back-end (clock KIT_NOW,
 * 2026-12-01): who may record it here (70 or over, a usable licence, a valid
 * fit medical check), each refusal at the counter with why and what to do;
 * 李德福 passes the 三力测试 and leaves with a slip (masked, the result, the
 * date, the next due date, the 受理编号); a fail goes to the counter saying
 * what happens next.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowView, Identity } from '../../../../../electron/contract';
import elderlyDriverCheck from '../../../../../electron/host/services/elderly-driver-check';
import { ageOn, eligibility, nextDueBy } from '../../../../../electron/host/services/elderly-driver-check/eligibility';
import { driverRecord } from '../../../../../electron/host/services/shared/traffic/driver-record';
import { card, sandboxGateway, startService, typed, type FlowRun } from '../flow-kit';
import { competentAnswers, poorAnswers } from '../../flows/library/ability-answers';

const LI_DEFU = '410402195304180017';
const WANG_GUIZHI = '410403195411070020';
const CHEN_SIYUAN = '410402199001011230';
const STRANGER = '410404197001010098';

const running: FlowRun[] = [];
afterEach(() => {
  for (const run of running.splice(0)) run.flow.stop();
});

function start(identity: Identity): FlowRun {
  const run = startService(elderlyDriverCheck, identity);
  running.push(run);
  return run;
}

async function answer(run: FlowRun, how: 'competent' | 'poor'): Promise<FlowView> {
  const data = run.view().data;
  if (data.step !== 'abilityTest' || !data.round) throw new Error(`no round at ${run.view().stepId}`);
  const { name, showing, questions } = data.round;
  return run.step({ type: 'ABILITY_ANSWERS', round: name, showing, answers: how === 'competent' ? competentAnswers(questions) : poorAnswers(questions) });
}

/** verify → the medical check shown → the test's memory round. */
async function toTest(run: FlowRun): Promise<void> {
  const medical = await run.verify();
  expect(medical).toMatchObject({ stepId: 'medical', data: { step: 'review' } });
  await run.step({ type: 'CONFIRM' });
  await run.step({ type: 'CONFIRM' });
  await answer(run, 'competent');
  await run.step({ type: 'CONFIRM' });
}

describe('elderly-driver-check: the rules from the driver record', () => {
  it('age in full years', () => {
    expect(ageOn('1956-12-01', '2026-12-01')).toBe(70);
    expect(ageOn('1956-12-02', '2026-12-01')).toBe(69);
  });

  it('the next medical certificate: within 30 days after the current 记分周期 ends', () => {
    expect(nextDueBy('2027-05-31')).toBe('2027-06-30');
    expect(nextDueBy('2028-02-28')).toBe('2028-03-29');
  });

  it.each([
    [LI_DEFU, { kind: 'eligible' }],
    [WANG_GUIZHI, { kind: 'refused', reason: 'medicalCheckLapsed' }],
    [CHEN_SIYUAN, { kind: 'refused', reason: 'notNeeded' }],
  ])('%s', async (idNumber, expected) => {
    const record = await sandboxGateway().call(driverRecord, { idNumber });
    if (!record.ok) throw new Error('no record');
    expect(eligibility(record.value, '2026-12-01')).toMatchObject(expected);
  });

  it('a 70-year-old whose licence cannot be used, or whose check is missing or unfit, is refused', async () => {
    const record = await sandboxGateway().call(driverRecord, { idNumber: LI_DEFU });
    if (!record.ok) throw new Error('no record');
    const base = record.value;
    expect(eligibility({ ...base, licence: { ...base.licence, status: 'cancelled' } }, '2026-12-01')).toEqual({ kind: 'refused', reason: 'licenceNotUsable' });
    expect(eligibility({ ...base, medicalCheck: null }, '2026-12-01')).toEqual({ kind: 'refused', reason: 'noMedicalCheck' });
    expect(eligibility({ ...base, medicalCheck: { ...base.medicalCheck!, conclusion: 'unfit' } }, '2026-12-01')).toEqual({ kind: 'refused', reason: 'medicalCheckUnfit' });
  });
});

describe('elderly-driver-check: refusals go to the counter with the reason', () => {
  it.each([
    ['王桂芝 (72, check lapsed 240 days ago): where to get one', typed(WANG_GUIZHI), 'svc.elderly-driver-check.refusal.medicalCheckLapsed'],
    ['陈思远 (36): not needed', card(CHEN_SIYUAN), 'svc.elderly-driver-check.refusal.notNeeded'],
    ['a number with no licence', typed(STRANGER), 'svc.elderly-driver-check.refusal.noLicence'],
  ])('%s', async (_label, identity, reasonKey) => {
    const run = start(identity);
    const counter = await run.verify();
    expect(counter.data).toMatchObject({ step: 'counter', reasonKey, window: '4号窗口' });
  });
});

describe('elderly-driver-check: 李德福 (73, check valid)', () => {
  it('sees his medical check, passes the test, the annual check is submitted and the slip printed', async () => {
    const run = start(typed(LI_DEFU));
    const medical = await run.verify();
    expect(medical.data).toMatchObject({
      step: 'review',
      rows: expect.arrayContaining([
        { labelKey: 'svc.elderly-driver-check.medical.institution', text: '平顶山市第二人民医院' },
        { labelKey: 'svc.elderly-driver-check.medical.validUntil', text: '2027-04-30' },
      ]),
    });
    await run.step({ type: 'CONFIRM' });
    await run.step({ type: 'CONFIRM' });
    await answer(run, 'competent');
    await run.step({ type: 'CONFIRM' });
    await answer(run, 'competent');
    await answer(run, 'competent');
    const passed = await answer(run, 'competent');
    expect(passed.data).toMatchObject({ step: 'abilityTest', state: 'passed', result: { total: 100 } });
    const slip = await run.step({ type: 'CONFIRM' });
    expect(slip).toMatchObject({ stepId: 'slip', data: { step: 'receiptPrint', state: 'printed' } });
    const printed = run.slips.infoSlips[0]!;
    expect(printed.title).toBe('七十周岁以上驾驶人年度审验凭条');
    const lines = Object.fromEntries(printed.lines.map((line) => [line.label, line.value]));
    expect(lines).toMatchObject({
      姓名: '李**',
      身份证号码: '4104**********0017',
      三力测试成绩: '100分 合格',
      '记忆力/判断力/反应力': '35/35/30',
      测试日期: '2026-12-01',
      测试合格记录有效至: '2027-11-30',
    });
    // His 记分周期 runs from 1 June (first issued 1993-06-01): to 2027-05-31, then 30 days.
    expect(lines['下次提交身体条件证明截止']).toBe('2027-06-30');
    expect(printed.code).toMatch(/^SL20261201[0-9A-F]{8}$/);
    expect(printed.codeFormat).toBe('code128');
    expect(lines['受理编号']).toBe(printed.code);
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ step: 'done', outcome: 'annualCheckRecorded' });
  });

  it('fails twice: the second result offers no retry, and the counter says what happens next', async () => {
    const run = start(typed(LI_DEFU));
    await toTest(run);
    await answer(run, 'poor');
    await answer(run, 'poor');
    const failed = await answer(run, 'poor');
    expect(failed.data).toMatchObject({ state: 'failed', failedNoteKey: 'svc.elderly-driver-check.abilityFailed' });
    await run.step({ type: 'RETRY' });
    await answer(run, 'competent');
    await answer(run, 'poor');
    const again = await answer(run, 'poor');
    expect(again.accepts).toEqual(['CONFIRM']);
    const counter = await run.step({ type: 'CONFIRM' });
    expect(counter.data).toMatchObject({ step: 'counter', reasonKey: 'svc.elderly-driver-check.refusal.abilityFailed' });
    expect(run.slips.infoSlips).toEqual([]);
  });
});
