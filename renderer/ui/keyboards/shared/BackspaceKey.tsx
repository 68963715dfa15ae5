/** The delete key: a glyph plus the word, so it is never an unexplained symbol. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { KeyButton } from './KeyButton';

/** Props of {@link BackspaceKey}. */
export interface BackspaceKeyProps {
  onPress: () => void;
  disabled: boolean;
  testId: string;
  className?: string;
}

/** ⌫ 删除 */
export function BackspaceKey({ onPress, disabled, testId, className }: BackspaceKeyProps): ReactElement {
  const { t } = useTranslation();
  return (
    <KeyButton kind="function" label={t('keyboard.keys.backspace')} onPress={onPress} disabled={disabled} testId={testId} className={className}>
      <span className="kb-key__glyph" aria-hidden="true">
        ⌫
      </span>
      <span className="kb-key__word">{t('keyboard.keys.backspace')}</span>
    </KeyButton>
  );
}
