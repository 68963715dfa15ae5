/**
 * The 三力 scorer with scripted touch timings: right answers with human
 * timings pass, wrong ones fail at the official pass mark (90 of 100, so at
 * most two wrong), and rounds with timings no person can produce are not
 * scored at all.
 */
import { describe, expect, it } from 'vitest';
import type { AbilityAnswer, AbilityQuestion } from '../../../../../electron/contract';
import { ABILITY_LIMITS, correctChoice, markRound, PASS_MARK, roundQuestions, subScore, totalScore, ROUND_SIZES } from '../../../../../electron/host/flows/library';
import { competentAnswers, poorAnswers } from './ability-answers';

const SEED = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const scored = (round: 'memory' | 'judgement' | 'reaction', answers: (questions: AbilityQuestion[]) => AbilityAnswer[]) => {
  const questions = roundQuestions(SEED, round, 0);
  const marks = markRound(questions, answers(questions));
  if (!marks.ok) throw new Error(`${round} refused: ${JSON.stringify(marks.error)}`);
  return subScore(marks.value);
};

describe('questions from the seed', () => {
  it('20 scored questions (7 memory, 7 judgement, 6 reaction), the same for the same seed, others for another showing', () => {
    expect(ROUND_SIZES.memory + ROUND_SIZES.judgement + ROUND_SIZES.reaction).toBe(20);
    expect(roundQuestions(SEED, 'memory', 0)).toEqual(roundQuestions(SEED, 'memory', 0));
    expect(roundQuestions(SEED, 'memory', 1)).not.toEqual(roundQuestions(SEED, 'memory', 0));
    expect(roundQuestions('another seed', 'judgement', 0)).not.toEqual(roundQuestions(SEED, 'judgement', 0));
    const judgement = roundQuestions(SEED, 'judgement', 0).map((question) => question.kind).sort();
    expect(judgement).toEqual(['count', 'count', 'direction', 'direction', 'light', 'light', 'light']);
  });

  it('what is shown never holds the answer: a count question offers four numbers including the right one; a memory probe is shown or not', () => {
    for (let showing = 0; showing < 30; showing += 1) {
      for (const question of roundQuestions(SEED, 'judgement', showing)) {
        expect(Object.keys(question)).not.toContain('answer');
        if (question.kind === 'count') expect(question.options).toContain(String(question.cars));
      }
    }
    const probes = Array.from({ length: 30 }, (_, showing) => roundQuestions(SEED, 'memory', showing)).flat().map(correctChoice);
    expect(probes).toContain('yes');
    expect(probes).toContain('no');
  });

  it('reaction trials wait 1.5–4 s before the light changes', () => {
    for (const question of roundQuestions(SEED, 'reaction', 0)) {
      expect(question.kind).toBe('reaction');
      if (question.kind !== 'reaction') continue;
      expect(question.delayMs).toBeGreaterThanOrEqual(1500);
      expect(question.delayMs).toBeLessThanOrEqual(4000);
    }
  });
});

describe('scoring with scripted timings', () => {
  it('every answer right with human timings: 35 + 35 + 30 = 100, passed', () => {
    const scores = { memory: scored('memory', (q) => competentAnswers(q)), judgement: scored('judgement', (q) => competentAnswers(q)), reaction: scored('reaction', (q) => competentAnswers(q)) };
    expect(scores.memory).toEqual({ points: 35, max: 35, correct: 7, questions: 7 });
    expect(scores.reaction).toEqual({ points: 30, max: 30, correct: 6, questions: 6 });
    expect(totalScore(scores)).toEqual({ total: 100, passed: true });
  });

  it('two wrong answers still pass (90, the pass mark); three fail (85)', () => {
    const two = { memory: scored('memory', (q) => competentAnswers(q, [0])), judgement: scored('judgement', (q) => competentAnswers(q, [3])), reaction: scored('reaction', (q) => competentAnswers(q)) };
    expect(totalScore(two)).toEqual({ total: PASS_MARK, passed: true });
    const three = { ...two, reaction: scored('reaction', (q) => competentAnswers(q, [5])) };
    expect(totalScore(three)).toEqual({ total: 85, passed: false });
  });

  it('a reaction touched before the light changed, one too slow (no touch within 2 s) and every answer wrong all count as wrong', () => {
    const questions = roundQuestions(SEED, 'reaction', 0);
    const answers = competentAnswers(questions);
    answers[0] = { choice: 'early', ms: null };
    answers[1] = { choice: null, ms: null };
    const marks = markRound(questions, answers);
    expect(marks).toEqual({ ok: true, value: [false, false, true, true, true, true] });
    expect(scored('memory', poorAnswers).points).toBe(0);
  });

  it('a reaction at exactly the limits counts: 100 ms and 2000 ms', () => {
    const questions = roundQuestions(SEED, 'reaction', 0).slice(0, 2);
    expect(markRound(questions, [{ choice: 'tap', ms: ABILITY_LIMITS.minReactionMs }, { choice: 'tap', ms: ABILITY_LIMITS.reactionMs }])).toEqual({ ok: true, value: [true, true] });
  });
});

describe('implausible timings are refused (the round is not scored)', () => {
  const memory = roundQuestions(SEED, 'memory', 0);
  const reaction = roundQuestions(SEED, 'reaction', 0);
  const withAnswer = (questions: AbilityQuestion[], index: number, answer: AbilityAnswer) => {
    const answers = competentAnswers(questions);
    answers[index] = answer;
    return markRound(questions, answers);
  };

  it.each([
    ['a negative time', memory, 2, { choice: 'yes', ms: -40 }, 'negativeTime'],
    ['an answer sooner than anyone can read the question (150 ms)', memory, 1, { choice: 'no', ms: 150 }, 'tooFast'],
    ['a reaction sooner than a person reacts (60 ms after the change)', reaction, 4, { choice: 'tap', ms: 60 }, 'tooFast'],
    ['an answer after the 30 s limit the screen enforces', memory, 6, { choice: 'yes', ms: 30_001 }, 'afterLimit'],
    ['a reaction after the 2 s limit', reaction, 0, { choice: 'tap', ms: 2600 }, 'afterLimit'],
    ['a touch without a time', memory, 0, { choice: 'yes', ms: null }, 'missingTime'],
    ['no touch, yet a time', reaction, 3, { choice: null, ms: 900 }, 'unexpectedTime'],
    ['an answer that was not offered', memory, 5, { choice: 'maybe', ms: 1500 }, 'notOffered'],
  ] as const)('%s', (_label, questions, index, answer, kind) => {
    expect(withAnswer([...questions], index, { ...answer })).toEqual({ ok: false, error: { kind, question: index } });
  });

  it('too few or too many answers', () => {
    expect(markRound(memory, competentAnswers(memory).slice(1))).toEqual({ ok: false, error: { kind: 'wrongCount', question: 6 } });
    expect(markRound(memory, [...competentAnswers(memory), { choice: 'yes', ms: 900 }])).toMatchObject({ ok: false, error: { kind: 'wrongCount' } });
  });
});
