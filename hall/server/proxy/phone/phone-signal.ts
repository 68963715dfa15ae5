/**
 * The phone's signal socket (`/phone/api/signal`), once its principal is
 * verified: what the phone sends is checked against SignalOut (its own case
 * only, to the kiosk or the console) and relayed with `from: 'phone'`
 * stamped by the hub; the hub's signals and the case's changes come back as
 * PhoneLive, and its heartbeat (PhonePing) is answered with a pong. One socket per case: a newer one (a reload) replaces the older.
 */
import type { WebSocket } from 'ws';
import { SignalOut } from '../../../../electron/contract/proxy';
import { PhonePing, type PhoneCase, type PhoneLive } from '../../../contract/proxy-api';
import type { ProxyCaseRegistry } from '../case-registry.types';

/** Closed by a newer socket of the same phone. */
export const REPLACED_CLOSE_CODE = 4000;

export interface PhoneSignalSockets {
  attach(ws: WebSocket, caseId: string): void;
  /** A socket of a phone whose case has ended: its final view, then closed (it joins nothing). */
  tellEnded(ws: WebSocket, phoneCase: PhoneCase): void;
  /** Pings each socket; one that did not answer the last ping is cut. */
  sweep(): void;
  closeAll(): void;
}

export function createPhoneSignalSockets(registry: ProxyCaseRegistry): PhoneSignalSockets {
  const byCase = new Map<string, { ws: WebSocket; release: () => void }>();
  const alive = new WeakMap<WebSocket, boolean>();

  function send(ws: WebSocket, message: PhoneLive): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  }

  return {
    attach(ws, caseId) {
      const older = byCase.get(caseId);
      if (older) {
        // Leave the hub before the newer socket joins it, not when the older one's close arrives.
        older.release();
        older.ws.close(REPLACED_CLOSE_CODE, 'replaced');
      }
      alive.set(ws, true);
      ws.on('pong', () => alive.set(ws, true));
      const leave = registry.hub.attach(caseId, 'phone', (signal) => send(ws, { type: 'signal', signal }));
      const unwatch = registry.onPhoneCase(caseId, (view) => send(ws, { type: 'case', case: view }));
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        leave();
        unwatch();
      };
      byCase.set(caseId, { ws, release });
      if (!older) registry.attached(caseId, 'phone');
      const current = registry.phoneCase(caseId);
      if (current.ok) send(ws, { type: 'case', case: current.value });

      ws.on('message', (data, isBinary) => {
        if (isBinary) return;
        let parsed: unknown;
        try {
          parsed = JSON.parse(String(data));
        } catch {
          return;
        }
        // The phone's heartbeat: answered, so it knows this connection still reaches the hall.
        if (PhonePing.safeParse(parsed).success) return send(ws, { type: 'pong' });
        const signal = SignalOut.safeParse(parsed);
        // Its own case only, and never to itself.
        if (!signal.success || signal.data.caseId !== caseId || signal.data.to === 'phone') return;
        registry.hub.relay(caseId, 'phone', signal.data.to, signal.data.body);
      });
      ws.once('close', () => {
        release();
        if (byCase.get(caseId)?.ws === ws) {
          byCase.delete(caseId);
          registry.detached(caseId, 'phone');
        }
      });
    },
    tellEnded(ws, phoneCase) {
      send(ws, { type: 'case', case: phoneCase });
      ws.close(1000, 'case ended');
    },
    sweep() {
      for (const { ws } of byCase.values()) {
        if (alive.get(ws) === false) {
          ws.terminate();
          continue;
        }
        alive.set(ws, false);
        ws.ping();
      }
    },
    closeAll() {
      for (const { ws, release } of byCase.values()) {
        release();
        ws.close(1001, 'server stopping');
      }
      byCase.clear();
    },
  };
}
