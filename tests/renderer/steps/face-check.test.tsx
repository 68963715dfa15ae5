import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../renderer/api/mock';
import { renderFlowStep } from '../flows/support';
import { views } from '../flows/views';

const recorded = (granted: boolean) =>
  ok<'consent.record'>({ kind: 'biometric', granted, recordedAt: '2026-05-01T08:03:00.000Z' });

describe('face check step (engineer I’s components inside the flow)', () => {
  it('asks the separate biometric consent first, with I’s ConsentStep', () => {
    const { view } = renderFlowStep(views.faceCheck());
    expect(screen.getByTestId('face-consent')).toBeInTheDocument();
    expect(view.voice.keys()).toContain('voice.flow.faceConsent');
  });

  it('a refusal is recorded with the host and sends the citizen to a counter; nothing passes', async () => {
    const { api, refresh } = renderFlowStep(views.faceCheck(), {
      'consent.record': ({ granted }) => recorded(granted),
    });
    await act(async () => fireEvent.click(screen.getByTestId('consent-refuse')));
    expect(await screen.findByTestId('face-consent-refused')).toBeInTheDocument();
    expect(api.callsTo('consent.record')).toEqual([{ sessionId: 's-1', kind: 'biometric', granted: false }]);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('without camera settings, a clear placeholder: not available, go to a counter — never a pass', async () => {
    const { api, refresh } = renderFlowStep(views.faceCheck(), {
      'consent.record': ({ granted }) => recorded(granted),
      'camera.config': () => fail('deviceUnavailable'),
    });
    await act(async () => fireEvent.click(screen.getByTestId('consent-agree')));
    await waitFor(() => expect(screen.getByTestId('face-unavailable')).toHaveTextContent('请到人工窗口办理'));
    expect(api.callsTo('face.verify')).toEqual([]);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('once the host says the face passed (it is looking up the 户籍 now), a calm wait, even when drawn afresh', () => {
    renderFlowStep(views.faceCheck({ lastOutcome: 'passed', attempt: 1 }));
    expect(screen.getByTestId('face-step')).toHaveAttribute('data-phase', 'verified');
    expect(screen.getByTestId('waiting')).toHaveTextContent('人脸核验通过，请稍候');
    expect(screen.queryByTestId('face-consent')).toBeNull();
  });
});
