/**
 * The flow's photo screen (renderer/steps/photo/PhotoFlowStep) drawn by the
 * step registry from the host's view: the biometric consent first, then the
 * camera for the spec the step asks for; a photo the host accepted can be
 * chosen with photo.choose, and then the screen only asks the host for the
 * new view. A refused photo cannot be chosen, and nothing passes without a
 * camera.
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PhotoCheckResult } from '../../../electron/contract';
import { fail, ok, type MockHandlers } from '../../../renderer/api/mock';
import { fixtureKey, fixtureView } from '../../../renderer/api/fixture-service';
import { renderFlowStep } from '../flows/support';
import { fakeJpeg, installFakeCamera, type FakeCamera } from './photo-document-support';

const jpegs = vi.hoisted(() => ({ next: 0 }));

// As in photo-step.test.tsx: a well-placed face in every frame, and a contract-valid JPEG stand-in per frame.
vi.mock('../../../renderer/camera/use-face-loop', async () => {
  const { useEffect } = await import('react');
  const { goodObservation: observation } = await import('./photo-document-support');
  return {
    useFaceLoop: (_video: unknown, running: boolean, onFrame: (o: unknown, c: HTMLCanvasElement) => void) => {
      useEffect(() => {
        if (running) onFrame(observation(), document.createElement('canvas'));
      }, [running, onFrame]);
      return { detector: { kind: 'ready', backend: 'fake' }, latest: null };
    },
  };
});
vi.mock('../../../renderer/camera/frame', async (importOriginal) => {
  const { fakeJpeg: jpeg } = await import('./photo-document-support');
  return { ...(await importOriginal<object>()), fitJpeg: () => jpeg((jpegs.next += 1)) };
});

const photoView = (over: { chosen?: boolean; takes?: number } = {}) =>
  fixtureView({ step: 'photo', spec: 'drivingLicence', titleKey: fixtureKey('photo.title'), maxTakes: 3, takes: over.takes ?? 0, chosen: over.chosen ?? false, studioReceipt: false });

/** A host whose photo `n` (1-based) passes when `passes(n)`. */
function host(passes: (n: number) => boolean): MockHandlers {
  let taken = 0;
  return {
    'consent.record': ({ granted }) => ok<'consent.record'>({ kind: 'biometric', granted, recordedAt: '2026-05-01T08:03:00.000Z' }),
    'camera.config': () => ok<'camera.config'>({ face: null, document: null, maxFaceAttempts: 3, maxPhotoRetakes: 6 }),
    'devices.reportCamera': () => ok<'devices.reportCamera'>({ accepted: true }),
    'photo.check': ({ spec }) => {
      taken += 1;
      const passed = passes(taken);
      const result: PhotoCheckResult = {
        candidateId: `cand-${taken}`,
        spec,
        passed,
        rules: [{ rule: 'face', passed, measured: passed ? 1 : 0, min: 1, max: 1 }],
        retakesLeft: Math.max(0, 3 - taken),
        jpeg: fakeJpeg(100 + taken),
      };
      return ok<'photo.check'>(result);
    },
    'photo.choose': () => ok<'photo.choose'>({ chosen: true }),
  };
}

async function agreeAndTake(): Promise<void> {
  await act(async () => fireEvent.click(screen.getByTestId('consent-agree')));
  const button = await screen.findByTestId('photo-take');
  await waitFor(() => expect(button).toBeEnabled());
  await act(async () => fireEvent.click(button));
  await screen.findByTestId('photo-result');
}

let camera: FakeCamera;
beforeEach(() => {
  jpegs.next = 0;
  camera = installFakeCamera();
});
afterEach(() => camera.restore());

describe('photo flow step', () => {
  it('asks the biometric consent first, under the service’s title', () => {
    const { view } = renderFlowStep(photoView());
    expect(screen.getByTestId('photo-flow-step')).toHaveAttribute('data-phase', 'consent');
    expect(view.voice.keys()).toContain('voice.flow.photoConsent');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('请拍摄证件照片');
    expect(screen.getByTestId('face-consent')).toBeInTheDocument();
  });

  it('takes a photo of the step’s spec; choosing an accepted one tells the host, then asks for the new view', async () => {
    const { api, refresh, send } = renderFlowStep(photoView(), host(() => true));
    await agreeAndTake();
    expect(screen.getByTestId('photo-flow-lead')).toHaveTextContent('最多可拍3张');
    expect(api.callsTo('photo.check')).toEqual([expect.objectContaining({ sessionId: 's-1', spec: 'drivingLicence' })]);
    await act(async () => fireEvent.click(screen.getByTestId('photo-choose')));
    expect(api.callsTo('photo.choose')).toEqual([{ sessionId: 's-1', spec: 'drivingLicence', candidateId: 'cand-1' }]);
    await waitFor(() => expect(refresh).toHaveBeenCalledTimes(1));
    expect(screen.getByTestId('photo-flow-step')).toHaveAttribute('data-phase', 'chosen');
    expect(screen.getByTestId('waiting')).toHaveTextContent('照片已选定');
    // The screen sends no event of its own: the host passes the step.
    expect(send).not.toHaveBeenCalled();
  });

  it('a photo the host refused cannot be chosen, and the step does not move', async () => {
    const { api, refresh } = renderFlowStep(photoView(), host(() => false));
    await agreeAndTake();
    expect(screen.getByTestId('photo-result')).toHaveAttribute('data-passed', 'false');
    expect(screen.queryByTestId('photo-choose')).toBeNull();
    expect(api.callsTo('photo.choose')).toEqual([]);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('when the host refuses the choice, it says why and does not move on', async () => {
    const handlers = host(() => true);
    handlers['photo.choose'] = () => ({ ok: false, error: { code: 'invalidParams', messageKey: 'photo.notAsked' } });
    const { refresh } = renderFlowStep(photoView(), handlers);
    await agreeAndTake();
    await act(async () => fireEvent.click(screen.getByTestId('photo-choose')));
    expect(await screen.findByRole('alert')).toHaveTextContent('当前步骤不能选择照片');
    expect(refresh).not.toHaveBeenCalled();
  });

  it('without a camera, says so and sends the citizen to a counter — never a pass', async () => {
    const { api, refresh } = renderFlowStep(photoView(), { ...host(() => true), 'camera.config': () => fail('deviceUnavailable') });
    await act(async () => fireEvent.click(screen.getByTestId('consent-agree')));
    await waitFor(() => expect(screen.getByTestId('photo-unavailable')).toHaveTextContent('请到人工窗口办理'));
    expect(api.callsTo('photo.check')).toEqual([]);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('once chosen, a calm wait even when drawn afresh; in English too', () => {
    renderFlowStep(photoView({ chosen: true, takes: 2 }), {}, { language: 'en' });
    expect(screen.getByTestId('photo-flow-step')).toHaveAttribute('data-phase', 'chosen');
    expect(screen.getByTestId('waiting')).toHaveTextContent('Photo chosen, please wait');
    expect(screen.queryByTestId('face-consent')).toBeNull();
  });
});
