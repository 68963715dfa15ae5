/** Tone and words for the plate keypad's feedback line. */
import type { TFunction } from 'i18next';
import type { PlateState } from '../../../../domain/plate-number';
import type { FeedbackTone } from '../shared/FeedbackLine';

/** What the feedback line says about `state` after `typed` characters. */
export function plateFeedbackText(t: TFunction, state: PlateState, typed: number): { tone: FeedbackTone; text: string } {
  switch (state.kind) {
    case 'empty':
      return { tone: 'neutral', text: t('keyboard.plate.incomplete', { count: 0 }) };
    case 'incomplete':
      return { tone: 'neutral', text: t('keyboard.plate.incomplete', { count: typed }) };
    case 'valid':
      return { tone: 'ok', text: state.plateKind === 'ordinary' ? t('keyboard.plate.validNormal') : t('keyboard.plate.validNewEnergy') };
    case 'invalid':
      return { tone: 'error', text: t(`keyboard.plate.reasons.${state.reason}`) };
    default: {
      const never: never = state;
      return never;
    }
  }
}
