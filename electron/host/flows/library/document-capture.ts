/**
 * documentCapture: the papers a service needs (房屋租赁合同, 劳动合同…),
 * photographed page by page with the document camera. The host's document
 * module checks each page (`document.submit` with this step and the paper)
 * and sends PAGE_ACCEPTED with the page's id and hash, or PAGE_DELETED when
 * the citizen deletes one (`document.deletePage`); the renderer can send
 * neither. The citizen's CONFIRM is accepted only when every paper has
 * between its `minPages` and `maxPages` accepted pages; the host then makes
 * one PDF of each paper's pages (kept in the session's data for the service
 * to submit) and the step passes with the papers' page counts and the PDFs'
 * hashes as its fact. No image is ever in the context or the view.
 */
import { assign, fromPromise } from 'xstate';
import type { Result } from '../../../../domain/result';
import type { FlowContext } from './context';
import { FlowPlanError } from './build-machine';
import type { StepDefinition } from './step';

/** One paper the service needs. */
export interface PaperSpec {
  /** The paper's id in this step (a short identifier, e.g. `lease`). */
  value: string;
  labelKey: string;
  /** 0: the paper is optional. */
  minPages: number;
  maxPages: number;
}

export interface DocumentCaptureOptions {
  id: string;
  labelKey: string;
  titleKey: string;
  /**
   * The papers asked for: a fixed list, or a function of what earlier steps
   * found (e.g. the proofs for the basis the citizen chose). A function's
   * answer is checked like a fixed list each time it is read; a bad one is a
   * programming error (a RangeError, as a bad fixed list is at construction).
   */
  documents: readonly PaperSpec[] | ((context: FlowContext) => readonly PaperSpec[]);
  /** Whether the citizen may go back to the step before. */
  back?: boolean;
}

/** One paper's PDF, made by the host when the step passed. */
export interface AssembledPaper {
  value: string;
  pages: number;
  /** SHA-256 of the PDF's bytes, lower-case hex. */
  sha256: string;
}

/** The step's fact: each paper's page count and its PDF's hash (papers without pages are left out). */
export interface CapturedDocuments {
  papers: AssembledPaper[];
}

/**
 * The host's side the step needs (the kit's `documentPages`): one PDF per
 * paper from the pages this session's document module kept, in the order
 * given; refused (an i18n key) when a page is not this session's.
 */
export interface DocumentPages {
  assemble(sessionId: string, stepId: string, papers: readonly { value: string; pageIds: readonly string[] }[]): Promise<Result<AssembledPaper[], string>>;
  /** A paper's PDF made when the step passed, for the service to submit. */
  pdf(sessionId: string, stepId: string, paper: string): Uint8Array | undefined;
}

/** A page the host accepted, as the flow keeps it: its id and hash, never its bytes. */
interface KeptPage {
  pageId: string;
  sha256: string;
}

/** What the step keeps while the citizen captures (in `facts[id]`, so BACK forgets it like any fact). */
interface CaptureWork {
  pages: Readonly<Record<string, readonly KeptPage[]>>;
  /** Why the last CONFIRM did not pass (an i18n key). */
  problemKey: string | null;
  /** Set when the step passed. */
  papers: AssembledPaper[] | null;
}

type PageEvent = { type: string; stepId?: string; paper?: string; pageId?: string; sha256?: string };

const SHA256_HEX = /^[0-9a-f]{64}$/;
const IDENTIFIER = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_PAPERS = 8;
const MAX_PAGES = 20;

export function documentCaptureStep(options: DocumentCaptureOptions): StepDefinition {
  const { documents } = options;
  if (typeof documents !== 'function') checkPapers(options.id, documents);
  /** The papers asked for in this run. */
  const papersOf = (context: FlowContext): readonly PaperSpec[] => {
    if (typeof documents !== 'function') return documents;
    const papers = documents(context);
    checkPapers(options.id, papers);
    return papers;
  };
  const specOf = (context: FlowContext, paper: string | undefined) => papersOf(context).find((spec) => spec.value === paper);
  const work = (context: FlowContext): CaptureWork => captureWork(context, options.id);
  const pagesOf = (context: FlowContext, paper: string): readonly KeptPage[] => work(context).pages[paper] ?? [];
  const ready = (context: FlowContext) => papersOf(context).every((spec) => pagesOf(context, spec.value).length >= spec.minPages && pagesOf(context, spec.value).length <= spec.maxPages);
  const setWork = (update: (current: CaptureWork, event: PageEvent) => CaptureWork) =>
    assign({ facts: ({ context, event }: { context: FlowContext; event: PageEvent }) => ({ ...context.facts, [options.id]: update(work(context), event) }) });

  return {
    id: options.id,
    kind: 'documentCapture',
    labelKey: options.labelKey,
    build: (wiring) => {
      const pages = wiring.kit.documentPages;
      if (!pages) throw new FlowPlanError(`step ${options.id}: document capture needs the kit's documentPages`);
      return {
        initial: 'capturing',
        states: {
          capturing: {
            on: {
              PAGE_ACCEPTED: {
                guard: ({ context, event }: { context: FlowContext; event: PageEvent }) => {
                  const spec = specOf(context, event.paper);
                  if (event.stepId !== options.id || !spec || !IDENTIFIER.test(event.pageId ?? '') || !SHA256_HEX.test(event.sha256 ?? '')) return false;
                  const all = Object.values(work(context).pages).flat();
                  return pagesOf(context, spec.value).length < spec.maxPages && !all.some((page) => page.pageId === event.pageId);
                },
                actions: setWork((current, event) => ({
                  ...current,
                  problemKey: null,
                  pages: { ...current.pages, [event.paper!]: [...(current.pages[event.paper!] ?? []), { pageId: event.pageId!, sha256: event.sha256! }] },
                })),
              },
              PAGE_DELETED: {
                guard: ({ context, event }: { context: FlowContext; event: PageEvent }) =>
                  event.stepId === options.id && specOf(context, event.paper) !== undefined && pagesOf(context, event.paper!).some((page) => page.pageId === event.pageId),
                actions: setWork((current, event) => ({
                  ...current,
                  problemKey: null,
                  pages: { ...current.pages, [event.paper!]: (current.pages[event.paper!] ?? []).filter((page) => page.pageId !== event.pageId) },
                })),
              },
              CONFIRM: { guard: ({ context }: { context: FlowContext }) => ready(context), target: 'assembling' },
              ...(options.back && wiring.previous ? { BACK: wiring.back() } : {}),
            },
          },
          assembling: {
            invoke: {
              src: fromPromise<Result<AssembledPaper[], string>, { sessionId: string; papers: { value: string; pageIds: string[] }[] }>(({ input }) =>
                pages.assemble(input.sessionId, options.id, input.papers),
              ),
              input: ({ context }: { context: FlowContext }) => ({
                sessionId: context.sessionId,
                papers: papersOf(context).map((spec) => ({ value: spec.value, pageIds: pagesOf(context, spec.value).map((page) => page.pageId) })),
              }),
              onDone: [
                {
                  guard: ({ context, event }: { context: FlowContext; event: { output: Result<AssembledPaper[], string> } }) => event.output.ok && sameCounts(event.output.value, context, pagesOf, papersOf(context)),
                  ...wiring.leave(
                    { to: 'next' },
                    assign({
                      facts: ({ context, event }: { context: FlowContext; event: unknown }) => {
                        const output = (event as { output: Result<AssembledPaper[], string> }).output;
                        return { ...context.facts, [options.id]: { ...work(context), problemKey: null, papers: output.ok ? output.value : null } satisfies CaptureWork };
                      },
                    }),
                  ),
                },
                {
                  target: 'capturing',
                  actions: assign({
                    facts: ({ context, event }: { context: FlowContext; event: unknown }) => {
                      const output = (event as { output: Result<AssembledPaper[], string> }).output;
                      return { ...context.facts, [options.id]: { ...work(context), problemKey: output.ok ? 'flow.documentCapture.assemblyFailed' : output.error } satisfies CaptureWork };
                    },
                  }),
                },
              ],
              onError: wiring.leave({ to: 'failed', reason: 'internal' }),
            },
          },
        },
      };
    },
    // Each paper's PDF goes with an application written after this step.
    attachment: (context) => {
      const papers = capturedDocuments(context, options.id)?.papers ?? [];
      return papers.length > 0 ? { kind: 'papers', step: options.id, papers: papers.map(({ value, pages, sha256 }) => ({ paper: value, pages, sha256 })) } : null;
    },
    view: (context, child) => {
      const current = work(context);
      return {
        data: {
          step: 'documentCapture',
          titleKey: options.titleKey,
          papers: papersOf(context).map((spec) => ({
            value: spec.value,
            labelKey: spec.labelKey,
            minPages: spec.minPages,
            maxPages: spec.maxPages,
            pageIds: pagesOf(context, spec.value).map((page) => page.pageId),
          })),
          state: child === 'assembling' ? 'assembling' : 'capturing',
          ready: ready(context),
        },
        ...(current.problemKey ? { messageKey: current.problemKey } : {}),
      };
    },
  };
}

/** Whether the host's PDFs hold exactly the pages the flow counted, paper by paper (papers without pages have none). */
function sameCounts(papers: readonly AssembledPaper[], context: FlowContext, pagesOf: (context: FlowContext, paper: string) => readonly KeptPage[], specs: readonly PaperSpec[]): boolean {
  const withPages = specs.filter((spec) => pagesOf(context, spec.value).length > 0);
  return papers.length === withPages.length && papers.every((paper) => paper.pages === pagesOf(context, paper.value).length && SHA256_HEX.test(paper.sha256));
}

function captureWork(context: FlowContext, id: string): CaptureWork {
  const value = context.facts[id] as Partial<CaptureWork> | undefined;
  return { pages: value?.pages ?? {}, problemKey: value?.problemKey ?? null, papers: value?.papers ?? null };
}

function checkPapers(stepId: string, papers: readonly PaperSpec[]): void {
  const where = `document capture step ${stepId}`;
  if (papers.length < 1 || papers.length > MAX_PAPERS) throw new RangeError(`${where}: 1–${MAX_PAPERS} papers`);
  const values = new Set<string>();
  for (const spec of papers) {
    if (!IDENTIFIER.test(spec.value) || values.has(spec.value)) throw new RangeError(`${where}: paper ${spec.value} is not a unique short identifier`);
    values.add(spec.value);
    const { minPages, maxPages } = spec;
    if (!Number.isInteger(minPages) || !Number.isInteger(maxPages) || minPages < 0 || maxPages < 1 || minPages > maxPages || maxPages > MAX_PAGES) {
      throw new RangeError(`${where}: paper ${spec.value} needs 0 ≤ minPages ≤ maxPages ≤ ${MAX_PAGES}, maxPages ≥ 1`);
    }
  }
  if (papers.every((spec) => spec.minPages === 0)) throw new RangeError(`${where}: at least one paper must be required`);
}

/** What the citizen captured at step `id` once it passed (page counts and PDF hashes), or null. */
export function capturedDocuments(context: FlowContext, id: string): CapturedDocuments | null {
  const papers = captureWork(context, id).papers;
  return papers ? { papers } : null;
}
