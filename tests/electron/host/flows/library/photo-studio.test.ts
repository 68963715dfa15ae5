/**
 * The photo library step's second way: a photo studio's receipt code
 * (数码照片回执), typed (`photo.studioFetch`) or scanned, run through the
 * host's flow runtime, the embedded sandbox back-end (studio-photo
 * operation) and the same photo checks and `photo.choose` as a kiosk photo.
 * A valid receipt passes the step with its photo's hash; an unknown, wrong
 * spec, expired receipt or a back-end that is down says so and the step
 * stays; a hostile code never reaches the back-end; a scan while no
 * receipt-taking photo step is current is ignored; neither code nor photo
 * is logged.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { EventEnvelope, FlowEvent, FlowView, PhotoSpecId } from '../../../../../electron/contract';
import { createEventBus } from '../../../../../electron/host/events';
import { faceData } from '../../../../../electron/host/face/session-data';
import { createFlowRuntime } from '../../../../../electron/host/flows/flow-handlers';
import { startFlowInstance } from '../../../../../electron/host/flows/flow-instance';
import type { FlowService } from '../../../../../electron/host/flows/flow-service';
import { buildFlow, chosenPhoto, identifyStep, photoStep, reviewStep, type FlowKit, type StepDefinition } from '../../../../../electron/host/flows/library';
import { withPhotoToFlow } from '../../../../../electron/host/flows/photo-to-flow';
import { createPhotoHandlers } from '../../../../../electron/host/capture/photo/handlers';
import { createStudioReceipts } from '../../../../../electron/host/capture/photo/studio-receipt';
import { forwardStudioScans, studioReceiptHandlers } from '../../../../../electron/host/capture/photo/studio-handlers';
import { defaultConfig } from '../../../../../electron/host/config/load';
import { createSandboxGateway } from '../../../../../electron/host/gateway/sandbox-gateway';
import { loadSandboxData } from '../../../../../electron/host/gateway/sandbox-data';
import type { PoliceGateway } from '../../../../../electron/host/gateway/police-gateway';
import type { DetectedFace } from '../../../../../face-analysis/human-node';
import { createSessionStore } from '../../../../../electron/host/session/session-store';
import { identityFromTyped } from '../../../../../electron/host/session/identity';
import { resourcesPath } from '../../../../../drivers/resources-dir';

/** The sandbox's receipts (electron/host/capture/photo/studio-receipts.sandbox.json). */
const RESIDENT_ID = 'SB2026RID00000000001';
const DRIVING_LICENCE = 'SB2026DRV00000000002';
const EXIT_ENTRY = 'SB2026EXE00000000003';
const EXPIRED = 'SB2025RID00000000009';
const UNKNOWN = 'SB2026RID99999999999';

const sandboxPhoto = readFileSync(resourcesPath('sandbox', 'studio-photos', 'residentId.jpg'));
const sandboxHash = createHash('sha256').update(sandboxPhoto).digest('hex');
// What the real face model found in the sandbox's photos when scripts/make-studio-photos.ts made them: it stands in for the model here.
const modelFaces = JSON.parse(readFileSync(resourcesPath('sandbox', 'studio-photos', 'faces.json'), 'utf8')) as Record<PhotoSpecId, DetectedFace>;
const kit = { serviceId: 'studio-test', audience: ['resident', 'hmt', 'foreigner'], maxFaceAttempts: 3 } as unknown as FlowKit;

const submitStep: StepDefinition = {
  id: 'submit',
  kind: 'review',
  labelKey: 'flow.steps.done',
  build: (wiring) => ({ on: { CONFIRM: wiring.leave({ to: 'done', outcome: 'submitted' }) } }),
  view: () => ({ data: { step: 'review', titleKey: 'svc.studio-test.submit', rows: [], noteKeys: [] } }),
};

function setup(options: { studioReceipt?: boolean; faceless?: boolean; spec?: PhotoSpecId } = {}) {
  const spec = options.spec ?? 'residentId';
  const logged: string[] = [];
  const logger = pino({ level: 'info' }, new Writable({ write: (chunk: Buffer, _e, done) => (logged.push(chunk.toString()), done()) }));
  const sessions = createSessionStore();
  const plan = {
    steps: [
      identifyStep(),
      photoStep({ id: 'photo', labelKey: 'flow.steps.photo', titleKey: 'svc.studio-test.photo', spec, maxTakes: 3, studioReceipt: options.studioReceipt ?? true }),
      reviewStep({ labelKey: 'flow.steps.review', titleKey: 'svc.studio-test.review', rows: (context) => [{ labelKey: 'svc.studio-test.photoHash', text: chosenPhoto(context, 'photo')?.sha256 ?? '-' }] }),
      submitStep,
    ],
  };
  const built = buildFlow(plan, kit);
  const service: FlowService = {
    id: 'studio-test',
    start: (input) =>
      startFlowInstance({
        serviceId: 'studio-test',
        flowId: input.flowId,
        machine: built.machine,
        input: { sessionId: input.sessionId, flowId: input.flowId, identity: input.identity },
        path: built.path,
        view: (snapshot) => built.view(snapshot as never),
      }),
  };
  const bus = createEventBus((error) => {
    throw error;
  });
  const events: EventEnvelope[] = [];
  bus.subscribe((envelope) => events.push(envelope));
  const runtime = createFlowRuntime({ sessions, bus, logger, services: [service] });
  const data = loadSandboxData();
  if ('error' in data) throw new Error(data.error);
  const sandbox = createSandboxGateway({ data: data.data, latency: { minMs: 0, maxMs: 0 } });
  const backend = { down: false, requests: [] as unknown[] };
  const gateway: PoliceGateway = {
    ...sandbox,
    call: async (operation, request) => {
      backend.requests.push(request);
      return backend.down ? { ok: false, error: { kind: 'unavailable', status: 503 } } : sandbox.call(operation, request);
    },
  };
  let n = 0;
  const detectFaces = async () => (options.faceless ? [] : [modelFaces[spec]]);
  const photo = withPhotoToFlow(
    createPhotoHandlers({ config: defaultConfig(), sessions, logger, detectFaces, newId: () => `c${++n}` }),
    (sessionId, spec) => {
      const session = sessions.get(sessionId);
      return session ? faceData(session).chosen(spec)?.jpeg : undefined;
    },
    runtime.controls,
  );
  const receipts = createStudioReceipts({ sessions, gateway, logger, detectFaces, newId: () => `s${++n}`, photoAsked: (id) => runtime.controls.photoAsked(id) });
  const studio = studioReceiptHandlers(receipts);
  forwardStudioScans({ bus, sessions, receipts, logger });

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
    backend,
    events,
    logged,
    view,
    start: () => runtime.handlers['flow.start']({ sessionId, serviceId: 'studio-test' }),
    send: (event: FlowEvent) => runtime.handlers['flow.send']({ sessionId, event }),
    type: (code: string) => studio['photo.studioFetch']({ sessionId, code }),
    scan: (text: string) => bus.emit('scanner.scanned', { deviceId: 'scanner', text }),
    scanned: () => events.filter((e) => e.event === 'photo.studioScanned'),
    choose: (spec: PhotoSpecId, candidateId: string) => photo['photo.choose']({ sessionId, spec, candidateId }),
  };
}

async function atPhotoStep(options: Parameters<typeof setup>[0] = {}) {
  const run = setup(options);
  await run.start();
  await run.send({ type: 'CONFIRM' });
  expect((await run.view()).step).toBe('photo');
  return run;
}

/** Waits until the scan's answer was emitted. */
async function scannedAnswer(run: ReturnType<typeof setup>) {
  await expect.poll(() => run.scanned().length).toBe(1);
  return run.scanned()[0]!.payload as { sessionId: string; outcome: { result: string; reason?: string; photo?: { candidateId: string; passed: boolean; jpeg: string } } };
}

describe('photo step: a photo studio receipt', () => {
  it('the view says the step takes receipts', async () => {
    const run = await atPhotoStep();
    expect((await run.view()).data).toMatchObject({ step: 'photo', spec: 'residentId', studioReceipt: true });
  });

  it('a typed valid code fetches the studio photo, checked like a kiosk photo; choosing it passes the step with its hash', async () => {
    const run = await atPhotoStep();
    const fetched = await run.type('sb2026 rid0-0000 000001');
    if (!fetched.ok || fetched.value.result !== 'fetched') throw new Error(JSON.stringify(fetched));
    const { photo } = fetched.value;
    expect(photo).toMatchObject({ spec: 'residentId', passed: true });
    expect(photo.rules.map((r) => r.rule)).toEqual(expect.arrayContaining(['face', 'dimensions', 'background', 'headWidth', 'crownGap', 'eyeLine']));
    expect(Buffer.from(photo.jpeg, 'base64').equals(sandboxPhoto)).toBe(true);
    // Only the normalised code went to the back-end.
    expect(run.backend.requests).toEqual([{ receiptCode: RESIDENT_ID, idNumber: '410402199001011230', spec: 'residentId' }]);
    // Fetched is not passed: the citizen accepts it first, and a studio photo is no take.
    expect((await run.view()).data).toMatchObject({ step: 'photo', takes: 0, chosen: false });

    expect(await run.choose('residentId', photo.candidateId)).toEqual({ ok: true, value: { chosen: true } });
    const review = await run.view();
    expect(review.step).toBe('review');
    expect(review.data).toMatchObject({ rows: [{ labelKey: 'svc.studio-test.photoHash', text: sandboxHash }] });
  });

  it('unknown, wrong-spec and expired receipts, and a back-end that is down, say why and leave the step', async () => {
    const run = await atPhotoStep();
    const reasons: unknown[] = [];
    for (const code of [UNKNOWN, DRIVING_LICENCE, EXPIRED]) {
      const reply = await run.type(code);
      reasons.push(reply.ok ? reply.value : reply.error);
    }
    run.backend.down = true;
    const down = await run.type(RESIDENT_ID);
    reasons.push(down.ok ? down.value : down.error);
    expect(reasons).toEqual([
      { result: 'refused', reason: 'notFound' },
      { result: 'refused', reason: 'wrongSpec' },
      { result: 'refused', reason: 'expired' },
      { result: 'refused', reason: 'unavailable' },
    ]);
    expect((await run.view()).data).toMatchObject({ step: 'photo', chosen: false });
    expect(await run.send({ type: 'CONFIRM' })).toMatchObject({ ok: false });
  });

  it('a studio photo for a spec with a quality rule is checked on the quality read from its own file', async () => {
    const run = await atPhotoStep({ spec: 'drivingLicence' });
    const fetched = await run.type(DRIVING_LICENCE);
    if (!fetched.ok || fetched.value.result !== 'fetched') throw new Error(JSON.stringify(fetched));
    expect(fetched.value.photo.passed).toBe(true);
    expect(fetched.value.photo.rules.find((r) => r.rule === 'jpegQuality')).toMatchObject({ passed: true, measured: 95, min: 70 });
    expect(fetched.value.photo.rules.find((r) => r.rule === 'fileSize')).toMatchObject({ passed: true });
    // And an ID card receipt is the wrong spec here.
    expect(await run.type(RESIDENT_ID)).toEqual({ ok: true, value: { result: 'refused', reason: 'wrongSpec' } });
  });

  it('a 出入境 studio photo passes the head rules measured on the 33×48 mm print', async () => {
    const run = await atPhotoStep({ spec: 'exitEntry' });
    const fetched = await run.type(EXIT_ENTRY);
    if (!fetched.ok || fetched.value.result !== 'fetched') throw new Error(JSON.stringify(fetched));
    const rules = fetched.value.photo.rules;
    expect(rules.filter((r) => !r.passed)).toEqual([]);
    // 390×520 at 520/48 px per mm (domain/exit-entry-photo.ts): head 28–33 mm, crown 3–5 mm, chin ≥ 7 mm.
    expect(rules.find((r) => r.rule === 'headHeight')).toMatchObject({ min: 303.3, max: 357.5 });
    expect(rules.find((r) => r.rule === 'crownGap')).toMatchObject({ min: 32.5, max: 54.2 });
    expect(rules.find((r) => r.rule === 'chinGap')).toMatchObject({ min: 75.8, max: null });
  });

  it('a studio photo that fails the checks cannot be chosen', async () => {
    const run = await atPhotoStep({ faceless: true });
    const fetched = await run.type(RESIDENT_ID);
    if (!fetched.ok || fetched.value.result !== 'fetched') throw new Error(JSON.stringify(fetched));
    expect(fetched.value.photo.passed).toBe(false);
    expect(await run.choose('residentId', fetched.value.photo.candidateId)).toMatchObject({ ok: false, error: { messageKey: 'photo.failedCandidate' } });
    expect((await run.view()).step).toBe('photo');
  });

  it('a session may look up only a few codes: guessing stops before the back-end', async () => {
    const run = await atPhotoStep();
    const reasons: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      const reply = await run.type(`SB2026RID9999999999${i}`);
      reasons.push(reply.ok && reply.value.result === 'refused' ? reply.value.reason : reply);
    }
    expect(reasons).toEqual(['notFound', 'notFound', 'notFound', 'notFound', 'notFound', 'tooManyTries']);
    expect(run.backend.requests).toHaveLength(5);
    // The limit holds for a good code too.
    expect(await run.type(RESIDENT_ID)).toEqual({ ok: true, value: { result: 'refused', reason: 'tooManyTries' } });
    expect(run.backend.requests).toHaveLength(5);
  });

  it('a code that is not a receipt code never reaches the back-end', async () => {
    const run = await atPhotoStep();
    for (const code of ["SB2026RID0000000001' OR 1=1", '../../etc/passwd', 'SB2026RID0000', 'ＳＢ２０２６ＲＩＤ００００００００００１', '']) {
      expect(await run.type(code)).toEqual({ ok: true, value: { result: 'refused', reason: 'badCode' } });
    }
    expect(run.backend.requests).toEqual([]);
  });

  it('a scanned receipt at the photo step is fetched and answered with photo.studioScanned; choosing it passes the step', async () => {
    const run = await atPhotoStep();
    run.scan(`${RESIDENT_ID}\r\n`);
    const answer = await scannedAnswer(run);
    expect(answer.sessionId).toBe(run.sessionId);
    expect(answer.outcome).toMatchObject({ result: 'fetched', photo: { passed: true } });
    expect(await run.choose('residentId', answer.outcome.photo!.candidateId)).toEqual({ ok: true, value: { chosen: true } });
    expect((await run.view()).data).toMatchObject({ step: 'review', rows: [{ text: sandboxHash }] });
  });

  it('a scan while the photo step is not current, or at a photo step without receipts, is ignored', async () => {
    const early = setup();
    await early.start();
    expect((await early.view()).step).toBe('identify');
    early.scan(RESIDENT_ID);
    expect(await early.type(RESIDENT_ID)).toEqual({ ok: true, value: { result: 'refused', reason: 'notAsked' } });
    const without = await atPhotoStep({ studioReceipt: false });
    without.scan(RESIDENT_ID);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(early.scanned()).toEqual([]);
    expect(without.scanned()).toEqual([]);
    expect(early.backend.requests).toEqual([]);
    expect(without.backend.requests).toEqual([]);
    expect((await without.view()).data).toMatchObject({ step: 'photo', chosen: false, studioReceipt: false });
  });

  it('a scanned code that is no receipt code is answered badCode, and neither code nor photo is ever logged', async () => {
    const run = await atPhotoStep();
    run.scan('OD-PAY-2026-0001-XYZ');
    expect((await scannedAnswer(run)).outcome).toEqual({ result: 'refused', reason: 'badCode' });
    await run.type(RESIDENT_ID);
    await run.type(EXPIRED);
    const log = run.logged.join('');
    expect(log).toContain('studio photo checked');
    for (const secret of [RESIDENT_ID, EXPIRED, 'OD-PAY', sandboxPhoto.toString('base64').slice(0, 32)]) expect(log).not.toContain(secret);
  });
});
