/** Where the citizen is: numbered steps, the current one marked in words, shape and colour. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { SESSION_STEPS, type SessionStep } from './route';
import './StepProgress.css';

/** `data-testid="step-progress"`; the current item has `aria-current="step"`. */
export function StepProgress({ current }: { current: SessionStep }): ReactElement {
  const { t } = useTranslation();
  const index = SESSION_STEPS.indexOf(current);
  return (
    <nav className="progress" aria-label={t('session.progress')} data-testid="step-progress" data-step={current}>
      <p className="visually-hidden">{t('session.stepOf', { current: index + 1, total: SESSION_STEPS.length })}</p>
      <ol className="progress__list">
        {SESSION_STEPS.map((step, i) => {
          const state = i < index ? 'done' : i === index ? 'current' : 'todo';
          return (
            <li key={step} className={`progress__item is-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="progress__number" aria-hidden="true">
                {state === 'done' ? '✓' : i + 1}
              </span>
              <span className="progress__label">{t(`session.steps.${step}`)}</span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
