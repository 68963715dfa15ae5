/**
 * The signature library step on a plan identify → consent → face check →
 * sign → review → submit: nothing after it is entered without a signature
 * the host measured and accepted; a dot or a tiny scribble stays on the step
 * with a message; going back from the review forgets the signature.
 */
import { describe, expect, it } from 'vitest';
import { FlowEvent } from '../../../../../electron/contract';
import {
  canonicalSignatureJson,
  consentStep,
  faceCheckStep,
  identifyStep,
  reviewStep,
  signatureOf,
  signatureStep,
  type FlowPlan,
  type StepDefinition,
} from '../../../../../electron/host/flows/library';
import { card, KIT_NOW, startPlan, typed } from '../../services/flow-kit';
import { aDot, line, tinyScribble, writtenName } from './signatures';
import { createHash } from 'node:crypto';

const KEY = (path: string) => `svc.test-service.${path}`;

const submitStep: StepDefinition = {
  id: 'submit',
  kind: 'review',
  labelKey: KEY('steps.submit'),
  build: (wiring) => ({ on: { CONFIRM: wiring.leave({ to: 'done', outcome: 'submitted' }) } }),
  view: () => ({ data: { step: 'review', titleKey: KEY('submit.title'), rows: [], noteKeys: [] } }),
};

const plan = (): FlowPlan => ({
  steps: [
    identifyStep(),
    consentStep({ labelKey: KEY('steps.consent'), textKey: KEY('consent.text'), scopeKeys: [] }),
    faceCheckStep(),
    signatureStep({ id: 'sign', labelKey: KEY('steps.sign'), titleKey: KEY('sign.title'), documentKey: KEY('sign.application'), back: true }),
    // The review shows the signature's hash and time, so the test sees the step's fact.
    reviewStep({
      labelKey: KEY('steps.review'),
      titleKey: KEY('review.title'),
      backTo: 'sign',
      rows: (context) => [
        { labelKey: KEY('review.sha256'), text: signatureOf(context, 'sign')?.sha256 ?? '-' },
        { labelKey: KEY('review.signedAt'), text: signatureOf(context, 'sign')?.signedAt ?? '-' },
      ],
    }),
    submitStep,
  ],
});

async function atSignature() {
  const run = startPlan(() => plan(), card('410402199001011230'));
  const view = await run.verify();
  expect(view).toMatchObject({ stepId: 'sign', step: 'signature' });
  return { run, view };
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('signature step (host library)', () => {
  it('shows what is signed, accepts SIGN and BACK, and carries no strokes in the view', async () => {
    const { view } = await atSignature();
    expect(view).toMatchObject({
      accepts: ['BACK', 'SIGN'],
      data: { step: 'signature', titleKey: KEY('sign.title'), documentKey: KEY('sign.application'), problem: null },
    });
    expect(view.messageKey).toBeUndefined();
  });

  it('passes only with a signature: its hash of the canonical strokes and the host’s time are the step’s fact', async () => {
    const { run } = await atSignature();
    const signature = writtenName();
    const review = await run.step({ type: 'SIGN', signature });
    expect(review.stepId).toBe('review');
    const rows = review.data.step === 'review' ? review.data.rows : [];
    expect(rows[0]!.text).toBe(sha256(canonicalSignatureJson(signature)));
    expect(rows[1]!.text).toBe(KIT_NOW.toISOString());
    expect(JSON.stringify(review)).not.toContain('"strokes"');
    expect((await run.step({ type: 'CONFIRM' })).stepId).toBe('submit');
    expect(run.faults).toEqual([]);
  });

  it('the same strokes give the same hash whatever the key order or a missing pressure; another stroke another hash', async () => {
    const a = writtenName();
    const reordered = { strokes: a.strokes.map((s) => s.map(({ p, t, y, x }) => ({ p, t, y, x }))), aspect: a.aspect };
    expect(canonicalSignatureJson(reordered)).toBe(canonicalSignatureJson(a));
    const other = { ...a, strokes: [...a.strokes, line(0.1, 0.9, 0.2, 0.9, 3, 2000)] };
    expect(canonicalSignatureJson(other)).not.toBe(canonicalSignatureJson(a));
  });

  it('a dot is refused with a message and the step stays; so is a tiny scribble; nothing after it is entered', async () => {
    const { run } = await atSignature();
    expect(run.send({ type: 'SIGN', signature: aDot() })).toBe(true);
    expect(run.view()).toMatchObject({ stepId: 'sign', messageKey: 'flow.signature.tooShort', data: { problem: 'tooShort' } });
    expect(run.send({ type: 'SIGN', signature: tinyScribble() })).toBe(true);
    expect(run.view()).toMatchObject({ stepId: 'sign', messageKey: 'flow.signature.tooSmall', data: { problem: 'tooSmall' } });
    expect(run.send({ type: 'CONFIRM' })).toBe(false);
    // A proper signature after a refusal passes, and the message goes.
    const review = await run.step({ type: 'SIGN', signature: writtenName() });
    expect(review).toMatchObject({ stepId: 'review' });
    expect(review.messageKey).toBeUndefined();
  });

  it('refuses malformed strokes outright (the host checks again what the contract checked)', async () => {
    const { run } = await atSignature();
    const outOfBox = { aspect: 3, strokes: [line(0.2, 0.3, 1.2, 0.7)] };
    const backwards = { aspect: 3, strokes: [line(0.2, 0.3, 0.8, 0.7, 12, 500), line(0.1, 0.1, 0.9, 0.9, 12, 0)] };
    for (const signature of [outOfBox, backwards, { aspect: 3, strokes: [] }]) {
      expect(FlowEvent.safeParse({ type: 'SIGN', signature }).success).toBe(false);
      expect(run.send({ type: 'SIGN', signature } as FlowEvent)).toBe(false);
    }
    expect(run.view()).toMatchObject({ stepId: 'sign', data: { problem: null } });
  });

  it('SIGN is not accepted at any other step', async () => {
    const run = startPlan(() => plan(), card('410402199001011230'));
    expect(run.view().accepts).not.toContain('SIGN');
    expect(run.send({ type: 'SIGN', signature: writtenName() })).toBe(false);
    expect(run.view().step).toBe('identify');
  });

  it('BACK from the review forgets the signature: the citizen signs again, and the new strokes are the fact', async () => {
    const { run } = await atSignature();
    const first = await run.step({ type: 'SIGN', signature: writtenName() });
    const firstHash = first.data.step === 'review' ? first.data.rows[0]!.text : '';
    const again = await run.step({ type: 'BACK' });
    expect(again).toMatchObject({ stepId: 'sign', data: { problem: null } });
    const redo = { aspect: 3, strokes: [line(0.1, 0.2, 0.6, 0.8, 20, 0)] };
    const second = await run.step({ type: 'SIGN', signature: redo });
    const secondHash = second.data.step === 'review' ? second.data.rows[0]!.text : '';
    expect(secondHash).toBe(sha256(canonicalSignatureJson(redo)));
    expect(secondHash).not.toBe(firstHash);
  });

  it('BACK from the signature goes to the step before (when the service allows it)', async () => {
    const { run } = await atSignature();
    expect(await run.step({ type: 'BACK' })).toMatchObject({ stepId: 'faceCheck' });
  });

  it('a title that depends on the run: who signs is told by the service (e.g. the guardian for a child)', async () => {
    const byRun = (): FlowPlan => ({
      steps: [
        identifyStep(),
        consentStep({ labelKey: KEY('steps.consent'), textKey: KEY('consent.text'), scopeKeys: [] }),
        faceCheckStep(),
        signatureStep({ id: 'sign', labelKey: KEY('steps.sign'), titleKey: (context) => KEY(context.identity?.source === 'typed' ? 'sign.guardianTitle' : 'sign.title'), documentKey: KEY('sign.application') }),
        submitStep,
      ],
    });
    const onCard = startPlan(() => byRun(), card('410402199001011230'));
    expect(await onCard.verify()).toMatchObject({ stepId: 'sign', data: { titleKey: KEY('sign.title') } });
    const typedRun = startPlan(() => byRun(), typed('410402199001011230'));
    expect(await typedRun.verify()).toMatchObject({ stepId: 'sign', data: { titleKey: KEY('sign.guardianTitle') } });
  });
});
