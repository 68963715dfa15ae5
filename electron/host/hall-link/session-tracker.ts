/**
 * What the hall sees of the citizen at the kiosk, from the host's own bus
 * events: the current session (masked identity, service, step and since
 * when), supervision messages on each change, help calls raised and — when
 * the session ends with a call nobody answered — withdrawn.
 */
import type { EventEnvelope, EventPayload, ServiceCategory } from '../../contract';
import type { CurrentSession, HelpCallMessage, KioskAlertMessage, SupervisionMessage } from '../../contract/hall-link';
import { linkMaskedIdNumber, linkMaskedName } from './masked';

/** A message the link publishes because of an event. */
export type Outgoing =
  | { kind: 'supervision'; message: SupervisionMessage }
  | { kind: 'help'; message: HelpCallMessage }
  | { kind: 'alert'; message: KioskAlertMessage };

export interface TrackedEvent {
  out: Outgoing[];
  /** The status changed (republish it). */
  statusChanged: boolean;
}

export interface SessionTracker {
  current(): CurrentSession | null;
  handle(envelope: EventEnvelope): TrackedEvent;
}

export interface SessionTrackerDeps {
  now: () => Date;
  newId: () => string;
  categoryOf: (serviceId: string) => ServiceCategory | null;
  /**
   * When the open session with this id started (null if none): a session
   * started by a touch has no `session.started` event, so the tracker learns
   * of it from its first flow or identity event.
   */
  sessionStartedAt: (sessionId: string) => string | null;
}

export function createSessionTracker(deps: SessionTrackerDeps): SessionTracker {
  let session: CurrentSession | null = null;
  /** Help calls raised and not yet answered (claimed or resolved). */
  const openCalls = new Set<string>();
  const at = () => deps.now().toISOString();
  const changed = (): TrackedEvent => ({ out: session ? [{ kind: 'supervision', message: { type: 'session', session, at: at() } }] : [], statusChanged: true });
  const none: TrackedEvent = { out: [], statusChanged: false };
  const fresh = (sessionId: string, startedAt: string): CurrentSession => ({
    sessionId: sessionId.slice(0, 64),
    serviceId: null,
    category: null,
    step: null,
    stepSince: null,
    startedAt,
    nameMasked: null,
    idNumberMasked: null,
  });
  /** The tracked session with this id, adopting the store's open session if the tracker missed its start. */
  const known = (sessionId: string): CurrentSession | null => {
    if (session?.sessionId === sessionId) return session;
    const startedAt = deps.sessionStartedAt(sessionId);
    return startedAt ? fresh(sessionId, startedAt) : null;
  };

  const handle = (envelope: EventEnvelope): TrackedEvent => {
    switch (envelope.event) {
      case 'session.started': {
        const { session: info, identity } = envelope.payload as EventPayload<'session.started'>;
        session = { ...fresh(info.sessionId, info.startedAt), nameMasked: linkMaskedName(identity?.nameMasked), idNumberMasked: linkMaskedIdNumber(identity?.idNumberMasked) };
        return changed();
      }
      case 'identity.read': {
        const { sessionId, identity } = envelope.payload as EventPayload<'identity.read'>;
        const current = known(sessionId);
        if (!current) return none;
        session = { ...current, nameMasked: linkMaskedName(identity.nameMasked), idNumberMasked: linkMaskedIdNumber(identity.idNumberMasked) };
        return changed();
      }
      case 'flow.changed': {
        const { sessionId, view } = envelope.payload as EventPayload<'flow.changed'>;
        const current = known(sessionId);
        if (!current) return none;
        if (current === session && current.serviceId === view.serviceId && current.step === view.stepId) return none;
        session = { ...current, serviceId: view.serviceId.slice(0, 64), category: deps.categoryOf(view.serviceId), step: view.stepId.slice(0, 64), stepSince: at() };
        return changed();
      }
      case 'session.ended': {
        const { sessionId, reason } = envelope.payload as EventPayload<'session.ended'>;
        // Calls nobody answered leave with the citizen, whether or not the tracker saw the session start.
        const withdrawn: Outgoing[] = [...openCalls].map((callId) => ({ kind: 'help', message: { type: 'withdrawn', callId, at: at() } }));
        openCalls.clear();
        if (session?.sessionId !== sessionId) return { out: withdrawn, statusChanged: false };
        session = null;
        return { out: [{ kind: 'supervision', message: { type: 'ended', sessionId: sessionId.slice(0, 64), outcome: reason, at: at() } }, ...withdrawn], statusChanged: true };
      }
      case 'help.requested': {
        const call = envelope.payload as EventPayload<'help.requested'>;
        openCalls.add(call.callId);
        const message: HelpCallMessage = {
          type: 'raised',
          callId: call.callId.slice(0, 64),
          reason: call.reason,
          serviceId: session?.serviceId ?? null,
          step: (call.step ?? session?.step ?? null)?.slice(0, 64) ?? null,
          queuedAt: call.queuedAt,
        };
        return { out: [{ kind: 'help', message }], statusChanged: false };
      }
      case 'help.answered': {
        openCalls.delete((envelope.payload as EventPayload<'help.answered'>).callId);
        return none;
      }
      case 'staff.alert':
        return { out: [{ kind: 'alert', message: { alertId: deps.newId(), alert: envelope.payload as EventPayload<'staff.alert'> } }], statusChanged: false };
      case 'devices.changed':
      case 'kiosk.serviceState':
        return { out: [], statusChanged: true };
      default:
        return none;
    }
  };

  return { current: () => session, handle };
}
