/**
 * The card comparison end to end in the host: the simulated scanner under
 * the device manager, the flow runtime, the fingerprints step with
 * compareWithCard, and the sandbox's fingerprint-compare answered through
 * the operation's schemas (as the embedded gateway does). The dock's holder
 * finger matches the card of resident-moved; someone else's does not; a
 * typed number has nothing to compare with; a back-end that is down lets the
 * citizen go on.
 */
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowView, Identity } from '../../../../electron/contract';
import { SOMEONE_ELSE } from '../../../../drivers/fingerprint/sim-template';
import { loadSampleCard } from '../../../../drivers/idcard/sample-cards';
import { createDeviceManager, type DeviceManager } from '../../../../drivers/manager';
import { createEventBus } from '../../../../electron/host/events';
import { createFlowRuntime } from '../../../../electron/host/flows/flow-handlers';
import { startFlowInstance } from '../../../../electron/host/flows/flow-instance';
import type { FlowService } from '../../../../electron/host/flows/flow-service';
import { connectFingerprintsToFlow, fingerprintScannerOf } from '../../../../electron/host/flows/fingerprint-to-flow';
import { buildFlow, fingerprintsStep, identifyStep, type FlowKit, type StepDefinition } from '../../../../electron/host/flows/library';
import { fingerprintCompare, type FingerprintCompareRequest } from '../../../../electron/host/gateway/fingerprint-compare';
import type { GatewayResult } from '../../../../electron/host/gateway/police-gateway';
import { answerOperation, checkOperationAnswer } from '../../../../electron/host/gateway/sandbox-operations';
import { keepCardFingerprints } from '../../../../electron/host/session/card-fingerprint';
import { identityFromCard, identityFromTyped } from '../../../../electron/host/session/identity';
import { createSessionStore } from '../../../../electron/host/session/session-store';

const kit = { serviceId: 'fp-test', audience: ['resident'], maxFaceAttempts: 3 } as unknown as FlowKit;
const submitStep: StepDefinition = {
  id: 'submit',
  kind: 'review',
  labelKey: 'flow.steps.done',
  build: (wiring) => ({ on: { CONFIRM: wiring.leave({ to: 'done', outcome: 'submitted' }) } }),
  view: () => ({ data: { step: 'review', titleKey: 'svc.fp-test.submit', rows: [], noteKeys: [] } }),
};

const sandboxCompare = async (request: FingerprintCompareRequest) => checkOperationAnswer(fingerprintCompare, await answerOperation(fingerprintCompare, request, {} as never));
const down = async (): Promise<GatewayResult<never>> => ({ ok: false, error: { kind: 'unavailable', status: 503 } });

let manager: DeviceManager | undefined;
let disconnect: (() => void) | undefined;
afterEach(async () => {
  disconnect?.();
  await manager?.stop();
  manager = undefined;
});

async function setup(who: 'card' | 'typed', compare: typeof sandboxCompare = sandboxCompare) {
  const sample = loadSampleCard('resident-moved');
  if (!sample.ok) throw new Error(sample.error.message);
  const logger = pino({ level: 'silent' });
  const sessions = createSessionStore();
  const bus = createEventBus(() => undefined);
  const built = buildFlow({ steps: [identifyStep(), fingerprintsStep({ id: 'prints', labelKey: 'flow.steps.fingerprints', compareWithCard: true }), submitStep] }, kit);
  const service: FlowService = {
    id: 'fp-test',
    start: (input) => startFlowInstance({ serviceId: 'fp-test', flowId: input.flowId, machine: built.machine, input: { sessionId: input.sessionId, flowId: input.flowId, identity: input.identity }, path: built.path, view: (snapshot) => built.view(snapshot as never) }),
  };
  const runtime = createFlowRuntime({ sessions, bus, logger, services: [service] });
  manager = createDeviceManager({ fingerprint: { enabled: true, mode: 'simulated', simulator: { settleMs: 10 } } });
  await manager.start();
  const m = manager;
  for (let i = 0; i < 600 && m.list()[0]?.status.kind !== 'online'; i++) await new Promise((r) => setTimeout(r, 5));
  disconnect = connectFingerprintsToFlow({ bus, sessions, logger, scanner: () => fingerprintScannerOf(m, 'fingerprint'), compare });
  const identity: Identity = who === 'card' ? identityFromCard(sample.value.card) : identityFromTyped(sample.value.card.idNumber)!;
  const started = sessions.start({ language: 'zh-CN', elderMode: false, identity });
  if (!started.ok) throw new Error('no session');
  if (who === 'card') keepCardFingerprints(sessions.current()!, { fingerprint: sample.value.fingerprint! });
  const { sessionId } = started.value;
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
  /** Both thumbs from `person`'s hand. */
  const twoPrints = async (person: string) => {
    for (const finger of [11, 16]) {
      await until((v) => v.data.step === 'fingerprints' && v.data.finger === finger && controls.capturing, `the capture of finger ${finger}`);
      controls.placeFinger(undefined, person);
    }
  };
  return { sessionId, runtime, until, twoPrints, holder: sample.value.holder };
}

describe('fingerprints compared with the card (sandbox matcher)', () => {
  it("the holder's own fingers match the card: the step passes", async () => {
    const h = await setup('card');
    await h.twoPrints(h.holder);
    await h.until((v) => v.stepId === 'submit', 'the step to pass after a match');
  });

  it("someone else's fingers do not match: the citizen is asked again, and RETRY starts over with the right thumb", async () => {
    const h = await setup('card');
    await h.twoPrints(SOMEONE_ELSE);
    const noMatch = await h.until((v) => v.data.step === 'fingerprints' && v.data.state === 'noMatch', 'noMatch');
    expect(noMatch).toMatchObject({ messageKey: 'flow.fingerprints.noMatch', data: { compare: { noMatches: 1, maxTries: 2 } } });
    await h.runtime.handlers['flow.send']({ sessionId: h.sessionId, event: { type: 'RETRY' } });
    await h.until((v) => v.data.step === 'fingerprints' && v.data.state === 'capturing' && v.data.finger === 11, 'a fresh right thumb');
    await h.twoPrints(h.holder);
    await h.until((v) => v.stepId === 'submit', 'the step to pass after the holder retried');
  });

  it('a typed number has no card prints: the comparison is skipped and the step passes', async () => {
    const h = await setup('typed');
    await h.twoPrints(SOMEONE_ELSE);
    await h.until((v) => v.stepId === 'submit', 'the step to pass without a comparison');
  });

  it('a back-end that is down: the step passes (the fact says unavailable)', async () => {
    const h = await setup('card', down as never);
    await h.twoPrints(SOMEONE_ELSE);
    await h.until((v) => v.stepId === 'submit', 'the step to pass with the back-end down');
  });
});

describe('fingerprint-compare sandbox answers', () => {
  it('refuses a card block that is not 1024 bytes, and anything but simulated templates matches nothing', async () => {
    const sample = loadSampleCard('resident-moved');
    if (!sample.ok) throw new Error('no sample');
    const card = Buffer.from(sample.value.fingerprint!).toString('base64');
    const short = await answerOperation(fingerprintCompare, { captured: [{ finger: 11, template: 'AAAA' }], card: 'AAAA' }, {} as never);
    expect(short).toMatchObject({ ok: false, error: { kind: 'badResponse' } });
    const random = await sandboxCompare({ captured: [{ finger: 11, template: Buffer.alloc(512, 7).toString('base64') }], card });
    expect(random).toEqual({ ok: true, value: { outcome: 'noMatch', score: 8 } });
  });
});
