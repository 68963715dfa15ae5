/** 呼叫工作人员: on every screen, always in the same place. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { TouchButton } from '../../ui/TouchButton';
import './HelpButton.css';

/** `data-testid="help-button"`; locked while the call is on its way. */
export function HelpButton({ onPress }: { onPress: () => Promise<void> }): ReactElement {
  const { t } = useTranslation();
  return (
    <TouchButton variant="help" className="help-button" data-testid="help-button" onPress={onPress}>
      <span className="help-button__icon" aria-hidden="true">
        ☎
      </span>
      {t('help.button')}
    </TouchButton>
  );
}
