/**
 * 三力测试 (记忆力、判断力、反应力) on the touch screen: what the test is,
 * an unscored practice with which answers were right, the three sub-tests,
 * and the result with what happens next. Every time is measured here with
 * `performance.now()`; the host checks the times, scores and decides.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepProps } from '../../flows/step-props';
import { useStepVoice } from '../../flows/step-voice';
import { TouchButton } from '../../ui/TouchButton';
import type { VoiceKey } from '../../voice/VoiceContext';
import { AbilityRound } from './AbilityRound';
import './AbilityTestStep.css';

type Data = StepProps<'abilityTest'>['data'];

function voiceKeyOf(data: Data): VoiceKey {
  switch (data.state) {
    case 'intro':
      return 'voice.flow.abilityTest.intro';
    case 'practice':
    case 'memory':
    case 'judgement':
    case 'reaction':
      return `voice.flow.abilityTest.${data.state}`;
    case 'practiceDone':
      return 'voice.flow.abilityTest.practiceDone';
    case 'passed':
      return 'voice.flow.abilityTest.passed';
    case 'failed':
      return 'voice.flow.abilityTest.failed';
    default: {
      const unknown: never = data.state;
      throw new Error(`unknown state ${String(unknown)}`);
    }
  }
}

function Result({ data, accepts, send }: Pick<StepProps<'abilityTest'>, 'data' | 'accepts' | 'send'>): ReactElement | null {
  const { t } = useTranslation();
  const result = data.result;
  if (!result) return null;
  const passed = data.state === 'passed';
  return (
    <>
      <p className={passed ? 'flow-step__lead' : 'flow-step__problem'} role="status" data-testid="ability-verdict">
        {t(passed ? 'flow.abilityTest.result.passed' : 'flow.abilityTest.result.failed', { total: result.total, passMark: result.passMark })}
      </p>
      <dl className="flow-facts" data-testid="ability-scores">
        {(['memory', 'judgement', 'reaction'] as const).map((round) => (
          <div key={round} className="flow-facts__row" data-testid={`ability-score-${round}`}>
            <dt>{t(`flow.abilityTest.${round}.name`)}</dt>
            <dd>{t('flow.abilityTest.result.points', { points: result[round].points, max: result[round].max })}</dd>
          </div>
        ))}
        <div className="flow-facts__row" data-testid="ability-score-total">
          <dt>{t('flow.abilityTest.result.total')}</dt>
          <dd>{t('flow.abilityTest.result.points', { points: result.total, max: 100 })}</dd>
        </div>
      </dl>
      {!passed ? (
        <div data-testid="ability-next">
          <p className="flow-step__note">{t(accepts('RETRY') ? 'flow.abilityTest.result.retryToday' : 'flow.abilityTest.result.noRetryToday')}</p>
          {data.failedNoteKey ? <p className="flow-step__note">{t(data.failedNoteKey)}</p> : null}
        </div>
      ) : null}
      <div className="ability-actions">
        {accepts('RETRY') ? (
          <TouchButton variant="secondary" data-testid="ability-retry" onPress={() => send({ type: 'RETRY' })}>
            {t('flow.abilityTest.result.retry')}
          </TouchButton>
        ) : null}
        <TouchButton data-testid="ability-confirm" disabled={!accepts('CONFIRM')} onPress={() => send({ type: 'CONFIRM' })}>
          {t(passed ? 'flow.abilityTest.result.next' : 'flow.abilityTest.result.end')}
        </TouchButton>
      </div>
    </>
  );
}

/** `data-testid="ability-test-step"` (`data-state`). */
export function AbilityTestStep({ view, data, send, accepts }: StepProps<'abilityTest'>): ReactElement {
  const { t } = useTranslation();
  useStepVoice(view, voiceKeyOf(data), data.state === 'intro');
  const round = data.round;
  return (
    <section className="step flow-step ability-test" data-testid="ability-test-step" data-state={data.state} aria-labelledby="step-title">
      <h1 id="step-title" className="step__title">
        {t(round ? `flow.abilityTest.${round.name}.title` : 'flow.abilityTest.title')}
      </h1>
      {data.attempt > 1 ? <p className="flow-step__note">{t('flow.abilityTest.attempt', { attempt: data.attempt, max: data.maxAttempts })}</p> : null}
      {data.state === 'intro' ? (
        <>
          <p className="flow-step__lead">{t('flow.abilityTest.intro')}</p>
          <p className="flow-step__note">{t('flow.abilityTest.introPass')}</p>
          <TouchButton data-testid="ability-begin" disabled={!accepts('CONFIRM')} onPress={() => send({ type: 'CONFIRM' })}>
            {t('flow.abilityTest.begin')}
          </TouchButton>
        </>
      ) : null}
      {round ? (
        <>
          {data.refused ? (
            <p className="flow-step__problem" role="alert" data-testid="ability-refused">
              {t('flow.abilityTest.refused')}
            </p>
          ) : null}
          <AbilityRound
            key={`${round.name}-${round.showing}-${data.attempt}`}
            name={round.name}
            questions={round.questions}
            limits={data.limits}
            enabled={accepts('ABILITY_ANSWERS')}
            onDone={(answers) => void send({ type: 'ABILITY_ANSWERS', round: round.name, showing: round.showing, answers })}
          />
        </>
      ) : null}
      {data.state === 'practiceDone' && data.practice ? (
        <>
          <p className="flow-step__lead">{t('flow.abilityTest.practiceDone')}</p>
          <ul className="ability-practice" data-testid="ability-practice-marks">
            {data.practice.map((right, index) => (
              <li key={index} data-testid={`ability-practice-${index}`} data-right={right}>
                {t(right ? 'flow.abilityTest.practiceRight' : 'flow.abilityTest.practiceWrong', { number: index + 1 })}
              </li>
            ))}
          </ul>
          <div className="ability-actions">
            {accepts('RETRY') ? (
              <TouchButton variant="secondary" data-testid="ability-practice-again" onPress={() => send({ type: 'RETRY' })}>
                {t('flow.abilityTest.practiceAgain')}
              </TouchButton>
            ) : null}
            <TouchButton data-testid="ability-start-test" disabled={!accepts('CONFIRM')} onPress={() => send({ type: 'CONFIRM' })}>
              {t('flow.abilityTest.startTest')}
            </TouchButton>
          </div>
        </>
      ) : null}
      {data.state === 'passed' || data.state === 'failed' ? <Result data={data} accepts={accepts} send={send} /> : null}
    </section>
  );
}
