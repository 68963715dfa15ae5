/** One key of an on-screen keyboard: a large button with press feedback on pointerdown. */
import { useState, type ReactElement, type ReactNode } from 'react';

/** Props of {@link KeyButton}. */
export interface KeyButtonProps {
  /** What the key shows (a glyph or words). */
  children: ReactNode;
  /** The accessible name, always in words or the key's character. */
  label: string;
  onPress: () => void;
  disabled?: boolean;
  /** Visual role: character keys, function keys (delete, clear) and the confirm key. */
  kind?: 'char' | 'function' | 'confirm';
  /** Extra class names, e.g. a wider key. */
  className?: string;
  /** `aria-pressed` for toggle keys (shift, caps lock); when on, a ✓ shows it besides the colour. */
  pressed?: boolean;
  lang?: string;
  testId?: string;
}

/**
 * A `type="button"` key. The `is-pressed` class is set on pointerdown (so the
 * key darkens in the same frame the finger lands) and cleared on release; the
 * key acts on click, so keyboard and switch access work too.
 */
export function KeyButton({ children, label, onPress, disabled = false, kind = 'char', className, pressed, lang, testId }: KeyButtonProps): ReactElement {
  const [down, setDown] = useState(false);
  const release = (): void => setDown(false);
  const classes = ['kb-key', `kb-key--${kind}`, down && !disabled ? 'is-pressed' : '', className].filter(Boolean).join(' ');
  return (
    <button
      type="button"
      className={classes}
      aria-label={label}
      aria-pressed={pressed}
      disabled={disabled}
      lang={lang}
      data-testid={testId}
      onPointerDown={() => setDown(true)}
      onPointerUp={release}
      onPointerCancel={release}
      onPointerLeave={release}
      onClick={onPress}
    >
      {pressed ? (
        <span className="kb-key__mark" aria-hidden="true">
          ✓
        </span>
      ) : null}
      {children}
    </button>
  );
}
