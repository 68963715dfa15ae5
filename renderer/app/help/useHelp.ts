/** Raising a help call (呼叫工作人员) and what the citizen is told about it, including the hall's answer. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HelpReason, KioskApi } from '../../../electron/contract';

/**
 * The help call as the citizen sees it: raised (`coming`; `etaMinutes` once
 * hall staff claimed it: "staff are coming, about N min"), `resolved` by
 * staff, or `failed` to get through.
 */
export type HelpState =
  | { kind: 'none' }
  | { kind: 'coming'; callId: string; etaMinutes?: number | null }
  | { kind: 'resolved'; callId: string }
  | { kind: 'failed'; messageKey: string };

/** `request` resolves once the host answered; `dismiss` closes the confirmation (the hall's answer opens it again). */
export function useHelp(api: KioskApi, sessionId: string | null, step: string): {
  state: HelpState;
  request: (reason: HelpReason) => Promise<void>;
  dismiss: () => void;
} {
  const [state, setState] = useState<HelpState>({ kind: 'none' });
  const lastCall = useRef<string | null>(null);
  const request = useCallback(
    async (reason: HelpReason) => {
      const outcome = await api.call('help.request', { sessionId, reason, step });
      if (outcome.ok) lastCall.current = outcome.value.callId;
      setState(outcome.ok ? { kind: 'coming', callId: outcome.value.callId } : { kind: 'failed', messageKey: 'help.failed' });
    },
    [api, sessionId, step],
  );
  useEffect(
    () =>
      api.on('help.answered', ({ callId, state: answered, etaMinutes }) => {
        if (callId !== lastCall.current) return;
        setState(answered === 'claimed' ? { kind: 'coming', callId, etaMinutes } : { kind: 'resolved', callId });
      }),
    [api],
  );
  const dismiss = useCallback(() => setState({ kind: 'none' }), []);
  return { state, request, dismiss };
}
