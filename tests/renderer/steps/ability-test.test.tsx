/**
 * The 三力测试's screens, each sub-test with scripted touches on fake
 * timers (setTimeout and performance.now): what is shown, when it hides or
 * changes, and the answers with their timings sent to the host as one
 * round; then the result with what happens next.
 */
import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AbilityQuestion, AbilityTestStepData, FlowEventType } from '../../../electron/contract';
import { renderFlowStep } from '../flows/support';
import { viewOf } from '../flows/views';

const LIMITS = { answerMs: 30000, minAnswerMs: 200, reactionMs: 2000, minReactionMs: 100 };

function testView(over: Partial<AbilityTestStepData>, accepts: FlowEventType[] = ['ABILITY_ANSWERS']) {
  const data: AbilityTestStepData = { step: 'abilityTest', state: 'intro', round: null, practice: null, result: null, attempt: 1, maxAttempts: 2, limits: LIMITS, refused: false, failedNoteKey: null, ...over };
  return viewOf(data, accepts);
}

const roundView = (name: 'memory' | 'judgement' | 'reaction', questions: AbilityQuestion[]) => testView({ state: name, round: { name, showing: 0, questions } });

/** Lets `ms` pass on the fake clock (timers fire, performance.now moves). */
const wait = (ms: number) => {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
};
const press = (testId: string) => {
  act(() => {
    fireEvent.click(screen.getByTestId(testId));
  });
};

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
afterEach(() => vi.useRealTimers());

describe('记忆力 (memory)', () => {
  const questions: AbilityQuestion[] = [
    { kind: 'memory', study: ['stop', 'yield', 'school'], studyMs: 5000, probe: 'yield', options: ['yes', 'no'] },
    { kind: 'memory', study: ['noEntry', 'noHorn', 'speedLimit40'], studyMs: 5000, probe: 'school', options: ['yes', 'no'] },
  ];

  it('instructions first; the signs for 5 s, then hidden; the probe timed from its appearing; an unanswered one after 30 s', async () => {
    const { send } = renderFlowStep(roundView('memory', questions));
    expect(screen.getByTestId('ability-round-instructions')).toHaveTextContent('请记住它们');
    press('ability-round-start');
    const study = screen.getByTestId('ability-study');
    expect([...study.querySelectorAll('[data-sign]')].map((sign) => sign.getAttribute('data-sign'))).toEqual(['stop', 'yield', 'school']);
    expect(screen.queryByTestId('ability-option-yes')).toBeNull();
    wait(5000);
    expect(screen.queryByTestId('ability-study')).toBeNull();
    expect(screen.getByTestId('ability-probe')).toHaveAttribute('data-sign', 'yield');
    expect(screen.getByTestId('ability-progress')).toHaveTextContent('第1题，共2题');
    wait(1500);
    press('ability-option-yes');
    // The second: seen, then left unanswered.
    wait(5000);
    expect(screen.getByTestId('ability-probe')).toHaveAttribute('data-sign', 'school');
    wait(30000);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({ type: 'ABILITY_ANSWERS', round: 'memory', showing: 0, answers: [{ choice: 'yes', ms: 1500 }, { choice: null, ms: null }] });
  });

  it('我记住了 hides the signs at once (no waiting out the 5 s); the probe is timed from its appearing, and stays when the 5 s pass', () => {
    const { send } = renderFlowStep(roundView('memory', questions.slice(0, 1)));
    expect(screen.getByTestId('ability-round-instructions')).toHaveTextContent('记住后请点击“我记住了”');
    press('ability-round-start');
    expect(screen.getByTestId('ability-remembered')).toHaveTextContent('我记住了');
    wait(1200);
    press('ability-remembered');
    expect(screen.queryByTestId('ability-study')).toBeNull();
    expect(screen.getByTestId('ability-probe')).toHaveAttribute('data-sign', 'yield');
    // The study's own 5 s end changes nothing now.
    wait(3800);
    expect(screen.getByTestId('ability-probe')).toHaveAttribute('data-sign', 'yield');
    wait(900);
    press('ability-option-yes');
    expect(send).toHaveBeenCalledWith({ type: 'ABILITY_ANSWERS', round: 'memory', showing: 0, answers: [{ choice: 'yes', ms: 4700 }] });
  });

  it('the options are large touch targets with words (是 / 否)', () => {
    renderFlowStep(roundView('memory', questions.slice(0, 1)));
    press('ability-round-start');
    wait(5000);
    expect(screen.getByTestId('ability-option-yes')).toHaveTextContent('是');
    expect(screen.getByTestId('ability-option-no')).toHaveClass('touch-button');
  });
});

describe('判断力 (judgement)', () => {
  const questions: AbilityQuestion[] = [
    { kind: 'light', light: 'red', pedestrian: true, options: ['yes', 'no'] },
    { kind: 'direction', sign: 'turnLeft', options: ['left', 'straight', 'right'] },
    { kind: 'count', cars: 4, options: ['2', '3', '4', '5'] },
  ];

  it('a light with a pedestrian, a direction sign, cars to count; each answer timed', () => {
    const { send } = renderFlowStep(roundView('judgement', questions));
    press('ability-round-start');
    expect(screen.getByTestId('ability-light')).toHaveAttribute('data-light', 'red');
    expect(screen.getByTestId('ability-pedestrian')).toBeInTheDocument();
    expect(screen.getByTestId('ability-judgement')).toHaveTextContent('现在可以直行通过吗');
    wait(2100);
    press('ability-option-no');
    expect(screen.getByTestId('ability-sign')).toHaveAttribute('data-sign', 'turnLeft');
    wait(1800);
    press('ability-option-left');
    expect(screen.getAllByTestId('ability-car')).toHaveLength(4);
    expect(screen.getByTestId('ability-option-4')).toHaveTextContent('4');
    wait(3200);
    press('ability-option-4');
    expect(send).toHaveBeenCalledWith({
      type: 'ABILITY_ANSWERS',
      round: 'judgement',
      showing: 0,
      answers: [
        { choice: 'no', ms: 2100 },
        { choice: 'left', ms: 1800 },
        { choice: '4', ms: 3200 },
      ],
    });
  });
});

describe('反应力 (reaction)', () => {
  const questions: AbilityQuestion[] = [
    { kind: 'reaction', delayMs: 2000 },
    { kind: 'reaction', delayMs: 3000 },
    { kind: 'reaction', delayMs: 1500 },
  ];

  it('red, then green after the host\'s delay: a touch before is early, on green it is timed from the change, none within 2 s is unanswered', () => {
    const { send } = renderFlowStep(roundView('reaction', questions));
    press('ability-round-start');
    const touch = () => {
      act(() => {
        fireEvent.pointerDown(screen.getByTestId('ability-reaction-touch'));
      });
    };
    // 1: touched while still red.
    expect(screen.getByTestId('ability-reaction-light')).toHaveAttribute('data-light', 'red');
    wait(1000);
    touch();
    // 2: green after 3 s, touched 420 ms later.
    wait(2999);
    expect(screen.getByTestId('ability-reaction-light')).toHaveAttribute('data-light', 'red');
    wait(1);
    expect(screen.getByTestId('ability-reaction-light')).toHaveAttribute('data-light', 'green');
    expect(screen.getByTestId('ability-reaction')).toHaveTextContent('请马上按下按钮');
    wait(420);
    touch();
    // 3: green after 1.5 s, never touched.
    wait(1500);
    expect(screen.getByTestId('ability-reaction-light')).toHaveAttribute('data-light', 'green');
    wait(2000);
    expect(send).toHaveBeenCalledWith({
      type: 'ABILITY_ANSWERS',
      round: 'reaction',
      showing: 0,
      answers: [
        { choice: 'early', ms: null },
        { choice: 'tap', ms: 420 },
        { choice: null, ms: null },
      ],
    });
  });
});

describe('practice and result', () => {
  it('the practice marks, practise once more or start the test', () => {
    const { send } = renderFlowStep(testView({ state: 'practiceDone', practice: [true, false, true] }, ['CONFIRM', 'RETRY']));
    expect(screen.getByTestId('ability-practice-1')).toHaveTextContent('第2题：答错了');
    press('ability-practice-again');
    expect(send).toHaveBeenLastCalledWith({ type: 'RETRY' });
    press('ability-start-test');
    expect(send).toHaveBeenLastCalledWith({ type: 'CONFIRM' });
  });

  it('a failed test: the scores, one more try today, and what a fail means for the service', () => {
    const score = (points: number, max: number) => ({ points, max, correct: points / 5, questions: max / 5 });
    renderFlowStep(
      testView({ state: 'failed', result: { memory: score(30, 35), judgement: score(25, 35), reaction: score(30, 30), total: 85, passMark: 90 }, failedNoteKey: 'flow.abilityTest.introPass' }, ['CONFIRM', 'RETRY']),
    );
    expect(screen.getByTestId('ability-verdict')).toHaveTextContent('这次测试没有通过：您得了85分，需要90分才合格。');
    expect(screen.getByTestId('ability-score-judgement')).toHaveTextContent('25分（满分35分）');
    expect(screen.getByTestId('ability-next')).toHaveTextContent('您今天还可以在本机再测一次');
    expect(screen.getByTestId('ability-retry')).toBeInTheDocument();
  });

  it('a refused round says why', () => {
    renderFlowStep(testView({ state: 'memory', refused: true, round: { name: 'memory', showing: 1, questions: [{ kind: 'memory', study: ['stop', 'yield'], studyMs: 5000, probe: 'stop', options: ['yes', 'no'] }] } }));
    expect(screen.getByTestId('ability-refused')).toHaveTextContent('这部分没有计分');
  });
});
