/** Tells the citizen staff are coming (and, once hall staff claimed the call, about when), that it was handled, or that the call did not get through. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';
import { TouchButton } from '../../ui/TouchButton';
import { useSpeakOnShow } from '../../voice/VoiceContext';
import type { HelpState } from './useHelp';

/** `data-testid="help-dialog"` with `data-state` coming | claimed | resolved | failed. */
export function HelpDialog({ state, onClose }: { state: Exclude<HelpState, { kind: 'none' }>; onClose: () => void }): ReactElement {
  const { t } = useTranslation();
  const claimed = state.kind === 'coming' && state.etaMinutes !== undefined;
  useSpeakOnShow(state.kind === 'failed' ? 'voice.error' : state.kind === 'resolved' ? 'voice.helpResolved' : claimed ? 'voice.helpClaimed' : 'voice.helpComing');
  const close = (
    <TouchButton variant="primary" data-testid="help-close" onPress={onClose}>
      {t('help.close')}
    </TouchButton>
  );
  switch (state.kind) {
    case 'coming':
      return (
        <Dialog title={t('help.comingTitle')} testId="help-dialog" actions={close}>
          {state.etaMinutes !== undefined ? (
            <p data-state="claimed" role="status">
              {state.etaMinutes === null ? t('help.claimedNoEta') : t('help.claimed', { minutes: state.etaMinutes })}
            </p>
          ) : (
            <p data-state="coming">{t('help.comingDetail')}</p>
          )}
        </Dialog>
      );
    case 'resolved':
      return (
        <Dialog title={t('help.button')} testId="help-dialog" actions={close}>
          <p data-state="resolved" role="status">
            {t('help.resolved')}
          </p>
        </Dialog>
      );
    case 'failed':
      return (
        <Dialog title={t('help.button')} tone="warn" testId="help-dialog" actions={close}>
          <p data-state="failed" role="alert">
            {t(state.messageKey)}
          </p>
        </Dialog>
      );
  }
}
