/** 记分查询·驾驶人信息单, driven with the flow test kit over the sandbox back-end (its clock at 2026-12-01, Beijing). */
import { describe, expect, it } from 'vitest';
import type { FlowView, Identity } from '../../../../../electron/contract';
import { addDays } from '../../../../../domain/calendar-date';
import type { PoliceGateway } from '../../../../../electron/host/gateway/police-gateway';
import driverPoints from '../../../../../electron/host/services/driver-points';
import { card, renderedText, sandboxGateway, startService, typed, type FlowRun, type KitOptions } from '../flow-kit';

const XU = '410411198809260039'; // 6 points; 豫D12345 (two violations), 豫DA5678 (one decided 35 days ago)
const GAO = '410402197908230010'; // 0 points, nothing pending, expiring in 40 days
const SUN = '410411198507150037'; // B2 吊销, 12 points
const DENG = '410402199102140058'; // 超分, 12 points
const WANG_GUIZHI = '410403195411070020'; // long-term licence
const ZHAO = '410402198506110029'; // holds no licence
const TODAY = '2026-12-01';

const svc = (path: string) => `svc.driver-points.${path}`;
const start = (who: Identity | null, options: KitOptions = {}) => startService(driverPoints, who, options);
const rowsOf = (view: FlowView) => (view.data.step === 'review' || view.data.step === 'receiptPrint' ? view.data.rows : []);
const textOf = (view: FlowView, labelKey: string) => rowsOf(view).filter((row) => row.labelKey === svc(labelKey)).map((row) => row.text ?? row.textKey);

async function toOutput(run: FlowRun): Promise<FlowView> {
  const sheet = await run.verify();
  expect(sheet).toMatchObject({ stepId: 'sheet', step: 'review', accepts: ['CONFIRM'] });
  const output = await run.step({ type: 'CONFIRM' });
  expect(output).toMatchObject({ stepId: 'output', step: 'choice', accepts: ['CHOOSE', 'BACK'] });
  return output;
}

describe('driver-points: the record on screen', () => {
  it('许磊 (typed): licence, 6 points in the cycle from his first issue date, three violations newest first, plates masked', async () => {
    const sheet = await start(typed(XU)).verify();
    expect(sheet.data).toMatchObject({ titleKey: svc('sheet.title'), noteKeys: [svc('notes.pending'), svc('notes.cycle')] });
    expect(rowsOf(sheet).slice(0, 8)).toEqual([
      // A typed number brings no name: the licence record's.
      { labelKey: svc('sheet.name'), text: '许磊' },
      { labelKey: svc('sheet.idNumber'), text: '4104**********0039' },
      { labelKey: svc('sheet.classes'), text: 'C1' },
      { labelKey: svc('sheet.validUntil'), text: addDays(TODAY, 2150) },
      { labelKey: svc('sheet.status'), textKey: svc('statuses.normal') },
      { labelKey: svc('sheet.points'), text: '6' },
      // First issued 2010-08-16: the cycle runs from its last anniversary for twelve months.
      { labelKey: svc('sheet.cycle'), text: '2026-08-16 – 2027-08-15' },
      { labelKey: svc('sheet.pending'), text: '3' },
    ]);
    expect(textOf(sheet, 'sheet.violationWhen')).toEqual(['2026-11-22 17:45 · 平顶山市卫东区开源路光明路口', '2026-11-10 08:12 · 平顶山市新华区建设路与中兴路交叉口', '2026-10-22 22:03 · 平顶山市湛河区姚孟大道']);
    expect(textOf(sheet, 'sheet.violationWhat')).toEqual([
      '驾驶机动车违反禁止标线指示的 · 豫D1**45',
      '驾驶机动车违反道路交通信号灯通行的 · 豫D1**45',
      expect.stringMatching(/超过规定时速10%以上未达20%的 · 豫DA\*\*78$/),
    ]);
    expect(textOf(sheet, 'sheet.violationPenalty')).toEqual(['100 / 1', '200 / 6', '50 / 0']);
    // 陈思远's parking of 豫DA5678 (平顶山市新华区中兴路) is on his own licence: three, not four.
    expect(JSON.stringify(sheet)).not.toContain(XU);
  });

  it('高志远 (card): 0 points and nothing pending: no violation rows, the cycle note only', async () => {
    const sheet = await start(card(GAO)).verify();
    expect(textOf(sheet, 'sheet.points')).toEqual(['0']);
    expect(textOf(sheet, 'sheet.pending')).toEqual(['0']);
    expect(textOf(sheet, 'sheet.violationWhen')).toEqual([]);
    expect(textOf(sheet, 'sheet.validUntil')).toEqual([addDays(TODAY, 40)]);
    expect(sheet.data).toMatchObject({ noteKeys: [svc('notes.cycle')] });
  });

  it.each([
    ['孙建军: 吊销 is shown as such, with what it means (not the 满分 note of a valid licence)', SUN, 'revoked', [svc('notes.status.revoked'), svc('notes.cycle')]],
    ['邓海波: 超分', DENG, 'pointsExceeded', [svc('notes.status.pointsExceeded'), svc('notes.pending'), svc('notes.cycle')]],
  ])('%s', async (_label, idNumber, status, notes) => {
    const sheet = await start(typed(idNumber)).verify();
    expect(textOf(sheet, 'sheet.status')).toEqual([svc(`statuses.${status}`)]);
    expect(textOf(sheet, 'sheet.points')).toEqual(['12']);
    expect(sheet.data).toMatchObject({ noteKeys: notes });
  });

  it('王桂芝: a long-term licence says so', async () => {
    const sheet = await start(typed(WANG_GUIZHI)).verify();
    expect(textOf(sheet, 'sheet.validUntil')).toEqual([svc('sheet.longTerm')]);
  });
});

describe('driver-points: no licence, and a back-end that fails', () => {
  it('赵丽 (no licence): the counter with why and what to do, nothing printed but the ticket', async () => {
    const counter = await start(typed(ZHAO)).verify();
    expect(counter).toMatchObject({ stepId: 'counter', data: { reasonKey: svc('refusal.noLicence') } });
  });

  it('a back-end that times out: another try, then the counter', async () => {
    const base = sandboxGateway();
    const gateway: PoliceGateway = { ...base, call: async () => ({ ok: false, error: { kind: 'timeout' } }) };
    const run = start(card(GAO), { gateway });
    const failed = await run.verify();
    expect(failed).toMatchObject({ stepId: 'record', accepts: ['CONFIRM', 'RETRY'], data: { state: 'failed', failure: 'timeout' } });
    expect(await run.step({ type: 'CONFIRM' })).toMatchObject({ stepId: 'counter', data: { reasonKey: 'flow.counter.reason.queryFailed' } });
  });

  it('the violations list missing for a driver the record knows is a broken answer, not "none pending"', async () => {
    const base = sandboxGateway();
    const gateway: PoliceGateway = { ...base, call: async (operation, request) => (operation.name === 'traffic-violations' ? { ok: false, error: { kind: 'notFound' } } : base.call(operation, request)) };
    const failed = await start(card(GAO), { gateway }).verify();
    expect(failed).toMatchObject({ stepId: 'record', data: { state: 'failed', failure: 'badResponse' } });
  });
});

describe('driver-points: print or not', () => {
  it('不打印: done without printing anything', async () => {
    const run = start(typed(XU));
    await toOutput(run);
    expect(await run.step({ type: 'CHOOSE', value: 'none' })).toMatchObject({ stepId: 'done', data: { outcome: 'sheetShown', outcomeKey: svc('outcomes.sheetShown') } });
    expect(run.slips.infoSlips).toEqual([]);
    expect(run.documents.requests).toEqual([]);
  });

  it('BACK from the choice shows the record again; an unlisted choice is refused', async () => {
    const run = start(typed(XU));
    await toOutput(run);
    expect(run.send({ type: 'CHOOSE', value: 'email' })).toBe(false);
    expect(await run.step({ type: 'BACK' })).toMatchObject({ stepId: 'sheet' });
  });

  it('凭条: the slip masks the name, the number and the plates, lists every violation with its fine and points, and the notes', async () => {
    const run = start(typed(XU));
    await toOutput(run);
    const slip = await run.step({ type: 'CHOOSE', value: 'receipt' });
    expect(slip).toMatchObject({ stepId: 'slip', step: 'receiptPrint', data: { state: 'printed', titleKey: svc('sheet.title') } });
    expect(textOf(slip, 'sheet.points')).toEqual(['6']);
    expect(run.slips.infoSlips).toHaveLength(1);
    const printed = run.slips.infoSlips[0]!;
    expect(printed.title).toBe('驾驶人信息单');
    expect(printed.lines.slice(0, 8)).toEqual([
      { label: '姓名', value: '许*' },
      { label: '驾驶证号', value: '4104**********0039' },
      { label: '准驾车型', value: 'C1' },
      { label: '有效期限', value: `${addDays(TODAY, -1500)}至${addDays(TODAY, 2150)}` },
      { label: '驾驶证状态', value: '正常' },
      { label: '记分周期', value: '2026-08-16至2027-08-15' },
      { label: '累积记分', value: '6分' },
      { label: '未处理违法', value: '3起' },
    ]);
    expect(printed.lines.slice(8)).toEqual([
      { label: '违法1', value: '2026-11-22 17:45，平顶山市卫东区开源路光明路口，驾驶机动车违反禁止标线指示的，号牌豫D1**45，罚款100元，记1分。' },
      { label: '违法2', value: '2026-11-10 08:12，平顶山市新华区建设路与中兴路交叉口，驾驶机动车违反道路交通信号灯通行的，号牌豫D1**45，罚款200元，记6分。' },
      { label: '违法3', value: expect.stringMatching(/^2026-10-22 22:03，平顶山市湛河区姚孟大道，.+，号牌豫DA\*\*78，罚款50元，记0分，已作出处罚决定，罚款缴纳期限至2026年11月11日。$/) },
    ]);
    expect(printed.notes).toEqual([expect.stringContaining('罚款没有交清的，记分会转到下一个记分周期'), expect.stringContaining('记分周期是12个月')]);
    expect(JSON.stringify(printed)).not.toContain('许磊');
    expect(JSON.stringify(printed)).not.toContain('豫D12345');
    expect(run.documents.requests).toEqual([]);
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ outcome: 'slipPrinted' });
  });

  it('A4: no slip; the information sheet numbered by the kiosk journal, read back as text', async () => {
    const run = start(typed(XU));
    await toOutput(run);
    run.send({ type: 'CHOOSE', value: 'a4' });
    const printed = await run.until((view) => view.data.step === 'a4Print' && view.data.state === 'printed');
    expect(printed).toMatchObject({ stepId: 'print', data: { documentNumber: 'J2026-000001', verifyCode: null } });
    expect(run.slips.infoSlips).toEqual([]);
    expect(run.documents.requests).toHaveLength(1);
    const { request } = run.documents.requests[0]!;
    expect(request.kind).toBe('driverInfoSheet');
    expect(request).not.toHaveProperty('printedNumber');
    const text = (await renderedText(request)).replace(/ /g, '');
    for (const part of [
      '驾驶人信息单',
      '编号：J2026-000001',
      '姓名：许磊',
      '驾驶证号：4104**********0039',
      '准驾车型：C1',
      '初次领证：2010年8月16日',
      '驾驶证状态：正常',
      '发证机关：河南省平顶山市公安局交通警察支队',
      '记分周期：2026年8月16日至2027年8月15日',
      '累积记分：6分（满分12分）',
      '三、未处理的交通违法（3起）',
      '1.2026年11月22日17:45，平顶山市卫东区开源路光明路口，驾驶机动车违反禁止标线指示的，号牌豫D1**45，罚款100元，记1分。',
      '2.2026年11月10日08:12，平顶山市新华区建设路与中兴路交叉口，驾驶机动车违反道路交通信号灯通行的，号牌豫D1**45，罚款200元，记6分。',
      '号牌豫DA**78，罚款50元，记0分，已作出处罚决定，罚款缴纳期限至2026年11月11日。',
      '罚款没有交清的，记分会转到下一个记分周期',
      '不作为证明使用',
    ]) {
      expect(text).toContain(part);
    }
    expect(text).not.toContain(XU);
    expect(text).not.toContain('豫D12345');
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ outcome: 'sheetPrinted', outcomeKey: svc('outcomes.sheetPrinted') });
    expect(run.faults).toEqual([]);
  }, 30_000);

  it('A4 for 高志远: nothing pending is said in words; 孙建军\'s says 吊销', async () => {
    for (const [idNumber, parts] of [
      [GAO, ['累积记分：0分', '三、未处理的交通违法（0起）', '没有未处理的交通违法记录。']],
      [SUN, ['准驾车型：B2', '驾驶证状态：吊销', '驾驶证已被吊销，不能开车。']],
    ] as const) {
      const run = start(typed(idNumber));
      await toOutput(run);
      run.send({ type: 'CHOOSE', value: 'a4' });
      await run.until((view) => view.data.step === 'a4Print' && view.data.state === 'printed');
      const text = (await renderedText(run.documents.requests[0]!.request)).replace(/ /g, '');
      for (const part of parts) expect(text).toContain(part);
    }
  }, 30_000);
});
