/**
 * The 三力测试 (记忆力、判断力、反应力) as the renderer sees it: the host
 * chooses the questions from a seed it keeps and sends only what the
 * citizen is shown (the stimuli and the options), never which option is
 * right. The renderer times each answer with `performance.now()` from the
 * moment the question (for reaction: the light's change) was shown and
 * sends a round's answers at once; the host checks the timings and scores.
 */
import { z } from 'zod';
import { MessageKey } from './keys';

/** The traffic signs the memory and judgement questions show (drawn by the renderer, named in `flow.abilityTest.signs.*`). */
export const AbilitySign = z.enum(['stop', 'noEntry', 'speedLimit40', 'yield', 'turnLeft', 'turnRight', 'straight', 'pedestrianCrossing', 'school', 'noParking', 'noHorn']);
export type AbilitySign = z.infer<typeof AbilitySign>;

/** The test's rounds: an unscored practice, then the three scored sub-tests. */
export const AbilityRound = z.enum(['practice', 'memory', 'judgement', 'reaction']);
export type AbilityRound = z.infer<typeof AbilityRound>;
export const ScoredRound = z.enum(['memory', 'judgement', 'reaction']);
export type ScoredRound = z.infer<typeof ScoredRound>;

/**
 * One question as shown. `memory`: `study` is shown for `studyMs`, then
 * hidden, then `probe` is asked about (是/否). `light`: may the car go
 * straight on now (是/否)? `direction`: which way does the sign send you?
 * `count`: how many cars are in the picture? `reaction`: a red light turns
 * green after `delayMs`; touch the button as soon as it does.
 */
export const AbilityQuestion = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('memory'), study: z.array(AbilitySign).min(2).max(5), studyMs: z.number().int().min(1000).max(20_000), probe: AbilitySign, options: z.array(z.enum(['yes', 'no'])).length(2) }).strict(),
  z.object({ kind: z.literal('light'), light: z.enum(['red', 'yellow', 'green']), pedestrian: z.boolean(), options: z.array(z.enum(['yes', 'no'])).length(2) }).strict(),
  z.object({ kind: z.literal('direction'), sign: z.enum(['turnLeft', 'turnRight', 'straight']), options: z.array(z.enum(['left', 'straight', 'right'])).length(3) }).strict(),
  z.object({ kind: z.literal('count'), cars: z.number().int().min(1).max(6), options: z.array(z.enum(['1', '2', '3', '4', '5', '6'])).length(4) }).strict(),
  z.object({ kind: z.literal('reaction'), delayMs: z.number().int().min(500).max(10_000) }).strict(),
]);
export type AbilityQuestion = z.infer<typeof AbilityQuestion>;

/**
 * One answer, in question order. `choice`: the option touched; for a
 * reaction question `tap`, or `early` when the touch came before the light
 * changed; null when the time ran out. `ms`: from the question (the light's
 * change) being shown to the touch, measured in the renderer; null for
 * `early`, the limit itself when the time ran out. The host checks them.
 */
export const AbilityAnswer = z
  .object({
    choice: z.string().regex(/^[A-Za-z0-9_-]{1,16}$/).nullable(),
    ms: z.number().min(-1e7).max(1e7).nullable(),
  })
  .strict();
export type AbilityAnswer = z.infer<typeof AbilityAnswer>;

/** A round's answers, sent at once when its last question was answered. */
export const AbilityAnswersEvent = z
  .object({
    type: z.literal('ABILITY_ANSWERS'),
    round: AbilityRound,
    /** Which showing of the round this answers (a refused round is shown again with new questions). */
    showing: z.number().int().min(0).max(20),
    answers: z.array(AbilityAnswer).max(12),
  })
  .strict();

/** Time limits the renderer applies and the host enforces, in ms. */
export const AbilityLimits = z
  .object({
    /** A memory or judgement answer: at most this long after the question appears (then it counts as unanswered). */
    answerMs: z.number().int().min(1000),
    /** A touch sooner than this after a question appears is faster than anyone can read it. */
    minAnswerMs: z.number().int().min(0),
    /** A reaction: at most this long after the light changes. */
    reactionMs: z.number().int().min(500),
    /** A reaction sooner than this after the change is anticipation, not reaction. */
    minReactionMs: z.number().int().min(0),
  })
  .strict();
export type AbilityLimits = z.infer<typeof AbilityLimits>;

const Score = z.object({ points: z.number().int().min(0).max(100), max: z.number().int().min(0).max(100), correct: z.number().int().min(0), questions: z.number().int().min(0) }).strict();

/**
 * The ability test step. `intro`: what the test is, CONFIRM starts the
 * practice. `practice`, `memory`, `judgement`, `reaction`: the round's
 * questions (`round`); its answers come as ABILITY_ANSWERS. `practiceDone`:
 * which practice answers were right (RETRY practises once more, CONFIRM
 * starts the test). `passed` / `failed`: the scores; CONFIRM goes on, RETRY
 * starts another attempt while `attempt < maxAttempts`.
 */
export const AbilityTestStepData = z
  .object({
    step: z.literal('abilityTest'),
    state: z.enum(['intro', 'practice', 'practiceDone', 'memory', 'judgement', 'reaction', 'passed', 'failed']),
    /** The round being asked, while one is. */
    round: z.object({ name: AbilityRound, showing: z.number().int().min(0), questions: z.array(AbilityQuestion).min(1).max(12) }).strict().nullable(),
    /** After the practice: whether each practice answer was right. */
    practice: z.array(z.boolean()).max(12).nullable(),
    /** After an attempt: each sub-test's points and the total (100 max, `passMark` to pass). */
    result: z.object({ memory: Score, judgement: Score, reaction: Score, total: z.number().int().min(0).max(100), passMark: z.number().int().min(0).max(100) }).strict().nullable(),
    /** The attempt (1-based) and how many the kiosk allows today. */
    attempt: z.number().int().min(1),
    maxAttempts: z.number().int().min(1),
    limits: AbilityLimits,
    /** The last round sent was refused (its timings cannot be a person's): it is asked again. */
    refused: z.boolean(),
    /** What a fail means for the service (its words), shown with the result when the test is failed. */
    failedNoteKey: MessageKey.nullable(),
  })
  .strict();
export type AbilityTestStepData = z.infer<typeof AbilityTestStepData>;
