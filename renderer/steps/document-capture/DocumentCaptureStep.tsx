/**
 * 拍摄材料: the papers the service needs, page by page, with the document
 * camera. The citizen picks a paper and lays a page under the camera: the
 * page is taken by itself once it has lain still for a moment
 * (use-still-capture.ts), or with the large button under the live preview.
 * The pages the host accepted show as thumbnails, each with a delete
 * button; a refused page is said in words. The host checks, straightens and
 * cleans up every page and counts only those it accepted (`document.submit`,
 * `document.deletePage`); "continue" is offered only when the host's view
 * says the step may pass. The thumbnails are the host's previews of the
 * pages it kept (straightened), given in its answer: the view carries page
 * ids, never images.
 */
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraSelector } from '../../../electron/contract';
import { useIdleHold } from '../../app/idle/IdleContext';
import { CameraView } from '../../camera/CameraView';
import { fitJpeg, grabFrame } from '../../camera/frame';
import { useCamera } from '../../camera/use-camera';
import type { StepData, StepProps } from '../../flows/step-props';
import { useStepVoice } from '../../flows/step-voice';
import { Waiting } from '../../flows/Waiting';
import { TouchButton } from '../../ui/TouchButton';
import '../capture-step.css';
import './DocumentCaptureStep.css';
import { useStillCapture } from './use-still-capture';

/** The page's base64 fits document.submit's cap (200 000) with room to spare. */
const MAX_PAGE_CHARS = 195_000;
/** The camera is asked for this; a larger frame is scaled down to its width before encoding. */
const CAPTURE_SIZE = { width: 1280, height: 960 };

type Camera = { kind: 'loading' } | { kind: 'ready'; selector: CameraSelector | null } | { kind: 'unavailable' };
type Paper = StepData<'documentCapture'>['papers'][number];

/** The first paper that still needs pages, else the first with room, else the first. */
function firstOpen(papers: readonly Paper[]): string {
  return (
    (
      papers.find((p) => p.pageIds.length < p.minPages) ??
      papers.find((p) => p.pageIds.length < p.maxPages) ??
      papers[0]
    )?.value ?? ''
  );
}

/** The camera's frame, at most CAPTURE_SIZE wide, as a JPEG that fits the call. */
function capturePage(video: HTMLVideoElement | null): string | null {
  const frame = video ? grabFrame(video) : null;
  if (!frame) return null;
  let canvas = frame.canvas;
  if (canvas.width > CAPTURE_SIZE.width) {
    const scaled = document.createElement('canvas');
    scaled.width = CAPTURE_SIZE.width;
    scaled.height = Math.round((canvas.height * CAPTURE_SIZE.width) / canvas.width);
    scaled.getContext('2d')?.drawImage(canvas, 0, 0, scaled.width, scaled.height);
    canvas = scaled;
  }
  return fitJpeg(canvas, MAX_PAGE_CHARS);
}

/** `data-testid="document-capture-step"` with `data-paper` (the paper being taken). */
export function DocumentCaptureStep({
  view,
  data,
  api,
  sessionId,
  send,
  accepts,
  refresh,
}: StepProps<'documentCapture'>): ReactElement {
  const { t } = useTranslation();
  const [camera, setCamera] = useState<Camera>({ kind: 'loading' });
  const [paper, setPaper] = useState(() => firstOpen(data.papers));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  /** Advice with an accepted page (kept as photographed), not a refusal. */
  const [hint, setHint] = useState<string | null>(null);
  const [thumbs, setThumbs] = useState<Readonly<Record<string, string>>>({});
  const assembling = data.state === 'assembling';
  useStepVoice(view, assembling ? null : 'voice.flow.documentCapture', !assembling);
  useIdleHold(busy);

  useEffect(() => {
    let cancelled = false;
    // A call that fails outright (the link is gone) leaves the camera unavailable, like a refused one.
    Promise.resolve()
      .then(() => api.call('camera.config', {}))
      .then(
        (outcome) => {
          if (!cancelled)
            setCamera(outcome.ok ? { kind: 'ready', selector: outcome.value.document } : { kind: 'unavailable' });
        },
        () => {
          if (!cancelled) setCamera({ kind: 'unavailable' });
        },
      );
    return () => {
      cancelled = true;
    };
  }, [api]);
  const { state, videoRef, retry } = useCamera(camera.kind === 'ready' ? camera.selector : undefined, CAPTURE_SIZE, {
    api,
    role: 'document',
  });

  const current = data.papers.find((p) => p.value === paper) ?? data.papers[0];
  const full = current ? current.pageIds.length >= current.maxPages : true;

  const take = useCallback(async (): Promise<void> => {
    if (!current) return;
    const jpeg = capturePage(videoRef.current);
    if (!jpeg) return;
    setBusy(true);
    setMessage(null);
    setHint(null);
    try {
      const outcome = await api.call('document.submit', { sessionId, stepId: view.stepId, paper: current.value, jpeg });
      if (!outcome.ok) setMessage(outcome.error.messageKey);
      else if (!outcome.value.accepted) setMessage(outcome.value.messageKey);
      else {
        const { pageId, preview, hintKey } = outcome.value;
        setThumbs((before) => ({ ...before, [pageId]: `data:image/jpeg;base64,${preview}` }));
        setHint(hintKey);
        await refresh();
      }
    } finally {
      setBusy(false);
    }
  }, [api, current, refresh, sessionId, videoRef, view.stepId]);

  const remove = useCallback(
    async (paperValue: string, pageId: string): Promise<void> => {
      setBusy(true);
      setMessage(null);
      setHint(null);
      try {
        const outcome = await api.call('document.deletePage', {
          sessionId,
          stepId: view.stepId,
          paper: paperValue,
          pageId,
        });
        if (!outcome.ok) setMessage(outcome.error.messageKey);
        else {
          // The screen's copy of the page goes too.
          setThumbs(({ [pageId]: _deleted, ...kept }) => kept);
          await refresh();
        }
      } finally {
        setBusy(false);
      }
    },
    [api, refresh, sessionId, view.stepId],
  );

  const canTake = !busy && !full && state.kind === 'live' && camera.kind === 'ready' && !assembling;
  useStillCapture(videoRef, canTake, () => void take(), current?.value ?? '');

  const problem = assembling ? null : (message ?? view.messageKey ?? null);
  return (
    <section
      className="step flow-step capture-step document-capture"
      data-testid="document-capture-step"
      data-state={data.state}
      data-paper={current?.value ?? ''}
    >
      <h1 className="step__title">{t(data.titleKey)}</h1>
      {assembling ? <Waiting text={t('flow.documentCapture.assembling')} /> : null}
      {/* Hidden, not removed, while the host makes the PDFs: the camera stays on its video if the citizen is sent back. */}
      <div className="document-capture__body" hidden={assembling}>
        <p className="flow-step__lead">{t('flow.documentCapture.lead')}</p>
        <p className="capture-step__text">{t('flow.documentCapture.auto')}</p>
        <ul className="document-capture__papers" data-testid="document-papers">
          {data.papers.map((p) => {
            const enough = p.pageIds.length >= p.minPages;
            return (
              <li
                key={p.value}
                className={`document-capture__paper${p.value === current?.value ? ' document-capture__paper--current' : ''}`}
                data-testid={`paper-${p.value}`}
                data-pages={p.pageIds.length}
              >
                <TouchButton
                  variant={p.value === current?.value ? 'primary' : 'secondary'}
                  data-testid={`paper-choose-${p.value}`}
                  aria-pressed={p.value === current?.value}
                  onPress={() => setPaper(p.value)}
                >
                  {t(p.labelKey)}
                </TouchButton>
                <span
                  className={`document-capture__count${enough ? ' document-capture__count--ok' : ''}`}
                  data-testid={`paper-count-${p.value}`}
                >
                  {p.minPages === 0
                    ? t('flow.documentCapture.countOptional', { count: p.pageIds.length, max: p.maxPages })
                    : p.minPages === p.maxPages
                      ? t('flow.documentCapture.countExact', { count: p.pageIds.length, max: p.maxPages })
                      : t('flow.documentCapture.countRange', {
                          count: p.pageIds.length,
                          min: p.minPages,
                          max: p.maxPages,
                        })}
                </span>
                <ol className="document-capture__pages">
                  {p.pageIds.map((pageId, index) => (
                    <li key={pageId} className="document-capture__page" data-testid={`page-${pageId}`}>
                      {thumbs[pageId] ? (
                        <img
                          className="document-capture__thumb"
                          src={thumbs[pageId]}
                          alt={t('flow.documentCapture.pageAlt', { paper: t(p.labelKey), number: index + 1 })}
                        />
                      ) : (
                        <span className="document-capture__thumb document-capture__thumb--none">{index + 1}</span>
                      )}
                      <TouchButton
                        variant="secondary"
                        data-testid={`page-delete-${pageId}`}
                        disabled={busy}
                        onPress={() => remove(p.value, pageId)}
                      >
                        {t('flow.documentCapture.delete')}
                      </TouchButton>
                    </li>
                  ))}
                </ol>
              </li>
            );
          })}
        </ul>
        {camera.kind === 'unavailable' ? (
          <div className="flow-step__problem" data-testid="document-camera-unavailable" role="alert">
            <h2 className="step__title">{t('flow.documentCapture.unavailableTitle')}</h2>
            <p>{t('flow.documentCapture.unavailable')}</p>
          </div>
        ) : (
          <CameraView state={state} videoRef={videoRef} guide="page" onRetry={retry} />
        )}
        <p
          className="capture-step__guidance capture-step__guidance--bad"
          role={problem ? 'alert' : undefined}
          data-testid="document-message"
        >
          {problem ? t(problem) : busy ? t('flow.documentCapture.checking') : ''}
        </p>
        {hint && !problem ? (
          <p className="capture-step__guidance" data-testid="document-hint">
            {t(hint)}
          </p>
        ) : null}
        <div className="capture-step__actions">
          <TouchButton
            className="document-capture__take"
            data-testid="document-take"
            disabled={!canTake}
            onPress={take}
          >
            {full
              ? t('flow.documentCapture.paperFull')
              : t('flow.documentCapture.take', { paper: current ? t(current.labelKey) : '' })}
          </TouchButton>
          {/* Enabled only when the host's view says every paper has an allowed number of pages. */}
          <TouchButton
            data-testid="document-confirm"
            disabled={busy || !data.ready || !accepts('CONFIRM')}
            onPress={() => send({ type: 'CONFIRM' })}
          >
            {t('flow.documentCapture.confirm')}
          </TouchButton>
        </div>
      </div>
    </section>
  );
}
