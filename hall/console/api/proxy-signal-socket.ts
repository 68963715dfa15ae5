/**
 * The console's call socket (`/api/proxy/signal?caseId=`): the mesh's
 * signalling out (as SignalOut for this case) and in, the case's changes, and
 * fresh TURN credentials (`iceServers`) for the running mesh.
 * Every message is validated; anything else is dropped.
 */
import type { IceServer, ProxyCaseView, ProxyRole, SignalBody } from '../../../electron/contract/proxy';
import { ConsoleCallLive } from '../../contract/proxy-api';
import type { CallSignalling } from './call-mesh';
import type { WebSocketLike } from './live-feed';

export interface CallSocket {
  signalling: CallSignalling;
  onCase(listener: (view: ProxyCaseView) => void): () => void;
  /** The hall's fresh ICE servers for this call (the TURN credentials from join lapse after 10 minutes). */
  onIceServers(listener: (iceServers: IceServer[]) => void): () => void;
  /** The socket closed (the case ended, the network went): the desk says so. */
  onClosed(listener: () => void): () => void;
  close(): void;
}

export type OpenSocket = (url: string) => WebSocketLike & { send(data: string): void; readyState: number };

export function signalUrl(location: Pick<Location, 'protocol' | 'host'>, caseId: string): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/proxy/signal?caseId=${encodeURIComponent(caseId)}`;
}

export function openCallSocket(caseId: string, open: OpenSocket = (url) => new WebSocket(url) as unknown as ReturnType<OpenSocket>, url = signalUrl(window.location, caseId)): CallSocket {
  const socket = open(url);
  const signalListeners = new Set<(from: ProxyRole, body: SignalBody) => void>();
  const caseListeners = new Set<(view: ProxyCaseView) => void>();
  const closedListeners = new Set<() => void>();
  const iceListeners = new Set<(iceServers: IceServer[]) => void>();
  const queued: string[] = [];
  socket.onopen = () => {
    for (const text of queued.splice(0)) socket.send(text);
  };
  socket.onmessage = (event) => {
    if (typeof event.data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(event.data);
    } catch {
      return;
    }
    const parsed = ConsoleCallLive.safeParse(json);
    if (!parsed.success) return;
    const message = parsed.data;
    switch (message.type) {
      case 'signal':
        if (message.signal.caseId === caseId) for (const listener of signalListeners) listener(message.signal.from, message.signal.body);
        return;
      case 'case':
        if (message.case.caseId === caseId) for (const listener of caseListeners) listener(message.case);
        return;
      case 'iceServers':
        if (message.caseId === caseId) for (const listener of iceListeners) listener(message.iceServers);
        return;
      default: {
        const never: never = message;
        return never;
      }
    }
  };
  socket.onerror = () => undefined;
  socket.onclose = () => {
    for (const listener of closedListeners) listener();
  };
  const subscribe = <T>(set: Set<T>, listener: T) => {
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  };
  return {
    signalling: {
      send(to, body) {
        const text = JSON.stringify({ caseId, to, body });
        // Before the socket opens, signals wait (1 = OPEN).
        if (socket.readyState === 1) socket.send(text);
        else queued.push(text);
      },
      onSignal: (handler) => subscribe(signalListeners, handler),
    },
    onCase: (listener) => subscribe(caseListeners, listener),
    onIceServers: (listener) => subscribe(iceListeners, listener),
    onClosed: (listener) => subscribe(closedListeners, listener),
    close: () => socket.close(),
  };
}
