/**
 * Elder mode: after {@link ERRORS_BEFORE_HELP_OFFER} rejected submissions of
 * one form, the shell's offer of staff help (help call 'repeatedErrors'),
 * once per step; then what the citizen is told about the call.
 */
import { useState, type ReactElement } from 'react';
import type { KioskApi } from '../../../electron/contract';
import { HelpDialog } from '../../app/help/HelpDialog';
import { HelpOfferDialog } from '../../app/help/HelpOfferDialog';
import { useHelp } from '../../app/help/useHelp';
import { ERRORS_BEFORE_HELP_OFFER } from '../../app/session/useStepErrors';

export interface RepeatedErrorsHelpProps {
  api: KioskApi;
  sessionId: string;
  /** Staff hear the step kind, as from the runner's offer. */
  step: string;
  rejections: number;
  elderMode: boolean;
}

export function RepeatedErrorsHelp({ api, sessionId, step, rejections, elderMode }: RepeatedErrorsHelpProps): ReactElement | null {
  const help = useHelp(api, sessionId, step);
  const [offered, setOffered] = useState(false);
  if (help.state.kind !== 'none') return <HelpDialog state={help.state} onClose={help.dismiss} />;
  if (!elderMode || offered || rejections < ERRORS_BEFORE_HELP_OFFER) return null;
  return (
    <HelpOfferDialog
      onAccept={async () => {
        setOffered(true);
        await help.request('repeatedErrors');
      }}
      onDecline={() => setOffered(true)}
    />
  );
}
