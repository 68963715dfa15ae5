/**
 * Drives the fingerprint scanner for the session's fingerprint step: when
 * the flow's view is a fingerprints step `capturing` capture number N, the
 * host starts capture N on the scanner (cancelling any other), passes the
 * live quality on, and reports the print or the failure to the flow as
 * FINGERPRINT_* events, which the renderer cannot send. The template stays
 * in the session's data, zero-filled when the session is wiped; the flow
 * keeps its hash.
 * When the step says `comparing` (compareWithCard), the host compares the
 * step's two prints with the card's fingerprint block through the back-end
 * (`fingerprint-compare`) and reports FINGERPRINT_COMPARED; with no card
 * prints to compare with (a typed number, a card read without them) it
 * reports `skipped`, with a back-end that cannot answer `unavailable`.
 * Nothing here logs a template.
 */
import { createHash } from 'node:crypto';
import type { Result } from '../../../domain/result';
import type { CaptureOptions, FingerprintCapture, FingerprintFailure } from '../../../drivers/fingerprint/scanner';
import type { ManagedFingerprint } from '../../../drivers/manager/fingerprint-device';
import type { FingerCode, FlowView } from '../../contract';
import type { EventBus } from '../events';
import type { Logger } from '../log/logger';
import type { DeviceLookup } from '../printing/receipt-printer-of';
import type { ActiveSession, SessionStore, Wipeable } from '../session/session-store';
import type { FingerprintEvent } from './flow-events';
import { flowOf } from './session-flow';
import { cardFingerprintsOf } from '../session/card-fingerprint';
import type { FingerprintCompareAnswer, FingerprintCompareRequest } from '../gateway/fingerprint-compare';
import type { GatewayResult } from '../gateway/police-gateway';

/** What the capture needs of a scanner (the managed device, or a test's fake). */
export interface FingerprintCapturePort {
  capture(options: CaptureOptions): Promise<Result<FingerprintCapture, FingerprintFailure>>;
}

/** One print kept for the service to submit. */
export interface SessionFingerprint {
  stepId: string;
  finger: FingerCode;
  quality: number;
  template: Uint8Array;
}

const TEMPLATES_KEY = 'fingerprint.templates';

/** The session's captured prints; their templates are zero-filled when the session is wiped, like the card's prints. */
class KeptTemplates implements Wipeable {
  readonly prints: SessionFingerprint[] = [];
  wipe(): void {
    for (const print of this.prints) print.template.fill(0);
    this.prints.length = 0;
  }
}

/** The prints the session's fingerprint steps captured, oldest first (every capture, good or bad). */
export function sessionFingerprints(session: ActiveSession): SessionFingerprint[] {
  let kept = session.data.get(TEMPLATES_KEY);
  if (!(kept instanceof KeptTemplates)) {
    kept = new KeptTemplates();
    session.data.set(TEMPLATES_KEY, kept);
  }
  return (kept as KeptTemplates).prints;
}

/** The fingerprint scanner `id` of a device layer that hands out its devices. */
export function fingerprintScannerOf(source: DeviceLookup, id: string): ManagedFingerprint | undefined {
  const device = typeof source.device === 'function' ? source.device(id) : undefined;
  return device && device.kind === 'fingerprint' && 'capture' in device ? (device as ManagedFingerprint) : undefined;
}

export interface FingerprintToFlowOptions {
  bus: EventBus;
  sessions: SessionStore;
  logger: Logger;
  /** The scanner now; undefined when the kiosk has none. */
  scanner: () => FingerprintCapturePort | undefined;
  /** How long the citizen has to place the finger, per capture. Default 20 s. */
  timeoutMs?: number;
  /** The back-end's 1:1 comparison (`gateway.call(fingerprintCompare, …)`); without it every comparison is `unavailable`. */
  compare?: (request: FingerprintCompareRequest) => Promise<GatewayResult<FingerprintCompareAnswer>>;
}

/** Starts following flow views; returns the unsubscribe (which also cancels a running capture). */
export function connectFingerprintsToFlow(options: FingerprintToFlowOptions): () => void {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const log = options.logger.child({ component: 'fingerprint' });
  let running: { sessionId: string; key: string; abort: AbortController } | undefined;

  const cancel = (sessionId?: string): void => {
    if (!running || (sessionId !== undefined && running.sessionId !== sessionId)) return;
    running.abort.abort();
    running = undefined;
  };

  const send = (sessionId: string, event: FingerprintEvent): boolean => {
    const session = options.sessions.get(sessionId);
    const flow = session && flowOf(session);
    return flow ? flow.send(event) : false;
  };

  function start(sessionId: string, view: FlowView, finger: FingerCode, capture: number): void {
    const key = `${view.flowId}:${view.stepId}:${capture}`;
    if (running?.key === key) return;
    cancel();
    const abort = new AbortController();
    const mine = { sessionId, key, abort };
    running = mine;
    const stillMine = () => running === mine && !abort.signal.aborted;
    // Started after the current flow event has finished (the view came from inside it).
    queueMicrotask(() => {
      if (!stillMine()) return;
      const scanner = options.scanner();
      if (!scanner) {
        running = undefined;
        send(sessionId, { type: 'FINGERPRINT_FAILED', capture, reason: 'noDevice' });
        return;
      }
      void scanner
        .capture({
          timeoutMs,
          signal: abort.signal,
          onProgress: (p) => {
            if (stillMine() && p.state === 'fingerDetected') send(sessionId, { type: 'FINGERPRINT_PROGRESS', capture, quality: p.quality });
          },
        })
        .then((result) => {
          if (!stillMine()) return;
          running = undefined;
          report(sessionId, view.stepId, finger, capture, result);
        });
    });
  }

  function report(sessionId: string, stepId: string, finger: FingerCode, capture: number, result: Result<FingerprintCapture, FingerprintFailure>): void {
    if (result.ok) {
      const session = options.sessions.get(sessionId);
      if (!session) return;
      sessionFingerprints(session).push({ stepId, finger, quality: result.value.quality, template: result.value.template.slice() });
      const templateSha256 = createHash('sha256').update(result.value.template).digest('hex');
      const accepted = send(sessionId, { type: 'FINGERPRINT_CAPTURED', capture, finger, quality: result.value.quality, templateSha256 });
      log.info({ sessionId, finger, quality: result.value.quality, accepted }, 'fingerprint captured');
      return;
    }
    const failure = result.error;
    switch (failure.kind) {
      case 'cancelled':
        return;
      case 'noTemplate': {
        // A finger the sensor saw but could not read: a try of quality 0 (the step asks again, then for the next finger).
        const templateSha256 = createHash('sha256').update(new Uint8Array(0)).digest('hex');
        send(sessionId, { type: 'FINGERPRINT_CAPTURED', capture, finger, quality: 0, templateSha256 });
        log.info({ sessionId, finger }, 'fingerprint not readable');
        return;
      }
      case 'timeout':
      case 'noDevice':
        send(sessionId, { type: 'FINGERPRINT_FAILED', capture, reason: failure.kind });
        log.info({ sessionId, reason: failure.kind }, 'fingerprint capture failed');
        return;
      case 'busy':
      case 'hardwareError':
      case 'protocol':
        send(sessionId, { type: 'FINGERPRINT_FAILED', capture, reason: 'deviceError' });
        log.warn({ sessionId, reason: failure.kind, message: failure.message }, 'fingerprint scanner error');
        return;
      default: {
        const unreachable: never = failure;
        return unreachable;
      }
    }
  }

  let comparing: string | undefined;

  /** Compares the step's accepted prints (the view's `captured`) with the card's, once per comparison number. */
  function compare(sessionId: string, view: FlowView, captured: readonly { finger: FingerCode; quality: number }[], capture: number): void {
    const key = `${sessionId}:${view.flowId}:${view.stepId}:${capture}`;
    if (comparing === key) return;
    comparing = key;
    queueMicrotask(() => {
      void compareNow(sessionId, view.stepId, captured, capture).then((event) => {
        if (comparing !== key) return;
        comparing = undefined;
        const accepted = send(sessionId, event);
        log.info({ sessionId, outcome: event.type === 'FINGERPRINT_COMPARED' ? event.outcome : null, accepted }, 'fingerprints compared with the card');
      });
    });
  }

  async function compareNow(sessionId: string, stepId: string, captured: readonly { finger: FingerCode; quality: number }[], capture: number): Promise<FingerprintEvent> {
    const session = options.sessions.get(sessionId);
    const card = session ? cardFingerprintsOf(session) : { kind: 'absent' as const };
    if (!session || session.identity?.source !== 'card') return { type: 'FINGERPRINT_COMPARED', capture, outcome: 'skipped', reason: 'noCard' };
    if (card.kind === 'absent') return { type: 'FINGERPRINT_COMPARED', capture, outcome: 'skipped', reason: 'noCardPrints' };
    if (card.kind === 'unreadable') return { type: 'FINGERPRINT_COMPARED', capture, outcome: 'skipped', reason: 'cardPrintsUnreadable' };
    // Each accepted print: the latest template this step captured of that finger at that quality.
    const prints = sessionFingerprints(session).filter((p) => p.stepId === stepId);
    const templates = captured.flatMap(({ finger, quality }) => {
      const print = prints.findLast((p) => p.finger === finger && p.quality === quality);
      return print ? [{ finger, template: Buffer.from(print.template).toString('base64') }] : [];
    });
    if (templates.length === 0 || !options.compare) return { type: 'FINGERPRINT_COMPARED', capture, outcome: 'unavailable' };
    const answer = await options.compare({ captured: templates, card: Buffer.from(card.data).toString('base64') });
    if (!answer.ok) {
      log.warn({ sessionId, reason: answer.error.kind }, 'fingerprint comparison unavailable');
      return { type: 'FINGERPRINT_COMPARED', capture, outcome: 'unavailable' };
    }
    return { type: 'FINGERPRINT_COMPARED', capture, outcome: answer.value.outcome, score: answer.value.score };
  }

  const unsubscribe = options.bus.subscribe((envelope) => {
    if (envelope.event === 'session.ended') {
      cancel((envelope.payload as { sessionId: string }).sessionId);
      return;
    }
    if (envelope.event !== 'flow.changed') return;
    const { sessionId, view } = envelope.payload as { sessionId: string; view: FlowView };
    const data = view.data;
    if (data.step === 'fingerprints' && data.state === 'capturing' && data.finger !== null) start(sessionId, view, data.finger, data.capture);
    else cancel(sessionId);
    if (data.step === 'fingerprints' && data.state === 'comparing') compare(sessionId, view, data.captured, data.capture);
  });

  return () => {
    unsubscribe();
    cancel();
  };
}
