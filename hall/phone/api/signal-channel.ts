/**
 * The phone's signal socket (`wss://<this host>/phone/api/signal`): the
 * call's signalling for the mesh and the case's changes. Everything the
 * hall sends is checked against PhoneLive. A dropped socket (a mobile
 * network) is opened again while the page wants it; the mesh's own ICE
 * restarts mend the media.
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

export function openSignalChannel(caseId: string, url = `wss://${location.host}/phone/api/signal`): PhoneSignalChannel {
  const signalHandlers = new Set<(from: ProxyRole, body: SignalBody) => void>();
  const caseHandlers = new Set<(phoneCase: PhoneCase) => void>();
  const queue: string[] = [];
  let socket: WebSocket | null = null;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const connect = (): void => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      for (const message of queue.splice(0)) ws.send(message);
    };
    ws.onmessage = (event: MessageEvent) => {
      let data: unknown;
      try {
        data = JSON.parse(String(event.data));
      } catch {
        return;
      }
      const live = PhoneLive.safeParse(data);
      if (!live.success) return;
      if (live.data.type === 'signal') {
        if (live.data.signal.caseId !== caseId) return;
        for (const handler of signalHandlers) handler(live.data.signal.from, live.data.signal.body);
      } else for (const handler of caseHandlers) handler(live.data.case);
    };
    ws.onclose = (event: CloseEvent) => {
      if (socket === ws) socket = null;
      if (closed || event.code === REPLACED) return;
      retry = setTimeout(connect, RECONNECT_MS);
    };
  };
  connect();

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
      socket?.close(1000);
      socket = null;
    },
  };
}
