/** Tells the citizen staff are coming (or that the call did not get through). */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';
import { TouchButton } from '../../ui/TouchButton';
import { useSpeakOnShow } from '../../voice/VoiceContext';
import type { HelpState } from './useHelp';

/** `data-testid="help-dialog"` with `data-state` coming | failed. */
export function HelpDialog({ state, onClose }: { state: Exclude<HelpState, { kind: 'none' }>; onClose: () => void }): ReactElement {
  const { t } = useTranslation();
  useSpeakOnShow(state.kind === 'coming' ? 'voice.helpComing' : 'voice.error');
  const close = (
    <TouchButton variant="primary" data-testid="help-close" onPress={onClose}>
      {t('help.close')}
    </TouchButton>
  );
  switch (state.kind) {
    case 'coming':
      return (
        <Dialog title={t('help.comingTitle')} testId="help-dialog" actions={close}>
          <p data-state="coming">{t('help.comingDetail')}</p>
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
