/**
 * Scores a round of the 三力测试 from the renderer's answers and their
 * timings. The timings are checked first: a round with a time no person can
 * produce (negative, sooner than anyone can read or react, after the limit
 * the screen enforces, missing) or an answer that was not offered is not
 * scored at all (an implausible round: a faulty or scripted screen), and the
 * step asks it again. Otherwise each answer is right or wrong, 5 points a
 * question, 90 of 100 to pass, as the official test.
 */
import type { AbilityAnswer, AbilityLimits, AbilityQuestion, ScoredRound } from '../../../contract';
import type { Result } from '../../../../domain/result';
import { correctChoice } from './ability-questions';

export const POINTS_PER_QUESTION = 5;
export const PASS_MARK = 90;

/**
 * The limits: 30 s to answer a question (the official test allows 20 minutes
 * for 20); 200 ms is sooner than anyone reads a question and touches; a
 * reaction counts within 2 s of the light changing (generous for a seventy-year-old
 * reaching to the screen) and from 100 ms (sooner is anticipation, not reaction).
 */
export const ABILITY_LIMITS: AbilityLimits = { answerMs: 30_000, minAnswerMs: 200, reactionMs: 2000, minReactionMs: 100 };

export type ImplausibleAnswer = 'wrongCount' | 'notOffered' | 'negativeTime' | 'tooFast' | 'afterLimit' | 'missingTime' | 'unexpectedTime';

/** Why a round was not scored: the first answer (0-based) that cannot be a person's, and what is wrong with it. */
export interface Implausible {
  kind: ImplausibleAnswer;
  question: number;
}

/** Each answer right or not, in question order. */
export type RoundMarks = readonly boolean[];

export interface SubScore {
  points: number;
  max: number;
  correct: number;
  questions: number;
}

function offered(question: AbilityQuestion): readonly string[] {
  return question.kind === 'reaction' ? ['tap', 'early'] : question.options;
}

/** Checks one answer's timing; null when a person could have given it. */
function checkAnswer(question: AbilityQuestion, answer: AbilityAnswer, limits: AbilityLimits): ImplausibleAnswer | null {
  if (answer.choice !== null && !offered(question).includes(answer.choice)) return 'notOffered';
  // No touch in time, or a touch before the light changed: nothing to time.
  if (answer.choice === null || answer.choice === 'early') return answer.ms === null ? null : 'unexpectedTime';
  if (answer.ms === null) return 'missingTime';
  if (answer.ms < 0) return 'negativeTime';
  const reaction = question.kind === 'reaction';
  if (answer.ms < (reaction ? limits.minReactionMs : limits.minAnswerMs)) return 'tooFast';
  if (answer.ms > (reaction ? limits.reactionMs : limits.answerMs)) return 'afterLimit';
  return null;
}

/** Marks a round's answers against the questions shown, or says why the round cannot be scored. */
export function markRound(questions: readonly AbilityQuestion[], answers: readonly AbilityAnswer[], limits: AbilityLimits = ABILITY_LIMITS): Result<RoundMarks, Implausible> {
  if (answers.length !== questions.length) return { ok: false, error: { kind: 'wrongCount', question: Math.min(answers.length, questions.length) } };
  for (const [index, question] of questions.entries()) {
    const problem = checkAnswer(question, answers[index]!, limits);
    if (problem) return { ok: false, error: { kind: problem, question: index } };
  }
  return { ok: true, value: questions.map((question, index) => answers[index]!.choice === correctChoice(question)) };
}

/** A sub-test's points from its marks. */
export function subScore(marks: RoundMarks): SubScore {
  const correct = marks.filter(Boolean).length;
  return { points: correct * POINTS_PER_QUESTION, max: marks.length * POINTS_PER_QUESTION, correct, questions: marks.length };
}

/** The total of the three sub-tests and whether it passes. */
export function totalScore(scores: Readonly<Record<ScoredRound, SubScore>>): { total: number; passed: boolean } {
  const total = scores.memory.points + scores.judgement.points + scores.reaction.points;
  return { total, passed: total >= PASS_MARK };
}
