/**
 * One round of the 三力测试: its instructions (spoken) and a start button,
 * so the citizen begins when ready; then its questions one by one; the
 * answers go to the host together when the last one is answered.
 */
import { useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AbilityAnswer, AbilityLimits, AbilityQuestion, AbilityRound as RoundName } from '../../../electron/contract';
import { TouchButton } from '../../ui/TouchButton';
import { JudgementQuestion } from './JudgementQuestion';
import { MemoryQuestion } from './MemoryQuestion';
import { ReactionQuestion } from './ReactionQuestion';

export interface AbilityRoundProps {
  name: RoundName;
  questions: readonly AbilityQuestion[];
  limits: AbilityLimits;
  /** Whether the host takes the answers now. */
  enabled: boolean;
  onDone: (answers: AbilityAnswer[]) => void;
}

/** Draws one question of any kind. */
export function Question({ question, limits, onAnswer }: { question: AbilityQuestion; limits: AbilityLimits; onAnswer: (answer: AbilityAnswer) => void }): ReactElement {
  switch (question.kind) {
    case 'memory':
      return <MemoryQuestion question={question} limits={limits} onAnswer={onAnswer} />;
    case 'light':
    case 'direction':
    case 'count':
      return <JudgementQuestion question={question} limits={limits} onAnswer={onAnswer} />;
    case 'reaction':
      return <ReactionQuestion question={question} limits={limits} onAnswer={onAnswer} />;
    default: {
      const unknown: never = question;
      throw new Error(`no screen for ${JSON.stringify(unknown)}`);
    }
  }
}

/** `ability-round` (`data-round`) with `ability-round-start`, then `ability-progress` and the question. */
export function AbilityRound({ name, questions, limits, enabled, onDone }: AbilityRoundProps): ReactElement {
  const { t } = useTranslation();
  const [started, setStarted] = useState(false);
  const [index, setIndex] = useState(0);
  const [finished, setFinished] = useState(false);
  const answers = useRef<AbilityAnswer[]>([]);
  const answer = (value: AbilityAnswer) => {
    if (answers.current.length !== index) return;
    answers.current = [...answers.current, value];
    if (answers.current.length === questions.length) {
      setFinished(true);
      onDone(answers.current);
    } else setIndex(index + 1);
  };
  const question = questions[index];
  return (
    <div className="ability-round" data-testid="ability-round" data-round={name}>
      {!started ? (
        <>
          <p className="flow-step__lead" data-testid="ability-round-instructions">
            {t(`flow.abilityTest.${name}.instructions`)}
          </p>
          <TouchButton data-testid="ability-round-start" disabled={!enabled} onPress={() => setStarted(true)}>
            {t('flow.abilityTest.start')}
          </TouchButton>
        </>
      ) : finished ? (
        <p className="flow-step__lead">{t('flow.abilityTest.sending')}</p>
      ) : (
        <>
          <p className="ability-progress" data-testid="ability-progress" data-current={index + 1} data-total={questions.length}>
            {t('flow.abilityTest.progress', { current: index + 1, total: questions.length })}
          </p>
          {question ? <Question key={index} question={question} limits={limits} onAnswer={answer} /> : null}
        </>
      )}
    </div>
  );
}
