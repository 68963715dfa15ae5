/** 身份证办理进度查询, driven with the flow test kit over the sandbox back-end. */
import { describe, expect, it } from 'vitest';
import type { FlowView, Identity } from '../../../../../electron/contract';
import type { PoliceGateway } from '../../../../../electron/host/gateway/police-gateway';
import idCardProgress from '../../../../../electron/host/services/id-card-progress';
import { card, sandboxGateway, startService, typed, type FlowRun, type KitOptions } from '../flow-kit';

const svc = (path: string) => `svc.id-card-progress.${path}`;
const start = (who: Identity | null, options: KitOptions = {}) => startService(idCardProgress, who, options);

/** identify → consent → face → the status query, to the slip once it is printed (or not). */
async function toSlip(run: FlowRun): Promise<FlowView> {
  await run.verify();
  return run.settled();
}

describe('id-card-progress: the status of the citizen\'s application, on screen and on a slip', () => {
  it('陈思远: 待领取, with the hall and window to collect at; the slip carries the acceptance number as its code', async () => {
    const run = start(card('410402199001011230'));
    expect(run.view().path.map((step) => step.id)).toEqual(['identify', 'consent', 'faceCheck', 'progress', 'slip', 'done']);
    const slip = await toSlip(run);
    expect(slip).toMatchObject({ stepId: 'slip', step: 'receiptPrint', accepts: ['CONFIRM', 'REPRINT'], data: { titleKey: svc('slip.title'), state: 'printed', reprintAvailable: true } });
    expect(slip.data.step === 'receiptPrint' && slip.data.rows).toEqual([
      { labelKey: svc('slip.kind'), textKey: svc('kinds.renewal') },
      { labelKey: svc('slip.acceptanceNumber'), text: 'SL410402202611150031' },
      { labelKey: svc('slip.acceptedOn'), text: '2026-11-15' },
      { labelKey: svc('slip.status'), textKey: svc('statuses.readyForCollection') },
      { labelKey: svc('slip.collectAt'), text: '湖滨派出所户政大厅 1号窗口' },
    ]);
    expect(run.slips.infoSlips).toEqual([
      {
        sessionId: expect.any(String),
        title: '身份证办理进度',
        lines: [
          { label: '业务类型', value: '到期换领' },
          { label: '受理编号', value: 'SL410402202611150031' },
          { label: '受理日期', value: '2026-11-15' },
          { label: '办理状态', value: '待领取' },
          { label: '领取地点', value: '湖滨派出所户政大厅 1号窗口' },
        ],
        code: 'SL410402202611150031',
      },
    ]);
    // The slip names no one: the acceptance number is the citizen's reference.
    expect(JSON.stringify(run.slips.infoSlips)).not.toMatch(/陈思远|410402199001011230/);
    expect(await run.step({ type: 'CONFIRM' })).toMatchObject({ stepId: 'done', data: { outcome: 'progressShown', outcomeKey: svc('outcomes.progressShown') } });
    expect(run.documents.requests).toEqual([]);
    expect(run.outbox.submitted).toEqual([]);
    expect(run.faults).toEqual([]);
  });

  it('马秀兰: 制证中, with the expected date', async () => {
    const slip = await toSlip(start(card('410403195806150041')));
    expect(slip.data).toMatchObject({
      rows: [
        { labelKey: svc('slip.kind'), textKey: svc('kinds.replacement') },
        { labelKey: svc('slip.acceptanceNumber'), text: 'SL410403202611280007' },
        { labelKey: svc('slip.acceptedOn'), text: '2026-11-28' },
        { labelKey: svc('slip.status'), textKey: svc('statuses.producing') },
        { labelKey: svc('slip.expectedOn'), text: '2026-12-18' },
      ],
    });
  });

  it('李晓雨 (typed number): 已寄出, with the EMS number on screen and slip', async () => {
    const run = start(typed('410402200203100042'));
    const slip = await toSlip(run);
    expect(slip.data).toMatchObject({
      rows: expect.arrayContaining([
        { labelKey: svc('slip.status'), textKey: svc('statuses.posted') },
        { labelKey: svc('slip.emsNumber'), text: 'EA123456789CN' },
      ]),
    });
    expect(run.slips.infoSlips[0]!.lines).toEqual(expect.arrayContaining([{ label: '办理状态', value: '已寄出' }, { label: 'EMS单号', value: 'EA123456789CN' }]));
    expect(run.slips.infoSlips[0]!.code).toBe('SL410402202611020015');
  });

  it.each([
    ['王喆, who has no application', card('110105200511300072')],
    ['a number the back-end does not know', typed('410404197001010098')],
  ])('%s: done with noApplication, no slip', async (_label, who) => {
    const run = start(who);
    const done = await run.verify();
    expect(done).toMatchObject({ stepId: 'done', data: { step: 'done', outcome: 'noApplication', outcomeKey: svc('outcomes.noApplication') } });
    expect(run.slips.infoSlips).toEqual([]);
  });

  it('the slip is reprinted once, then no more', async () => {
    const run = start(card('410402199001011230'));
    await toSlip(run);
    const again = await run.step({ type: 'REPRINT' });
    expect(again).toMatchObject({ accepts: ['CONFIRM'], data: { state: 'printed', reprintAvailable: false } });
    expect(run.send({ type: 'REPRINT' })).toBe(false);
    expect(run.slips.infoSlips).toHaveLength(2);
    expect(run.slips.infoSlips[1]).toEqual(run.slips.infoSlips[0]);
  });

  it('a slip the printer could not print: the screen says so and keeps the rows; a reprint may work; the run still ends progressShown', async () => {
    const run = start(card('410402199001011230'));
    run.slips.script.infoSlips = ['paperOut'];
    const failed = await toSlip(run);
    expect(failed).toMatchObject({ messageKey: 'print.paperOut', accepts: ['CONFIRM', 'REPRINT'], data: { state: 'notPrinted', reprintAvailable: true } });
    expect(failed.data.step === 'receiptPrint' && failed.data.rows).toHaveLength(5);
    const reprinted = await run.step({ type: 'REPRINT' });
    expect(reprinted).toMatchObject({ data: { state: 'printed', reprintAvailable: false } });
    expect(reprinted.messageKey).toBeUndefined();
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ outcome: 'progressShown' });
  });

  it.each([
    ['a foreigner card', card('941124198804120029')],
    ['a typed foreigner number', typed('941124198804120029')],
  ])('%s goes to the 出入境 window', async (_label, who) => {
    const run = start(who);
    expect(await run.step({ type: 'CONFIRM' })).toMatchObject({ stepId: 'referral', data: { to: 'exitEntry', window: '3号窗口' } });
  });

  it('an unavailable back-end offers retries, then the counter for this service (户政 window)', async () => {
    const base = sandboxGateway();
    const gateway: PoliceGateway = { ...base, call: async () => ({ ok: false, error: { kind: 'unavailable', status: 503 } }) };
    const run = start(card('410402199001011230'), { gateway });
    expect(await run.verify()).toMatchObject({ stepId: 'progress', messageKey: 'flow.query.unavailable', data: { state: 'failed', retriesLeft: 2 } });
    await run.step({ type: 'RETRY' });
    await run.step({ type: 'RETRY' });
    run.send({ type: 'CONFIRM' });
    const counter = await run.until((v) => v.data.step === 'counter' && v.data.ticket.state === 'printed');
    expect(counter.data).toMatchObject({ reasonKey: 'flow.counter.reason.queryFailed', window: '1号窗口' });
    expect(run.slips.tickets).toEqual([expect.objectContaining({ serviceName: '身份证办理进度查询', window: '1号窗口' })]);
  });

  it('the status is asked only after the face check passed', async () => {
    const base = sandboxGateway();
    let calls = 0;
    const gateway: PoliceGateway = { ...base, call: (operation, request) => ((calls += 1), base.call(operation, request)) };
    const run = start(card('410402199001011230'), { gateway });
    run.send({ type: 'CONFIRM' });
    run.send({ type: 'CONSENT', granted: true });
    run.face('noMatch', 0);
    await run.settled();
    expect(run.view().step).toBe('counter');
    expect(calls).toBe(0);
  });
});
