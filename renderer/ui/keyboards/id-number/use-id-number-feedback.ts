/** Asks the host about the number as it is typed; ignores answers for older values. */
import { useEffect, useEffectEvent, useState } from 'react';
import type { IdNumberFeedback } from '../../../../electron/contract';

/** Feedback for one exact value, so a stale answer is never shown for a newer value. */
export type IdNumberFeedbackView =
  | { kind: 'empty' }
  | { kind: 'checking' }
  | { kind: 'answer'; feedback: IdNumberFeedback }
  | { kind: 'unavailable' };

interface Stored {
  value: string;
  view: IdNumberFeedbackView;
}

/** Calls `check(value)` on every change and returns the latest answer for the current value. */
export function useIdNumberFeedback(value: string, check: (partial: string) => Promise<IdNumberFeedback>): IdNumberFeedbackView {
  const [stored, setStored] = useState<Stored>({ value: '', view: { kind: 'empty' } });
  const ask = useEffectEvent((partial: string) => check(partial));
  useEffect(() => {
    if (value === '') return undefined;
    let current = true;
    ask(value).then(
      (feedback) => {
        if (current) setStored({ value, view: { kind: 'answer', feedback } });
      },
      () => {
        if (current) setStored({ value, view: { kind: 'unavailable' } });
      },
    );
    return () => {
      current = false;
    };
  }, [value]);
  if (value === '') return { kind: 'empty' };
  return stored.value === value ? stored.view : { kind: 'checking' };
}
