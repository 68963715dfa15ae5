/**
 * The phone's signal socket (`wss://<this host>/phone/api/signal`): the
 * call's signalling for the mesh and the case's changes. Everything the
 * hall sends is checked against PhoneLive. A dropped socket (a mobile
 * network) is opened again while the page wants it; the mesh's own ICE
 * restarts mend the media. A socket the hall no longer answers (the network
 * gone: the hall cut it long ago, but no close ever reached the phone) is
 * found by a heartbeat and replaced, so the phone hears the case again, its
 * end too, as soon as the network is back.
 */
import type { ProxyRole, SignalBody } from '../../../electron/contract/proxy';
import { PhoneLive, type PhoneCase } from '../../contract/proxy-api';
import type { CallSignalling } from '../../../renderer/proxy-call/mesh-types';

export interface PhoneSignalChannel {
  signalling: CallSignalling;
  /** Returns unsubscribe. */
  onCase(listener: (phoneCase: PhoneCase) => void): () => void;
  close(): void;
}

/** Closed by the hall because a newer page of the same phone took over. */
const REPLACED = 4000;
const RECONNECT_MS = 2_000;

/** How often the phone pings the hall, and how long a socket may stay silent (or keep connecting) before it is given up. */
export interface HeartbeatTiming {
  pingMs: number;
  silenceMs: number;
}
const HEARTBEAT: HeartbeatTiming = { pingMs: 5_000, silenceMs: 12_000 };
const PING = JSON.stringify({ type: 'ping' });

export function openSignalChannel(caseId: string, url = `wss://${location.host}/phone/api/signal`, heartbeat: HeartbeatTiming = HEARTBEAT): PhoneSignalChannel {
  const signalHandlers = new Set<(from: ProxyRole, body: SignalBody) => void>();
  const caseHandlers = new Set<(phoneCase: PhoneCase) => void>();
  const queue: string[] = [];
  let socket: WebSocket | null = null;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  /** When the current socket was opened or last heard from. */
  let heardAt = Date.now();

  const connect = (): void => {
    const ws = new WebSocket(url);
    socket = ws;
    heardAt = Date.now();
    ws.onopen = () => {
      heardAt = Date.now();
      for (const message of queue.splice(0)) ws.send(message);
    };
    ws.onmessage = (event: MessageEvent) => {
      heardAt = Date.now();
      let data: unknown;
      try {
        data = JSON.parse(String(event.data));
      } catch {
        return;
      }
      const live = PhoneLive.safeParse(data);
      if (!live.success) return;
      switch (live.data.type) {
        case 'signal':
          if (live.data.signal.caseId !== caseId) return;
          for (const handler of signalHandlers) handler(live.data.signal.from, live.data.signal.body);
          return;
        case 'case':
          for (const handler of caseHandlers) handler(live.data.case);
          return;
        case 'pong':
          return;
        default: {
          const never: never = live.data;
          return never;
        }
      }
    };
    ws.onclose = (event: CloseEvent) => {
      if (socket === ws) socket = null;
      if (closed || event.code === REPLACED) return;
      retry = setTimeout(connect, RECONNECT_MS);
    };
  };
  connect();

  // A socket silent too long is abandoned (its close may never come) and a new one opened.
  const watchdog = setInterval(() => {
    const ws = socket;
    if (closed || !ws) return;
    if (Date.now() - heardAt > heartbeat.silenceMs) {
      socket = null;
      ws.onopen = ws.onmessage = ws.onclose = null;
      ws.onerror = () => undefined;
      ws.close();
      connect();
    } else if (ws.readyState === WebSocket.OPEN) ws.send(PING);
  }, heartbeat.pingMs);

  return {
    signalling: {
      send(to, body) {
        const message = JSON.stringify({ caseId, to, body });
        if (socket?.readyState === WebSocket.OPEN) socket.send(message);
        else queue.push(message);
      },
      onSignal(handler) {
        signalHandlers.add(handler);
        return () => signalHandlers.delete(handler);
      },
    },
    onCase(listener) {
      caseHandlers.add(listener);
      return () => caseHandlers.delete(listener);
    },
    close() {
      closed = true;
      clearTimeout(retry);
      clearInterval(watchdog);
      socket?.close(1000);
      socket = null;
    },
  };
}
