/**
 * The hall link as the host composes it: settings resolved (and said in the
 * log: which file, or why the link stays off), command ports on the host's
 * session store, bus and service state. A hall that cannot be used never
 * stops the kiosk from starting.
 */
import type { Database } from 'better-sqlite3';
import type { DeviceStatus, ServiceCategory } from '../../contract';
import type { Consumable } from '../../contract/hall-link';
import type { KioskConfig } from '../config/schema';
import type { EventBus } from '../events';
import type { AuditLog } from '../journal/transactions-audit';
import type { Logger } from '../log/logger';
import type { SessionStore } from '../session/session-store';
import { describeHallSettingsProblem, resolveHallSettings, type ResolveDeps } from './credentials';
import { createHallLink, type AllowListSink, type HallLink, type HallLinkDeps } from './hall-link';

/** The kiosk's service state (electron/host/staff/service-state.ts), as the link uses it. */
export interface HallServiceState {
  current(): { message: string; since: string } | null;
  set(message: string | null, by: 'hall', who: string): void;
}

export interface HostHallLinkDeps {
  config: Pick<KioskConfig, 'kioskId' | 'hallName' | 'hall'>;
  version: string;
  bus: EventBus;
  db: Database;
  audit: AuditLog;
  logger: Logger;
  now: () => Date;
  sessions: Pick<SessionStore, 'current' | 'get' | 'end' | 'extend'>;
  devices: () => DeviceStatus[];
  categoryOf: (serviceId: string) => ServiceCategory | null;
  serviceState?: HallServiceState;
  consumables?: () => Consumable[];
  staffSignedIn?: () => { staffNumber: string; nameMasked: string } | null;
  allowList?: AllowListSink;
  /** Where the default credentials file is looked for (tests). */
  resolve?: ResolveDeps;
  connect?: HallLinkDeps['connect'];
  /** 可视化代办: the kiosk's proxy side, on the proxy topics. */
  proxy?: HallLinkDeps['proxy'];
}

export function createHostHallLink(deps: HostHallLinkDeps): HallLink {
  const log = deps.logger.child({ component: 'hall-link' });
  const resolved = resolveHallSettings(deps.config.kioskId, deps.config.hall, deps.resolve);
  if (!resolved.ok) log.error({ problem: resolved.error.kind }, `hall link off: ${describeHallSettingsProblem(resolved.error)}`);
  else if (resolved.value?.source) log.info({ file: resolved.value.source }, 'hall link credentials');
  const { sessions, bus } = deps;
  return createHallLink({
    kioskId: deps.config.kioskId,
    hallName: deps.config.hallName,
    version: deps.version,
    settings: resolved.ok ? resolved.value : null,
    bus,
    db: deps.db,
    audit: deps.audit,
    logger: deps.logger,
    now: deps.now,
    categoryOf: deps.categoryOf,
    sessionStartedAt: (sessionId) => sessions.get(sessionId)?.startedAt ?? null,
    devices: deps.devices,
    ...(deps.consumables ? { consumables: deps.consumables } : {}),
    ...(deps.serviceState ? { outOfService: () => deps.serviceState?.current() ?? null } : {}),
    ...(deps.staffSignedIn ? { staffSignedIn: deps.staffSignedIn } : {}),
    ...(deps.allowList ? { allowList: deps.allowList } : {}),
    ...(deps.connect ? { connect: deps.connect } : {}),
    ...(deps.proxy ? { proxy: deps.proxy } : {}),
    commands: {
      currentSessionId: () => sessions.current()?.sessionId ?? null,
      hint: (sessionId, text) => bus.emit('hall.hint', { sessionId, text }),
      moreTime: (sessionId, seconds) => {
        sessions.extend(sessionId, seconds * 1000);
        bus.emit('session.extended', { sessionId, seconds });
      },
      // As the host's backstop ends a session, with its own reason.
      endSession: (sessionId) => {
        if (!sessions.end(sessionId, 'endedByStaff').ok) return;
        log.info({ sessionId, reason: 'endedByStaff' }, 'session ended by hall staff');
        bus.emit('session.ended', { sessionId, reason: 'endedByStaff' });
      },
      setOutOfService: (message, username) => deps.serviceState?.set(message, 'hall', username),
      helpAnswered: (callId, state, etaMinutes) => bus.emit('help.answered', { callId, state, etaMinutes }),
    },
  });
}
