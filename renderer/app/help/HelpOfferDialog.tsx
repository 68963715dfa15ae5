/** Elder mode: after repeated errors in one step, the kiosk offers staff help by itself. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';
import { TouchButton } from '../../ui/TouchButton';
import { useSpeakOnShow } from '../../voice/VoiceContext';

/** `data-testid="help-offer"` with `help-offer-accept` / `help-offer-decline`. */
export function HelpOfferDialog({ onAccept, onDecline }: { onAccept: () => Promise<void>; onDecline: () => void }): ReactElement {
  const { t } = useTranslation();
  useSpeakOnShow('voice.helpOffer');
  return (
    <Dialog
      title={t('help.offerTitle')}
      testId="help-offer"
      actions={
        <>
          <TouchButton variant="primary" data-testid="help-offer-accept" onPress={onAccept}>
            {t('help.offerAccept')}
          </TouchButton>
          <TouchButton variant="secondary" data-testid="help-offer-decline" onPress={onDecline}>
            {t('help.offerDecline')}
          </TouchButton>
        </>
      }
    >
      <p>{t('help.offerDetail')}</p>
    </Dialog>
  );
}
