/**
 * The endorsement writer's steps: the permit on the writer (read at once;
 * no card or another card asks again with why; the writer down or the
 * citizen giving up → the counter; a permit read is routed by the service)
 * and the endorsement written to it (a removed card or a failed write asks
 * again up to the limit, then goes on saying it was not written; the chip
 * full or the writer down goes on at once), and a slip whose CONFIRM
 * depends on the run (`then`).
 */
import { describe, expect, it } from 'vitest';
import { FlowView } from '../../../../../electron/contract';
import {
  endorsementWriteStep,
  endorsementWritten,
  identifyStep,
  permitOnWriterStep,
  receiptPrintStep,
  type ChipEndorsement,
  type FlowKit,
  type FlowPlan,
  type WriterProblem,
  type WriterPromptKeys,
} from '../../../../../electron/host/flows/library';
import { writerDouble, type WriterDouble } from '../../services/endorsement-writer-double';
import { card, startPlan } from '../../services/flow-kit';

const CHEN = card('410402199001011230');
const ENDORSEMENT: ChipEndorsement = { destination: 'hongKong', type: 'L', entries: 'single', validFrom: '2026-03-02', validUntil: '2026-06-01', stayDays: 7, number: 'QH20260302000001' };
const PROBLEMS = ['noCard', 'notAPermit', 'unreadable', 'cardRemoved', 'writeFailed', 'chipFull', 'deviceDown'] as const;
const keys = (step: string): WriterPromptKeys => ({
  promptKey: `t.${step}.prompt`,
  placedKey: `t.${step}.placed`,
  counterKey: `t.${step}.counter`,
  busyKey: `t.${step}.busy`,
  problemKeys: Object.fromEntries(PROBLEMS.map((problem) => [problem, `t.problem.${problem}`])) as Record<WriterProblem, string>,
});

const plan = (kit: FlowKit): FlowPlan => {
  void kit;
  return {
    steps: [
      identifyStep(),
      permitOnWriterStep({
        id: 'card',
        labelKey: 't.card',
        ...keys('card'),
        counterReasonKey: 't.counter.writer',
        check: (permit) => (permit.permitNumber === 'C38816402' ? { to: 'next' } : { to: 'counter', reasonKey: 't.counter.wrongCard' }),
      }),
      endorsementWriteStep({ id: 'write', labelKey: 't.write', ...keys('write'), permitNumber: () => 'C38816402', endorsement: () => ENDORSEMENT }),
      receiptPrintStep({
        id: 'receipt',
        labelKey: 't.receipt',
        titleKey: 't.receipt.title',
        outcome: 'endorsed',
        rows: () => [],
        slip: (context) => ({ sessionId: context.sessionId, title: '凭条', lines: [] }),
        then: (context) => (endorsementWritten(context, 'write')?.written ? { to: 'done', outcome: 'endorsed' } : { to: 'counter', reasonKey: 't.counter.writeAtCounter' }),
      }),
    ],
  };
};

function start(writer: WriterDouble | undefined) {
  return startPlan(plan, CHEN, writer ? { endorsementWriter: writer } : {});
}

/** The prompt: a choice of "placed" and "counter", with the last problem's words. */
function expectPrompt(view: FlowView, step: string, problem: WriterProblem) {
  expect(FlowView.safeParse(view).success).toBe(true);
  expect(view.stepId).toBe(step);
  expect(view.data).toMatchObject({ step: 'choice', titleKey: `t.${step}.prompt`, options: [{ value: 'placed' }, { value: 'counter' }] });
  expect(view.messageKey).toBe(`t.problem.${problem}`);
}

describe('the permit on the endorsement writer', () => {
  it('reads the permit lying there at once; its chip is the fact, and the write follows', async () => {
    const writer = writerDouble('C38816402');
    const run = start(writer);
    const view = await run.step({ type: 'CONFIRM' });
    expect(view.stepId).toBe('receipt');
    expect(writer.calls).toEqual(['read', 'write']);
    expect(writer.written).toEqual([{ permitNumber: 'C38816402', endorsement: ENDORSEMENT }]);
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ step: 'done', outcome: 'endorsed' });
  });

  it('no card: asks for it, saying so; placed → read again and on', async () => {
    const writer = writerDouble(null);
    const run = start(writer);
    expectPrompt(await run.step({ type: 'CONFIRM' }), 'card', 'noCard');
    writer.place('C38816402');
    expect((await run.step({ type: 'CHOOSE', value: 'placed' })).stepId).toBe('receipt');
  });

  it('a card that is not a permit, or cannot be read: asks again with why', async () => {
    const writer = writerDouble('notAPermit');
    writer.script.reads.push('unreadable');
    const run = start(writer);
    expectPrompt(await run.step({ type: 'CONFIRM' }), 'card', 'unreadable');
    expectPrompt(await run.step({ type: 'CHOOSE', value: 'placed' }), 'card', 'notAPermit');
  });

  it('another person\'s permit: where the service routes it (the counter)', async () => {
    const run = start(writerDouble('C72345678'));
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ step: 'counter', reasonKey: 't.counter.wrongCard' });
  });

  it('the citizen gives up, the writer is down, or the kiosk has none: the counter', async () => {
    const givesUp = start(writerDouble(null));
    await givesUp.step({ type: 'CONFIRM' });
    expect((await givesUp.step({ type: 'CHOOSE', value: 'counter' })).data).toMatchObject({ step: 'counter', reasonKey: 't.counter.writer' });
    const down = writerDouble('C38816402');
    down.script.reads.push('deviceDown');
    expect((await start(down).step({ type: 'CONFIRM' })).data).toMatchObject({ step: 'counter', reasonKey: 't.counter.writer' });
    const none = startPlan(plan, CHEN, { endorsementWriter: { readPermit: async () => ({ ok: false, error: 'deviceDown' }), writeEndorsement: async () => ({ ok: false, error: 'deviceDown' }) } });
    expect((await none.step({ type: 'CONFIRM' })).data).toMatchObject({ step: 'counter' });
  });

});

describe('writing the endorsement', () => {
  it('the card taken away mid-write: put it back, placed → written', async () => {
    const writer = writerDouble('C38816402');
    writer.script.writes.push('cardRemoved');
    const run = start(writer);
    expectPrompt(await run.step({ type: 'CONFIRM' }), 'write', 'cardRemoved');
    expect((await run.step({ type: 'CHOOSE', value: 'placed' })).stepId).toBe('receipt');
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ step: 'done', outcome: 'endorsed' });
  });

  it('three failed writes: goes on, not written, and the slip sends the citizen to the counter', async () => {
    const writer = writerDouble('C38816402');
    writer.script.writes.push('writeFailed', 'cardRemoved', 'writeFailed');
    const run = start(writer);
    expectPrompt(await run.step({ type: 'CONFIRM' }), 'write', 'writeFailed');
    expectPrompt(await run.step({ type: 'CHOOSE', value: 'placed' }), 'write', 'cardRemoved');
    expect((await run.step({ type: 'CHOOSE', value: 'placed' })).stepId).toBe('receipt');
    expect(writer.calls.filter((call) => call === 'write')).toHaveLength(3);
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ step: 'counter', reasonKey: 't.counter.writeAtCounter' });
  });

  it.each(['chipFull', 'deviceDown'] as const)('%s: goes on at once, not written', async (problem) => {
    const writer = writerDouble('C38816402');
    writer.script.writes.push(problem);
    const run = start(writer);
    expect((await run.step({ type: 'CONFIRM' })).stepId).toBe('receipt');
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ step: 'counter', reasonKey: 't.counter.writeAtCounter' });
  });

  it('the citizen gives up putting it back: goes on, not written', async () => {
    const writer = writerDouble('C38816402');
    writer.script.writes.push('cardRemoved');
    const run = start(writer);
    await run.step({ type: 'CONFIRM' });
    expect((await run.step({ type: 'CHOOSE', value: 'counter' })).stepId).toBe('receipt');
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ step: 'counter', reasonKey: 't.counter.writeAtCounter' });
  });

  it('another card put back: asks again (the writer refuses to write to it)', async () => {
    const writer = writerDouble('C38816402');
    writer.script.writes.push('cardRemoved');
    const run = start(writer);
    await run.step({ type: 'CONFIRM' });
    writer.place('C72345678');
    expectPrompt(await run.step({ type: 'CHOOSE', value: 'placed' }), 'write', 'notAPermit');
    expect(writer.written).toEqual([]);
  });
});
