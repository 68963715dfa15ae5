/**
 * The signalling relay between the three parties of each case. Phone and
 * console sockets attach (already authenticated); the kiosk is reached
 * through `toKiosk` (its MQTT link). `from` is always the caller's own role,
 * never taken from the message. A signal for a party not there is dropped,
 * not queued: when it comes back it says `hello` and its peers start over.
 */
import type { ProxyRole, SignalBody, SignalIn } from '../../../electron/contract/proxy';
import type { SignalHub } from './ports';

type Deliver = (signal: SignalIn) => void;

export interface SignalHubOptions {
  /** Delivers to the case's kiosk; false when the case has no kiosk any more. */
  toKiosk: (caseId: string, signal: SignalIn) => boolean;
  /** A delivery that threw (a closed socket): logged by the caller, never fatal. */
  onDeliveryError?: (caseId: string, role: ProxyRole, error: unknown) => void;
}

export interface SignalHubWithCounts extends SignalHub {
  /** Who is attached to a case now (tests, diagnostics). */
  attachedRoles(caseId: string): Array<'phone' | 'console'>;
  /** Signals dropped because the target was absent. */
  dropped(): number;
}

export function createSignalHub(options: SignalHubOptions): SignalHubWithCounts {
  const cases = new Map<string, Map<'phone' | 'console', Deliver>>();
  let droppedCount = 0;

  const deliver = (caseId: string, to: ProxyRole, signal: SignalIn): boolean => {
    if (to === 'kiosk') return options.toKiosk(caseId, signal);
    const target = cases.get(caseId)?.get(to);
    if (!target) return false;
    try {
      target(signal);
    } catch (error) {
      options.onDeliveryError?.(caseId, to, error);
    }
    return true;
  };

  return {
    attach(caseId, role, deliverTo) {
      const parties = cases.get(caseId) ?? new Map<'phone' | 'console', Deliver>();
      cases.set(caseId, parties);
      // A new socket of the same role (a reload) replaces the old one.
      parties.set(role, deliverTo);
      return () => {
        const current = cases.get(caseId);
        if (current?.get(role) !== deliverTo) return;
        current.delete(role);
        if (current.size === 0) cases.delete(caseId);
      };
    },
    relay(caseId, from, to, body: SignalBody) {
      if (from === to) return;
      if (!deliver(caseId, to, { caseId, from, body })) droppedCount += 1;
    },
    close(caseId) {
      const parties = cases.get(caseId);
      const present: ProxyRole[] = ['kiosk', ...(parties ? [...parties.keys()] : [])];
      for (const to of present) {
        for (const from of ['kiosk', 'phone', 'console'] as const) {
          if (from !== to) deliver(caseId, to, { caseId, from, body: { kind: 'bye' } });
        }
      }
      cases.delete(caseId);
    },
    attachedRoles: (caseId) => [...(cases.get(caseId)?.keys() ?? [])],
    dropped: () => droppedCount,
  };
}
