/**
 * The kiosk's side of 可视化代办's cases with the hall: one case at a time,
 * the open session's. It asks the hall for a case (`ProxyUp.open`), routes
 * the hall's answers and updates (validated with `ProxyDown`; anything for
 * another request or case is ignored) to the session's call step, relays
 * the WebRTC signalling between the hall and the renderer (only for the
 * session's live case), holds the host's idle backstop while the agent
 * waits on the call, and cancels a live case when the step is left or the
 * session ends, whatever the reason. Nothing of a case outlives its
 * session: invite, case view and request go with it. Logs carry the case's
 * id and phase only: never the invite, a number, or a signal.
 */
import { randomUUID } from 'node:crypto';
import { ProxyDown, type ProxyCaseView, type ProxyUp, type SignalBody } from '../../contract/proxy';
import { PROXY_FINAL_STATES, PROXY_IDLE_HOLD_PHASES } from '../../contract/proxy';
import type { EventBus } from '../events';
import { phaseOf, type ProxyDesk, type ProxyHallUpdate, type ProxyOpenRequest } from '../flows/library/proxy-call';
import type { Logger } from '../log/logger';
import type { SessionStore } from '../session/session-store';
import type { ProxyChannel } from './proxy-channel';
import { err, ok, type Result } from '../../../domain/result';

/** How long the kiosk waits for the hall's answer to `open` before it says the hall is unavailable. */
export const OPEN_ANSWER_MS = 15_000;

/** Phases in which the agent waits on the call: the idle backstop is held. */

export interface ProxyDeskDeps {
  kioskId: string;
  sessions: SessionStore;
  bus: EventBus;
  logger: Logger;
  /** Services a relative may do for someone now (catalogue `proxy`, available). */
  services: () => ReadonlyArray<{ id: string; name: { 'zh-CN': string; en: string } }>;
  newId?: () => string;
  openAnswerMs?: number;
}

/** Why a signal from the renderer was not sent. */
export type SignalRefusal = 'noSession' | 'notThisCase' | 'caseNotLive' | 'hallUnavailable';

export interface KioskProxy extends ProxyDesk {
  /** The hall link to publish on (set once the link exists; null: none). */
  attach(channel: ProxyChannel | null): void;
  /** A payload the hall link received on `proxyTopic.down(kioskId)`. */
  receive(payload: Buffer | string): void;
  /** The hall link came up or went down. */
  linkChanged(online: boolean): void;
  /** The renderer's signalling for the session's current case (`proxy.signal`). */
  signal(sessionId: string, caseId: string, to: 'phone' | 'console', body: SignalBody): Result<{ sent: true }, SignalRefusal>;
  /** The run done by proxy ended: the hall's case record closes. */
  completed(caseId: string, outcome: string): void;
  /** The session's case as the kiosk last heard of it (masked views only), or null. */
  caseOf(sessionId: string): ProxyCaseView | null;
  dispose(): void;
}

interface OpenCase {
  sessionId: string;
  requestId: string;
  caseId: string | null;
  view: ProxyCaseView | null;
  listener: (update: ProxyHallUpdate) => void;
  /** The step let go of it (or the session ended): no update reaches the step any more. */
  closed: boolean;
  timer: NodeJS.Timeout | null;
}

const isLive = (entry: OpenCase) => entry.caseId !== null && (entry.view === null || !PROXY_FINAL_STATES.includes(entry.view.state));

export function createKioskProxy(deps: ProxyDeskDeps): KioskProxy {
  const log = deps.logger.child({ component: 'proxy' });
  const newId = deps.newId ?? randomUUID;
  let channel: ProxyChannel | null = null;
  /** By session: at most one (the kiosk has one session at a time). */
  const cases = new Map<string, OpenCase>();

  const publish = (message: ProxyUp): boolean => (channel?.online() ? channel.publish(message) : false);

  const tell = (entry: OpenCase, update: ProxyHallUpdate) => {
    if (!entry.closed) entry.listener(update);
  };

  const holdIdle = (entry: OpenCase) => {
    const held = entry.view !== null && !entry.closed && PROXY_IDLE_HOLD_PHASES.has(phaseOf(entry.view));
    deps.sessions.holdIdle(entry.sessionId, held);
  };

  const clearTimer = (entry: OpenCase) => {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
  };

  /** Forgets the session's case, cancelling it first when it is still live. */
  const release = (sessionId: string, reason: 'agentCancelled' | 'kioskSessionEnded') => {
    const entry = cases.get(sessionId);
    if (!entry) return;
    entry.closed = true;
    clearTimer(entry);
    if (isLive(entry) && entry.caseId) {
      const sent = publish({ type: 'cancel', caseId: entry.caseId, reason });
      log.info({ sessionId, caseId: entry.caseId, reason, sent }, 'proxy case cancelled');
    }
    deps.sessions.holdIdle(sessionId, false);
    // Wiped: the invite, the case view and the request go with the session's case.
    cases.delete(sessionId);
  };

  const entryForRequest = (requestId: string) => [...cases.values()].find((entry) => entry.requestId === requestId);
  const entryForCase = (caseId: string) => [...cases.values()].find((entry) => entry.caseId === caseId);

  const onDown = (down: ProxyDown) => {
    switch (down.type) {
      case 'opened': {
        const entry = entryForRequest(down.requestId);
        if (!entry || entry.caseId !== null || down.case.caseId !== down.caseId || down.case.kioskId !== deps.kioskId) {
          // Not ours, or too late: a case the kiosk no longer wants is cancelled so the principal's link dies.
          if (!entry) {
            log.warn({ caseId: down.caseId }, 'proxy: an opened case for no request of this kiosk; cancelled');
            publish({ type: 'cancel', caseId: down.caseId, reason: 'agentCancelled' });
          }
          return;
        }
        clearTimer(entry);
        entry.caseId = down.caseId;
        entry.view = down.case;
        log.info({ sessionId: entry.sessionId, caseId: down.caseId, sms: down.sms }, 'proxy case opened');
        tell(entry, { kind: 'opened', invite: { url: down.inviteUrl, sms: down.sms, expiresAt: down.case.linkExpiresAt }, iceServers: down.iceServers, case: down.case });
        holdIdle(entry);
        return;
      }
      case 'openRefused': {
        const entry = entryForRequest(down.requestId);
        if (!entry || entry.caseId !== null) return;
        clearTimer(entry);
        log.info({ sessionId: entry.sessionId, reason: down.reason }, 'proxy case refused by the hall');
        tell(entry, { kind: 'openRefused', reason: down.reason });
        cases.delete(entry.sessionId);
        return;
      }
      case 'case': {
        const entry = entryForCase(down.case.caseId);
        if (!entry || down.case.kioskId !== deps.kioskId) return;
        entry.view = down.case;
        log.info({ sessionId: entry.sessionId, caseId: down.case.caseId, state: down.case.state }, 'proxy case changed');
        tell(entry, { kind: 'case', case: down.case });
        holdIdle(entry);
        return;
      }
      case 'signal': {
        const entry = entryForCase(down.caseId);
        if (!entry || entry.closed || !isLive(entry)) return;
        deps.bus.emit('proxy.signal', { sessionId: entry.sessionId, caseId: down.caseId, from: down.from, body: down.body });
        return;
      }
      case 'iceServers': {
        const entry = entryForCase(down.caseId);
        if (!entry) return;
        tell(entry, { kind: 'iceServers', iceServers: down.iceServers });
        return;
      }
      default: {
        const unknown: never = down;
        return unknown;
      }
    }
  };

  const unsubscribe = deps.bus.subscribe((envelope) => {
    if (envelope.event !== 'session.ended') return;
    const { sessionId } = envelope.payload as { sessionId: string };
    release(sessionId, 'kioskSessionEnded');
  });

  return {
    services: () => deps.services(),
    open(request: ProxyOpenRequest, listener) {
      // One case per session: a new request replaces (and cancels) the last.
      release(request.sessionId, 'agentCancelled');
      const entry: OpenCase = { sessionId: request.sessionId, requestId: newId(), caseId: null, view: null, listener, closed: false, timer: null };
      cases.set(request.sessionId, entry);
      const sent = publish({
        type: 'open',
        requestId: entry.requestId,
        serviceId: request.serviceId,
        serviceName: request.serviceName,
        agent: request.agent,
        principal: request.principal,
        language: deps.sessions.get(request.sessionId)?.language ?? 'zh-CN',
      });
      log.info({ sessionId: request.sessionId, serviceId: request.serviceId, sent }, 'proxy case asked of the hall');
      if (!sent) {
        // The hall cannot be reached: said at once (after the step's own start), with RETRY.
        queueMicrotask(() => {
          if (cases.get(request.sessionId) !== entry) return;
          tell(entry, { kind: 'openRefused', reason: 'unavailable' });
          cases.delete(request.sessionId);
        });
      } else {
        entry.timer = setTimeout(() => {
          if (cases.get(request.sessionId) !== entry || entry.caseId !== null) return;
          log.warn({ sessionId: request.sessionId }, 'proxy: the hall did not answer');
          tell(entry, { kind: 'openRefused', reason: 'unavailable' });
          cases.delete(request.sessionId);
        }, deps.openAnswerMs ?? OPEN_ANSWER_MS);
        entry.timer.unref?.();
      }
      return () => {
        if (cases.get(request.sessionId) !== entry) return;
        // The session still open: the agent left the step (BACK, another service); gone: the session ended.
        release(request.sessionId, deps.sessions.get(request.sessionId) ? 'agentCancelled' : 'kioskSessionEnded');
      };
    },
    agentSigned(sessionId, caseId, signatureSha256) {
      const entry = cases.get(sessionId);
      if (!entry || entry.caseId !== caseId || !isLive(entry)) return;
      const sent = publish({ type: 'agentSigned', caseId, signatureSha256 });
      log.info({ sessionId, caseId, sent }, 'proxy: the agent signed');
    },
    attach(next) {
      channel = next;
    },
    receive(payload) {
      let json: unknown;
      try {
        json = JSON.parse(typeof payload === 'string' ? payload : payload.toString('utf8'));
      } catch {
        json = undefined;
      }
      const parsed = ProxyDown.safeParse(json);
      // What was refused is not logged: it may hold an invite or a signal.
      if (!parsed.success) return log.warn('proxy: a message from the hall refused (not a valid ProxyDown)');
      onDown(parsed.data);
    },
    linkChanged(online) {
      if (online) return;
      for (const entry of [...cases.values()]) {
        clearTimer(entry);
        if (entry.caseId === null) tell(entry, { kind: 'openRefused', reason: 'unavailable' });
        else if (isLive(entry)) tell(entry, { kind: 'hallLost' });
        else continue;
        log.warn({ sessionId: entry.sessionId, caseId: entry.caseId }, 'proxy: the hall link went down');
        deps.sessions.holdIdle(entry.sessionId, false);
        cases.delete(entry.sessionId);
      }
    },
    signal(sessionId, caseId, to, body) {
      if (!deps.sessions.get(sessionId)) return err('noSession');
      const entry = cases.get(sessionId);
      if (!entry || entry.caseId !== caseId) return err('notThisCase');
      if (entry.closed || !isLive(entry)) return err('caseNotLive');
      return publish({ type: 'signal', caseId, to, body }) ? ok({ sent: true }) : err('hallUnavailable');
    },
    completed(caseId, outcome) {
      const sent = publish({ type: 'completed', caseId, outcome });
      log.info({ caseId, outcome, sent }, 'proxy: the run by proxy ended');
    },
    caseOf: (sessionId) => cases.get(sessionId)?.view ?? null,
    dispose() {
      unsubscribe();
      for (const entry of cases.values()) clearTimer(entry);
      cases.clear();
    },
  };
}
