/**
 * The ability test step as the host runs it: intro → unscored practice →
 * memory → judgement → reaction → result; the view never says which answer
 * is right; implausible rounds are asked again and, the third time, sent to
 * the counter; a fail may be retried once with new questions; each
 * attempt's scores are journaled without personal data.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowView } from '../../../../../electron/contract';
import { abilityResult, abilityTestStep, receiptPrintStep, type FlowPlan } from '../../../../../electron/host/flows/library';
import type { AuditEvent } from '../../../../../electron/host/journal/transactions-audit';
import { startPlan, type FlowRun } from '../../services/flow-kit';
import { competentAnswers, poorAnswers } from './ability-answers';

const running: FlowRun[] = [];
afterEach(() => {
  for (const run of running.splice(0)) run.flow.stop();
});

let lastResult: ReturnType<typeof abilityResult> = null;
const plan = (): FlowPlan => ({
  steps: [
    abilityTestStep({ labelKey: 'test.ability', failed: { to: 'done', outcome: 'testFailed' }, failedNoteKey: 'test.failedNote' }),
    receiptPrintStep({
      labelKey: 'test.slip',
      titleKey: 'test.slip',
      rows: (context) => {
        lastResult = abilityResult(context);
        return [];
      },
      slip: (context) => ({ sessionId: context.sessionId, title: 'slip', lines: [] }),
      outcome: 'recorded',
    }),
  ],
});

function start(audit: AuditEvent[] = []): FlowRun {
  const run = startPlan(plan, null, { audit: { record: (event) => audit.push(event) } });
  running.push(run);
  return run;
}

const data = (view: FlowView) => {
  if (view.data.step !== 'abilityTest') throw new Error(`not the ability test: ${view.data.step}`);
  return view.data;
};

/** Answers the current round with `how` and returns the next settled view. */
async function answer(run: FlowRun, how: 'competent' | 'poor' = 'competent'): Promise<FlowView> {
  const round = data(run.view()).round!;
  return run.step({ type: 'ABILITY_ANSWERS', round: round.name, showing: round.showing, answers: how === 'competent' ? competentAnswers(round.questions) : poorAnswers(round.questions) });
}

/** intro → practice answered → the test's first round. */
async function toMemory(run: FlowRun): Promise<FlowView> {
  expect(data(await run.settled())).toMatchObject({ state: 'intro', round: null, attempt: 1, maxAttempts: 2 });
  const practice = await run.step({ type: 'CONFIRM' });
  expect(data(practice)).toMatchObject({ state: 'practice', round: { name: 'practice', showing: 0 } });
  expect(data(practice).round!.questions.map((question) => question.kind)).toEqual(['memory', 'light', 'reaction']);
  const done = await answer(run);
  expect(data(done)).toMatchObject({ state: 'practiceDone', practice: [true, true, true] });
  return run.step({ type: 'CONFIRM' });
}

describe('abilityTest step', () => {
  it('a careful driver: practice (not scored), the three rounds, 100 points, passed; the fact and the journal hold the scores', async () => {
    const audit: AuditEvent[] = [];
    const run = start(audit);
    const memory = await toMemory(run);
    expect(memory.accepts).toEqual(['ABILITY_ANSWERS']);
    expect(data(memory).round!.questions).toHaveLength(7);
    // What is shown: the stimuli and options, never which is right.
    expect(JSON.stringify(memory.data)).not.toMatch(/"(correct|answer|key|seed)"/i);
    expect(data(await answer(run)).state).toBe('judgement');
    expect(data(await answer(run)).state).toBe('reaction');
    const result = await answer(run);
    expect(data(result)).toMatchObject({ state: 'passed', result: { memory: { points: 35 }, judgement: { points: 35 }, reaction: { points: 30 }, total: 100, passMark: 90 } });
    expect(result.accepts).toEqual(['CONFIRM']);
    await run.step({ type: 'CONFIRM' });
    expect(lastResult).toMatchObject({ passed: true, total: 100, attempts: [{ attempt: 1, passed: true }] });
    expect(audit).toEqual([{ actor: 'host', action: 'abilityTest.scored', sessionId: run.sessionId, subject: 'test-service', detail: { attempt: 1, memory: 35, judgement: 35, reaction: 30, total: 100, passed: true } }]);
  });

  it('the practice may be done once more with other questions, then not again', async () => {
    const run = start();
    await run.step({ type: 'CONFIRM' });
    const first = data(run.view()).round!.questions;
    const marks = await run.step({ type: 'ABILITY_ANSWERS', round: 'practice', showing: 0, answers: poorAnswers(first) });
    expect(data(marks)).toMatchObject({ state: 'practiceDone', practice: [false, false, false] });
    expect(marks.accepts).toEqual(['CONFIRM', 'RETRY']);
    const again = await run.step({ type: 'RETRY' });
    expect(data(again).round).toMatchObject({ name: 'practice', showing: 1 });
    expect(data(again).round!.questions).not.toEqual(first);
    expect((await answer(run)).accepts).toEqual(['CONFIRM']);
  });

  it('a fail: the scores and the retry (new questions), then a second fail ends along the service\'s route', async () => {
    const audit: AuditEvent[] = [];
    const run = start(audit);
    const firstQuestions = data(await toMemory(run)).round!.questions;
    await answer(run, 'poor');
    await answer(run, 'poor');
    const failed = await answer(run, 'poor');
    expect(data(failed)).toMatchObject({ state: 'failed', result: { total: 0 }, failedNoteKey: 'test.failedNote', attempt: 1 });
    expect(failed.accepts).toEqual(['CONFIRM', 'RETRY']);
    const retry = await run.step({ type: 'RETRY' });
    expect(data(retry)).toMatchObject({ state: 'memory', attempt: 2 });
    expect(data(retry).round!.questions).not.toEqual(firstQuestions);
    await answer(run);
    await answer(run, 'poor');
    const second = await answer(run);
    // 35 + 0 + 30: not enough.
    expect(data(second)).toMatchObject({ state: 'failed', result: { total: 65 }, attempt: 2 });
    expect(second.accepts).toEqual(['CONFIRM']);
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ step: 'done', outcome: 'testFailed' });
    expect(audit.map((event) => event.detail)).toEqual([
      { attempt: 1, memory: 0, judgement: 0, reaction: 0, total: 0, passed: false },
      { attempt: 2, memory: 35, judgement: 0, reaction: 30, total: 65, passed: false },
    ]);
  });

  it('implausible timings: the round is not scored and is asked again with other questions; the third time, the counter', async () => {
    const audit: AuditEvent[] = [];
    const run = start(audit);
    await toMemory(run);
    const questions = data(run.view()).round!.questions;
    const fast = competentAnswers(questions).map((a) => ({ ...a, ms: 50 }));
    const refused = await run.step({ type: 'ABILITY_ANSWERS', round: 'memory', showing: 0, answers: fast });
    expect(refused).toMatchObject({ messageKey: 'flow.abilityTest.refused', data: { state: 'memory', refused: true, round: { showing: 1 } } });
    expect(data(refused).round!.questions).not.toEqual(questions);
    // An answer for a showing no longer asked is not taken.
    expect(run.send({ type: 'ABILITY_ANSWERS', round: 'memory', showing: 0, answers: competentAnswers(questions) })).toBe(false);
    const negative = competentAnswers(data(refused).round!.questions).map((a) => ({ ...a, ms: -5 }));
    const again = await run.step({ type: 'ABILITY_ANSWERS', round: 'memory', showing: 1, answers: negative });
    expect(data(again)).toMatchObject({ refused: true, round: { showing: 2 } });
    // A plausible round clears the message.
    expect(data(await answer(run))).toMatchObject({ state: 'judgement', refused: false });
    const judgement = data(run.view()).round!;
    const counter = await run.step({ type: 'ABILITY_ANSWERS', round: 'judgement', showing: 0, answers: competentAnswers(judgement.questions).slice(1) });
    expect(counter.data).toMatchObject({ step: 'counter', reasonKey: 'flow.counter.reason.abilityTestUnreliable' });
    expect(audit.map((event) => [event.action, event.detail?.problem])).toEqual([
      ['abilityTest.refused', 'tooFast'],
      ['abilityTest.refused', 'negativeTime'],
      ['abilityTest.refused', 'wrongCount'],
    ]);
  });

  it('only the round being asked takes answers', async () => {
    const run = start();
    await toMemory(run);
    const questions = data(run.view()).round!.questions;
    expect(run.send({ type: 'ABILITY_ANSWERS', round: 'reaction', showing: 0, answers: competentAnswers(questions) })).toBe(false);
    expect(run.send({ type: 'CONFIRM' })).toBe(false);
  });
});

describe('abilityTest step: applies', () => {
  it('a run that does not need the test passes it unseen, with no result', async () => {
    const skipping = (): FlowPlan => ({ steps: [abilityTestStep({ labelKey: 'test.ability', failed: { to: 'done', outcome: 'testFailed' }, applies: () => false }), ...plan().steps.slice(1)] });
    const run = startPlan(skipping, null);
    running.push(run);
    const view = await run.settled();
    expect(view.stepId).toBe('slip');
    expect(lastResult).toBeNull();
  });
});
