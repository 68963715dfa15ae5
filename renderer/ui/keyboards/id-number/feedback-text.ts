/** Turns the host's keypad feedback into a tone and words. */
import type { TFunction } from 'i18next';
import type { FeedbackTone } from '../shared/FeedbackLine';
import { ID_NUMBER_LENGTH } from './id-number-format';
import type { IdNumberFeedbackView } from './use-id-number-feedback';

/** Reasons the keyboard catalogue words itself (the host sends `idNumber.<reason>`). */
const KNOWN_REASONS = ['length', 'characters', 'province', 'birthDate', 'futureBirthDate', 'checksum'] as const;
type KnownReason = (typeof KNOWN_REASONS)[number];

function isKnownReason(s: string): s is KnownReason {
  return (KNOWN_REASONS as readonly string[]).includes(s);
}

/** The words for an `invalid` answer's reasonKey: ours first, then the app catalogue, then a generic line. */
export function reasonText(t: TFunction, reasonKey: string | undefined, exists: (key: string) => boolean): string {
  const reason = reasonKey?.split('.').at(-1) ?? '';
  if (isKnownReason(reason)) return t(`keyboard.idNumber.reasons.${reason}`);
  if (reasonKey && exists(reasonKey)) return t(reasonKey);
  return t('keyboard.idNumber.reasons.unknown');
}

/** Tone and words for the feedback line under the ID-number display. */
export function idNumberFeedbackText(
  t: TFunction,
  view: IdNumberFeedbackView,
  typed: number,
  exists: (key: string) => boolean,
): { tone: FeedbackTone; text: string } {
  switch (view.kind) {
    case 'empty':
      return { tone: 'neutral', text: t('keyboard.idNumber.empty') };
    case 'checking':
      return { tone: 'busy', text: t('keyboard.idNumber.checking') };
    case 'unavailable':
      return { tone: 'error', text: t('keyboard.idNumber.unavailable') };
    case 'answer':
      switch (view.feedback.state) {
        case 'incomplete':
          return { tone: 'neutral', text: t('keyboard.idNumber.incomplete', { count: typed, left: ID_NUMBER_LENGTH - typed }) };
        case 'valid':
          return { tone: 'ok', text: t('keyboard.idNumber.valid') };
        case 'invalid':
          return { tone: 'error', text: t('keyboard.idNumber.invalid', { reason: reasonText(t, view.feedback.reasonKey, exists) }) };
        default: {
          const never: never = view.feedback.state;
          return never;
        }
      }
    default: {
      const never: never = view;
      return never;
    }
  }
}
