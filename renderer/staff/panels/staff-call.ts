/** A staff call's outcome as a panel shows it: the value, or the words for why not. */
import type { CallName, CallOutcome, CallResult } from '../../../electron/contract';
import type { KioskClient } from '../../api/types';

export type PanelResult<M extends CallName> = { ok: true; value: CallResult<M> } | { ok: false; messageKey: string };

/** `unauthorized` means the host signed the officer out (idle or restart): the panel says so and the layer refreshes. */
export function panelResult<M extends CallName>(outcome: CallOutcome<M>, signedOut: () => void): PanelResult<M> {
  if (outcome.ok) return outcome;
  if (outcome.error.code === 'unauthorized') {
    signedOut();
    return { ok: false, messageKey: 'staff.errors.unauthorized' };
  }
  return { ok: false, messageKey: 'staff.errors.generic' };
}

/** What every panel gets. */
export interface PanelProps {
  api: KioskClient;
  timeZone: string | undefined;
  /** The host refused: nobody signed in any more. */
  signedOut: () => void;
}
