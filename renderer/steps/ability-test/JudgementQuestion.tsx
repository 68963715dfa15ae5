/**
 * 判断力: a traffic light with or without a pedestrian on the crossing (may
 * the car go straight on now?), a direction sign (which way?), or cars to
 * count. The answer is timed from the question appearing.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AbilityQuestion } from '../../../electron/contract';
import { useAnswerClock } from './answer-clock';
import { OptionButtons, type QuestionProps } from './MemoryQuestion';
import { SignPicture } from './SignPicture';

type JudgementKind = 'light' | 'direction' | 'count';

/** A traffic light (`ability-light`, `data-light`) and, when there is one, a pedestrian (`ability-pedestrian`). */
function LightScene({ question }: { question: Extract<AbilityQuestion, { kind: 'light' }> }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="ability-scene" role="img" aria-label={t(`flow.abilityTest.judgement.scene.${question.light}`) + (question.pedestrian ? t('flow.abilityTest.judgement.scene.pedestrian') : '')}>
      <TrafficLight lit={question.light} testId="ability-light" />
      {question.pedestrian ? (
        <span className="ability-pedestrian" data-testid="ability-pedestrian">
          {t('flow.abilityTest.judgement.pedestrianLabel')}
        </span>
      ) : null}
    </div>
  );
}

/** A three-lamp traffic light with `lit` on; `data-light` says which. */
export function TrafficLight({ lit, testId }: { lit: 'red' | 'yellow' | 'green'; testId: string }): ReactElement {
  return (
    <svg className="ability-traffic-light" data-testid={testId} data-light={lit} viewBox="0 0 60 160" width="90" height="240" aria-hidden="true">
      <rect x="2" y="2" width="56" height="156" rx="10" fill="#222" />
      <circle cx="30" cy="30" r="20" fill={lit === 'red' ? '#e0201b' : '#4a1010'} />
      <circle cx="30" cy="80" r="20" fill={lit === 'yellow' ? '#f5c400' : '#4a4010'} />
      <circle cx="30" cy="130" r="20" fill={lit === 'green' ? '#1fbf4a' : '#103a1a'} />
    </svg>
  );
}

function Stimulus({ question }: { question: Extract<AbilityQuestion, { kind: JudgementKind }> }): ReactElement {
  switch (question.kind) {
    case 'light':
      return <LightScene question={question} />;
    case 'direction':
      return <SignPicture sign={question.sign} size={220} />;
    case 'count':
      return (
        <div className="ability-cars" data-testid="ability-cars">
          {Array.from({ length: question.cars }, (_, index) => (
            <svg key={index} className="ability-car" data-testid="ability-car" viewBox="0 0 100 50" width="120" height="60" aria-hidden="true">
              <rect x="5" y="18" width="90" height="22" rx="6" fill="#0b4ea2" />
              <rect x="25" y="6" width="48" height="16" rx="5" fill="#0b4ea2" />
              <circle cx="25" cy="42" r="7" fill="#222" />
              <circle cx="75" cy="42" r="7" fill="#222" />
            </svg>
          ))}
        </div>
      );
    default: {
      const unknown: never = question;
      throw new Error(`no stimulus for ${JSON.stringify(unknown)}`);
    }
  }
}

/** `ability-judgement` (`data-kind`) with the stimulus and `ability-option-<value>` buttons. */
export function JudgementQuestion({ question, limits, onAnswer }: QuestionProps<JudgementKind>): ReactElement {
  const { t } = useTranslation();
  const clock = useAnswerClock(true, limits.answerMs, () => onAnswer({ choice: null, ms: null }));
  const labelOf = (option: string) => (question.kind === 'count' ? option : t(`flow.abilityTest.options.${option}`));
  return (
    <div className="ability-question" data-testid="ability-judgement" data-kind={question.kind}>
      <p className="ability-question__prompt">{t(`flow.abilityTest.judgement.${question.kind}`)}</p>
      <div className="ability-signs">
        <Stimulus question={question} />
      </div>
      <OptionButtons options={question.options} labelOf={labelOf} onChoose={(choice) => onAnswer({ choice, ms: clock.elapsed() })} />
    </div>
  );
}
