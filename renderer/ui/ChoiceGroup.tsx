/** A row of mutually exclusive choices (e.g. 中文 / English), each a large button. */
import type { ReactElement } from 'react';
import './ChoiceGroup.css';

/** One option of a {@link ChoiceGroup}. */
export interface Choice<T extends string> {
  value: T;
  label: string;
  /** BCP 47 tag when the label is in another language than the page. */
  lang?: string;
}

/** Props of {@link ChoiceGroup}. */
export interface ChoiceGroupProps<T extends string> {
  label: string;
  choices: readonly Choice<T>[];
  value: T;
  onChange: (value: T) => void;
  testId?: string;
}

/** Buttons with `aria-pressed`; the selected one is filled and marked with a tick. */
export function ChoiceGroup<T extends string>({ label, choices, value, onChange, testId }: ChoiceGroupProps<T>): ReactElement {
  return (
    <div className="choice-group" role="group" aria-label={label} data-testid={testId}>
      {choices.map((choice) => {
        const selected = choice.value === value;
        return (
          <button
            key={choice.value}
            type="button"
            lang={choice.lang}
            className={`choice-group__option${selected ? ' is-selected' : ''}`}
            aria-pressed={selected}
            data-testid={testId ? `${testId}-${choice.value}` : undefined}
            onClick={() => {
              if (!selected) onChange(choice.value);
            }}
          >
            <span className="choice-group__mark" aria-hidden="true">
              {selected ? '✓' : ''}
            </span>
            {choice.label}
          </button>
        );
      })}
    </div>
  );
}
