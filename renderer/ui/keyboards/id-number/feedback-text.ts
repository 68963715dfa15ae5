/** Turns the keypad check of the typed number into a tone and words. */
import type { TFunction } from 'i18next';
import type { KeypadIdNumberState } from '../../../../domain/id-number';
import type { FeedbackTone } from '../shared/FeedbackLine';
import { ID_NUMBER_LENGTH } from './id-number-format';

/** Tone and words for the feedback line under the ID-number display, after `typed` characters. */
export function idNumberFeedbackText(t: TFunction, check: KeypadIdNumberState, typed: number): { tone: FeedbackTone; text: string } {
  switch (check.state) {
    case 'incomplete':
      return typed === 0
        ? { tone: 'neutral', text: t('keyboard.idNumber.empty') }
        : { tone: 'neutral', text: t('keyboard.idNumber.incomplete', { count: typed, left: ID_NUMBER_LENGTH - typed }) };
    case 'valid':
      return { tone: 'ok', text: t('keyboard.idNumber.valid') };
    case 'invalid':
      return { tone: 'error', text: t('keyboard.idNumber.invalid', { reason: t(`keyboard.idNumber.reasons.${check.reason}`) }) };
    default: {
      const never: never = check;
      return never;
    }
  }
}
