/**
 * The document capture step under flow control: a plan identify → papers
 * (a lease of 1–3 pages, a labour contract of exactly 2) → review → submit,
 * run by the host's flow runtime with the real document handlers, flow port
 * and PDF maker the host wires. The review is entered only on the citizen's
 * CONFIRM when every paper has an allowed number of pages the host accepted;
 * pages beyond a paper's maximum, pages outside the step, another session's
 * pages and the renderer's own events cannot change that.
 */
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { FlowEvent, type FlowView } from '../../../../../electron/contract';
import { createDocumentPages } from '../../../../../electron/host/capture/documents/document-pages';
import { createDocumentHandlers } from '../../../../../electron/host/capture/documents/handlers';
import { sessionPages } from '../../../../../electron/host/capture/documents/session-pages';
import { createEventBus } from '../../../../../electron/host/events';
import { documentFlowPort } from '../../../../../electron/host/flows/document-to-flow';
import { createFlowRuntime } from '../../../../../electron/host/flows/flow-handlers';
import { startFlowInstance } from '../../../../../electron/host/flows/flow-instance';
import type { FlowService } from '../../../../../electron/host/flows/flow-service';
import {
  buildFlow,
  capturedDocuments,
  documentCaptureStep,
  FlowPlanError,
  identifyStep,
  reviewStep,
  type FlowKit,
  type StepDefinition,
} from '../../../../../electron/host/flows/library';
import { flowOf } from '../../../../../electron/host/flows/session-flow';
import { identityFromTyped } from '../../../../../electron/host/session/identity';
import { createSessionStore } from '../../../../../electron/host/session/session-store';
import { pageJpeg } from '../../capture/documents/pages';

const key = (path: string) => `svc.papers-test.${path}`;

const papersStep = documentCaptureStep({
  id: 'papers',
  labelKey: key('steps.papers'),
  titleKey: key('papers.title'),
  documents: [
    { value: 'lease', labelKey: key('papers.lease'), minPages: 1, maxPages: 3 },
    { value: 'contract', labelKey: key('papers.contract'), minPages: 2, maxPages: 2 },
    { value: 'extra', labelKey: key('papers.extra'), minPages: 0, maxPages: 1 },
  ],
  back: true,
});

/** The last step: CONFIRM submits (ends the run). */
const submitStep: StepDefinition = {
  id: 'submit',
  kind: 'review',
  labelKey: 'flow.steps.done',
  build: (wiring) => ({ on: { CONFIRM: wiring.leave({ to: 'done', outcome: 'submitted' }) } }),
  view: () => ({ data: { step: 'review', titleKey: key('submit'), rows: [], noteKeys: [] } }),
};

const plan = {
  steps: [
    identifyStep(),
    papersStep,
    // The review shows the step's fact, so the test sees it.
    reviewStep({
      labelKey: 'flow.steps.review',
      titleKey: key('review'),
      rows: (context) => (capturedDocuments(context, 'papers')?.papers ?? []).map((paper) => ({ labelKey: key(`papers.${paper.value}`), text: `${paper.pages}:${paper.sha256}` })),
    }),
    submitStep,
  ],
};

let sharpPage: string;
let secondPage: string;
let blurredPage: string;
beforeAll(async () => {
  sharpPage = Buffer.from(await pageJpeg({ seed: 1 })).toString('base64');
  secondPage = Buffer.from(await pageJpeg({ seed: 2 })).toString('base64');
  blurredPage = Buffer.from(await pageJpeg({ seed: 1, blur: 4 })).toString('base64');
});

function setup() {
  const logger = pino({ level: 'silent' });
  const sessions = createSessionStore();
  const documentPages = createDocumentPages(sessions);
  const kit = { serviceId: 'papers-test', audience: ['resident', 'hmt', 'foreigner'], maxFaceAttempts: 3, documentPages } as unknown as FlowKit;
  const built = buildFlow(plan, kit);
  const service: FlowService = {
    id: 'papers-test',
    start: (input) =>
      startFlowInstance({
        serviceId: 'papers-test',
        flowId: input.flowId,
        machine: built.machine,
        input: { sessionId: input.sessionId, flowId: input.flowId, identity: input.identity },
        path: built.path,
        view: (snapshot) => built.view(snapshot as never),
        onError: (error) => {
          throw error;
        },
      }),
  };
  const runtime = createFlowRuntime({ sessions, bus: createEventBus(() => undefined), logger, services: [service] });
  let n = 0;
  const handlers = createDocumentHandlers({ sessions, logger, newId: () => `page-${++n}`, flow: documentFlowPort(sessions) });

  const open = () => {
    const started = sessions.start({ language: 'zh-CN', elderMode: false, identity: identityFromTyped('410402199001011230') ?? null });
    if (!started.ok) throw new Error('no session');
    return started.value.sessionId;
  };
  let sessionId = open();

  const view = async (): Promise<FlowView> => {
    const reply = await runtime.handlers['flow.current']({ sessionId });
    if (!reply.ok || !reply.value.view) throw new Error('no flow');
    return reply.value.view;
  };
  /** Settles after the view stops changing (the PDFs are made asynchronously). */
  const settled = async (): Promise<FlowView> => {
    for (let i = 0; i < 200; i++) {
      const current = await view();
      if (!(current.data.step === 'documentCapture' && current.data.state === 'assembling')) return current;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('still assembling');
  };
  return {
    sessions,
    documentPages,
    runtime,
    get sessionId() {
      return sessionId;
    },
    view,
    settled,
    start: () => runtime.handlers['flow.start']({ sessionId, serviceId: 'papers-test' }),
    send: (event: FlowEvent) => runtime.handlers['flow.send']({ sessionId, event }),
    submit: (paper: string, jpeg = sharpPage, stepId = 'papers') => handlers['document.submit']({ sessionId, stepId, paper, jpeg }),
    remove: (paper: string, pageId: string, stepId = 'papers') => handlers['document.deletePage']({ sessionId, stepId, paper, pageId }),
    /** Ends this session and opens the next one. */
    next: () => {
      sessions.end(sessionId, 'finished');
      runtime.controls.dispose();
      sessionId = open();
    },
    handlers,
  };
}

type Run = ReturnType<typeof setup>;

async function atPapers(run: Run = setup()): Promise<Run> {
  await run.start();
  await run.send({ type: 'CONFIRM' });
  expect((await run.view()).step).toBe('documentCapture');
  return run;
}

/** Submits a page that must be accepted; its id. */
async function accepted(run: Run, paper: string, jpeg = sharpPage): Promise<string> {
  const reply = await run.submit(paper, jpeg);
  if (!reply.ok || !reply.value.accepted) throw new Error(`page refused: ${JSON.stringify(reply)}`);
  return reply.value.pageId;
}

const counts = (view: FlowView) => (view.data.step === 'documentCapture' ? Object.fromEntries(view.data.papers.map((paper) => [paper.value, paper.pageIds.length])) : null);

describe('document capture step (host library)', () => {
  it('shows the papers with their limits and no image; the citizen cannot pass it without pages, nor send the host’s events', async () => {
    const run = await atPapers();
    const view = await run.view();
    expect(view.data).toEqual({
      step: 'documentCapture',
      titleKey: key('papers.title'),
      papers: [
        { value: 'lease', labelKey: key('papers.lease'), minPages: 1, maxPages: 3, pageIds: [] },
        { value: 'contract', labelKey: key('papers.contract'), minPages: 2, maxPages: 2, pageIds: [] },
        { value: 'extra', labelKey: key('papers.extra'), minPages: 0, maxPages: 1, pageIds: [] },
      ],
      state: 'capturing',
      ready: false,
    });
    expect(view.accepts).toEqual(['BACK']);
    expect(await run.send({ type: 'CONFIRM' })).toMatchObject({ ok: false, error: { messageKey: 'flow.eventNotAccepted' } });
    expect(FlowEvent.safeParse({ type: 'PAGE_ACCEPTED', stepId: 'papers', paper: 'lease', pageId: 'p', sha256: 'a'.repeat(64) }).success).toBe(false);
    expect(FlowEvent.safeParse({ type: 'PAGE_DELETED', stepId: 'papers', paper: 'lease', pageId: 'p' }).success).toBe(false);
  });

  it('cannot pass with too few pages: CONFIRM is refused until every required paper has its minimum', async () => {
    const run = await atPapers();
    await accepted(run, 'lease');
    await accepted(run, 'contract');
    const short = await run.view();
    expect(counts(short)).toEqual({ lease: 1, contract: 1, extra: 0 });
    expect(short.data).toMatchObject({ ready: false });
    expect(short.accepts).not.toContain('CONFIRM');
    expect(await run.send({ type: 'CONFIRM' })).toMatchObject({ ok: false, error: { messageKey: 'flow.eventNotAccepted' } });
    expect((await run.view()).step).toBe('documentCapture');

    await accepted(run, 'contract', secondPage);
    const full = await run.view();
    expect(full.data).toMatchObject({ ready: true });
    expect(full.accepts).toContain('CONFIRM');
  });

  it('on CONFIRM the host makes one PDF per paper; the fact holds the page counts and the PDFs’ hashes, the PDFs stay in the session', async () => {
    const run = await atPapers();
    await accepted(run, 'lease');
    await accepted(run, 'contract');
    await accepted(run, 'contract', secondPage);
    expect(await run.send({ type: 'CONFIRM' })).toMatchObject({ ok: true });
    const review = await run.settled();
    expect(review.step).toBe('review');
    const lease = run.documentPages.pdf(run.sessionId, 'papers', 'lease')!;
    const contract = run.documentPages.pdf(run.sessionId, 'papers', 'contract')!;
    expect((await PDFDocument.load(lease)).getPageCount()).toBe(1);
    expect((await PDFDocument.load(contract)).getPageCount()).toBe(2);
    const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    expect(review.data).toMatchObject({
      step: 'review',
      rows: [
        { labelKey: key('papers.lease'), text: `1:${sha(lease)}` },
        { labelKey: key('papers.contract'), text: `2:${sha(contract)}` },
      ],
    });
    // The optional paper without pages has no PDF.
    expect(run.documentPages.pdf(run.sessionId, 'papers', 'extra')).toBeUndefined();
    expect(JSON.stringify(review)).not.toContain(sharpPage.slice(100, 160));
  });

  it('refuses a page beyond a paper’s maximum, and keeps nothing of it', async () => {
    const run = await atPapers();
    await accepted(run, 'contract');
    await accepted(run, 'contract', secondPage);
    expect(await run.submit('contract')).toMatchObject({ ok: false, error: { messageKey: 'camera.document.tooManyPages' } });
    await accepted(run, 'extra');
    expect(await run.submit('extra')).toMatchObject({ ok: false, error: { messageKey: 'camera.document.tooManyPages' } });
    expect(counts(await run.view())).toEqual({ lease: 0, contract: 2, extra: 1 });
    expect(sessionPages(run.sessions.get(run.sessionId)!).count()).toBe(3);
  });

  it('a page the host refused (blurred) is not counted', async () => {
    const run = await atPapers();
    expect(await run.submit('lease', blurredPage)).toEqual({ ok: true, value: { accepted: false, reason: 'tooBlurred', messageKey: 'camera.document.tooBlurred' } });
    expect(counts(await run.view())).toEqual({ lease: 0, contract: 0, extra: 0 });
  });

  it('delete works: the page leaves the count and the session (its bytes cleared), and the citizen retakes it', async () => {
    const run = await atPapers();
    await accepted(run, 'lease');
    const first = await accepted(run, 'contract');
    await accepted(run, 'contract', secondPage);
    expect((await run.view()).data).toMatchObject({ ready: true });
    const held = sessionPages(run.sessions.get(run.sessionId)!);
    const bytes = held.find('papers', 'contract', first)!.jpeg;

    expect(await run.remove('contract', first)).toEqual({ ok: true, value: { deleted: true } });
    const after = await run.view();
    expect(counts(after)).toEqual({ lease: 1, contract: 1, extra: 0 });
    expect(after.data).toMatchObject({ ready: false });
    expect(held.find('papers', 'contract', first)).toBeUndefined();
    expect(bytes.every((byte) => byte === 0)).toBe(true);
    // Gone, and only its own paper's page can be deleted.
    expect(await run.remove('contract', first)).toMatchObject({ ok: false, error: { messageKey: 'camera.document.unknownPage' } });

    const retaken = await accepted(run, 'contract');
    expect(retaken).not.toBe(first);
    expect((await run.view()).data).toMatchObject({ ready: true });
  });

  it('no page is taken outside the step: before it, for another step id or an unknown paper, after it', async () => {
    const run = setup();
    await run.start();
    expect(await run.submit('lease')).toMatchObject({ ok: false, error: { messageKey: 'camera.document.notAsked' } });
    await run.send({ type: 'CONFIRM' });
    expect(await run.submit('lease', sharpPage, 'other')).toMatchObject({ ok: false, error: { messageKey: 'camera.document.notAsked' } });
    expect(await run.submit('passport')).toMatchObject({ ok: false, error: { messageKey: 'camera.document.notAsked' } });
    await accepted(run, 'lease');
    await accepted(run, 'contract');
    await accepted(run, 'contract', secondPage);
    await run.send({ type: 'CONFIRM' });
    expect((await run.settled()).step).toBe('review');
    expect(await run.submit('lease')).toMatchObject({ ok: false, error: { messageKey: 'camera.document.notAsked' } });
  });

  it('pages of another session are refused: by its calls, and by the host when it makes the PDFs', async () => {
    const run = await atPapers();
    const old = run.sessionId;
    const theirs = await accepted(run, 'lease');
    const oldHeld = sessionPages(run.sessions.get(old)!);
    const oldBytes = oldHeld.find('papers', 'lease', theirs)!.jpeg;
    run.next();
    // The old session's pages went with it.
    expect(oldBytes.every((byte) => byte === 0)).toBe(true);
    expect(await run.handlers['document.submit']({ sessionId: old, stepId: 'papers', paper: 'lease', jpeg: sharpPage })).toMatchObject({ ok: false, error: { code: 'noSession' } });

    await atPapers(run);
    expect(await run.remove('lease', theirs)).toMatchObject({ ok: false, error: { messageKey: 'camera.document.unknownPage' } });
    // Even a host event naming the old page (a bug elsewhere) cannot make it this session's paper.
    const flow = flowOf(run.sessions.get(run.sessionId)!)!;
    expect(flow.send({ type: 'PAGE_ACCEPTED', stepId: 'papers', paper: 'lease', pageId: theirs, sha256: 'c'.repeat(64) })).toBe(true);
    await accepted(run, 'contract');
    await accepted(run, 'contract', secondPage);
    await run.send({ type: 'CONFIRM' });
    const refused = await run.settled();
    expect(refused.step).toBe('documentCapture');
    expect(refused.messageKey).toBe('flow.documentCapture.pageMissing');
    expect(run.documentPages.pdf(run.sessionId, 'papers', 'contract')).toBeUndefined();
  });

  it('the host’s events for another step, an unknown paper or a repeated page do not count', async () => {
    const run = await atPapers();
    const flow = flowOf(run.sessions.get(run.sessionId)!)!;
    const sha256 = 'd'.repeat(64);
    expect(flow.send({ type: 'PAGE_ACCEPTED', stepId: 'other', paper: 'lease', pageId: 'x1', sha256 })).toBe(false);
    expect(flow.send({ type: 'PAGE_ACCEPTED', stepId: 'papers', paper: 'passport', pageId: 'x2', sha256 })).toBe(false);
    expect(flow.send({ type: 'PAGE_ACCEPTED', stepId: 'papers', paper: 'lease', pageId: 'x3', sha256: 'not-a-hash' })).toBe(false);
    expect(flow.send({ type: 'PAGE_ACCEPTED', stepId: 'papers', paper: 'lease', pageId: 'x4', sha256 })).toBe(true);
    expect(flow.send({ type: 'PAGE_ACCEPTED', stepId: 'papers', paper: 'contract', pageId: 'x4', sha256 })).toBe(false);
    expect(counts(await run.view())).toEqual({ lease: 1, contract: 0, extra: 0 });
  });

  it('BACK forgets the pages the step counted', async () => {
    const run = await atPapers();
    await accepted(run, 'lease');
    await run.send({ type: 'BACK' });
    await run.send({ type: 'CONFIRM' });
    expect(counts(await run.view())).toEqual({ lease: 0, contract: 0, extra: 0 });
  });

  it('session end wipes every page and PDF: zero-filled, and the session data is empty', async () => {
    const run = await atPapers();
    const lease = await accepted(run, 'lease');
    await accepted(run, 'contract');
    await accepted(run, 'contract', secondPage);
    await run.send({ type: 'CONFIRM' });
    await run.settled();
    const session = run.sessions.get(run.sessionId)!;
    const page = sessionPages(session).find('papers', 'lease', lease)!.jpeg;
    const pdf = run.documentPages.pdf(run.sessionId, 'papers', 'contract')!;
    expect(page.some((byte) => byte !== 0)).toBe(true);
    expect(pdf.some((byte) => byte !== 0)).toBe(true);
    run.sessions.end(run.sessionId, 'finished');
    expect(page.every((byte) => byte === 0)).toBe(true);
    expect(pdf.every((byte) => byte === 0)).toBe(true);
    expect(session.data.size).toBe(0);
    expect(run.documentPages.pdf(run.sessionId, 'papers', 'contract')).toBeUndefined();
  });

  it('a plan with the step needs the kit’s pages, and a service’s limits are checked when it is built', () => {
    expect(() => buildFlow(plan, { serviceId: 'x', audience: ['resident'], maxFaceAttempts: 3 } as unknown as FlowKit)).toThrow(FlowPlanError);
    const paper = { value: 'lease', labelKey: key('papers.lease') };
    const step = (documents: Parameters<typeof documentCaptureStep>[0]['documents']) => () => documentCaptureStep({ id: 'p', labelKey: 'l', titleKey: 't', documents });
    expect(step([{ ...paper, minPages: 3, maxPages: 2 }])).toThrow(RangeError);
    expect(step([{ ...paper, minPages: 0, maxPages: 2 }])).toThrow(RangeError);
    expect(step([{ ...paper, minPages: 1, maxPages: 21 }])).toThrow(RangeError);
    expect(step([{ ...paper, minPages: 1, maxPages: 2 }, { ...paper, minPages: 1, maxPages: 2 }])).toThrow(RangeError);
    expect(step([])).toThrow(RangeError);
  });
});
