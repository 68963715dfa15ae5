/**
 * DocumentStep (renderer/steps/document) against the strict mock host and a
 * fake camera: capture, review, retake, and submit with document.submit.
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMockKioskApi, fail, ok, type MockHandlers } from '../../../renderer/api/mock';
import { DocumentStep } from '../../../renderer/steps/document/DocumentStep';
import { renderWithKiosk } from '../flows/support';
import { fakeJpeg, installFakeCamera, type FakeCamera } from './photo-document-support';

const jpegs = vi.hoisted(() => ({ next: 0 }));

// jsdom has no video frames or JPEG encoder: a 1280×960 frame, and a distinct stand-in JPEG per capture.
vi.mock('../../../renderer/camera/frame', async (importOriginal) => {
  const { fakeJpeg: jpeg } = await import('./photo-document-support');
  return {
    ...(await importOriginal<object>()),
    grabFrame: () => {
      const canvas = document.createElement('canvas');
      canvas.width = 1280;
      canvas.height = 960;
      return { canvas, image: {} as ImageData };
    },
    fitJpeg: () => jpeg((jpegs.next += 1)),
  };
});

const host: MockHandlers = {
  'document.submit': () => ok<'document.submit'>({ documentId: 'doc-1', width: 1280, height: 960, bytes: 120_000 }),
  'devices.reportCamera': () => ok<'devices.reportCamera'>({ accepted: true }),
};

function renderDocument(handlers: MockHandlers = host, language: 'zh-CN' | 'en' = 'zh-CN') {
  const api = createMockKioskApi(handlers);
  const onDone = vi.fn<(documentId: string) => void>();
  const view = renderWithKiosk(<DocumentStep api={api} sessionId="s-1" camera={{ label: 'Fake' }} onDone={onDone} />, { language });
  return { api, onDone, view };
}

async function capture(): Promise<void> {
  const button = await screen.findByTestId('document-capture');
  await waitFor(() => expect(button).toBeEnabled());
  await act(async () => fireEvent.click(button));
}

let camera: FakeCamera;
beforeEach(() => {
  jpegs.next = 0;
  camera = installFakeCamera();
});
afterEach(() => camera.restore());

describe('document step', () => {
  it('opens the configured document camera with a page frame; capture shows the page for review', async () => {
    const { api } = renderDocument();
    expect(screen.getByTestId('document-capture')).toBeDisabled();
    await capture();
    expect(camera.getUserMedia).toHaveBeenCalledWith({ video: expect.objectContaining({ deviceId: { exact: 'cam-1' } }), audio: false });
    expect(screen.getByTestId('document-preview')).toHaveAttribute('src', `data:image/jpeg;base64,${fakeJpeg(1)}`);
    expect(screen.getByTestId('document-step')).toHaveTextContent('请检查照片是否清晰完整');
    expect(screen.getByTestId('document-submit')).toHaveTextContent('确认使用');
    expect(screen.getByTestId('document-retake')).toHaveTextContent('重拍');
    expect(screen.queryByTestId('document-capture')).not.toBeInTheDocument();
    // Nothing leaves the kiosk before the citizen confirms.
    expect(api.callsTo('document.submit')).toEqual([]);
  });

  it('retake drops the page and goes back to the camera; submit sends the new page with document.submit', async () => {
    const { api, onDone } = renderDocument();
    await capture();
    fireEvent.click(screen.getByTestId('document-retake'));
    expect(screen.queryByTestId('document-preview')).not.toBeInTheDocument();
    await capture();
    expect(screen.getByTestId('document-preview')).toHaveAttribute('src', `data:image/jpeg;base64,${fakeJpeg(2)}`);
    await act(async () => fireEvent.click(screen.getByTestId('document-submit')));
    expect(api.callsTo('document.submit')).toEqual([{ sessionId: 's-1', jpeg: fakeJpeg(2) }]);
    expect(onDone).toHaveBeenCalledWith('doc-1');
    expect(screen.getByTestId('document-step')).toHaveAttribute('data-status', 'submitted');
    expect(screen.getByTestId('document-status')).toHaveTextContent('材料已提交，仅在本次办理中使用');
    expect(screen.queryByTestId('document-submit')).not.toBeInTheDocument();
    expect(screen.queryByTestId('document-retake')).not.toBeInTheDocument();
  });

  it('a refused page is explained in words, and the citizen can retake and submit again', async () => {
    let refuse = true;
    const { api, onDone } = renderDocument({
      ...host,
      'document.submit': () => (refuse ? fail('invalidParams', 'camera.document.unreadable') : ok<'document.submit'>({ documentId: 'doc-2', width: 1280, height: 960, bytes: 90_000 })),
    });
    await capture();
    await act(async () => fireEvent.click(screen.getByTestId('document-submit')));
    expect(screen.getByTestId('document-status')).toHaveTextContent('照片无法识别，请重拍');
    expect(screen.getByTestId('document-step')).toHaveAttribute('data-status', 'idle');
    expect(onDone).not.toHaveBeenCalled();
    refuse = false;
    fireEvent.click(screen.getByTestId('document-retake'));
    await capture();
    await act(async () => fireEvent.click(screen.getByTestId('document-submit')));
    expect(api.callsTo('document.submit').map((p) => p.jpeg)).toEqual([fakeJpeg(1), fakeJpeg(2)]);
    expect(onDone).toHaveBeenCalledWith('doc-2');
  });

  it('submit locks while the host is storing the page (no double submit)', async () => {
    let release: () => void = () => {};
    const { api } = renderDocument({
      ...host,
      'document.submit': () =>
        new Promise((resolve) => {
          release = () => resolve(ok<'document.submit'>({ documentId: 'doc-3', width: 1280, height: 960, bytes: 1 }));
        }),
    });
    await capture();
    fireEvent.click(screen.getByTestId('document-submit'));
    fireEvent.click(screen.getByTestId('document-submit'));
    expect(screen.getByTestId('document-submit')).toBeDisabled();
    expect(screen.getByTestId('document-status')).toHaveTextContent('正在提交…');
    await act(async () => release());
    expect(api.callsTo('document.submit')).toHaveLength(1);
  });

  it('in English', async () => {
    renderDocument(host, 'en');
    await capture();
    expect(screen.getByTestId('document-submit')).toHaveTextContent(/\w/);
    expect(screen.getByTestId('document-step')).not.toHaveTextContent(/[\u4e00-\u9fff]/);
  });

  it('a missing document camera is said in words, and nothing can be captured', async () => {
    const { view } = renderDocument();
    view.unmount();
    camera.restore();
    camera = installFakeCamera('NotFoundError');
    renderDocument();
    expect(await screen.findByTestId('camera-problem')).toHaveAttribute('data-problem', 'noCamera');
    expect(screen.getByTestId('document-capture')).toBeDisabled();
  });
});
