/**
 * The 三力测试's questions, chosen on the host from a seed the run keeps (it
 * never leaves the host): the same seed and round give the same questions,
 * so the host can score what it showed without keeping the questions, and
 * the answer key ({@link correctChoice}) is never part of what is shown.
 *
 * The official test (公安部交通管理局, 2022: 20 questions, 100 points, 90 to
 * pass) is 20 questions of 记忆力、判断力、反应力; the kiosk asks 7 memory, 7
 * judgement and 6 reaction questions, 5 points each (sources in
 * electron/host/services/elderly-driver-check/README.md).
 */
import { createHash } from 'node:crypto';
import type { AbilityQuestion, AbilityRound, AbilitySign } from '../../../contract';

/** How many questions each round asks: 20 scored, as the official test. */
export const ROUND_SIZES: Readonly<Record<AbilityRound, number>> = { practice: 3, memory: 7, judgement: 7, reaction: 6 };

/** How long the signs to remember stay on screen, in ms. */
export const STUDY_MS = 5000;
/** A reaction trial's wait before the light changes, in ms: unpredictable, so it cannot be anticipated. */
export const REACTION_DELAY_MS = { min: 1500, max: 4000 } as const;

/** Signs to remember (the arrows are kept for the direction questions). */
const MEMORY_SIGNS: readonly AbilitySign[] = ['stop', 'noEntry', 'speedLimit40', 'yield', 'pedestrianCrossing', 'school', 'noParking', 'noHorn'];
const ARROWS = ['turnLeft', 'turnRight', 'straight'] as const;
const LIGHTS = ['red', 'yellow', 'green'] as const;

/** A deterministic stream of integers from a seed and a label (SHA-256 in counter mode). */
export function seededDraw(seed: string, label: string): (below: number) => number {
  let block = 0;
  let bytes = Buffer.alloc(0);
  let offset = 0;
  return (below) => {
    if (offset + 4 > bytes.length) {
      bytes = createHash('sha256').update(`${seed}/${label}/${block}`).digest();
      block += 1;
      offset = 0;
    }
    const value = bytes.readUInt32BE(offset);
    offset += 4;
    return value % below;
  };
}

function shuffled<T>(items: readonly T[], draw: (below: number) => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = draw(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function memoryQuestion(draw: (below: number) => number): AbilityQuestion {
  const [a, b, c, ...others] = shuffled(MEMORY_SIGNS, draw);
  const study = [a!, b!, c!];
  // Half the probes were shown, half were not.
  const probe = draw(2) === 0 ? study[draw(3)]! : others[draw(others.length)]!;
  return { kind: 'memory', study, studyMs: STUDY_MS, probe, options: ['yes', 'no'] };
}

function lightQuestion(draw: (below: number) => number): AbilityQuestion {
  return { kind: 'light', light: LIGHTS[draw(3)]!, pedestrian: draw(3) === 0, options: ['yes', 'no'] };
}

function directionQuestion(draw: (below: number) => number): AbilityQuestion {
  return { kind: 'direction', sign: ARROWS[draw(3)]!, options: ['left', 'straight', 'right'] };
}

function countQuestion(draw: (below: number) => number): AbilityQuestion {
  const cars = 2 + draw(4);
  // Four neighbouring numbers in 1–6 around the right one.
  const low = Math.max(1, Math.min(cars - draw(4), 3));
  const options = [0, 1, 2, 3].map((i) => String(low + i)) as Array<'1' | '2' | '3' | '4' | '5' | '6'>;
  return { kind: 'count', cars, options };
}

function reactionQuestion(draw: (below: number) => number): AbilityQuestion {
  return { kind: 'reaction', delayMs: REACTION_DELAY_MS.min + draw(REACTION_DELAY_MS.max - REACTION_DELAY_MS.min + 1) };
}

/** The questions of `round`'s `showing`-th showing (a refused round is shown again with others) for `seed`. */
export function roundQuestions(seed: string, round: AbilityRound, showing: number): AbilityQuestion[] {
  const draw = seededDraw(seed, `${round}/${showing}`);
  const size = ROUND_SIZES[round];
  switch (round) {
    case 'practice':
      // One of each kind of task, so the citizen has seen them all before it counts.
      return [memoryQuestion(draw), lightQuestion(draw), reactionQuestion(draw)];
    case 'memory':
      return Array.from({ length: size }, () => memoryQuestion(draw));
    case 'judgement': {
      // 3 traffic-light, 2 direction and 2 counting questions, in a random order.
      const makers = shuffled([lightQuestion, lightQuestion, lightQuestion, directionQuestion, directionQuestion, countQuestion, countQuestion], draw);
      return makers.map((make) => make(draw));
    }
    case 'reaction':
      return Array.from({ length: size }, () => reactionQuestion(draw));
    default: {
      const unknown: never = round;
      throw new Error(`unknown round ${String(unknown)}`);
    }
  }
}

/** The right answer to `question` (host only). */
export function correctChoice(question: AbilityQuestion): string {
  switch (question.kind) {
    case 'memory':
      return question.study.includes(question.probe) ? 'yes' : 'no';
    case 'light':
      // Straight on only on green, and never into a pedestrian on the crossing.
      return question.light === 'green' && !question.pedestrian ? 'yes' : 'no';
    case 'direction':
      return question.sign === 'turnLeft' ? 'left' : question.sign === 'turnRight' ? 'right' : 'straight';
    case 'count':
      return String(question.cars);
    case 'reaction':
      return 'tap';
    default: {
      const unknown: never = question;
      throw new Error(`unknown question ${JSON.stringify(unknown)}`);
    }
  }
}
