/**
 * A whole host in process for the fault tests, like the integration harness
 * but with the faults' seams: the police gateway injected (the HTTP client
 * against the sandbox server, whose answers can be broken) and the simulated
 * CUPS paced so a job can be interrupted while it prints.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { PROTOCOL_VERSION, type EventEnvelope, type FlowView, type SessionInfo } from '../../electron/contract';
import { KioskConfig, type KioskConfigInput } from '../../electron/host/config/schema';
import { createHost, type KioskHost } from '../../electron/host/create-host';
import type { SimulatedCupsOptions } from '../../electron/host/printing/a4/simulated/simulated-cups';
import type { PoliceGateway } from '../../electron/host/gateway/police-gateway';
import type { Journal } from '../../electron/host/journal';
import type { Printing } from '../../electron/host/printing';
import { scriptedDetector } from '../electron/host/face/face-harness';
import { passFaceCheck, until, untilStep, untilStepId } from '../electron/host/integration/host-harness';
import { realKioskConfig } from '../helpers/real-kiosk-config';

/** A running host and what the tests look at. */
export interface FaultHost {
  host: KioskHost;
  /** The host's printing stack and journal (open until `close`). */
  printing: Printing;
  journal: Journal;
  events: EventEnvelope[];
  call<T = unknown>(method: string, params?: unknown): Promise<T>;
  raw(method: string, params?: unknown): Promise<{ ok: boolean; result?: unknown; error?: { code: string; messageKey: string } }>;
  /** Rows of the journal's transactions table. */
  transactions(): Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/** Seams for a fault. */
export interface FaultHostOptions {
  gateway?: PoliceGateway;
  /** Pacing of the simulated CUPS (default: full speed). */
  a4?: SimulatedCupsOptions;
  /** The back-end as the config names it (default: the sandbox, no latency). */
  backend?: KioskConfigInput['backend'];
}

/** Starts a host with every device simulated and the back-end saying "same person" to faces. */
export async function startFaultHost(options: FaultHostOptions = {}): Promise<FaultHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'onedoor-faults-'));
  const keyDir = mkdtempSync(join(tmpdir(), 'onedoor-faults-keys-'));
  const config = KioskConfig.parse({
    simulation: true,
    kioskId: 'F-01',
    backend: options.backend?.kind === 'sandbox' ? options.backend : { kind: 'sandbox', latency: { minMs: 0, maxMs: 0 } },
    face: { testingSkipLiveness: true },
    outbox: { pollMs: 100, backoffBaseMs: 50, backoffMaxMs: 200 },
    devices: { idcard: { simulator: { paceBaud: 0 } }, receiptPrinter: { statusPollMs: 200 } },
  });
  if (options.backend && options.backend.kind !== 'sandbox') {
    // The schema rightly refuses a simulated kiosk that talks to a real back-end; a fault test of
    // the back-end link still needs simulated devices to reach a lookup, so the validated link
    // settings (parsed as a real kiosk's) replace the sandbox after validation.
    config.backend = KioskConfig.parse(realKioskConfig({ backend: options.backend })).backend;
  }
  const logger = pino({ level: 'silent' });
  const host = createHost(config, {
    logger,
    dataDir,
    keyDir,
    printing: { simulator: { msPerPage: 0, startDelayMs: 0, ...options.a4 } },
    ...(options.gateway ? { gateway: options.gateway } : {}),
    // With an injected gateway the face goes through it (the sandbox server's canned answers);
    // otherwise the back-end says "same person".
    // The landmark model's stand-in reads the test frames (the liveness seam is on: one frame with a face suffices).
    face: { detectFaces: scriptedDetector, ...(options.gateway ? {} : { verifyFace: async () => ({ ok: true as const, value: { match: true, score: 0.93 } }) }) },
  });
  const events: EventEnvelope[] = [];
  host.onEvent((event) => events.push(event));
  await host.start();
  let n = 0;
  const raw = async (method: string, params: unknown = {}) =>
    (await host.dispatch({ v: PROTOCOL_VERSION, type: 'call', id: `f${++n}`, method, params })) as { ok: boolean; result?: unknown; error?: { code: string; messageKey: string } };
  const call = async <T>(method: string, params: unknown = {}): Promise<T> => {
    const reply = await raw(method, params);
    if (!reply.ok) throw new Error(`${method} failed: ${JSON.stringify(reply.error)}`);
    return reply.result as T;
  };
  // The renderer reports its face camera as it starts.
  await call('devices.reportCamera', { role: 'face', state: 'online' });
  await until(async () => {
    const devices = await call<Array<{ kind: string; state: string }>>('devices.list');
    return ['idcard', 'receiptPrinter', 'a4Printer'].every((kind) => devices.some((d) => d.kind === kind && d.state === 'online')) ? true : undefined;
  }, 'devices online');
  return {
    host,
    printing: host.printing,
    journal: host.journal,
    events,
    call,
    raw,
    transactions: () => host.journal.db.prepare('SELECT * FROM transactions').all() as Array<Record<string, unknown>>,
    async close() {
      await host.stop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(keyDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the session's flow shows a step of kind `step` and `accept` holds. */
export function untilView(h: FaultHost, sessionId: string, step: FlowView['step'], accept: (view: FlowView) => boolean = () => true, timeoutMs = 10_000): Promise<FlowView> {
  return untilStep(h, sessionId, step, accept, timeoutMs);
}

/** A typed-ID session through identify, consent, face check, registration and purpose: the flow then queries the record. */
export async function toQuery(h: FaultHost, idNumber: string): Promise<string> {
  const { sessionId } = await h.call<SessionInfo>('session.start', { language: 'zh-CN', elderMode: false });
  await h.call('identity.typed', { sessionId, idNumber });
  await h.call('flow.start', { sessionId, serviceId: 'no-criminal-record' });
  await h.call('flow.send', { sessionId, event: { type: 'CONFIRM' } });
  await h.call('flow.send', { sessionId, event: { type: 'CONSENT', granted: true } });
  await untilView(h, sessionId, 'faceCheck');
  await passFaceCheck(h, sessionId);
  await untilStepId(h, sessionId, 'purpose', () => true, 10_000);
  await h.call('flow.send', { sessionId, event: { type: 'CHOOSE', value: 'employment' } });
  return sessionId;
}
