/** The typed value, shown in a read-only text box that never summons a system keyboard. */
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Props of {@link KeyboardDisplay}. */
export interface KeyboardDisplayProps {
  /** The field's name, e.g. 身份证号码. */
  label: string;
  /** The value as typed (empty shows a hint instead). */
  value: string;
  /** How it is drawn (e.g. grouped); defaults to `value`. */
  children?: ReactNode;
  /** Marks the display as wrong (a dashed red frame plus words elsewhere). */
  invalid?: boolean;
  testId?: string;
}

/**
 * A `role="textbox"` with `aria-readonly`: not an `<input>`, so nothing can
 * focus it and raise the operating system's keyboard.
 */
export function KeyboardDisplay({ label, value, children, invalid = false, testId }: KeyboardDisplayProps): ReactElement {
  const { t } = useTranslation();
  const empty = value.length === 0;
  return (
    <div className="kb-display">
      <span className="kb-display__label" id={testId ? `${testId}-label` : undefined}>
        {label}
      </span>
      <div
        role="textbox"
        aria-readonly="true"
        aria-label={label}
        aria-invalid={invalid || undefined}
        className={`kb-display__value${invalid ? ' is-invalid' : ''}${empty ? ' is-empty' : ''}`}
        data-testid={testId}
        data-kb-data=""
      >
        {empty ? <span className="kb-display__placeholder">{t('keyboard.display.hint')}</span> : (children ?? value)}
        <span className="kb-display__caret" aria-hidden="true" />
      </div>
    </div>
  );
}
