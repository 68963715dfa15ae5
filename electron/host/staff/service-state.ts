/**
 * In service or out of service, and why: one state for the kiosk, set by an
 * officer signed in at the kiosk (maintenance screen) or by hall staff from
 * the console (a hall-link command). Kept in the journal's audit so it
 * survives a restart; every change is announced (`kiosk.serviceState`) and
 * audited with who made it (masked officer identity, never a full number).
 */
import type { EventBus } from '../events';
import type { EventPayload } from '../../contract';

export type OutOfService = NonNullable<EventPayload<'kiosk.serviceState'>['outOfService']>;

export interface ServiceStateAudit {
  record(event: { actor: 'staff'; action: string; subject?: string; detail?: Record<string, unknown> }): void;
}

export interface ServiceState {
  /** null while in service. */
  current(): OutOfService | null;
  /** Puts the kiosk out of service with `message` for citizens, or back in service (`null`); `who` is the officer's masked identity. */
  set(message: string | null, by: OutOfService['by'], who: string): void;
  /** Listens for changes (the hall link republishes its status). */
  onChange(listener: (state: OutOfService | null) => void): () => void;
}

export interface ServiceStateDeps {
  bus: EventBus;
  audit: ServiceStateAudit;
  now: () => Date;
  /** The state the last run left (from the journal), restored at start. */
  initial?: OutOfService | null;
  /** Persists a change (so a restart keeps the kiosk out of service). */
  persist?: (state: OutOfService | null) => void;
}

export function createServiceState(deps: ServiceStateDeps): ServiceState {
  let state: OutOfService | null = deps.initial ?? null;
  const listeners = new Set<(state: OutOfService | null) => void>();
  return {
    current: () => state,
    set(message, by, who) {
      const next: OutOfService | null = message === null ? null : { message: message.slice(0, 200), since: deps.now().toISOString(), by };
      if (next === null && state === null) return;
      state = next;
      deps.persist?.(state);
      deps.audit.record({ actor: 'staff', action: state ? 'kiosk.outOfService' : 'kiosk.backInService', subject: who, detail: { by } });
      deps.bus.emit('kiosk.serviceState', { outOfService: state });
      for (const listener of [...listeners]) listener(state);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
