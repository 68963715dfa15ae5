/**
 * The host drives the fingerprint scanner for the session's fingerprint step:
 * the simulated scanner (FP-HID through the real adapter) under the device
 * manager, the flow runtime on a bus, a plan identify → fingerprints →
 * submit. Only prints the host captured pass the step; the dock's bad finger
 * is retried; the templates stay in the session's data.
 */
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowView } from '../../../../electron/contract';
import { createDeviceManager, type DeviceManager } from '../../../../drivers/manager';
import { createEventBus } from '../../../../electron/host/events';
import { createFlowRuntime } from '../../../../electron/host/flows/flow-handlers';
import { startFlowInstance } from '../../../../electron/host/flows/flow-instance';
import type { FlowService } from '../../../../electron/host/flows/flow-service';
import { connectFingerprintsToFlow, fingerprintScannerOf, sessionFingerprints } from '../../../../electron/host/flows/fingerprint-to-flow';
import { buildFlow, fingerprintsStep, identifyStep, type FlowKit, type StepDefinition } from '../../../../electron/host/flows/library';
import { createSessionStore } from '../../../../electron/host/session/session-store';
import { identityFromTyped } from '../../../../electron/host/session/identity';

const kit = { serviceId: 'fp-test', audience: ['resident'], maxFaceAttempts: 3 } as unknown as FlowKit;
const submitStep: StepDefinition = {
  id: 'submit',
  kind: 'review',
  labelKey: 'flow.steps.done',
  build: (wiring) => ({ on: { CONFIRM: wiring.leave({ to: 'done', outcome: 'submitted' }) } }),
  view: () => ({ data: { step: 'review', titleKey: 'svc.fp-test.submit', rows: [], noteKeys: [] } }),
};

let manager: DeviceManager | undefined;
let disconnect: (() => void) | undefined;
afterEach(async () => {
  disconnect?.();
  await manager?.stop();
  manager = undefined;
});

async function setup(timeoutMs = 3000) {
  const logger = pino({ level: 'silent' });
  const sessions = createSessionStore();
  const bus = createEventBus(() => undefined);
  const built = buildFlow({ steps: [identifyStep(), fingerprintsStep({ id: 'prints', labelKey: 'flow.steps.fingerprints', minQuality: 50, maxTriesPerFinger: 3 }), submitStep] }, kit);
  const service: FlowService = {
    id: 'fp-test',
    start: (input) => startFlowInstance({ serviceId: 'fp-test', flowId: input.flowId, machine: built.machine, input: { sessionId: input.sessionId, flowId: input.flowId, identity: input.identity }, path: built.path, view: (snapshot) => built.view(snapshot as never) }),
  };
  const runtime = createFlowRuntime({ sessions, bus, logger, services: [service] });
  manager = createDeviceManager({ fingerprint: { enabled: true, mode: 'simulated', simulator: { settleMs: 10 } } });
  await manager.start();
  const m = manager;
  for (let i = 0; i < 600 && m.list()[0]?.status.kind !== 'online'; i++) await new Promise((r) => setTimeout(r, 5));
  disconnect = connectFingerprintsToFlow({ bus, sessions, logger, timeoutMs, scanner: () => fingerprintScannerOf(m, 'fingerprint') });
  const started = sessions.start({ language: 'zh-CN', elderMode: false, identity: identityFromTyped('410402199001011230') ?? null });
  if (!started.ok) throw new Error('no session');
  const { sessionId } = started.value;
  const views: FlowView[] = [];
  bus.subscribe((e) => {
    if (e.event === 'flow.changed') views.push((e.payload as { view: FlowView }).view);
  });
  const current = async (): Promise<FlowView> => {
    const reply = await runtime.handlers['flow.current']({ sessionId });
    if (!reply.ok || !reply.value.view) throw new Error('no flow');
    return reply.value.view;
  };
  const until = async (probe: (v: FlowView) => boolean, what: string): Promise<FlowView> => {
    const deadline = Date.now() + 3000;
    for (;;) {
      const v = await current();
      if (probe(v)) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v.data)}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const controls = m.simulatorControls('fingerprint');
  if (controls?.kind !== 'fingerprint') throw new Error('no controls');
  await runtime.handlers['flow.start']({ sessionId, serviceId: 'fp-test' });
  await runtime.handlers['flow.send']({ sessionId, event: { type: 'CONFIRM' } });
  await until(() => controls.capturing, 'the host to start a capture');
  return { sessions, sessionId, runtime, controls, current, until, views };
}

describe('fingerprint capture driven by the host', () => {
  it('captures right then left thumb from the scanner, with live quality on the way, and passes the step', async () => {
    const h = await setup();
    expect((await h.current()).data).toMatchObject({ step: 'fingerprints', finger: 11, state: 'capturing', capture: 1 });
    h.controls.placeFinger();
    await h.until((v) => v.data.step === 'fingerprints' && v.data.finger === 16, 'the left thumb');
    expect(h.views.some((v) => v.data.step === 'fingerprints' && v.data.liveQuality !== null)).toBe(true);
    await h.until(() => h.controls.capturing, 'the second capture');
    h.controls.placeFinger();
    const after = await h.until((v) => v.stepId === 'submit', 'the step to pass');
    expect(after.step).toBe('review');
    const prints = sessionFingerprints(h.sessions.get(h.sessionId)!);
    expect(prints.map((p) => [p.finger, p.template.length])).toEqual([
      [11, 512],
      [16, 512],
    ]);
  });

  it('at the session\'s end the captured templates are zero-filled, not only dropped', async () => {
    const h = await setup();
    h.controls.placeFinger();
    await h.until((v) => v.data.step === 'fingerprints' && v.data.finger === 16, 'the left thumb');
    await h.until(() => h.controls.capturing, 'the second capture');
    h.controls.placeFinger();
    await h.until((v) => v.stepId === 'submit', 'the step to pass');
    const held = sessionFingerprints(h.sessions.get(h.sessionId)!).map((p) => p.template);
    expect(held).toHaveLength(2);
    for (const template of held) expect(template.some((byte) => byte !== 0)).toBe(true);
    expect(h.sessions.end(h.sessionId, 'finished')).toMatchObject({ ok: true });
    for (const template of held) expect(template.every((byte) => byte === 0)).toBe(true);
  });

  it('a bad-quality finger from the dock is refused and retried; a timeout waits for RETRY', async () => {
    const h = await setup(200);
    h.controls.placeBadFinger();
    const bad = await h.until((v) => v.data.step === 'fingerprints' && v.data.state === 'badQuality', 'bad quality');
    expect(bad).toMatchObject({ data: { finger: 11, lastQuality: 22, tries: 1 }, messageKey: 'flow.fingerprints.badQuality' });
    await h.runtime.handlers['flow.send']({ sessionId: h.sessionId, event: { type: 'RETRY' } });
    const failed = await h.until((v) => v.data.step === 'fingerprints' && v.data.state === 'failed', 'the timeout');
    expect(failed.data).toMatchObject({ failure: 'timeout', finger: 11 });
  });

  it('unplugged mid-capture: the step shows the scanner is not connected', async () => {
    const h = await setup();
    h.controls.unplug();
    const failed = await h.until((v) => v.data.step === 'fingerprints' && v.data.state === 'failed', 'noDevice');
    expect(failed).toMatchObject({ data: { failure: 'noDevice' }, messageKey: 'flow.fingerprints.noDevice' });
  });

  it('an exemption cancels the running capture and the host starts one for the next finger', async () => {
    const h = await setup();
    await h.runtime.handlers['flow.send']({ sessionId: h.sessionId, event: { type: 'EXEMPT_FINGER', reason: 'damaged' } });
    const next = await h.until((v) => v.data.step === 'fingerprints' && v.data.finger === 12, 'the right index finger');
    expect(next.data).toMatchObject({ capture: 2, exemptions: [{ finger: 11, reason: 'damaged' }] });
    await h.until(() => h.controls.capturing, 'a capture for the next finger');
    h.controls.placeFinger();
    await h.until((v) => v.data.step === 'fingerprints' && v.data.finger === 16, 'the left thumb');
  });
});
