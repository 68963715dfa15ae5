/** 车牌号码 keypad: province picker, then the office letter, then the serial. */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPlate, NEW_ENERGY_LENGTH, ORDINARY_LENGTH, PLATE_ENDINGS, PLATE_LETTERS, plateEnded, plateState, PROVINCES } from '../../../../domain/plate-number';
import { BackspaceKey } from '../shared/BackspaceKey';
import { CharRow } from '../shared/CharRow';
import { ControlRow } from '../shared/ControlRow';
import { FeedbackLine } from '../shared/FeedbackLine';
import { GroupedValue } from '../shared/GroupedValue';
import { KeyButton } from '../shared/KeyButton';
import { KeyboardDisplay } from '../shared/KeyboardDisplay';
import { KeyboardFrame } from '../shared/KeyboardFrame';
import { DIGIT_ROW, LetterRows } from '../shared/LetterRows';
import { useConfirmOnce } from '../shared/use-confirm-once';
import { plateFeedbackText } from './plate-feedback';
import { plateStep, type PlateStep } from './plate-step';

/** Props of {@link PlateKeypad}. */
export interface PlateKeypadProps {
  /** Called once with the plate (e.g. 京A12345, 粤BD12345) when it is well-formed and 确认 is tapped. */
  onConfirm: (plate: string) => void;
  onChange?: (value: string) => void;
  defaultValue?: string;
  /** Overrides the display's name (default 车牌号码). */
  label?: string;
  elder?: boolean;
}

const DIGITS = Array.from(DIGIT_ROW);

function stepText(step: PlateStep): string {
  switch (step) {
    case 'province':
      return 'keyboard.plate.stepProvince';
    case 'letter':
      return 'keyboard.plate.stepLetter';
    case 'chars':
      return 'keyboard.plate.stepChars';
    default: {
      const never: never = step;
      return never;
    }
  }
}

/** The picker for the current step plus delete, clear and confirm. */
export function PlateKeypad({ onConfirm, onChange, defaultValue = '', label, elder }: PlateKeypadProps): ReactElement {
  const { t } = useTranslation();
  const [value, setValue] = useState(defaultValue.toUpperCase());
  const chars = Array.from(value);
  const state = plateState(value);
  const step = plateStep(value);
  const feedback = plateFeedbackText(t, state, chars.length);
  const confirm = useConfirmOnce(value, onConfirm);
  const name = label ?? t('keyboard.plate.label');
  const full = chars.length >= NEW_ENERGY_LENGTH || plateEnded(value);
  const canEnd = chars.length === ORDINARY_LENGTH - 1;

  const update = (next: string): void => {
    setValue(next);
    onChange?.(next);
  };
  const append = (c: string): void => {
    if (!full) update(value + c);
  };
  const keyLabel = (c: string, on: boolean): string => (on ? t('keyboard.keys.key', { key: c }) : t('keyboard.keys.unavailable', { key: c }));
  const letterAllowed = (l: string): boolean => !full && PLATE_LETTERS.includes(l);

  return (
    <KeyboardFrame variant="plate" elder={elder} label={name} testId="plate-keypad">
      <KeyboardDisplay label={name} value={value} invalid={state.kind === 'invalid'} testId="plate-keypad-display">
        <GroupedValue groups={formatPlate(value)} groupClassName="kb-display__group--plate" />
      </KeyboardDisplay>
      <p className="kb-step" data-testid="plate-keypad-step">
        {t(stepText(step))}
      </p>
      <FeedbackLine tone={feedback.tone} text={feedback.text} testId="plate-keypad-feedback" />
      {step === 'province' ? (
        <CharRow
          chars={PROVINCES}
          onChar={append}
          labelFor={keyLabel}
          label={t('keyboard.plate.provinces')}
          lang="zh-CN"
          className="kb-row--provinces"
          testIdPrefix="plate-keypad"
        />
      ) : (
        <>
          {step === 'chars' ? (
            <CharRow chars={DIGITS} onChar={append} enabled={() => !full} labelFor={keyLabel} label={t('keyboard.plate.digits')} className="kb-row--digits" testIdPrefix="plate-keypad" />
          ) : null}
          <LetterRows
            onLetter={append}
            enabled={letterAllowed}
            labelFor={keyLabel}
            testIdPrefix="plate-keypad"
            lastRowEnd={
              step === 'chars'
                ? PLATE_ENDINGS.map((c) => (
                    <KeyButton
                      key={c}
                      className="kb-key--ending"
                      label={keyLabel(c, canEnd)}
                      onPress={() => append(c)}
                      disabled={!canEnd}
                      lang="zh-CN"
                      testId={`plate-keypad-key-${c}`}
                    >
                      {c}
                    </KeyButton>
                  ))
                : null
            }
          />
          <p className="kb-note">
            <span>{t('keyboard.plate.noIO')}</span>
            {step === 'chars' ? <span>{t('keyboard.plate.endingHint')}</span> : null}
          </p>
        </>
      )}
      <ControlRow
        testIdPrefix="plate-keypad"
        onClear={() => update('')}
        clearDisabled={chars.length === 0}
        onConfirm={confirm}
        confirmDisabled={state.kind !== 'valid'}
      >
        <BackspaceKey onPress={() => update(chars.slice(0, -1).join(''))} disabled={chars.length === 0} testId="plate-keypad-backspace" />
      </ControlRow>
    </KeyboardFrame>
  );
}
