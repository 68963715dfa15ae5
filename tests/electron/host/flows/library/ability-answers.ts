/**
 * Scripted citizens for the 三力测试: answers worked out from what the
 * screen shows, as a person would (remember the signs, read the light,
 * count the cars, touch on green), with plausible touch timings. The
 * module walk, the step's tests and the scorer's tests share them.
 */
import type { AbilityAnswer, AbilityQuestion } from '../../../../../electron/contract';

/** What a careful driver answers to `question`, seeing it. */
function seen(question: AbilityQuestion): string {
  switch (question.kind) {
    case 'memory':
      return question.study.includes(question.probe) ? 'yes' : 'no';
    case 'light':
      return question.light === 'green' && !question.pedestrian ? 'yes' : 'no';
    case 'direction':
      return { turnLeft: 'left', turnRight: 'right', straight: 'straight' }[question.sign];
    case 'count':
      return String(question.cars);
    case 'reaction':
      return 'tap';
  }
}

/** Another offered answer than the careful one (a reaction touched too early). */
function mistaken(question: AbilityQuestion): AbilityAnswer {
  if (question.kind === 'reaction') return { choice: 'early', ms: null };
  const right = seen(question);
  return { choice: question.options.find((option) => option !== right)!, ms: 2400 };
}

/** Right answers with human timings (1.2–2.5 s to read and touch, 350–650 ms to react); `wrong` questions (by index) answered wrongly. */
export function competentAnswers(questions: readonly AbilityQuestion[], wrong: readonly number[] = []): AbilityAnswer[] {
  return questions.map((question, index) => {
    if (wrong.includes(index)) return mistaken(question);
    return { choice: seen(question), ms: question.kind === 'reaction' ? 350 + ((index * 73) % 300) : 1200 + ((index * 211) % 1300) };
  });
}

/** Every answer wrong: a citizen who cannot do the test. */
export function poorAnswers(questions: readonly AbilityQuestion[]): AbilityAnswer[] {
  return questions.map(mistaken);
}
