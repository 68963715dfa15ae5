/** Where the citizen is in a service: numbered steps, the current one marked in words, shape and colour. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PathStep } from '../../electron/contract';
import './FlowProgress.css';

/** Props of {@link FlowProgress}. */
export interface FlowProgressProps {
  /** 0-based, from the host's view. */
  stepIndex: number;
  stepCount: number;
  /** The service's main path from the view, for labels; numbers only when it does not match `stepCount`. */
  path: readonly PathStep[];
}

/** `data-testid="flow-progress"` with `data-step-index`; the current item has `aria-current="step"`. */
export function FlowProgress({ stepIndex, stepCount, path }: FlowProgressProps): ReactElement {
  const { t } = useTranslation();
  const named = path.length === stepCount;
  const items = Array.from({ length: stepCount }, (_, i) => i);
  return (
    <nav
      className="flow-progress"
      aria-label={t('flow.progress')}
      data-testid="flow-progress"
      data-step-index={stepIndex}
      data-step-count={stepCount}
    >
      <p className="flow-progress__text">{t('flow.stepOf', { current: stepIndex + 1, total: stepCount })}</p>
      <ol className="flow-progress__list">
        {items.map((i) => {
          const state = i < stepIndex ? 'done' : i === stepIndex ? 'current' : 'todo';
          return (
            <li
              key={i}
              className={`flow-progress__item is-${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="flow-progress__number" aria-hidden="true">
                {state === 'done' ? '✓' : i + 1}
              </span>
              {named ? (
                <span className={state === 'current' ? 'flow-progress__label' : 'flow-progress__label visually-hidden'}>
                  {t(path[i]!.labelKey)}
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
