/** A panel's error line, in words. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

export function PanelError({ messageKey }: { messageKey: string | null }): ReactElement | null {
  const { t, i18n } = useTranslation();
  if (!messageKey) return null;
  return (
    <p className="staff-message staff-message--error" role="alert" data-testid="staff-panel-error">
      {i18n.exists(messageKey) ? t(messageKey) : t('staff.errors.generic')}
    </p>
  );
}
