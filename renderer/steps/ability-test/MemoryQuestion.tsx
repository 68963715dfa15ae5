/**
 * 记忆力: the signs to remember are shown for `studyMs`, then hidden, or
 * sooner when the citizen touches 我记住了 (waiting out the seconds when one
 * has them already is tiring; a shorter look only makes the question
 * harder, so the host has nothing to check). Then one sign is asked about:
 * was it among them (是/否)? The answer is timed from the question appearing.
 */
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AbilityAnswer, AbilityLimits, AbilityQuestion } from '../../../electron/contract';
import { TouchButton } from '../../ui/TouchButton';
import { useAnswerClock } from './answer-clock';
import { SignPicture } from './SignPicture';

export interface QuestionProps<K extends AbilityQuestion['kind']> {
  question: Extract<AbilityQuestion, { kind: K }>;
  limits: AbilityLimits;
  onAnswer: (answer: AbilityAnswer) => void;
}

/** `ability-study` (the signs and `ability-remembered`, then hidden), `ability-probe` and `ability-option-yes` / `ability-option-no`. */
export function MemoryQuestion({ question, limits, onAnswer }: QuestionProps<'memory'>): ReactElement {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<'study' | 'probe'>('study');
  useEffect(() => {
    const timer = setTimeout(() => setPhase('probe'), question.studyMs);
    return () => clearTimeout(timer);
  }, [question.studyMs]);
  const clock = useAnswerClock(phase === 'probe', limits.answerMs, () => onAnswer({ choice: null, ms: null }));

  if (phase === 'study') {
    return (
      <div className="ability-question" data-testid="ability-study">
        <p className="ability-question__prompt">{t('flow.abilityTest.memory.study')}</p>
        <div className="ability-signs">
          {question.study.map((sign) => (
            <SignPicture key={sign} sign={sign} />
          ))}
        </div>
        <TouchButton data-testid="ability-remembered" onPress={() => setPhase('probe')}>
          {t('flow.abilityTest.memory.remembered')}
        </TouchButton>
      </div>
    );
  }
  return (
    <div className="ability-question" data-testid="ability-probe" data-sign={question.probe}>
      <p className="ability-question__prompt">{t('flow.abilityTest.memory.probe')}</p>
      <div className="ability-signs">
        <SignPicture sign={question.probe} size={220} />
      </div>
      <OptionButtons options={question.options} labelOf={(option) => t(`flow.abilityTest.options.${option}`)} onChoose={(choice) => onAnswer({ choice, ms: clock.elapsed() })} />
    </div>
  );
}

/** The answers as large buttons: `ability-option-<value>`. */
export function OptionButtons({ options, labelOf, onChoose }: { options: readonly string[]; labelOf: (option: string) => string; onChoose: (option: string) => void }): ReactElement {
  return (
    <div className="ability-options" role="group">
      {options.map((option) => (
        <TouchButton key={option} variant="secondary" className="ability-option" data-testid={`ability-option-${option}`} onPress={() => onChoose(option)}>
          {labelOf(option)}
        </TouchButton>
      ))}
    </div>
  );
}
