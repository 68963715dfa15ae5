/**
 * The photo screen's second way (renderer/steps/photo/StudioReceipt): "I
 * have a photo studio receipt", then a scanned or typed code; the screen
 * shows the photo the host fetched and checked, the citizen accepts it with
 * photo.choose (the host passes the step), and each refusal is worded in
 * zh-CN and en. The screen decides nothing itself.
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StudioPhoto, StudioPhotoRefusal } from '../../../electron/contract';
import { fail, ok, type MockHandlers } from '../../../renderer/api/mock';
import { fixtureKey, fixtureView } from '../../../renderer/api/fixture-service';
import { renderFlowStep } from '../flows/support';
import { fakeJpeg, installFakeCamera, type FakeCamera } from './photo-document-support';

// As in photo-flow-step.test.tsx: the camera screen runs without a face model.
vi.mock('../../../renderer/camera/use-face-loop', () => ({ useFaceLoop: () => ({ detector: { kind: 'ready', backend: 'fake' }, latest: null }) }));

const CODE = 'SB2026RID00000000001';
const photoView = (studioReceipt = true) =>
  fixtureView({ step: 'photo', spec: 'residentId', titleKey: fixtureKey('photo.title'), maxTakes: 3, takes: 0, chosen: false, studioReceipt });
const studioPhoto = (passed = true): StudioPhoto => ({
  candidateId: 'studio-1',
  spec: 'residentId',
  passed,
  rules: [
    { rule: 'face', passed: true, measured: 1, min: 1, max: 1 },
    { rule: 'background', passed, measured: passed ? 3 : 30, min: 0, max: 12 },
  ],
  jpeg: fakeJpeg(7),
});

/** A host with a camera (or none) whose photo.studioFetch answers `outcome`. */
function host(options: { camera?: boolean; refuse?: StudioPhotoRefusal; passed?: boolean } = {}): MockHandlers {
  return {
    'consent.record': ({ granted }) => ok<'consent.record'>({ kind: 'biometric', granted, recordedAt: '2026-05-01T08:03:00.000Z' }),
    'camera.config': () => (options.camera === false ? fail('deviceUnavailable') : ok<'camera.config'>({ face: null, document: null, maxFaceAttempts: 3, maxPhotoRetakes: 6 })),
    'devices.reportCamera': () => ok<'devices.reportCamera'>({ accepted: true }),
    'photo.studioFetch': () =>
      ok<'photo.studioFetch'>(options.refuse ? { result: 'refused', reason: options.refuse } : { result: 'fetched', photo: studioPhoto(options.passed ?? true) }),
    'photo.choose': () => ok<'photo.choose'>({ chosen: true }),
  };
}

async function agree(): Promise<void> {
  await act(async () => fireEvent.click(screen.getByTestId('consent-agree')));
}

async function typeCode(code: string): Promise<void> {
  for (const c of code) await act(async () => fireEvent.click(screen.getByTestId(`latin-keyboard-key-${c}`)));
  await act(async () => fireEvent.click(screen.getByTestId('latin-keyboard-confirm')));
}

let camera: FakeCamera;
beforeEach(() => {
  camera = installFakeCamera();
});
afterEach(() => camera.restore());

describe('photo screen: a photo studio receipt', () => {
  it('a typed code shows the photo the host fetched; accepting it tells the host, which passes the step', async () => {
    const { api, refresh, send } = renderFlowStep(photoView(), host());
    await agree();
    await act(async () => fireEvent.click(await screen.findByTestId('photo-studio-offer')));
    expect(screen.getByTestId('studio-receipt')).toHaveTextContent('请将回执上的二维码或条形码对准扫码器');
    await typeCode(CODE);
    expect(api.callsTo('photo.studioFetch')).toEqual([{ sessionId: 's-1', code: CODE }]);
    await waitFor(() => expect(screen.getByTestId('studio-receipt-photo')).toHaveAttribute('data-passed', 'true'));
    expect(screen.getByTestId('studio-receipt-photo')).toHaveTextContent('这是照相馆上传的照片');
    await act(async () => fireEvent.click(screen.getByTestId('studio-receipt-use')));
    expect(api.callsTo('photo.choose')).toEqual([{ sessionId: 's-1', spec: 'residentId', candidateId: 'studio-1' }]);
    await waitFor(() => expect(refresh).toHaveBeenCalledTimes(1));
    expect(screen.getByTestId('photo-flow-step')).toHaveAttribute('data-phase', 'chosen');
    expect(send).not.toHaveBeenCalled();
  });

  it('a studio photo that failed the host’s checks shows why and cannot be used', async () => {
    const { api } = renderFlowStep(photoView(), host({ passed: false }));
    await agree();
    await act(async () => fireEvent.click(await screen.findByTestId('photo-studio-offer')));
    await typeCode(CODE);
    await waitFor(() => expect(screen.getByTestId('studio-receipt-photo')).toHaveAttribute('data-passed', 'false'));
    expect(screen.getByTestId('photo-rule-background')).toHaveAttribute('data-passed', 'false');
    expect(screen.queryByTestId('studio-receipt-use')).toBeNull();
    expect(api.callsTo('photo.choose')).toEqual([]);
  });

  it.each([
    ['notFound', 'zh-CN', '未找到该编号的照片'],
    ['wrongSpec', 'zh-CN', '该回执是其他证件的照片'],
    ['expired', 'zh-CN', '该回执已过期'],
    ['unavailable', 'zh-CN', '暂时无法连接照片系统'],
    ['badCode', 'zh-CN', '这不是照片回执编号'],
    ['tooManyTries', 'zh-CN', '回执编号尝试次数过多'],
    ['notFound', 'en', 'No photo was found for this code'],
    ['wrongSpec', 'en', 'another kind of photo'],
    ['expired', 'en', 'This receipt has expired'],
    ['unavailable', 'en', 'The photo system cannot be reached'],
  ] as const)('a refused receipt (%s) is worded in %s and the citizen may try again or use the camera', async (reason, language, text) => {
    const { refresh } = renderFlowStep(photoView(), host({ camera: false, refuse: reason }), { language });
    await agree();
    // Without a camera the receipt is still offered.
    await act(async () => fireEvent.click(await screen.findByTestId('photo-studio-offer')));
    await typeCode(CODE);
    expect(await screen.findByTestId('studio-receipt-alert')).toHaveTextContent(text);
    expect(screen.getByTestId('studio-receipt')).toHaveAttribute('data-state', 'enter');
    expect(screen.getByTestId('latin-keyboard')).toBeInTheDocument();
    expect(refresh).not.toHaveBeenCalled();
    await act(async () => fireEvent.click(screen.getByTestId('studio-receipt-camera')));
    expect(screen.getByTestId('photo-unavailable')).toBeInTheDocument();
  });

  it('a receipt scanned while the camera is up opens the receipt screen with the host’s answer; another session’s scan does not', async () => {
    const { api } = renderFlowStep(photoView(), host());
    await agree();
    await screen.findByTestId('photo-step');
    act(() => api.emit('photo.studioScanned', { sessionId: 'other', outcome: { result: 'fetched', photo: studioPhoto() } }));
    expect(screen.getByTestId('photo-flow-step')).toHaveAttribute('data-phase', 'take');
    act(() => api.emit('photo.studioScanned', { sessionId: 's-1', outcome: { result: 'fetched', photo: studioPhoto() } }));
    expect(screen.getByTestId('photo-flow-step')).toHaveAttribute('data-phase', 'studio');
    expect(screen.getByTestId('studio-receipt-photo')).toHaveAttribute('data-passed', 'true');
    // A second scan on the receipt screen replaces the answer.
    act(() => api.emit('photo.studioScanned', { sessionId: 's-1', outcome: { result: 'refused', reason: 'expired' } }));
    expect(screen.getByTestId('studio-receipt-alert')).toHaveTextContent('该回执已过期');
    expect(api.callsTo('photo.studioFetch')).toEqual([]);
  });

  it('a step that takes no receipts offers none', async () => {
    renderFlowStep(photoView(false), host());
    await agree();
    await screen.findByTestId('photo-step');
    expect(screen.queryByTestId('photo-studio-offer')).toBeNull();
  });
});
