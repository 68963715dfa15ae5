/**
 * 没有带身份证: the citizen types the ID number on the keypad, which checks it
 * as it is typed with the shared rule (domain/id-number) in the hall's zone;
 * the host takes it (`identity.typed`), validates it again itself, and the
 * flow goes on with the identity the host validated.
 */
import { useCallback, type ReactElement } from 'react';
import type { KioskApi } from '../../../electron/contract';
import { useKioskTimeZone } from '../../app/KioskTimeZone';
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
  const timeZone = useKioskTimeZone();
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
  return <IdNumberKeypad timeZone={timeZone} onConfirm={confirm} elder={elderMode} />;
}
