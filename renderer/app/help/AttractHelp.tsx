/**
 * 呼叫工作人员 on the attract screen: no session yet, so the call carries
 * `sessionId: null` and step `attract`. Mounted with the attract screen, so a
 * confirmation still open when a session starts is dropped with it.
 */
import type { ReactElement } from 'react';
import type { KioskClient } from '../../api/types';
import { HelpButton } from './HelpButton';
import { HelpDialog } from './HelpDialog';
import { useHelp } from './useHelp';

/** The step name help calls from the attract screen carry. */
export const ATTRACT_STEP = 'attract';

/** The help button plus its confirmation. */
export function AttractHelp({ api }: { api: KioskClient }): ReactElement {
  const help = useHelp(api, null, ATTRACT_STEP);
  return (
    <>
      <HelpButton onPress={() => help.request('button')} />
      {help.state.kind !== 'none' ? <HelpDialog state={help.state} onClose={help.dismiss} /> : null}
    </>
  );
}
