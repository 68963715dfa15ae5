/**
 * 没有带身份证: the citizen types the ID number on the keypad; the host checks
 * it as it is typed (`identity.checkIdNumber`) and takes it (`identity.typed`),
 * and the flow goes on with the identity the host validated.
 */
import { useCallback, type ReactElement } from 'react';
import type { IdNumberFeedback, KioskApi } from '../../../electron/contract';
import { IdNumberKeypad } from '../../ui/keyboards';

/** Props of {@link TypeIdNumber}. */
export interface TypeIdNumberProps {
  api: KioskApi;
  sessionId: string;
  elderMode: boolean;
  /** The host took the number. */
  onTyped: () => Promise<void>;
  onError: (messageKey: string) => void;
}

/** The keypad wired to the host. */
export function TypeIdNumber({ api, sessionId, elderMode, onTyped, onError }: TypeIdNumberProps): ReactElement {
  const check = useCallback(
    async (partial: string): Promise<IdNumberFeedback> => {
      const outcome = await api.call('identity.checkIdNumber', { idNumber: partial });
      if (!outcome.ok) throw new Error(outcome.error.messageKey);
      return outcome.value;
    },
    [api],
  );
  const confirm = useCallback(
    (idNumber: string) => {
      void (async () => {
        const outcome = await api.call('identity.typed', { sessionId, idNumber });
        if (outcome.ok) await onTyped();
        else onError(outcome.error.messageKey);
      })();
    },
    [api, sessionId, onTyped, onError],
  );
  return <IdNumberKeypad check={check} onConfirm={confirm} elder={elderMode} />;
}
