/**
 * 反应力: a red light turns green after the host's `delayMs`; the citizen
 * touches the large button as soon as it does. The time runs from the
 * change being on screen to the finger touching (pointer down, not the
 * release); a touch before the change is `early`, none within the limit
 * is unanswered.
 */
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnswerClock } from './answer-clock';
import { TrafficLight } from './JudgementQuestion';
import type { QuestionProps } from './MemoryQuestion';

/** `ability-reaction-light` (`data-light` red, then green) and the `ability-reaction-touch` button. */
export function ReactionQuestion({ question, limits, onAnswer }: QuestionProps<'reaction'>): ReactElement {
  const { t } = useTranslation();
  const [light, setLight] = useState<'red' | 'green'>('red');
  const answered = useRef(false);
  const answer = (value: Parameters<typeof onAnswer>[0]) => {
    if (answered.current) return;
    answered.current = true;
    onAnswer(value);
  };
  useEffect(() => {
    const timer = setTimeout(() => setLight('green'), question.delayMs);
    return () => clearTimeout(timer);
  }, [question.delayMs]);
  const clock = useAnswerClock(light === 'green', limits.reactionMs, () => answer({ choice: null, ms: null }));
  return (
    <div className="ability-question" data-testid="ability-reaction">
      <p className="ability-question__prompt">{t(light === 'red' ? 'flow.abilityTest.reaction.wait' : 'flow.abilityTest.reaction.go')}</p>
      <div className="ability-signs">
        <TrafficLight lit={light} testId="ability-reaction-light" />
      </div>
      <button
        type="button"
        className="touch-button touch-button--primary ability-reaction__touch"
        data-testid="ability-reaction-touch"
        onPointerDown={() => {
          // Before the change (or in the instant before its clock started) the touch did not react to it.
          const ms = light === 'green' ? clock.elapsed() : null;
          answer(ms === null ? { choice: 'early', ms: null } : { choice: 'tap', ms });
        }}
      >
        {t('flow.abilityTest.reaction.touch')}
      </button>
    </div>
  );
}
