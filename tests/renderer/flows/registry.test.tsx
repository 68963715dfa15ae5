import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FlowStep } from '../../../electron/contract';
import { kioskFlowFor } from '../../../renderer/flows';
import { steps } from '../../../renderer/steps';
import { renderFlowStep } from './support';
import { views } from './views';

const ONE_VIEW_PER_STEP = [
  views.identifyCard(),
  views.consent(),
  views.faceCheck(),
  views.purpose(),
  views.queryRunning(),
  views.review(),
  views.printed(),
  views.done(),
  views.counter(),
  views.referral(),
  views.failed(),
];

describe('step registry', () => {
  it('has a component for every FlowStep of the contract', () => {
    expect(Object.keys(steps).sort()).toEqual([...FlowStep.options].sort());
  });

  it('draws every step with a title and a voice prompt', () => {
    expect(ONE_VIEW_PER_STEP.map((v) => v.step).sort()).toEqual([...FlowStep.options].sort());
    for (const view of ONE_VIEW_PER_STEP) {
      const { view: rendered } = renderFlowStep(view, {});
      expect(rendered.container.querySelector('h1, h2'), view.step).not.toBeNull();
      expect(
        rendered.voice.keys().some((k) => k.startsWith('voice.flow.')),
        view.step,
      ).toBe(true);
      rendered.unmount();
    }
  });

  it('knows the no-criminal-record flow and its main path', () => {
    expect(kioskFlowFor('no-criminal-record')?.progress).toHaveLength(8);
    expect(kioskFlowFor('passport')).toBeNull();
    expect(screen.queryByTestId('flow-runner')).toBeNull();
  });
});
