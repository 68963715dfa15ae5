/**
 * 出入境办理进度查询及领证: the two ways in (a receipt's number scanned or
 * typed with the ID number's last four; the ID card with a face check), what
 * the back-end's sandbox answers for its people, the words of every status,
 * the privacy of an answer by number, the 领证 ticket for a document ready at
 * this hall, the discreet counter for 不予批准, and the slip on request.
 */
import { describe, expect, it } from 'vitest';
import type { FlowView } from '../../../../../electron/contract';
import { APPLICATION_STATUSES, exitEntryProgress, ProgressAnswer } from '../../../../../electron/host/services/exit-entry-progress/backend';
import exitEntryProgressService from '../../../../../electron/host/services/exit-entry-progress';
import { wording } from '../../../../../electron/host/services/exit-entry-progress/wording';
import { card, sandboxGateway, startService, typed, type FlowRun } from '../flow-kit';
import { defaultConfig } from '../../../../../electron/host/config/load';

const HALL = '平顶山市公安局城乡一体化示范区分局湖滨派出所 智慧警务工作站';
const CHEN = '410402199001011230';

/** By receipt: the way, the number (scanned or typed), the tail; the settled view after. */
async function byReceipt(run: FlowRun, number: string, tail: string, how: 'scan' | 'type' = 'type'): Promise<FlowView> {
  const form = await run.step({ type: 'CHOOSE', value: 'receipt' });
  expect(form).toMatchObject({ stepId: 'receipt', data: { step: 'form', scanFieldId: 'number' } });
  if (how === 'scan') {
    expect(run.flow.send({ type: 'CODE_SCANNED', text: number })).toBe(true);
    await run.settled();
  } else await run.step({ type: 'SUBMIT_FORM', values: { number } });
  return run.step({ type: 'SUBMIT_FORM', values: { idNumberTail: tail } });
}

/** By ID card: the way, then identify → consent → face check. */
async function byIdCard(run: FlowRun): Promise<FlowView> {
  await run.step({ type: 'CHOOSE', value: 'idCard' });
  return run.verify();
}

const rowText = (view: FlowView) => (view.data.step === 'review' ? view.data.rows.map((row) => `${row.labelKey.split('.').pop()}=${row.text ?? row.textKey?.split('.').slice(-2).join('.')}`) : []);

describe('exit-entry-progress', () => {
  it('陈思远 by a scanned receipt: his passport ready at this hall, masked; a 领证 ticket for the 出入境 window', async () => {
    const run = startService(exitEntryProgressService, null);
    const result = await byReceipt(run, '41040210000000018301', '1230', 'scan');
    expect(result.stepId).toBe('result');
    expect(rowText(result)).toEqual([
      'holder=陈**',
      'document=documents.passport',
      'kind=kinds.renewal',
      'acceptanceNumber=41040210000000018301',
      'acceptedOn=2026-11-11',
      'status=statuses.ready',
      `collectAt=${HALL} 3号窗口`,
      'collectFrom=2026-11-29',
    ]);
    expect(result.data).toMatchObject({ noteKeys: ['svc.exit-entry-progress.notes.collectHere'] });
    // Nothing that identifies him beyond the receipt: no ID number, no full name.
    expect(JSON.stringify(result)).not.toMatch(/陈思远|410402199001011230|\*\*\*\*1230/);
    const next = await run.step({ type: 'CONFIRM' });
    expect(next.data).toMatchObject({ step: 'choice', options: [{ value: 'ticket' }, { value: 'slip' }, { value: 'finish' }] });
    const counter = await run.step({ type: 'CHOOSE', value: 'ticket' });
    expect(counter.data).toMatchObject({ step: 'counter', reasonKey: 'svc.exit-entry-progress.counter.collect', reasonParams: { window: '3号窗口' } });
    expect(run.slips.tickets).toHaveLength(1);
  });

  it('吴国强 by a typed number: his 港澳通行证 posted, the EMS number; a slip on request, masked', async () => {
    const run = startService(exitEntryProgressService, null);
    const result = await byReceipt(run, '41040310000000020417', '0034');
    expect(rowText(result)).toEqual(expect.arrayContaining(['holder=吴**', 'status=statuses.posted', 'emsNumber=EA203456789CN', 'postedOn=2026-11-28']));
    expect(result.data).toMatchObject({ noteKeys: ['svc.exit-entry-progress.notes.posted'] });
    const next = await run.step({ type: 'CONFIRM' });
    // Not ready here: no ticket offered.
    expect(next.data).toMatchObject({ options: [{ value: 'slip' }, { value: 'finish' }] });
    const slip = await run.step({ type: 'CHOOSE', value: 'slip' });
    expect(slip.data).toMatchObject({ step: 'receiptPrint', state: 'printed' });
    const printed = run.slips.infoSlips[0]!;
    expect(printed.title).toBe('出入境证件办理进度');
    expect(printed.lines).toEqual(expect.arrayContaining([{ label: '申请人', value: '吴**' }, { label: '办理状态', value: '已邮寄' }, { label: 'EMS邮件号', value: 'EA203456789CN' }, { label: '证件', value: '往来港澳通行证' }]));
    expect(JSON.stringify(printed)).not.toMatch(/吴国强|410403198011250034/);
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ step: 'done', outcome: 'progressShown' });
  });

  it('a number that does not exist, or a tail that does not match it: numberNotFound, the same answer', async () => {
    const unknown = startService(exitEntryProgressService, null);
    expect((await byReceipt(unknown, '41040299999999999999', '1230')).data).toMatchObject({ step: 'done', outcome: 'numberNotFound' });
    const wrongTail = startService(exitEntryProgressService, null);
    expect((await byReceipt(wrongTail, '41040210000000018301', '0034')).data).toMatchObject({ step: 'done', outcome: 'numberNotFound' });
  });

  it('a typed number of the wrong form, or a tail with X inside, stays on its form with the field\'s error', async () => {
    const run = startService(exitEntryProgressService, null);
    await run.step({ type: 'CHOOSE', value: 'receipt' });
    expect((await run.step({ type: 'SUBMIT_FORM', values: { number: '4104-0210' } })).data).toMatchObject({ step: 'form', errors: { number: 'flow.form.error.code' } });
    await run.step({ type: 'SUBMIT_FORM', values: { number: '41040210000000018301' } });
    expect((await run.step({ type: 'SUBMIT_FORM', values: { idNumberTail: '12X0' } })).data).toMatchObject({ step: 'form', errors: { idNumberTail: 'flow.form.error.idNumberTail' } });
  });

  it('陈思远 by ID card with a face check: the same passport, his masked number, the ticket offered', async () => {
    const run = startService(exitEntryProgressService, card(CHEN));
    const result = await byIdCard(run);
    expect(result.stepId).toBe('result');
    expect(rowText(result).slice(0, 3)).toEqual(['holder=陈**', 'idNumber=4104**********1230', 'document=documents.passport']);
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ options: [{ value: 'ticket' }, { value: 'slip' }, { value: 'finish' }] });
  });

  it('at a kiosk of another hall the ready passport is no ticket here: collect at the hall the back-end names', async () => {
    const run = startService(exitEntryProgressService, card(CHEN), { config: defaultConfig({ hallName: '郑州市公安局出入境管理支队' }) });
    const result = await byIdCard(run);
    expect(result.data).toMatchObject({ noteKeys: ['svc.exit-entry-progress.notes.collectElsewhere'] });
    expect(rowText(result)).toContain(`collectAt=${HALL}`);
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ options: [{ value: 'slip' }, { value: 'finish' }] });
  });

  it('郑丽 by typed number and face: both applications, newest first (受理 then 审批中 with the expected dates)', async () => {
    const run = startService(exitEntryProgressService, typed('41040219920308004X'));
    const rows = rowText(await byIdCard(run));
    expect(rows.filter((row) => /^(document|status|expectedOn)=/.test(row))).toEqual([
      'document=documents.hkMacauPermit',
      'status=statuses.accepted',
      'expectedOn=2026-12-16',
      'document=documents.passport',
      'status=statuses.underReview',
      'expectedOn=2026-12-13',
    ]);
  });

  it('刘建华: 制证中, and a permit ready at another hall with that hall\'s window', async () => {
    const run = startService(exitEntryProgressService, typed('410402198507060035'));
    const rows = rowText(await byIdCard(run));
    expect(rows).toEqual(expect.arrayContaining(['status=statuses.producing', 'status=statuses.ready', 'collectAt=平顶山市公安局出入境管理支队办证大厅 5号窗口']));
  });

  it('赵欣: collected last month, with the day', async () => {
    const run = startService(exitEntryProgressService, card('410105199108150022'));
    expect(rowText(await byIdCard(run))).toEqual(expect.arrayContaining(['status=statuses.collected', 'collectedOn=2026-10-30']));
  });

  it('周婷: none (noApplication); 钱卫东: 不予批准 goes to the counter with a discreet word, by card or by his receipt', async () => {
    const none = startService(exitEntryProgressService, typed('410402199506120029'));
    expect((await byIdCard(none)).data).toMatchObject({ step: 'done', outcome: 'noApplication' });
    const refused = startService(exitEntryProgressService, typed('41040219771203005X'));
    expect((await byIdCard(refused)).data).toMatchObject({ step: 'counter', reasonKey: 'svc.exit-entry-progress.counter.seeStaff' });
    const byNumber = startService(exitEntryProgressService, null);
    expect((await byReceipt(byNumber, '41040210000000017744', '005X')).data).toMatchObject({ step: 'counter', reasonKey: 'svc.exit-entry-progress.counter.seeStaff' });
    const seeStaff = wording['zh-CN'].counter as Record<string, string>;
    expect(seeStaff.seeStaff).not.toMatch(/不予|拒绝|限制|批准/);
  });

  it('the back-end by number answers one application and a masked name, never an ID number or a full name', async () => {
    const gateway = sandboxGateway();
    const answer = await gateway.answerOperation(exitEntryProgress, { by: 'acceptanceNumber', acceptanceNumber: '41040210000000018301', idNumberTail: '1230' });
    if (!answer.ok) throw new Error('not answered');
    const value = ProgressAnswer.parse(answer.value);
    expect(value.applications.map((application) => application.acceptanceNumber)).toEqual(['41040210000000018301']);
    expect(JSON.stringify(value)).not.toMatch(/410402199001011230|陈思远/);
    expect(value.holderNameMasked).toBe('陈**');
    // A stranger's number and a foreigner's: not found.
    expect((await gateway.answerOperation(exitEntryProgress, { by: 'idNumber', idNumber: '410404197001010098' })).ok).toBe(false);
  });

  it('words every status in both languages, and the by-number outcomes', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const statuses = wording[language].statuses as Record<string, string>;
      for (const status of APPLICATION_STATUSES) expect(statuses[status], `${language} ${status}`).toMatch(/\S/);
    }
    expect((wording['zh-CN'].statuses as Record<string, string>).ready).toBe('已制证，待领取');
  });
});
