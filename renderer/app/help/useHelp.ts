/** Raising a help call (呼叫工作人员) and what the citizen is told about it. */
import { useCallback, useState } from 'react';
import type { HelpReason, KioskApi } from '../../../electron/contract';

/** The help call as the citizen sees it. */
export type HelpState = { kind: 'none' } | { kind: 'coming'; callId: string } | { kind: 'failed'; messageKey: string };

/** `request` resolves once the host answered; `dismiss` closes the confirmation. */
export function useHelp(api: KioskApi, sessionId: string | null, step: string): {
  state: HelpState;
  request: (reason: HelpReason) => Promise<void>;
  dismiss: () => void;
} {
  const [state, setState] = useState<HelpState>({ kind: 'none' });
  const request = useCallback(
    async (reason: HelpReason) => {
      const outcome = await api.call('help.request', { sessionId, reason, step });
      setState(outcome.ok ? { kind: 'coming', callId: outcome.value.callId } : { kind: 'failed', messageKey: 'help.failed' });
    },
    [api, sessionId, step],
  );
  const dismiss = useCallback(() => setState({ kind: 'none' }), []);
  return { state, request, dismiss };
}
