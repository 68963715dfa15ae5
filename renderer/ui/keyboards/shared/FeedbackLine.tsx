/** One line of feedback under a keyboard display: a shape plus words, never colour alone. */
import type { ReactElement } from 'react';

/** The tone of a feedback line; each has its own glyph and frame. */
export type FeedbackTone = 'neutral' | 'ok' | 'error' | 'busy';

/** Props of {@link FeedbackLine}. */
export interface FeedbackLineProps {
  tone: FeedbackTone;
  text: string;
  testId?: string;
}

function glyph(tone: FeedbackTone): string {
  switch (tone) {
    case 'ok':
      return '✓';
    case 'error':
      return '✗';
    case 'busy':
      return '…';
    case 'neutral':
      return '•';
    default: {
      const never: never = tone;
      return never;
    }
  }
}

/** A polite live region so screen readers hear changes without interruption. */
export function FeedbackLine({ tone, text, testId }: FeedbackLineProps): ReactElement {
  return (
    <p className={`kb-feedback kb-feedback--${tone}`} role="status" aria-live="polite" data-testid={testId} data-tone={tone}>
      <span className="kb-feedback__glyph" aria-hidden="true">
        {glyph(tone)}
      </span>
      <span className="kb-feedback__text">{text}</span>
    </p>
  );
}
