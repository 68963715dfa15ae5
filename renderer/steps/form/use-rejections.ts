/**
 * Counts the citizen's submissions of one form step the host sent back with
 * errors (answered, still this step, errors shown). The count lives above
 * the screen, which restarts with each new host view.
 */
import { useCallback, useState } from 'react';

interface Answers {
  /** Answers to the citizen's submissions so far. */
  received: number;
  /** Answers already looked at. */
  seen: number;
  rejected: number;
}

export function useRejections(hasErrors: boolean): { count: number; answered: () => void } {
  const [answers, setAnswers] = useState<Answers>({ received: 0, seen: 0, rejected: 0 });
  // An answer is looked at in the first render after it (with the view it brought), as React
  // recommends for state that follows props (adjusting state during render, as useStepErrors does).
  const current = answers.seen === answers.received ? answers : { ...answers, seen: answers.received, rejected: answers.rejected + (hasErrors ? 1 : 0) };
  if (current !== answers) setAnswers(current);
  const answered = useCallback(() => setAnswers((a) => ({ ...a, received: a.received + 1 })), []);
  return { count: current.rejected, answered };
}
