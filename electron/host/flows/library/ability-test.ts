/**
 * abilityTest: the 三力测试 (记忆力、判断力、反应力) that drivers aged 70 and
 * over must pass (公安部令第162号; sources in
 * electron/host/services/elderly-driver-check/README.md), on the touch screen.
 *
 * intro → an unscored practice round (one question of each kind, with which
 * answers were right; once more on request) → memory → judgement →
 * reaction → the result. The questions come from a seed the run keeps on
 * the host (ability-questions.ts); the view carries what is shown, never
 * the answers. The renderer times each answer with `performance.now()` and
 * sends a round at once (ABILITY_ANSWERS); the host checks the timings and
 * scores it (ability-score.ts). A round whose timings no person could
 * produce is not scored: it is asked again with other questions, and after
 * {@link MAX_REFUSED_ROUNDS} such rounds the citizen goes to the counter.
 *
 * Retry policy: `maxAttempts` attempts on the day (default 2, one retry,
 * with new questions). The official rule allows 5 tests a year; more than a
 * second try in one sitting mostly measures fatigue, so the rest are for
 * another day or the 车管所. Each attempt's scores are journaled (audit
 * event `abilityTest.scored`, no personal data). The fact
 * ({@link abilityResult}) is the scores and pass or fail of the last attempt.
 */
import { randomBytes } from 'node:crypto';
import { assign } from 'xstate';
import type { AbilityAnswer, AbilityRound, ScoredRound } from '../../../contract';
import { roundQuestions } from './ability-questions';
import { ABILITY_LIMITS, markRound, PASS_MARK, subScore, totalScore, type RoundMarks, type SubScore } from './ability-score';
import type { FlowContext } from './context';
import type { Route, StepDefinition } from './step';

export interface AbilityTestOptions {
  /** The step's id (default `abilityTest`). */
  id?: string;
  labelKey: string;
  /** Where a failed test leads when the citizen confirms it (e.g. `{ to: 'done', outcome: 'abilityFailed' }`). */
  failed: Route;
  /** What a fail means for this service (the licence, what to do next), in its words; shown with the library's note on retries. */
  failedNoteKey?: string;
  /** Attempts on the day, with new questions each (default 2: one retry). */
  maxAttempts?: number;
  /**
   * Whether this run needs the test (e.g. the driver is 70 or over, from an
   * earlier step's fact); when false the step passes at once, unseen, with
   * no fact. Default: always.
   */
  applies?: (context: FlowContext) => boolean;
}

/** One finished attempt. */
export interface AbilityAttempt {
  attempt: number;
  scores: Readonly<Record<ScoredRound, SubScore>>;
  total: number;
  passed: boolean;
  /** When the host scored it (ISO 8601, the host's clock). */
  scoredAt: string;
}

/** The step's fact once the test is over: the last attempt's scores and the attempts made. */
export interface AbilityResult {
  passed: boolean;
  total: number;
  passMark: number;
  scores: Readonly<Record<ScoredRound, SubScore>>;
  testedAt: string;
  attempts: readonly AbilityAttempt[];
}

/** What the step keeps in the run while it runs (host only: the seed never leaves it). */
interface AbilityProgress {
  seed: string;
  attempt: number;
  /** The current round's showing (a refused round is shown again with other questions). */
  showing: number;
  /** Implausible rounds in this run. */
  refusals: number;
  refused: boolean;
  practiceRuns: number;
  practiceMarks: RoundMarks | null;
  marks: Partial<Record<ScoredRound, RoundMarks>>;
  attempts: readonly AbilityAttempt[];
}

type AnswersEvent = { type: 'ABILITY_ANSWERS'; round: AbilityRound; showing: number; answers: readonly AbilityAnswer[] };
type Args = { context: FlowContext; event: AnswersEvent };

/** Rounds refused as implausible before the citizen is sent to the counter. */
export const MAX_REFUSED_ROUNDS = 3;
/** Practice rounds a citizen may ask for. */
export const MAX_PRACTICE_RUNS = 2;
const SCORED: readonly ScoredRound[] = ['memory', 'judgement', 'reaction'];
/** The questions of the current attempt's `round` (each attempt draws its own from the run's seed). */
const questionsOf = (progress: AbilityProgress, round: AbilityRound) => roundQuestions(`${progress.seed}/${progress.attempt}`, round, progress.showing);

export function abilityTestStep(options: AbilityTestOptions): StepDefinition {
  const id = options.id ?? 'abilityTest';
  const maxAttempts = options.maxAttempts ?? 2;
  const progressOf = (context: FlowContext): AbilityProgress | undefined => {
    const fact = context.facts[id] as { progress?: AbilityProgress } | undefined;
    return fact?.progress;
  };
  const save = (update: (progress: AbilityProgress, args: Args) => AbilityProgress) =>
    assign({
      facts: (args: Args) => {
        const progress = progressOf(args.context);
        return progress ? { ...args.context.facts, [id]: { progress: update(progress, args) } } : args.context.facts;
      },
    });
  const marksOf = ({ context, event }: Args) => {
    const progress = progressOf(context)!;
    return markRound(questionsOf(progress, event.round), event.answers);
  };
  const forRound = (round: AbilityRound) => ({ context, event }: Args) => event.round === round && event.showing === progressOf(context)?.showing;
  const plausible = (round: AbilityRound) => (args: Args) => forRound(round)(args) && marksOf(args).ok;
  const implausible = (round: AbilityRound) => (args: Args) => forRound(round)(args) && !marksOf(args).ok;

  return {
    id,
    kind: 'abilityTest',
    labelKey: options.labelKey,
    build: (wiring) => {
      const kit = wiring.kit;
      /** The finished attempt, when `event` (the reaction round) completes it. */
      const attemptOf = (progress: AbilityProgress, reaction: RoundMarks): AbilityAttempt => {
        const scores = { memory: subScore(progress.marks.memory ?? []), judgement: subScore(progress.marks.judgement ?? []), reaction: subScore(reaction) };
        return { attempt: progress.attempt, scores, ...totalScore(scores), scoredAt: kit.now().toISOString() };
      };
      const journalRefusal = (args: Args) => {
        const marks = marksOf(args);
        if (!marks.ok) kit.audit?.record({ actor: 'host', action: 'abilityTest.refused', sessionId: args.context.sessionId, subject: kit.serviceId, detail: { round: args.event.round, problem: marks.error.kind, question: marks.error.question } });
      };
      const refuse = (round: AbilityRound) => [
        {
          guard: (args: Args) => implausible(round)(args) && (progressOf(args.context)?.refusals ?? 0) + 1 >= MAX_REFUSED_ROUNDS,
          ...wiring.leave({ to: 'counter', reasonKey: 'flow.counter.reason.abilityTestUnreliable' }, journalRefusal),
        },
        {
          guard: implausible(round),
          actions: [journalRefusal, save((progress) => ({ ...progress, showing: progress.showing + 1, refusals: progress.refusals + 1, refused: true }))],
        },
      ];
      const nextRound = (round: ScoredRound, next: string) => ({
        ABILITY_ANSWERS: [
          {
            guard: plausible(round),
            target: next,
            actions: save((progress, args) => {
              const marks = marksOf(args);
              return marks.ok ? { ...progress, showing: 0, refused: false, marks: { ...progress.marks, [round]: marks.value } } : progress;
            }),
          },
          ...refuse(round),
        ],
      });
      const finished = (context: FlowContext) => progressOf(context)?.attempts.at(-1);
      return {
        initial: 'deciding',
        entry: assign({
          facts: ({ context }: { context: FlowContext }) => ({
            ...context.facts,
            [id]: { progress: { seed: kit.randomSeed?.() ?? randomBytes(16).toString('hex'), attempt: 1, showing: 0, refusals: 0, refused: false, practiceRuns: 1, practiceMarks: null, marks: {}, attempts: [] } satisfies AbilityProgress },
          }),
        }),
        states: {
          // Transient: a run that does not need the test passes it unseen.
          deciding: {
            always: [{ guard: ({ context }: { context: FlowContext }) => options.applies?.(context) === false, ...wiring.leave({ to: 'next' }, assign({ facts: ({ context }: { context: FlowContext }) => omitFact(context.facts, id) })) }, { target: 'intro' }],
          },
          intro: { on: { CONFIRM: { target: 'practice' } } },
          practice: {
            on: {
              ABILITY_ANSWERS: [
                {
                  guard: plausible('practice'),
                  target: 'practiceDone',
                  actions: save((progress, args) => {
                    const marks = marksOf(args);
                    return { ...progress, refused: false, practiceMarks: marks.ok ? marks.value : null };
                  }),
                },
                ...refuse('practice'),
              ],
            },
          },
          practiceDone: {
            on: {
              RETRY: {
                guard: ({ context }: { context: FlowContext }) => (progressOf(context)?.practiceRuns ?? MAX_PRACTICE_RUNS) < MAX_PRACTICE_RUNS,
                target: 'practice',
                actions: save((progress) => ({ ...progress, practiceRuns: progress.practiceRuns + 1, showing: progress.showing + 1, practiceMarks: null })),
              },
              CONFIRM: { target: 'memory', actions: save((progress) => ({ ...progress, showing: 0 })) },
            },
          },
          memory: { on: nextRound('memory', 'judgement') },
          judgement: { on: nextRound('judgement', 'reaction') },
          reaction: {
            on: {
              ABILITY_ANSWERS: [
                {
                  guard: plausible('reaction'),
                  target: 'result',
                  actions: [
                    save((progress, args) => {
                      const marks = marksOf(args);
                      if (!marks.ok) return progress;
                      return { ...progress, refused: false, marks: { ...progress.marks, reaction: marks.value }, attempts: [...progress.attempts, attemptOf(progress, marks.value)] };
                    }),
                    ({ context }: Args) => {
                      const attempt = finished(context);
                      if (!attempt) return;
                      kit.audit?.record({
                        actor: 'host',
                        action: 'abilityTest.scored',
                        sessionId: context.sessionId,
                        subject: kit.serviceId,
                        detail: { attempt: attempt.attempt, memory: attempt.scores.memory.points, judgement: attempt.scores.judgement.points, reaction: attempt.scores.reaction.points, total: attempt.total, passed: attempt.passed },
                      });
                    },
                  ],
                },
                ...refuse('reaction'),
              ],
            },
          },
          result: {
            on: {
              CONFIRM: [{ guard: ({ context }: { context: FlowContext }) => finished(context)?.passed === true, ...wiring.leave({ to: 'next' }) }, wiring.leave(options.failed)],
              RETRY: {
                guard: ({ context }: { context: FlowContext }) => finished(context)?.passed === false && (progressOf(context)?.attempt ?? maxAttempts) < maxAttempts,
                target: 'memory',
                actions: save((progress) => ({ ...progress, attempt: progress.attempt + 1, showing: 0, refused: false, marks: {} })),
              },
            },
          },
        },
      };
    },
    view: (context, child) => {
      const progress = progressOf(context);
      const state = child === null || child === 'deciding' ? 'intro' : child;
      const last = progress?.attempts.at(-1);
      const round = (SCORED as readonly string[]).includes(state) || state === 'practice' ? (state as AbilityRound) : null;
      const resultState = last ? (last.passed ? 'passed' : 'failed') : 'failed';
      return {
        data: {
          step: 'abilityTest',
          state: state === 'result' ? resultState : (state as 'intro' | 'practice' | 'practiceDone' | ScoredRound),
          round: round && progress ? { name: round, showing: progress.showing, questions: questionsOf(progress, round) } : null,
          practice: state === 'practiceDone' && progress?.practiceMarks ? [...progress.practiceMarks] : null,
          result: state === 'result' && last ? { ...last.scores, total: last.total, passMark: PASS_MARK } : null,
          attempt: progress?.attempt ?? 1,
          maxAttempts,
          limits: ABILITY_LIMITS,
          refused: progress?.refused ?? false,
          failedNoteKey: options.failedNoteKey ?? null,
        },
        ...(progress?.refused && round ? { messageKey: 'flow.abilityTest.refused' } : {}),
      };
    },
  };
}

function omitFact(facts: Readonly<Record<string, unknown>>, id: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(facts).filter(([key]) => key !== id));
}

/** The test's result at step `id` once it is over (passed, or failed with no retry taken), or null. */
export function abilityResult(context: FlowContext, id = 'abilityTest'): AbilityResult | null {
  const progress = (context.facts[id] as { progress?: AbilityProgress } | undefined)?.progress;
  const last = progress?.attempts.at(-1);
  if (!progress || !last) return null;
  return { passed: last.passed, total: last.total, passMark: PASS_MARK, scores: last.scores, testedAt: last.scoredAt, attempts: progress.attempts };
}
