/**
 * The consoles' live feed (`/api/live`): each change the link reports is read
 * back from the database and pushed to every open console as a
 * {@link LiveMessage}; an alert or help call also re-sends its kiosk (its counts changed).
 */
import type { WebSocket } from 'ws';
import type { LiveMessage } from '../../contract/console-api';
import type { HallDb } from '../store/hall-db';
import { getAlert, getAlertByKioskAlertId } from '../views/alert-view';
import { getHelpCall } from '../views/help-call-view';
import { getKiosk } from '../views/kiosk-view';
import { getSupervision } from '../views/supervision-view';
import type { HallChange } from './ports';
import { sessionAlive } from '../auth/sessions';

export async function messagesForChange(db: Pick<HallDb, 'query'>, change: HallChange): Promise<LiveMessage[]> {
  const kioskMessage = async (): Promise<LiveMessage[]> => {
    const kiosk = await getKiosk(db, change.kioskId);
    return kiosk ? [{ type: 'kiosk', kiosk }] : [];
  };
  switch (change.type) {
    case 'kiosk':
      return kioskMessage();
    case 'alert': {
      const alert = (await getAlert(db, change.id)) ?? (await getAlertByKioskAlertId(db, change.kioskId, change.id));
      return [...(alert ? [{ type: 'alert', alert } as const] : []), ...(await kioskMessage())];
    }
    case 'helpCall': {
      const call = await getHelpCall(db, change.callId);
      return [...(call ? [{ type: 'helpCall', call } as const] : []), ...(await kioskMessage())];
    }
    case 'supervision':
      return [{ type: 'supervision', kioskId: change.kioskId, session: await getSupervision(db, change.kioskId) }];
  }
}

export interface LiveHub {
  /** A console's socket, with the session it opened under (closed when that session ends). */
  attach(ws: WebSocket, tokenHash: string): void;
  broadcast(message: LiveMessage): void;
  /** Reads and pushes what a link change means; errors reach `onError`, never the link. */
  onChange(change: HallChange): void;
  endSession(tokenHash: string): void;
  /**
   * Closes sockets whose session ended (expired, signed out elsewhere, password
   * changed) and drops those that did not answer the last ping.
   */
  sweep(now: Date): Promise<void>;
  closeAll(): void;
}

export function createLiveHub(db: Pick<HallDb, 'query'>, onError: (error: unknown) => void): LiveHub {
  const sockets = new Map<WebSocket, string>();
  const unanswered = new Set<WebSocket>();
  // Changes are pushed in the order the link reported them.
  let queue: Promise<void> = Promise.resolve();
  const hub: LiveHub = {
    attach(ws, tokenHash) {
      sockets.set(ws, tokenHash);
      ws.on('pong', () => unanswered.delete(ws));
      ws.on('close', () => sockets.delete(ws));
      ws.on('error', () => sockets.delete(ws));
      // The console only listens; anything it sends is ignored.
    },
    broadcast(message) {
      const text = JSON.stringify(message);
      for (const ws of sockets.keys()) if (ws.readyState === ws.OPEN) ws.send(text);
    },
    onChange(change) {
      queue = queue.then(async () => {
        try {
          for (const message of await messagesForChange(db, change)) hub.broadcast(message);
        } catch (error) {
          onError(error);
        }
      });
    },
    endSession(tokenHash) {
      for (const [ws, hash] of sockets) if (hash === tokenHash) ws.close(4001, 'signed out');
    },
    async sweep(now) {
      for (const [ws, tokenHash] of [...sockets]) {
        if (unanswered.has(ws)) {
          unanswered.delete(ws);
          sockets.delete(ws);
          ws.terminate();
          continue;
        }
        if (!(await sessionAlive(db, tokenHash, now))) {
          ws.close(4001, 'signed out');
          continue;
        }
        unanswered.add(ws);
        ws.ping();
      }
    },
    closeAll() {
      for (const ws of sockets.keys()) ws.terminate();
      sockets.clear();
    },
  };
  return hub;
}
