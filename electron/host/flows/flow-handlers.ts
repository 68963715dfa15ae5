/**
 * The KioskApi handlers for flows (`flow.start`, `flow.send`,
 * `flow.current`) and the `flow.changed` event. The flow lives in the
 * session's data and is stopped when the session ends, whatever the reason.
 * Before passing on a citizen's event the host syncs the session's identity
 * into the flow, so an identity is only ever what the host read or validated.
 * When the flow's identify step is confirmed (it may come after a first
 * choice, or be skipped on a path that needs no identity) the session's identity is fixed: from then
 * on the flow, the face check and the session all mean the same person, and
 * a face verdict counts only if its check began on that fixed identity.
 */
import { randomUUID } from 'node:crypto';
import type { FaceVerifyResult, FlowView, Identity, KioskError, PhotoSpecId } from '../../contract';
import { kioskError, type CallHandlers, type HandlerOutcome } from '../api/dispatch';
import type { EventBus } from '../events';
import type { Logger } from '../log/logger';
import type { ActiveSession, SessionStore } from '../session/session-store';
import type { ProxyMandate } from '../../contract/proxy';
import { err, ok, type Result } from '../../../domain/result';
import type { FlowInstance } from './flow-instance';
import type { FlowService } from './flow-service';
import type { FlowContinuation } from './library/context';
import { FLOW_DATA_KEY, faceResultEvent, flowOf } from './session-flow';

export type FlowCallName = 'flow.start' | 'flow.send' | 'flow.current';

export interface FlowHandlersContext {
  sessions: SessionStore;
  bus: EventBus;
  logger: Logger;
  /** The services that have a kiosk flow, dependencies bound (gateway, printers, outbox). */
  services: readonly FlowService[];
  /** Whether a service may start now (catalogue availability); default: always. */
  availability?: (serviceId: string) => { available: true } | { available: false; reasonKey: string };
  /** 可视化代办: a run done by proxy ended with `outcome` (the hall's case record closes). */
  onMandateRunEnded?: (sessionId: string, mandate: ProxyMandate, outcome: string) => void;
  /** 可视化代办: a run by proxy started (the host journals it: the service, the case, both people masked). */
  onMandateRunStarted?: (sessionId: string, serviceId: string, flowId: string, mandate: ProxyMandate, view: FlowView) => void;
}

/** Why the host did not start a run by proxy. */
export type MandateRefusal = 'noSession' | 'unknownService' | 'notProxyAllowed' | 'unavailable' | 'identityNotFixed';

export type FlowHandlers = Pick<CallHandlers, FlowCallName>;

/** Host-internal controls that are not renderer calls. */
export interface FlowControls {
  /**
   * The face module's verdict (`face.verify` result) for the session's flow.
   * `checked`: the session's fixed identity when that check began (null if
   * none was fixed); any other verdict is refused.
   */
  faceResult(sessionId: string, verdict: FaceVerifyResult, checked: Identity | null): boolean;
  /** The photo the session's current flow step asks for, or null when no photo step is current. */
  photoAsked(sessionId: string): PhotoAsked | null;
  /** A photo of `spec` was made and checked: the current photo step counts it. */
  photoTaken(sessionId: string, spec: PhotoSpecId): boolean;
  /** The citizen chose a candidate the photo module accepted: the current photo step of that spec passes. */
  photoChosen(sessionId: string, choice: { spec: PhotoSpecId; candidateId: string; sha256: string }): boolean;
  /** A code scanned while the session's flow waits for payment: its 付款码. False when no payment step waits (the code is not for it). */
  paymentCodeScanned(sessionId: string, text: string): boolean;
  /** A code scanned while the session's flow shows a form that takes scans (a receipt's 受理编号). False when none does. */
  codeScanned(sessionId: string, text: string): boolean;
  /**
   * Starts `next.serviceId` in the session for the principal under the
   * mandate (after the run that asked for it ended). Refused for a service
   * that does not allow proxy, an unavailable one, or a session whose own
   * identity (the agent's card) was not fixed.
   */
  startWithMandate(sessionId: string, next: FlowContinuation): Result<FlowView, MandateRefusal>;
  /** Another identity came after the fixed one: the session's flow ends (`identityChanged`) if it still runs. */
  identityChanged(sessionId: string): boolean;
  /** Unsubscribes from the bus (host stop). */
  dispose(): void;
}

/** What a current photo step asks for (from its view: public data only). */
export interface PhotoAsked {
  spec: PhotoSpecId;
  maxTakes: number;
  takes: number;
  /** Whether the step takes a photo studio's receipt code. */
  studioReceipt: boolean;
}

const flowError = (messageKey: string, details?: Record<string, unknown>): KioskError => ({
  code: 'invalidParams',
  messageKey,
  ...(details ? { details } : {}),
});
const fail = (error: KioskError) => ({ ok: false as const, error });

/**
 * Builds the flow handlers (spread them into the host's handler map) and
 * the host-internal controls.
 */
export function createFlowRuntime(ctx: FlowHandlersContext): { handlers: FlowHandlers; controls: FlowControls } {
  const live = new Map<string, { flow: FlowInstance; unsubscribe: () => void; identity: Identity | null }>();

  const stop = (sessionId: string) => {
    const entry = live.get(sessionId);
    if (!entry) return;
    entry.unsubscribe();
    entry.flow.stop();
    live.delete(sessionId);
  };

  const syncIdentity = (session: ActiveSession, flow: FlowInstance) => {
    const entry = live.get(session.sessionId);
    if (!entry || entry.identity === session.identity) return;
    entry.identity = session.identity;
    flow.send({ type: 'IDENTITY', identity: session.identity });
  };

  /** The flow went past identify with the identity it was last given, which is the session's: fix it. */
  const fixIdentity = (session: ActiveSession) => {
    if (session.identityFixed) return;
    const entry = live.get(session.sessionId);
    if (!entry || entry.identity !== session.identity) {
      // Cannot happen while every identity reaches the flow through syncIdentity; fail closed if it does.
      ctx.logger.error(
        { sessionId: session.sessionId },
        'flow left identify with an identity that is not the session’s',
      );
      entry?.flow.send({ type: 'IDENTITY_CHANGED' });
      return;
    }
    ctx.sessions.fixIdentity(session.sessionId);
    ctx.logger.info({ sessionId: session.sessionId, flowId: entry.flow.flowId }, 'identity fixed for the flow');
  };

  const unsubscribeBus = ctx.bus.subscribe((envelope) => {
    if (envelope.event === 'session.ended') {
      const { sessionId } = envelope.payload as { sessionId: string };
      stop(sessionId);
    } else if (envelope.event === 'identity.read') {
      const { sessionId } = envelope.payload as { sessionId: string };
      const session = ctx.sessions.get(sessionId);
      const flow = session && flowOf(session);
      if (session && flow) syncIdentity(session, flow);
    }
  });

  /**
   * Starts `service` in the session: for the session's identity, or under a
   * mandate for the principal's (the session's own identity, the agent's
   * card, stays fixed as it is: a different card placed still ends the run).
   */
  const startRun = (session: ActiveSession, service: FlowService, proxied: FlowContinuation | null): FlowView => {
    const { sessionId } = session;
    stop(sessionId);
    const flow = service.start({
      sessionId,
      flowId: randomUUID(),
      identity: proxied ? proxied.identity : session.identity,
      language: session.language,
      ...(proxied ? { mandate: proxied.mandate } : {}),
    });
    let handedOver = false;
    const unsubscribe = flow.subscribe((view: FlowView) => {
      if (!proxied && flow.identityConfirmed()) fixIdentity(session);
      ctx.bus.emit('flow.changed', { sessionId, view });
      if (proxied && view.data.step === 'done') ctx.onMandateRunEnded?.(sessionId, proxied.mandate, view.data.outcome);
      const next = handedOver ? null : (flow.continuation?.() ?? null);
      if (next) {
        handedOver = true;
        // After this notification: the run that asked is stopped by the next one's start.
        queueMicrotask(() => {
          if (ctx.sessions.get(sessionId) !== session || flowOf(session) !== flow) return;
          const started = controls.startWithMandate(sessionId, next);
          if (!started.ok)
            ctx.logger.error(
              { sessionId, serviceId: next.serviceId, refusal: started.error },
              'run by proxy not started',
            );
        });
      }
    });
    // A run by proxy never syncs the session's identity into it: its identity is the principal's.
    live.set(sessionId, { flow, unsubscribe, identity: session.identity });
    session.data.set(FLOW_DATA_KEY, flow);
    ctx.sessions.touch(sessionId);
    ctx.logger.info(
      { sessionId, serviceId: service.id, flowId: flow.flowId, byProxy: proxied !== null },
      'flow started',
    );
    return flow.view();
  };

  const withFlow = (sessionId: string): { session: ActiveSession; flow: FlowInstance } | { error: KioskError } => {
    const session = ctx.sessions.get(sessionId);
    if (!session) return { error: kioskError('noSession') };
    const flow = flowOf(session);
    if (!flow) return { error: flowError('flow.notStarted') };
    return { session, flow };
  };

  const handlers: FlowHandlers = {
    'flow.start': ({ sessionId, serviceId }): HandlerOutcome<'flow.start'> => {
      const session = ctx.sessions.get(sessionId);
      if (!session) return fail(kioskError('noSession'));
      const service = ctx.services.find((candidate) => candidate.id === serviceId);
      if (!service) return fail(flowError('flow.unknownService', { serviceId }));
      const availability = ctx.availability?.(serviceId) ?? { available: true };
      if (!availability.available) return fail({ code: 'deviceUnavailable', messageKey: availability.reasonKey });
      return { ok: true, value: startRun(session, service, null) };
    },
    'flow.send': ({ sessionId, event }): HandlerOutcome<'flow.send'> => {
      const found = withFlow(sessionId);
      if ('error' in found) return fail(found.error);
      ctx.sessions.touch(sessionId);
      syncIdentity(found.session, found.flow);
      const before = found.flow.view();
      if (!found.flow.send(event)) {
        ctx.logger.info(
          { sessionId, flowId: found.flow.flowId, step: before.step, event: event.type },
          'flow event not accepted',
        );
        return fail(flowError('flow.eventNotAccepted', { step: before.step, event: event.type }));
      }
      const after = found.flow.view();
      ctx.logger.info(
        { sessionId, flowId: found.flow.flowId, from: before.step, event: event.type, to: after.step },
        'flow event',
      );
      return { ok: true, value: after };
    },
    'flow.current': ({ sessionId }): HandlerOutcome<'flow.current'> => {
      const session = ctx.sessions.get(sessionId);
      if (!session) return fail(kioskError('noSession'));
      const flow = flowOf(session);
      return { ok: true, value: { view: flow ? flow.view() : null } };
    },
  };

  const controls: FlowControls = {
    startWithMandate(sessionId, next) {
      const session = ctx.sessions.get(sessionId);
      if (!session) return err('noSession');
      const service = ctx.services.find((candidate) => candidate.id === next.serviceId);
      if (!service) return err('unknownService');
      // The host decides: a service that does not allow proxy never runs for someone else, whoever asks.
      if (service.proxy !== true) return err('notProxyAllowed');
      if (!(ctx.availability?.(next.serviceId) ?? { available: true }).available) return err('unavailable');
      if (!session.identityFixed || !session.identity) return err('identityNotFixed');
      const view = startRun(session, service, next);
      // The journal follows the run by proxy from here (its service, fee and outcome), with who for whom.
      const flow = flowOf(session);
      if (flow) ctx.onMandateRunStarted?.(sessionId, service.id, flow.flowId, next.mandate, view);
      ctx.bus.emit('flow.changed', { sessionId, view });
      return ok(view);
    },
    faceResult(sessionId, verdict, checked) {
      const session = ctx.sessions.get(sessionId);
      const flow = session && flowOf(session);
      if (!session || !flow) return false;
      // Only a check of the identity the flow acts on, begun after it was fixed, may move the flow.
      const ofFixedIdentity = session.identityFixed && checked !== null && checked === session.identity;
      const accepted = ofFixedIdentity && flow.send(faceResultEvent(verdict));
      ctx.logger.info(
        { sessionId, flowId: flow.flowId, outcome: verdict.outcome, ofFixedIdentity, accepted },
        'face result',
      );
      return accepted;
    },
    photoAsked(sessionId) {
      const session = ctx.sessions.get(sessionId);
      const data = session && flowOf(session)?.view().data;
      return data?.step === 'photo'
        ? { spec: data.spec, maxTakes: data.maxTakes, takes: data.takes, studioReceipt: data.studioReceipt }
        : null;
    },
    photoTaken(sessionId, spec) {
      const session = ctx.sessions.get(sessionId);
      const flow = session && flowOf(session);
      return flow ? flow.send({ type: 'PHOTO_TAKEN', spec }) : false;
    },
    photoChosen(sessionId, choice) {
      const session = ctx.sessions.get(sessionId);
      const flow = session && flowOf(session);
      if (!session || !flow) return false;
      const accepted = flow.send({ type: 'PHOTO_ACCEPTED', ...choice });
      ctx.logger.info({ sessionId, flowId: flow.flowId, spec: choice.spec, accepted }, 'photo chosen for the flow');
      return accepted;
    },
    paymentCodeScanned(sessionId, text) {
      const session = ctx.sessions.get(sessionId);
      const flow = session && flowOf(session);
      if (!session || !flow || flow.view().data.step !== 'payment') return false;
      const accepted = flow.send({ type: 'PAYMENT_CODE', authCode: text.trim() });
      // The code is the citizen's means of payment: never logged.
      ctx.logger.info({ sessionId, flowId: flow.flowId, accepted }, 'payment code scanned for the flow');
      return accepted;
    },
    codeScanned(sessionId, text) {
      const session = ctx.sessions.get(sessionId);
      const flow = session && flowOf(session);
      const data = flow?.view().data;
      if (!session || !flow || data?.step !== 'form' || data.scanFieldId === undefined) return false;
      const accepted = flow.send({ type: 'CODE_SCANNED', text });
      // The code may be personal data (a receipt's number): not logged.
      ctx.logger.info({ sessionId, flowId: flow.flowId, accepted }, 'code scanned for the flow');
      return accepted;
    },
    identityChanged(sessionId) {
      const session = ctx.sessions.get(sessionId);
      const flow = session && flowOf(session);
      if (!session || !flow) return false;
      const ended = flow.send({ type: 'IDENTITY_CHANGED' });
      ctx.logger.warn({ sessionId, flowId: flow.flowId, ended }, 'another identity after identify: flow ended');
      return ended;
    },
    dispose() {
      unsubscribeBus();
      for (const sessionId of [...live.keys()]) stop(sessionId);
    },
  };
  return { handlers, controls };
}
