/** 居住证签注, driven with the flow test kit over the sandbox back-end (today 2026-12-01 at KIT_NOW). */
import { describe, expect, it } from 'vitest';
import type { Identity } from '../../../../../electron/contract';
import type { GatewayResult, PoliceGateway } from '../../../../../electron/host/gateway/police-gateway';
import endorsement from '../../../../../electron/host/services/residence-permit-endorsement';
import { card, sandboxGateway, startService, typed, type KitOptions } from '../flow-kit';

const svc = (path: string) => `svc.residence-permit-endorsement.${path}`;
const start = (who: Identity | null, options: KitOptions = {}) => startService(endorsement, who, options);

const ZHOU = '32010219920308005X';
const LIN = '320106198507122029';
const HUANG = '420106199002120034';
const WANG = '110105200511300072';

/** A sandbox gateway that records each call's operation name and request. */
/** `fail` may answer a call instead of the sandbox (by operation name and its attempt, from 1). */
function recordingGateway(fail?: (name: string, attempt: number) => GatewayResult<never> | null) {
  const base = sandboxGateway();
  const calls: Array<{ name: string; request: unknown }> = [];
  const gateway: PoliceGateway = {
    ...base,
    call: async (operation, request) => {
      calls.push({ name: operation.name, request });
      const failure = fail?.(operation.name, calls.filter((c) => c.name === operation.name).length);
      return failure ?? base.call(operation, request);
    },
  };
  return { gateway, calls };
}

describe('residence-permit-endorsement: the annual 签注 of a 居住证 held here', () => {
  it('周明轩 (typed): due this month; he checks the new date, the back-end endorses, the slip prints masked, the run ends endorsed', async () => {
    const { gateway, calls } = recordingGateway();
    const run = start(typed(ZHOU), { gateway });
    expect(run.view().path.map((step) => step.id)).toEqual(['identify', 'consent', 'faceCheck', 'check', 'review', 'endorse', 'slip', 'done']);
    const review = await run.verify();
    expect(review).toMatchObject({ stepId: 'review', accepts: ['CONFIRM'], data: { step: 'review', titleKey: svc('review.title'), noteKeys: [svc('review.notes.due')] } });
    expect(review.data.step === 'review' && review.data.rows).toEqual([
      { labelKey: svc('review.holder'), text: '周**' },
      { labelKey: svc('review.permitNumber'), text: '4101**********3187' },
      { labelKey: svc('review.endorsedUntil'), text: '2026-12-21' },
      { labelKey: svc('review.newEndorsedUntil'), text: '2027-12-21' },
      { labelKey: svc('review.fee'), textKey: svc('review.free') },
    ]);
    // Nothing is endorsed before the citizen confirms.
    expect(calls.map((c) => c.name)).toEqual(['residence-permit-endorsement-check']);

    const slip = await run.step({ type: 'CONFIRM' });
    expect(slip).toMatchObject({ stepId: 'slip', data: { step: 'receiptPrint', titleKey: svc('slip.title'), state: 'printed' } });
    const endorse = calls.find((c) => c.name === 'residence-permit-endorse');
    expect(endorse?.request).toEqual({ idNumber: ZHOU, permitNumber: '4101002025JZ003187', idempotencyKey: expect.stringMatching(/^flow-kit-\d+-0000-endorse$/) });
    const printed = run.slips.infoSlips;
    expect(printed).toHaveLength(1);
    const number = printed[0]!.code!;
    expect(number).toMatch(/^QZ20261201\d{6}$/);
    expect(printed[0]).toEqual({
      sessionId: expect.any(String),
      title: '居住证签注凭条',
      lines: [
        { label: '持证人', value: '周**' },
        { label: '身份证号', value: '3201**********005X' },
        { label: '居住证编号', value: '4101**********3187' },
        { label: '签注日期', value: '2026-12-01' },
        { label: '签注有效期至', value: '2027-12-21' },
        { label: '签注编号', value: number },
      ],
      code: number,
      codeFormat: 'code128',
      notes: ['下次签注：请在有效期满前一个月内来办理。', '签注不收费。'],
    });
    expect(JSON.stringify(printed)).not.toMatch(/周明轩|32010219920308005X|4101002025JZ003187/);
    expect(slip.data.step === 'receiptPrint' && slip.data.rows).toEqual(
      expect.arrayContaining([
        { labelKey: svc('slip.newEndorsedUntil'), text: '2027-12-21' },
        { labelKey: svc('slip.endorsementNumber'), text: number },
      ]),
    );
    expect(await run.step({ type: 'CONFIRM' })).toMatchObject({ stepId: 'done', data: { outcome: 'endorsed', outcomeKey: svc('outcomes.endorsed') } });
    // Free: no payment, no application in the outbox, no A4 document.
    expect(run.outbox.submitted).toEqual([]);
    expect(run.documents.requests).toEqual([]);
    expect(run.faults).toEqual([]);
  });

  it.each([
    ['林晓雯 (card), already endorsed this year', card(LIN), 'alreadyEndorsed'],
    ['黄志强 (typed), who has no 居住证 yet', typed(HUANG), 'noPermit'],
    ['王喆 (card), whose 居住登记 here lapsed', card(WANG), 'registrationLapsed'],
    ['a number the back-end does not know', typed('410404197001010098'), 'notFound'],
  ])('%s: the counter with a reason saying why and what to do, a ticket for the 户政 window, nothing endorsed', async (_label, who, reason) => {
    const { gateway, calls } = recordingGateway();
    const run = start(who, { gateway });
    await run.verify();
    const counter = await run.until((v) => v.data.step === 'counter' && v.data.ticket.state === 'printed');
    expect(counter.data).toMatchObject({ reasonKey: svc(`counter.${reason}`), window: '1号窗口' });
    // Only the dated refusal names dates: until when, and from when to come back.
    expect(counter.data.step === 'counter' && counter.data.reasonParams).toEqual(reason === 'alreadyEndorsed' ? { until: '2027-10-17', dueFrom: '2027-09-17' } : undefined);
    expect(run.slips.tickets).toEqual([expect.objectContaining({ serviceName: '居住证签注', window: '1号窗口' })]);
    expect(calls.map((c) => c.name)).toEqual(['residence-permit-endorsement-check']);
    expect(run.slips.infoSlips).toEqual([]);
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ outcome: 'counter' });
  });

  it('the back-end down while endorsing: a retry sends the same idempotency key, and it is endorsed once', async () => {
    const { gateway, calls } = recordingGateway((name, attempt) => (name === 'residence-permit-endorse' && attempt === 1 ? { ok: false, error: { kind: 'unavailable', status: 503 } } : null));
    const run = start(typed(ZHOU), { gateway });
    await run.verify();
    const failed = await run.step({ type: 'CONFIRM' });
    expect(failed).toMatchObject({ stepId: 'endorse', messageKey: 'flow.query.unavailable', data: { state: 'failed', retriesLeft: 2 } });
    expect(await run.step({ type: 'RETRY' })).toMatchObject({ stepId: 'slip', data: { state: 'printed' } });
    const keys = calls.filter((c) => c.name === 'residence-permit-endorse').map((c) => (c.request as { idempotencyKey: string }).idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(run.slips.infoSlips).toHaveLength(1);
  });

  it('the back-end refuses the endorsement (its record changed since the check): the counter says it was not made', async () => {
    const { gateway } = recordingGateway((name) => (name === 'residence-permit-endorse' ? { ok: false, error: { kind: 'notFound' } } : null));
    const run = start(typed(ZHOU), { gateway });
    await run.verify();
    run.send({ type: 'CONFIRM' });
    const counter = await run.until((v) => v.data.step === 'counter' && v.data.ticket.state === 'printed');
    expect(counter.data).toMatchObject({ reasonKey: svc('counter.endorseFailed') });
    expect(run.slips.infoSlips).toEqual([]);
  });

  it('the review has no way back to the check: BACK is refused', async () => {
    const run = start(typed(ZHOU));
    await run.verify();
    expect(run.send({ type: 'BACK' })).toBe(false);
  });

  it('the permit is checked only after the face check passed', async () => {
    const { gateway, calls } = recordingGateway();
    const run = start(card(LIN), { gateway });
    run.send({ type: 'CONFIRM' });
    run.send({ type: 'CONSENT', granted: true });
    run.face('noMatch', 0);
    await run.settled();
    expect(run.view().step).toBe('counter');
    expect(calls).toEqual([]);
  });
});
