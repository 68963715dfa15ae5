import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FlowStepData } from '../../../electron/contract';
import { renderFlowStep } from '../flows/support';
import { viewOf } from '../flows/views';

type Data = Extract<FlowStepData, { step: 'fingerprints' }>;
const data = (over: Partial<Data> = {}): Data => ({ step: 'fingerprints', finger: 11, state: 'capturing', capture: 1, liveQuality: null, lastQuality: null, minQuality: 50, tries: 0, maxTries: 3, failure: null, captured: [], required: 2, exemptions: [], ...over });

describe('fingerprints step', () => {
  it('names the finger in large words, highlights it on the hands, and shows the live quality', () => {
    renderFlowStep(viewOf(data({ liveQuality: 64 }), ['EXEMPT_FINGER']));
    expect(screen.getByTestId('fingerprint-finger')).toHaveTextContent('请将右手拇指平放在采集仪上');
    expect(screen.getByTestId('finger-11')).toHaveAttribute('data-state', 'current');
    expect(screen.getByTestId('finger-16')).toHaveAttribute('data-state', 'idle');
    expect(screen.getByTestId('fingerprint-quality')).toHaveAttribute('aria-valuenow', '64');
    expect(screen.getByText('64 分（需达到 50 分）')).toBeInTheDocument();
    expect(screen.queryByTestId('fingerprint-retry')).toBeNull();
  });

  it('after an unclear print: says so, offers Try again with the tries left, and marks the taken finger', () => {
    const { send } = renderFlowStep(
      viewOf(data({ finger: 16, state: 'badQuality', lastQuality: 22, tries: 1, captured: [{ finger: 11, quality: 86 }] }), ['RETRY', 'EXEMPT_FINGER'], { messageKey: 'flow.fingerprints.badQuality' }),
    );
    expect(screen.getByTestId('fingerprint-message')).toHaveTextContent('这次采集不够清晰');
    expect(screen.getByText('此手指还可尝试 2 次')).toBeInTheDocument();
    expect(screen.getByTestId('finger-11')).toHaveAttribute('data-state', 'taken');
    expect(screen.getByTestId('finger-16')).toHaveAttribute('data-state', 'current');
    expect(screen.getByText('第 2 枚，共 2 枚')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('fingerprint-retry'));
    expect(send).toHaveBeenLastCalledWith({ type: 'RETRY' });
  });

  it('lets the citizen say the finger is missing or injured', () => {
    const { send } = renderFlowStep(viewOf(data(), ['EXEMPT_FINGER']));
    fireEvent.click(screen.getByTestId('fingerprint-exempt-missing'));
    expect(send).toHaveBeenLastCalledWith({ type: 'EXEMPT_FINGER', reason: 'missing' });
    fireEvent.click(screen.getByTestId('fingerprint-exempt-damaged'));
    expect(send).toHaveBeenLastCalledWith({ type: 'EXEMPT_FINGER', reason: 'damaged' });
  });

  it('while the prints are compared with the card: says so and offers nothing to press', () => {
    renderFlowStep(viewOf(data({ finger: null, state: 'comparing', capture: 3, captured: [{ finger: 11, quality: 86 }, { finger: 16, quality: 80 }], compare: { noMatches: 0, maxTries: 2 } }), []));
    expect(screen.getByTestId('fingerprint-comparing')).toHaveTextContent('正在与身份证内的指纹比对');
    expect(screen.queryByTestId('fingerprint-retry')).toBeNull();
    expect(screen.queryByTestId('fingerprint-exempt-missing')).toBeNull();
  });

  it('when they did not match the card: says so, with the comparisons left, and Try again takes them again', () => {
    const { send } = renderFlowStep(
      viewOf(data({ finger: null, state: 'noMatch', capture: 3, captured: [{ finger: 11, quality: 86 }, { finger: 16, quality: 80 }], compare: { noMatches: 1, maxTries: 2 } }), ['RETRY'], { messageKey: 'flow.fingerprints.noMatch' }),
      {},
      { language: 'en' },
    );
    expect(screen.getByTestId('fingerprint-message')).toHaveTextContent('did not match the ones on your ID card');
    expect(screen.getByText('Comparisons left: 1')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('fingerprint-retry'));
    expect(send).toHaveBeenLastCalledWith({ type: 'RETRY' });
  });

  it('speaks English in English', () => {
    renderFlowStep(viewOf(data({ finger: 12 }), ['EXEMPT_FINGER']), {}, { language: 'en' });
    expect(screen.getByTestId('fingerprint-finger')).toHaveTextContent('Press your right index finger flat on the scanner');
  });
});
