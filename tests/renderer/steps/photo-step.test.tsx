/**
 * PhotoStep (renderer/steps/photo) against the strict mock host and a fake
 * camera: the frame goes to photo.check with where to cut it, the photo shown
 * is the one the host made, the host's reply says which rule failed, retakes
 * stop when the host has none left, and choosing sends photo.choose.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PhotoCheckResult, PhotoRuleResult } from '../../../electron/contract';
import { createMockKioskApi, fail, ok, type MockHandlers } from '../../../renderer/api/mock';
import { PhotoStep } from '../../../renderer/steps/photo/PhotoStep';
import { renderWithKiosk } from '../flows/support';
import { fakeJpeg, installFakeCamera, type FakeCamera } from './photo-document-support';

const jpegs = vi.hoisted(() => ({ next: 0 }));

// The face model runs in a Web Worker with WASM in the real kiosk; here a well-placed face in every frame.
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
// jsdom cannot encode a JPEG: each photo gets a distinct, contract-valid stand-in.
vi.mock('../../../renderer/camera/frame', async (importOriginal) => {
  const { fakeJpeg: jpeg } = await import('./photo-document-support');
  return { ...(await importOriginal<object>()), fitJpeg: () => jpeg((jpegs.next += 1)) };
});

const rule = (name: PhotoRuleResult['rule'], passed: boolean, measured: number | null = null, min: number | null = null, max: number | null = null): PhotoRuleResult => ({
  rule: name,
  passed,
  measured,
  min,
  max,
});

const passingRules = [rule('face', true, 1, 1, 1), rule('background', true, 4, null, 12), rule('headWidth', true, 207, 207, 207)];
const backgroundFails = [rule('face', true, 1, 1, 1), rule('background', false, 31, null, 12), rule('headWidth', true, 207, 207, 207)];

/** The photo the mock host made of frame `n`. */
const hostPhoto = (n: number) => fakeJpeg(100 + n);

/** A host that allows `retakes` retakes after the first photo; `passes(n)` decides photo n (1-based). */
function photoHost(retakes: number, passes: (n: number) => boolean): MockHandlers {
  let taken = 0;
  return {
    'photo.check': ({ spec }) => {
      taken += 1;
      const passed = passes(taken);
      const result: PhotoCheckResult = {
        candidateId: `cand-${taken}`,
        spec,
        passed,
        rules: passed ? passingRules : backgroundFails,
        retakesLeft: Math.max(0, retakes - taken + 1),
        jpeg: hostPhoto(taken),
      };
      return ok<'photo.check'>(result);
    },
    'photo.choose': () => ok<'photo.choose'>({ chosen: true }),
    // The step tells the host what opening the camera found (the device list shows it).
    'devices.reportCamera': () => ok<'devices.reportCamera'>({ accepted: true }),
  };
}

function renderPhoto(handlers: MockHandlers) {
  const api = createMockKioskApi(handlers);
  const onDone = vi.fn<(candidateId: string) => void>();
  const view = renderWithKiosk(<PhotoStep api={api} sessionId="s-1" spec="residentId" camera={null} onDone={onDone} />);
  return { api, onDone, view };
}

/** Waits for the camera and a good frame, then presses take (or retake). */
async function takePhoto(): Promise<void> {
  const button = await screen.findByTestId('photo-take');
  await waitFor(() => expect(button).toBeEnabled());
  await act(async () => fireEvent.click(button));
  await waitFor(() => expect(screen.getByTestId('photo-take')).toBeEnabled());
}

let camera: FakeCamera;
beforeEach(() => {
  jpegs.next = 0;
  camera = installFakeCamera();
});
afterEach(() => camera.restore());

describe('photo step (standard photo)', () => {
  it('opens the camera, waits for a good face, and sends the photo to photo.check', async () => {
    const { api } = renderPhoto(photoHost(6, () => true));
    expect(screen.getByTestId('photo-step')).toHaveAttribute('data-spec', 'residentId');
    await waitFor(() => expect(screen.getByTestId('camera-view')).toHaveAttribute('data-camera-state', 'live'));
    expect(camera.getUserMedia).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.getByTestId('photo-guidance')).toHaveTextContent('很好，请保持不动'));
    expect(screen.getByTestId('photo-take')).toHaveTextContent('拍照');
    await takePhoto();
    // The whole frame, and where the renderer suggests cutting the photo from it.
    expect(api.callsTo('photo.check')).toEqual([{ sessionId: 's-1', spec: 'residentId', frame: fakeJpeg(1), crop: { x: expect.any(Number), y: expect.any(Number), width: expect.any(Number) } }]);
    expect(screen.getByTestId('photo-result')).toHaveAttribute('data-passed', 'true');
    // What the citizen sees is the host's photo, the file that is kept when chosen.
    expect(within(screen.getByTestId('photo-result')).getByRole('presentation')).toHaveAttribute('src', `data:image/jpeg;base64,${hostPhoto(1)}`);
    expect(screen.getByTestId('photo-result')).toHaveTextContent('照片符合标准');
    expect(screen.getByTestId('photo-take')).toHaveTextContent('重拍');
    expect(screen.getByTestId('photo-retakes')).toHaveTextContent('还可以重拍 6 次');
    expect(api.unexpectedCalls).toEqual([]);
  });

  it('a failing photo shows which rule failed, with the measured value and the range, and cannot be chosen', async () => {
    renderPhoto(photoHost(6, () => false));
    await takePhoto();
    const result = screen.getByTestId('photo-result');
    expect(result).toHaveAttribute('data-passed', 'false');
    expect(result).toHaveTextContent('照片不符合标准');
    const background = screen.getByTestId('photo-rule-background');
    expect(background).toHaveAttribute('data-passed', 'false');
    expect(background).toHaveTextContent('背景须为纯色（白色）且均匀 — 31，要求 ≤ 12');
    expect(screen.getByTestId('photo-rule-face')).toHaveAttribute('data-passed', 'true');
    expect(screen.getByTestId('photo-rule-headWidth')).not.toHaveTextContent('要求');
    expect(screen.queryByTestId('photo-choose')).not.toBeInTheDocument();
  });

  it('in English, the failed rule is named in English', async () => {
    const api = createMockKioskApi(photoHost(6, () => false));
    renderWithKiosk(<PhotoStep api={api} sessionId="s-1" spec="exitEntry" camera={null} onDone={() => {}} />, { language: 'en' });
    await takePhoto();
    expect(screen.getByTestId('photo-rule-background')).toHaveTextContent('Plain, even (white) background — 31, required ≤ 12');
  });

  it('offers retake up to 6 times, then stops offering it', async () => {
    const { api } = renderPhoto(photoHost(6, () => false));
    await takePhoto();
    for (let retake = 1; retake <= 6; retake += 1) {
      expect(screen.getByTestId('photo-take')).toHaveTextContent('重拍');
      await act(async () => fireEvent.click(screen.getByTestId('photo-take')));
      if (retake < 6) await waitFor(() => expect(screen.getByTestId('photo-retakes')).toHaveTextContent(`还可以重拍 ${6 - retake} 次`));
    }
    await waitFor(() => expect(screen.getByTestId('photo-retakes')).toHaveTextContent('重拍次数已用完'));
    expect(screen.queryByTestId('photo-take')).not.toBeInTheDocument();
    expect(api.callsTo('photo.check')).toHaveLength(7);
    // Every photo stays on screen to look at, the latest selected.
    const thumbnails = within(screen.getByText('已拍照片（点击选择）').parentElement!).getAllByRole('button');
    expect(thumbnails).toHaveLength(7);
    expect(thumbnails[6]).toHaveAttribute('aria-pressed', 'true');
  });

  it('after the last retake, an earlier passing photo can still be chosen', async () => {
    const { api, onDone } = renderPhoto(photoHost(1, (n) => n === 1));
    await takePhoto();
    await act(async () => fireEvent.click(screen.getByTestId('photo-take')));
    await waitFor(() => expect(screen.queryByTestId('photo-take')).not.toBeInTheDocument());
    expect(screen.queryByTestId('photo-choose')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '1' }));
    await act(async () => fireEvent.click(screen.getByTestId('photo-choose')));
    expect(api.callsTo('photo.choose')).toEqual([{ sessionId: 's-1', spec: 'residentId', candidateId: 'cand-1' }]);
    expect(onDone).toHaveBeenCalledWith('cand-1');
  });

  it('choosing a passing photo sends photo.choose, reports the candidate, and the camera is let go', async () => {
    const { api, onDone, view } = renderPhoto(photoHost(6, () => true));
    await takePhoto();
    await act(async () => fireEvent.click(screen.getByTestId('photo-choose')));
    expect(api.callsTo('photo.choose')).toEqual([{ sessionId: 's-1', spec: 'residentId', candidateId: 'cand-1' }]);
    expect(onDone).toHaveBeenCalledWith('cand-1');
    expect(screen.getByTestId('photo-guidance')).toHaveTextContent('已选定照片');
    expect(screen.queryByTestId('camera-view')).not.toBeInTheDocument();
    // The flow moves on to its next step: the stream is stopped.
    view.unmount();
    expect(camera.stopped()).toBe(1);
  });

  it('a refusal from the host is said in words and the photo is not chosen', async () => {
    const { onDone } = renderPhoto({ ...photoHost(6, () => true), 'photo.choose': () => fail('invalidParams', 'photo.failedCandidate') });
    await takePhoto();
    await act(async () => fireEvent.click(screen.getByTestId('photo-choose')));
    expect(screen.getByRole('alert')).toHaveTextContent('这张照片不符合标准，请选择合格的照片');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('a photo the host cannot read is explained, and the citizen can take another', async () => {
    const { api } = renderPhoto({ ...photoHost(6, () => true), 'photo.check': () => fail('invalidParams', 'photo.unreadable') });
    await takePhoto();
    expect(screen.getByRole('alert')).toHaveTextContent('照片无法识别，请重拍');
    expect(screen.getByTestId('photo-take')).toHaveTextContent('拍照');
    expect(api.callsTo('photo.check')).toHaveLength(1);
  });
});

describe('photo step: camera problems', () => {
  it('a refused camera is said in words, with a retry', async () => {
    camera.restore();
    camera = installFakeCamera('NotAllowedError');
    renderPhoto(photoHost(6, () => true));
    expect(await screen.findByTestId('camera-problem')).toHaveAttribute('data-problem', 'refused');
    expect(screen.getByTestId('camera-problem')).toHaveTextContent('摄像头权限被拒绝');
  });
});
