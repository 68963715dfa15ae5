/**
 * A whole host in process for integration tests: simulated card reader and
 * receipt printer (the drivers' byte-level simulators), the simulated CUPS
 * at full speed, the sandbox back-end without latency, a temp data folder,
 * and a face matcher that says "same person" (standing in for the face
 * module's model; the verdict still travels face.verify → flow).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { PROTOCOL_VERSION, type EventEnvelope, type FlowView, type IssuedFaceChallenge } from '../../../../electron/contract';
import { KioskConfig, type KioskConfigInput } from '../../../../electron/host/config/schema';
import { createHost, type KioskHost } from '../../../../electron/host/create-host';
import type { Journal } from '../../../../electron/host/journal';
import type { Printing } from '../../../../electron/host/printing';
import type { ReceiptPrinterSimulatorControls } from '../../../../drivers/manager/receipt-device';
import { frameOf, scriptedDetector } from '../face/face-harness';

export interface HostHarness {
  host: KioskHost;
  /** The host's printing stack and journal (open until `close`). */
  printing: Printing;
  journal: Journal;
  dataDir: string;
  events: EventEnvelope[];
  call<T = unknown>(method: string, params?: unknown): Promise<T>;
  /** The reply envelope as is (for expected failures). */
  raw(method: string, params?: unknown): Promise<{ ok: boolean; result?: unknown; error?: { code: string; messageKey: string } }>;
  receipts(): ReceiptPrinterSimulatorControls;
  close(): Promise<void>;
}

/** Polls `probe` until it returns something other than undefined. */
export async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The back-end's 1:1 comparison as the host calls it. */
export type VerifyFace = NonNullable<NonNullable<Parameters<typeof createHost>[1]>['face']>['verifyFace'];

/** Starts a host; `input` is merged into the test config; `verifyFace` replaces the "same person" matcher. */
export async function startHarness(input: Partial<KioskConfigInput> = {}, verifyFace?: VerifyFace): Promise<HostHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'onedoor-integration-'));
  const keyDir = mkdtempSync(join(tmpdir(), 'onedoor-integration-keys-'));
  const config = KioskConfig.parse({
    simulation: true,
    kioskId: 'T-01',
    backend: { kind: 'sandbox', latency: { minMs: 0, maxMs: 0 } },
    face: { testingSkipLiveness: true },
    outbox: { pollMs: 100, backoffBaseMs: 50, backoffMaxMs: 200 },
    ...input,
    devices: { idcard: { simulator: { paceBaud: 0 } }, receiptPrinter: { statusPollMs: 200 }, ...input.devices },
  });
  const logger = pino({ level: 'silent' });
  const host = createHost(config, {
    logger,
    dataDir,
    keyDir,
    printing: { simulator: { msPerPage: 0, startDelayMs: 0 } },
    face: {
      // The back-end says "same person" (the real comparison is tested in tests/electron/host/face and e2e).
      verifyFace: verifyFace ?? (async () => ({ ok: true, value: { match: true, score: 0.93 } })),
      // The landmark model's stand-in reads the test frames (tests/electron/host/face/face-harness.ts).
      detectFaces: scriptedDetector,
    },
  });
  const events: EventEnvelope[] = [];
  host.onEvent((event) => events.push(event));
  await host.start();
  let n = 0;
  const raw = async (method: string, params: unknown = {}) => {
    const reply = await host.dispatch({ v: PROTOCOL_VERSION, type: 'call', id: `r${++n}`, method, params });
    return reply as { ok: boolean; result?: unknown; error?: { code: string; messageKey: string } };
  };
  const harness: HostHarness = {
    host,
    printing: host.printing,
    journal: host.journal,
    dataDir,
    events,
    raw,
    async call<T>(method: string, params: unknown = {}) {
      const reply = await raw(method, params);
      if (!reply.ok) throw new Error(`${method} failed: ${JSON.stringify(reply.error)}`);
      return reply.result as T;
    },
    receipts() {
      const controls = host.devices.simulatorControls?.('receiptPrinter');
      if (controls?.kind !== 'receiptPrinter') throw new Error('no simulated receipt printer');
      return controls;
    },
    async close() {
      await host.stop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(keyDir, { recursive: true, force: true });
    },
  };
  // The renderer's face camera works: report it as the renderer does at start (the host lists it `starting` until then).
  await harness.call('devices.reportCamera', { role: 'face', state: 'online' });
  // Devices up: the reader and both printers report online.
  await until(async () => {
    const devices = await harness.call<Array<{ kind: string; state: string }>>('devices.list');
    return ['idcard', 'receiptPrinter', 'a4Printer'].every((kind) => devices.some((d) => d.kind === kind && d.state === 'online')) ? true : undefined;
  }, 'devices online');
  return harness;
}

/** Waits until the session's flow shows a step of kind `step` (and, optionally, a matching view). */
export function untilStep(h: Pick<HostHarness, 'call'>, sessionId: string, step: FlowView['step'], accept: (view: FlowView) => boolean = () => true, timeoutMs?: number): Promise<FlowView> {
  return until(
    async () => {
      const { view } = await h.call<{ view: FlowView | null }>('flow.current', { sessionId });
      return view && view.step === step && accept(view) ? view : undefined;
    },
    `flow step ${step}`,
    timeoutMs,
  );
}

/** Waits until the session's flow is at the service's step `stepId` (e.g. `purpose`), whatever its kind. */
export function untilStepId(h: Pick<HostHarness, 'call'>, sessionId: string, stepId: string, accept: (view: FlowView) => boolean = () => true, timeoutMs?: number): Promise<FlowView> {
  return until(
    async () => {
      const { view } = await h.call<{ view: FlowView | null }>('flow.current', { sessionId });
      return view && view.stepId === stepId && accept(view) ? view : undefined;
    },
    `flow step ${stepId}`,
    timeoutMs,
  );
}

/**
 * The face check as the renderer does it: biometric consent, a challenge, the frame the host asks for, then
 * face.verify (the liveness seam is on in simulation, and the matcher says "same person").
 */
export async function passFaceCheck(h: Pick<HostHarness, 'call'>, sessionId: string): Promise<void> {
  await h.call('consent.record', { sessionId, kind: 'biometric', granted: true });
  let verdict = await faceCheck(h, sessionId);
  // A frame a busy machine delivers past its window is not used, and the check is refused for want of a face: look again, as a citizen would.
  if (verdict.outcome === 'refused' && verdict.reasonKey === 'face.refused.oneFace') verdict = await faceCheck(h, sessionId);
  if (verdict.outcome !== 'match') throw new Error(`face check: ${JSON.stringify(verdict)}`);
}

/** A challenge, the one frame the host asks for first (a face with open eyes), and face.verify; consent given before. */
export async function faceCheck(h: Pick<HostHarness, 'call'>, sessionId: string): Promise<{ outcome: string; reasonKey?: string }> {
  const challenge = await h.call<IssuedFaceChallenge>('face.challenge', { sessionId });
  await new Promise((resolve) => setTimeout(resolve, challenge.frameRequest.inMs + 5));
  await h.call('face.frame', { sessionId, challengeId: challenge.challengeId, nonce: challenge.frameRequest.nonce, jpeg: frameOf('open') });
  return h.call<{ outcome: string; reasonKey?: string }>('face.verify', { sessionId, challengeId: challenge.challengeId });
}
