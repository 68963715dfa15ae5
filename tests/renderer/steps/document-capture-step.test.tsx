/**
 * The document capture screen (renderer/steps/document-capture) against a
 * mock host that keeps pages per paper the way the host's step does: the
 * document camera from camera.config, a page sent with the step and paper,
 * thumbnails of accepted pages with delete, a refused page said in words,
 * and "continue" enabled only when the host's view says the step may pass.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState, type ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FlowEvent, FlowView } from '../../../electron/contract';
import { fixtureViews } from '../../../renderer/api/fixture-service';
import { createMockKioskApi, fail, ok, type MockHandlers } from '../../../renderer/api/mock';
import { renderStep, steps } from '../../../renderer/steps';
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

/** The fixture's papers: a lease of 1–3 pages and a labour contract of exactly 2. */
function hostModel(refuse: (n: number) => string | null = () => null) {
  const pages: Record<string, string[]> = { lease: [], contract: [] };
  let n = 0;
  const view = (): FlowView => {
    const base = fixtureViews.documentCapture();
    if (base.data.step !== 'documentCapture') throw new Error('fixture');
    const papers = base.data.papers.map((paper) => ({ ...paper, pageIds: [...(pages[paper.value] ?? [])] }));
    const ready = papers.every((paper) => paper.pageIds.length >= paper.minPages && paper.pageIds.length <= paper.maxPages);
    return { ...base, accepts: ready ? ['CONFIRM', 'BACK'] : ['BACK'], data: { ...base.data, papers, ready } };
  };
  const handlers: MockHandlers = {
    'camera.config': () => ok<'camera.config'>({ face: null, document: { label: 'Fake' }, maxFaceAttempts: 3, maxPhotoRetakes: 6 }),
    'devices.reportCamera': () => ok<'devices.reportCamera'>({ accepted: true }),
    'document.submit': ({ paper }) => {
      n += 1;
      const reason = refuse(n);
      if (reason) return ok<'document.submit'>({ accepted: false, reason: 'tooBlurred', messageKey: reason });
      pages[paper]!.push(`page-${n}`);
      return ok<'document.submit'>({ accepted: true, pageId: `page-${n}`, width: 1280, height: 960, corners: null, hintKey: null, preview: fakeJpeg(100 + n) });
    },
    'document.deletePage': ({ paper, pageId }) => {
      pages[paper] = (pages[paper] ?? []).filter((id) => id !== pageId);
      return ok<'document.deletePage'>({ deleted: true });
    },
  };
  return { pages, view, handlers };
}

/** The step as the runner draws it, asking the model for the new view on refresh. */
function renderCapture(model: ReturnType<typeof hostModel>, options: { language?: 'zh-CN' | 'en'; first?: FlowView } = {}) {
  const api = createMockKioskApi(model.handlers);
  const send = vi.fn<(event: FlowEvent) => Promise<void>>(() => Promise.resolve());
  function Harness(): ReactElement {
    const [current, setCurrent] = useState(options.first ?? model.view());
    return renderStep(steps, {
      view: current,
      api,
      sessionId: 's-1',
      elderMode: false,
      send,
      accepts: (type) => current.accepts.includes(type),
      refresh: async () => setCurrent(model.view()),
      onError: () => undefined,
      onFinish: () => undefined,
    });
  }
  const rendered = renderWithKiosk(<Harness />, { language: options.language ?? 'zh-CN' });
  return { api, send, rendered };
}

async function take(): Promise<void> {
  const button = await screen.findByTestId('document-take');
  await waitFor(() => expect(button).toBeEnabled());
  await act(async () => fireEvent.click(button));
}

let camera: FakeCamera;
beforeEach(() => {
  jpegs.next = 0;
  camera = installFakeCamera();
});
afterEach(() => camera.restore());

describe('document capture step', () => {
  it('opens the document camera and lists the papers with what each needs; continue is disabled', async () => {
    const model = hostModel();
    renderCapture(model);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('请拍摄申请材料');
    expect(screen.getByTestId('paper-count-lease')).toHaveTextContent('已拍0页，需要1至3页');
    expect(screen.getByTestId('paper-count-contract')).toHaveTextContent('已拍0页，需要2页');
    await waitFor(() => expect(camera.getUserMedia).toHaveBeenCalledWith({ video: expect.objectContaining({ deviceId: { exact: 'cam-1' } }), audio: false }));
    expect(screen.getByTestId('document-confirm')).toBeDisabled();
    expect(screen.getByTestId('document-capture-step')).toHaveAttribute('data-paper', 'lease');
  });

  it('a page goes to the host with the step and the paper; the accepted page shows as a thumbnail', async () => {
    const model = hostModel();
    const { api } = renderCapture(model);
    await take();
    expect(api.callsTo('document.submit')).toEqual([{ sessionId: 's-1', stepId: 'papers', paper: 'lease', jpeg: fakeJpeg(1) }]);
    const page = await screen.findByTestId('page-page-1');
    // The thumbnail is the host's preview of the page it kept (straightened), not the frame sent.
    expect(within(page).getByRole('img')).toHaveAttribute('src', `data:image/jpeg;base64,${fakeJpeg(101)}`);
    expect(screen.getByTestId('paper-count-lease')).toHaveTextContent('已拍1页');
  });

  it('continue is enabled only when the host says every paper has its pages, and sends CONFIRM', async () => {
    const model = hostModel();
    const { send } = renderCapture(model);
    await take();
    fireEvent.click(screen.getByTestId('paper-choose-contract'));
    expect(screen.getByTestId('document-capture-step')).toHaveAttribute('data-paper', 'contract');
    await take();
    expect(screen.getByTestId('document-confirm')).toBeDisabled();
    await take();
    expect(model.pages).toEqual({ lease: ['page-1'], contract: ['page-2', 'page-3'] });
    // The contract has all its pages: no more can be taken for it.
    expect(screen.getByTestId('document-take')).toBeDisabled();
    expect(screen.getByTestId('document-take')).toHaveTextContent('这份材料已拍完');
    const confirm = screen.getByTestId('document-confirm');
    expect(confirm).toBeEnabled();
    await act(async () => fireEvent.click(confirm));
    expect(send).toHaveBeenCalledWith({ type: 'CONFIRM' });
  });

  it('a page lying still is taken without a touch, once; the host\'s hint for a page kept as photographed is shown', async () => {
    const model = hostModel();
    const submit = model.handlers['document.submit']!;
    model.handlers['document.submit'] = (params) => {
      const outcome = submit(params);
      return 'ok' in outcome && outcome.ok && outcome.value.accepted ? ok<'document.submit'>({ ...outcome.value, hintKey: 'camera.document.hint.notStraightened' }) : outcome;
    };
    // The video has frames, and its tiny samples show the same light page every time.
    const still = { drawImage: () => undefined, getImageData: () => ({ data: new Uint8ClampedArray(64 * 48 * 4).fill(200) }) };
    vi.mocked(HTMLCanvasElement.prototype.getContext).mockReturnValue(still as never);
    const size = { videoWidth: Object.getOwnPropertyDescriptor(HTMLVideoElement.prototype, 'videoWidth'), videoHeight: Object.getOwnPropertyDescriptor(HTMLVideoElement.prototype, 'videoHeight') };
    Object.defineProperty(HTMLVideoElement.prototype, 'videoWidth', { configurable: true, get: () => 1280 });
    Object.defineProperty(HTMLVideoElement.prototype, 'videoHeight', { configurable: true, get: () => 960 });
    try {
      const { api } = renderCapture(model);
      await waitFor(() => expect(api.callsTo('document.submit')).toHaveLength(1), { timeout: 4000 });
      expect(await screen.findByTestId('document-hint')).toHaveTextContent('未能找到材料边缘，已按原样保存');
      // The same page still lying there is not taken again.
      await new Promise((resolve) => setTimeout(resolve, 1600));
      expect(api.callsTo('document.submit')).toHaveLength(1);
    } finally {
      for (const [name, descriptor] of Object.entries(size)) {
        if (descriptor) Object.defineProperty(HTMLVideoElement.prototype, name, descriptor);
        else delete (HTMLVideoElement.prototype as unknown as Record<string, unknown>)[name];
      }
    }
  });

  it('delete asks the host, and the page leaves the screen; the citizen retakes it', async () => {
    const model = hostModel();
    const { api } = renderCapture(model);
    await take();
    await act(async () => fireEvent.click(screen.getByTestId('page-delete-page-1')));
    expect(api.callsTo('document.deletePage')).toEqual([{ sessionId: 's-1', stepId: 'papers', paper: 'lease', pageId: 'page-1' }]);
    await waitFor(() => expect(screen.queryByTestId('page-page-1')).toBeNull());
    await take();
    expect(await screen.findByTestId('page-page-2')).toBeInTheDocument();
  });

  it('a refused page is said in words and not shown as a page; a refused call too', async () => {
    const model = hostModel((n) => (n === 1 ? 'camera.document.tooBlurred' : null));
    model.handlers['document.deletePage'] = () => fail('invalidParams', 'camera.document.unknownPage');
    renderCapture(model);
    await take();
    expect(await screen.findByRole('alert')).toHaveTextContent('照片模糊，请将材料放平、保持不动后重拍');
    expect(screen.getByTestId('paper-lease')).toHaveAttribute('data-pages', '0');
    await take();
    await act(async () => fireEvent.click(await screen.findByTestId('page-delete-page-2')));
    expect(screen.getByRole('alert')).toHaveTextContent('没有找到这一页');
  });

  it('while the host puts the papers together, a calm wait; the host’s message after a failed try', async () => {
    const model = hostModel();
    const base = fixtureViews.documentCapture();
    if (base.data.step !== 'documentCapture') throw new Error('fixture');
    const { rendered } = renderCapture(model, { first: { ...base, accepts: [], data: { ...base.data, state: 'assembling' } } });
    expect(screen.getByTestId('waiting')).toHaveTextContent('正在整理您的材料');
    rendered.unmount();
    renderCapture(model, { first: { ...base, messageKey: 'flow.documentCapture.pageMissing' } });
    expect(screen.getByRole('alert')).toHaveTextContent('有一页材料找不到了');
  });

  it('without the document camera settings, says so; in English too', async () => {
    const model = hostModel();
    model.handlers['camera.config'] = () => fail('deviceUnavailable');
    renderCapture(model, { language: 'en' });
    expect(await screen.findByTestId('document-camera-unavailable')).toHaveTextContent('The document camera cannot be used now');
    expect(screen.getByTestId('document-take')).toBeDisabled();
    expect(screen.getByTestId('document-capture-step')).not.toHaveTextContent(/[\u4e00-\u9fff]/);
  });
});
