/**
 * The photo library step under flow control: a plan identify → photo →
 * review → submit, run by the host's flow runtime with the real photo
 * handlers behind the same wrapper the host uses (integration/
 * photo-to-flow.ts). Review is never entered without an accepted photo the
 * citizen chose for the step's spec; a refused photo, a photo of another
 * spec, a choice outside the step and the renderer's own events cannot pass
 * it.
 */
import { createHash } from 'node:crypto';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { FlowEvent, type FlowView, type PhotoCrop, type PhotoSpecId } from '../../../../../electron/contract';
import { defaultConfig } from '../../../../../electron/host/config/load';
import { createEventBus } from '../../../../../electron/host/events';
import { faceData } from '../../../../../electron/host/face/session-data';
import { createFlowRuntime } from '../../../../../electron/host/flows/flow-handlers';
import { startFlowInstance } from '../../../../../electron/host/flows/flow-instance';
import type { FlowService } from '../../../../../electron/host/flows/flow-service';
import { buildFlow, chosenPhoto, identifyStep, photoStep, reviewStep, type FlowKit, type StepDefinition } from '../../../../../electron/host/flows/library';
import { withPhotoToFlow } from '../../../../../electron/host/flows/photo-to-flow';
import { createPhotoHandlers } from '../../../../../electron/host/capture/photo/handlers';
import { createSessionStore } from '../../../../../electron/host/session/session-store';
import { identityFromTyped } from '../../../../../electron/host/session/identity';
import { cameraFrame } from '../../capture/photo/camera-frame';

const frame = cameraFrame();
const kit = { serviceId: 'photo-test', audience: ['resident', 'hmt', 'foreigner'], maxFaceAttempts: 3 } as unknown as FlowKit;

/** The last step: CONFIRM submits (ends the run). */
const submitStep: StepDefinition = {
  id: 'submit',
  kind: 'review',
  labelKey: 'flow.steps.done',
  build: (wiring) => ({ on: { CONFIRM: wiring.leave({ to: 'done', outcome: 'submitted' }) } }),
  view: () => ({ data: { step: 'review', titleKey: 'svc.photo-test.submit', rows: [], noteKeys: [] } }),
};

const plan = {
  steps: [
    identifyStep(),
    photoStep({ id: 'photo', labelKey: 'flow.steps.photo', titleKey: 'svc.photo-test.photo', spec: 'drivingLicence', maxTakes: 3 }),
    // The review shows the chosen photo's hash, so the test sees the step's fact.
    reviewStep({ labelKey: 'flow.steps.review', titleKey: 'svc.photo-test.review', rows: (context) => [{ labelKey: 'svc.photo-test.photoHash', text: chosenPhoto(context, 'photo')?.sha256 ?? '-' }] }),
    submitStep,
  ],
};

function setup() {
  const logger = pino({ level: 'silent' });
  const sessions = createSessionStore();
  const built = buildFlow(plan, kit);
  const service: FlowService = {
    id: 'photo-test',
    start: (input) =>
      startFlowInstance({
        serviceId: 'photo-test',
        flowId: input.flowId,
        machine: built.machine,
        input: { sessionId: input.sessionId, flowId: input.flowId, identity: input.identity },
        path: built.path,
        view: (snapshot) => built.view(snapshot as never),
      }),
  };
  const runtime = createFlowRuntime({ sessions, bus: createEventBus(() => undefined), logger, services: [service] });
  // The face model is replaced by the drawn face, moved into the photo; `faceless` makes the next photo fail its face rule.
  let current: { spec: PhotoSpecId; crop: PhotoCrop; faceless: boolean } | null = null;
  let n = 0;
  const photo = withPhotoToFlow(
    createPhotoHandlers({
      config: defaultConfig(),
      sessions,
      logger,
      detectFaces: async () => (current && !current.faceless ? [frame.faceIn(current.spec, current.crop)] : []),
      newId: () => `c${++n}`,
    }),
    (sessionId, spec) => {
      const session = sessions.get(sessionId);
      return session ? faceData(session).chosen(spec)?.jpeg : undefined;
    },
    runtime.controls,
  );
  const identity = identityFromTyped('410402199001011230');
  const started = sessions.start({ language: 'zh-CN', elderMode: false, identity: identity ?? null });
  if (!started.ok) throw new Error('no session');
  const { sessionId } = started.value;
  faceData(sessions.get(sessionId)!).setConsent('biometric', { granted: true, recordedAt: new Date().toISOString() });

  const view = async (): Promise<FlowView> => {
    const reply = await runtime.handlers['flow.current']({ sessionId });
    if (!reply.ok || !reply.value.view) throw new Error('no flow');
    return reply.value.view;
  };
  return {
    sessionId,
    runtime,
    view,
    start: () => runtime.handlers['flow.start']({ sessionId, serviceId: 'photo-test' }),
    send: (event: FlowEvent) => runtime.handlers['flow.send']({ sessionId, event }),
    take: (spec: PhotoSpecId, options: { faceless?: boolean } = {}) => {
      const crop = frame.crop(spec);
      current = { spec, crop, faceless: options.faceless ?? false };
      return photo['photo.check']({ sessionId, spec, frame: Buffer.from(frame.jpeg).toString('base64'), crop });
    },
    choose: (spec: PhotoSpecId, candidateId: string) => photo['photo.choose']({ sessionId, spec, candidateId }),
  };
}

/** Starts the run and confirms the identity: the photo step is current. */
async function atPhotoStep() {
  const run = setup();
  await run.start();
  await run.send({ type: 'CONFIRM' });
  expect((await run.view()).step).toBe('photo');
  return run;
}

describe('photo step (host library)', () => {
  it('shows the spec, the takes and nothing of the image; only the host passes it', async () => {
    const run = await atPhotoStep();
    const view = await run.view();
    expect(view.data).toEqual({ step: 'photo', spec: 'drivingLicence', titleKey: 'svc.photo-test.photo', maxTakes: 3, takes: 0, chosen: false, studioReceipt: false });
    expect(view.accepts).toEqual([]);
    // The citizen cannot confirm past it, nor send the host's event.
    expect(await run.send({ type: 'CONFIRM' })).toMatchObject({ ok: false, error: { messageKey: 'flow.eventNotAccepted' } });
    expect(FlowEvent.safeParse({ type: 'PHOTO_ACCEPTED', spec: 'drivingLicence', candidateId: 'c1', sha256: 'a'.repeat(64) }).success).toBe(false);
    expect((await run.view()).step).toBe('photo');
  });

  it('review is entered only after the citizen chose an accepted photo; the step keeps its hash, not the bytes', async () => {
    const run = await atPhotoStep();
    const taken = await run.take('drivingLicence');
    if (!taken.ok) throw new Error(taken.error.messageKey);
    expect(taken.value.passed).toBe(true);
    expect((await run.view()).data).toMatchObject({ step: 'photo', takes: 1, chosen: false });

    expect(await run.choose('drivingLicence', taken.value.candidateId)).toEqual({ ok: true, value: { chosen: true } });
    const review = await run.view();
    expect(review.step).toBe('review');
    const sha256 = createHash('sha256').update(Buffer.from(taken.value.jpeg, 'base64')).digest('hex');
    expect(review.data).toMatchObject({ step: 'review', rows: [{ labelKey: 'svc.photo-test.photoHash', text: sha256 }] });
    expect(JSON.stringify(review)).not.toContain(taken.value.jpeg.slice(0, 40));
  });

  it('a photo that failed the checks does not pass the step', async () => {
    const run = await atPhotoStep();
    const refused = await run.take('drivingLicence', { faceless: true });
    if (!refused.ok) throw new Error(refused.error.messageKey);
    expect(refused.value.passed).toBe(false);
    expect(await run.choose('drivingLicence', refused.value.candidateId)).toMatchObject({ ok: false, error: { messageKey: 'photo.failedCandidate' } });
    expect(await run.choose('drivingLicence', 'c-unknown')).toMatchObject({ ok: false, error: { messageKey: 'photo.unknownCandidate' } });
    const view = await run.view();
    expect(view.step).toBe('photo');
    expect(view.data).toMatchObject({ takes: 1, chosen: false });
  });

  it('a photo of another spec is refused, and a host event for another spec does not pass the step either', async () => {
    const run = await atPhotoStep();
    const other = await run.take('residentId');
    if (!other.ok) throw new Error(other.error.messageKey);
    expect(other.value.passed).toBe(true);
    // Taken outside the step's spec: not counted as one of its takes.
    expect((await run.view()).data).toMatchObject({ takes: 0 });
    expect(await run.choose('residentId', other.value.candidateId)).toMatchObject({ ok: false, error: { messageKey: 'photo.notAsked' } });
    expect(await run.choose('drivingLicence', other.value.candidateId)).toMatchObject({ ok: false, error: { messageKey: 'photo.unknownCandidate' } });
    expect(run.runtime.controls.photoChosen(run.sessionId, { spec: 'residentId', candidateId: other.value.candidateId, sha256: 'b'.repeat(64) })).toBe(false);
    expect((await run.view()).step).toBe('photo');
  });

  it('no photo can be chosen when no photo step is current', async () => {
    const run = setup();
    await run.start();
    const taken = await run.take('drivingLicence');
    if (!taken.ok) throw new Error(taken.error.messageKey);
    expect(await run.choose('drivingLicence', taken.value.candidateId)).toMatchObject({ ok: false, error: { messageKey: 'photo.notAsked' } });
    expect((await run.view()).step).toBe('identify');
  });

  it('stops taking photos at the step’s maxTakes', async () => {
    const run = await atPhotoStep();
    const left: number[] = [];
    for (let i = 0; i < 3; i++) {
      const reply = await run.take('drivingLicence', { faceless: true });
      if (!reply.ok) throw new Error(reply.error.messageKey);
      left.push(reply.value.retakesLeft);
    }
    expect(left).toEqual([2, 1, 0]);
    expect(await run.take('drivingLicence')).toMatchObject({ ok: false, error: { messageKey: 'photo.retakesExhausted' } });
    expect((await run.view()).data).toMatchObject({ step: 'photo', takes: 3 });
  });
});
