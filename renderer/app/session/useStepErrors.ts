/**
 * Errors within one step: the latest one in words (and voice), and after
 * {@link ERRORS_BEFORE_HELP_OFFER} of them in elder mode, an offer of staff help.
 */
import { useCallback, useState } from 'react';

/** Errors in one step before elder mode offers help by itself. */
export const ERRORS_BEFORE_HELP_OFFER = 2;

interface StepErrors {
  step: string;
  count: number;
  messageKey: string | null;
  offered: boolean;
}

/** Counts per `step`; a new step starts from zero. */
export function useStepErrors(
  step: string,
  elderMode: boolean,
): { messageKey: string | null; offerHelp: boolean; report: (messageKey: string) => void; dismissOffer: () => void; clear: () => void } {
  const fresh = (s: string): StepErrors => ({ step: s, count: 0, messageKey: null, offered: false });
  const [state, setState] = useState<StepErrors>(() => fresh(step));
  // A new step: forget the last one's errors (adjusting state during render, as React recommends).
  const current = state.step === step ? state : fresh(step);
  if (current !== state) setState(current);

  const report = useCallback(
    (messageKey: string) =>
      setState((s) => {
        const base = s.step === step ? s : fresh(step);
        return { ...base, count: base.count + 1, messageKey };
      }),
    [step],
  );
  const dismissOffer = useCallback(() => setState((s) => ({ ...s, offered: true })), []);
  const clear = useCallback(() => setState((s) => ({ ...s, messageKey: null })), []);
  return {
    messageKey: current.messageKey,
    offerHelp: elderMode && !current.offered && current.count >= ERRORS_BEFORE_HELP_OFFER,
    report,
    dismissOffer,
    clear,
  };
}
