/** The bottom row every keyboard shares: clear and confirm (plus optional keys before them). */
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { KeyButton } from './KeyButton';

/** Props of {@link ControlRow}. */
export interface ControlRowProps {
  onClear: () => void;
  clearDisabled: boolean;
  onConfirm: () => void;
  confirmDisabled: boolean;
  /** Keys placed before 清空, e.g. space or a layout switch. */
  children?: ReactNode;
  testIdPrefix: string;
}

/** 清空 and 确认, the confirm key wide and filled. */
export function ControlRow({ onClear, clearDisabled, onConfirm, confirmDisabled, children, testIdPrefix }: ControlRowProps): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="kb-row kb-row--controls">
      {children}
      <KeyButton kind="function" label={t('keyboard.keys.clear')} onPress={onClear} disabled={clearDisabled} testId={`${testIdPrefix}-clear`}>
        {t('keyboard.keys.clear')}
      </KeyButton>
      <KeyButton
        kind="confirm"
        className="kb-key--wide"
        label={t('keyboard.keys.confirm')}
        onPress={onConfirm}
        disabled={confirmDisabled}
        testId={`${testIdPrefix}-confirm`}
      >
        {t('keyboard.keys.confirm')}
      </KeyButton>
    </div>
  );
}
