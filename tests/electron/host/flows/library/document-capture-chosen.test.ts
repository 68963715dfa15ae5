/**
 * The document capture step whose papers depend on an earlier answer
 * (`documents` as a function of the run's context): the citizen says what
 * proof they hold, and only that paper is asked for, counted and assembled;
 * choosing again after BACK asks for the other paper. A function that names
 * a bad list fails like a bad fixed list does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { capturedDocuments, choiceStep, chosen, documentCaptureStep, identifyStep, reviewStep, type FlowContext, type FlowKit, type FlowPlan, type PaperSpec, type StepDefinition } from '../../../../../electron/host/flows/library';
import { startPlan, typed, type FlowRun } from '../../services/flow-kit';

const key = (path: string) => `svc.test-service.${path}`;

const PAPERS: Record<string, PaperSpec> = {
  lease: { value: 'lease', labelKey: key('papers.lease'), minPages: 1, maxPages: 4 },
  deed: { value: 'deed', labelKey: key('papers.deed'), minPages: 1, maxPages: 2 },
};

/** The last step: CONFIRM ends the run. */
const finish: StepDefinition = {
  id: 'finish',
  kind: 'review',
  labelKey: 'flow.steps.done',
  build: (wiring) => ({ on: { CONFIRM: wiring.leave({ to: 'done', outcome: 'submitted' }) } }),
  view: () => ({ data: { step: 'review', titleKey: key('finish'), rows: [], noteKeys: [] } }),
};

function plan(papers: (context: FlowContext) => readonly PaperSpec[]): (kit: FlowKit) => FlowPlan {
  return () => ({
    steps: [
      identifyStep(),
      choiceStep({ id: 'proof', labelKey: key('steps.proof'), titleKey: key('proof.title'), options: Object.keys(PAPERS).map((value) => ({ value, labelKey: key(`proof.${value}`) })) }),
      documentCaptureStep({ id: 'papers', labelKey: key('steps.papers'), titleKey: key('papers.title'), documents: papers, back: true }),
      reviewStep({
        labelKey: key('steps.review'),
        titleKey: key('review.title'),
        rows: (context) => (capturedDocuments(context, 'papers')?.papers ?? []).map((paper) => ({ labelKey: key(`papers.${paper.value}`), text: String(paper.pages) })),
      }),
      finish,
    ],
  });
}

/** The paper for the proof chosen at `proof`. */
const chosenPaper = (context: FlowContext): readonly PaperSpec[] => [PAPERS[chosen(context, 'proof') ?? 'lease']!];

const running: FlowRun[] = [];
afterEach(() => {
  for (const run of running.splice(0)) run.flow.stop();
});

function start(papers: (context: FlowContext) => readonly PaperSpec[] = chosenPaper): FlowRun {
  const run = startPlan(plan(papers), typed('420106199002120034'));
  running.push(run);
  return run;
}

describe('document capture with papers chosen by the run', () => {
  it('asks only for the paper of the proof chosen, accepts pages of that paper only, and assembles it', async () => {
    const run = start();
    await run.step({ type: 'CONFIRM' });
    const capture = await run.step({ type: 'CHOOSE', value: 'deed' });
    expect(capture.data).toMatchObject({ step: 'documentCapture', papers: [{ value: 'deed', minPages: 1, maxPages: 2, pageIds: [] }], ready: false });
    // A page of a paper not asked for in this run is not the step's.
    expect(await run.acceptPage('papers', 'lease')).toBe(false);
    expect(await run.acceptPage('papers', 'deed')).toBe(true);
    expect(await run.acceptPage('papers', 'deed')).toBe(true);
    // No more than the chosen paper's maximum.
    expect(await run.acceptPage('papers', 'deed')).toBe(false);
    expect(run.view().data).toMatchObject({ ready: true });
    const review = await run.step({ type: 'CONFIRM' });
    expect(review.data).toMatchObject({ step: 'review', rows: [{ labelKey: key('papers.deed'), text: '2' }] });
  });

  it('BACK to the choice and another proof: the other paper is asked for, the pages kept before are forgotten', async () => {
    const run = start();
    await run.step({ type: 'CONFIRM' });
    await run.step({ type: 'CHOOSE', value: 'deed' });
    expect(await run.acceptPage('papers', 'deed')).toBe(true);
    await run.step({ type: 'BACK' });
    const capture = await run.step({ type: 'CHOOSE', value: 'lease' });
    expect(capture.data).toMatchObject({ step: 'documentCapture', papers: [{ value: 'lease', maxPages: 4, pageIds: [] }], ready: false });
    expect(capture.accepts).not.toContain('CONFIRM');
  });

  it('a function naming no required paper is a programming error, as a bad fixed list is', () => {
    expect(() => documentCaptureStep({ id: 'papers', labelKey: 'l', titleKey: 't', documents: [{ ...PAPERS.lease!, minPages: 0 }] })).toThrow(RangeError);
    const step = documentCaptureStep({ id: 'papers', labelKey: 'l', titleKey: 't', documents: () => [{ ...PAPERS.lease!, minPages: 0 }] });
    expect(() => step.view({ facts: {} } as unknown as FlowContext, 'capturing', {} as FlowKit)).toThrow(RangeError);
  });
});
