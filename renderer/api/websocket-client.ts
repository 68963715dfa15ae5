/**
 * KioskApi over the browser host's WebSocket: correlated, validated calls,
 * timeouts, and reconnection with backoff while reporting the link state.
 */
import type { CallName, CallOutcome, CallParams } from '../../electron/contract';
import { buildRequest, clientErrors, decodeHostMessage, describeRefusal, readEvent } from './envelope';
import { createEventHub } from './event-hub';
import { createPendingCalls, DEFAULT_CALL_TIMEOUT_MS } from './pending-calls';
import type { ConnectionState, KioskClient, RejectionListener } from './types';

/** The part of the browser's WebSocket the client uses (so tests can pass a fake). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
}

/** Reconnection delays: doubling from `initialMs` up to `maxMs`, with ±20 % jitter. */
export interface Backoff {
  initialMs: number;
  maxMs: number;
}

/** Options of {@link createWebSocketKioskApi}. */
export interface WebSocketClientOptions {
  /** Full socket URL, token included. */
  url: string;
  /** Opens a socket; defaults to the global WebSocket. */
  createSocket?: (url: string) => WebSocketLike;
  timeoutMs?: number;
  backoff?: Backoff;
  /** Told about each host message that was rejected; defaults to console.warn. */
  onRejected?: RejectionListener;
  /** Source of jitter in [0, 1); defaults to Math.random. */
  random?: () => number;
}

const OPEN = 1;
const DEFAULT_BACKOFF: Backoff = { initialMs: 250, maxMs: 5_000 };

/** The delay before reconnection attempt number `attempt` (0-based). */
export function backoffDelay(attempt: number, backoff: Backoff, random: () => number = Math.random): number {
  const base = Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** Creates the client and starts connecting at once. */
export function createWebSocketKioskApi(options: WebSocketClientOptions): KioskClient {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as WebSocketLike);
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const random = options.random ?? Math.random;
  const onRejected: RejectionListener = options.onRejected ?? ((reason) => console.warn(`[kiosk-api] rejected host message: ${reason}`));
  const pending = createPendingCalls(options.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS);
  const hub = createEventHub();
  const listeners = new Set<(state: ConnectionState) => void>();
  /** Requests made while the socket was not open, sent in order once it opens. */
  const queue: { id: string; text: string }[] = [];

  let state: ConnectionState = 'connecting';
  let socket: WebSocketLike | null = null;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  function setState(next: ConnectionState): void {
    if (next === state) return;
    state = next;
    for (const listener of [...listeners]) listener(next);
  }

  function send(id: string, text: string): void {
    if (!socket || socket.readyState !== OPEN) {
      queue.push({ id, text });
      return;
    }
    try {
      socket.send(text);
      pending.markSent(id);
    } catch {
      pending.fail(id, clientErrors.transport);
    }
  }

  function flush(): void {
    for (const { id, text } of queue.splice(0)) if (pending.has(id)) send(id, text);
  }

  function receive(data: unknown): void {
    const decoded = decodeHostMessage(data);
    if (!decoded.ok) return onRejected(describeRefusal(decoded.error));
    const message = decoded.value;
    if (message.type === 'reply') {
      if (!pending.settle(message)) onRejected(`reply to unknown request ${String(message.id)}`);
      return;
    }
    const known = readEvent(message);
    if (!known.ok) return onRejected(describeRefusal(known.error));
    hub.emit(known.value);
  }

  function connect(): void {
    retryTimer = null;
    if (closed) return;
    setState('connecting');
    let ws: WebSocketLike;
    try {
      ws = createSocket(options.url);
    } catch {
      return lost();
    }
    socket = ws;
    ws.onopen = () => {
      if (socket !== ws) return;
      attempt = 0;
      setState('connected');
      flush();
    };
    ws.onmessage = (event) => {
      if (socket === ws) receive(event.data);
    };
    ws.onerror = () => {
      // A close event always follows; reconnection happens there.
    };
    ws.onclose = () => {
      if (socket === ws) lost();
    };
  }

  function lost(): void {
    socket = null;
    // Calls already sent will never be answered by this connection.
    pending.failAll(clientErrors.connectionLost, true);
    setState('disconnected');
    if (closed || retryTimer) return;
    retryTimer = setTimeout(connect, backoffDelay(attempt++, backoff, random));
  }

  connect();

  return {
    call<M extends CallName>(method: M, params: CallParams<M>): Promise<CallOutcome<M>> {
      if (closed) return Promise.resolve({ ok: false, error: clientErrors.closed });
      const request = buildRequest(method, params);
      const outcome = pending.add(request.id, method);
      send(request.id, JSON.stringify(request));
      return outcome;
    },
    on: (event, handler) => hub.on(event, handler),
    connectionState: () => state,
    onConnectionChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    close() {
      if (closed) return;
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      const ws = socket;
      socket = null;
      queue.length = 0;
      ws?.close(1000, 'closed');
      pending.failAll(clientErrors.closed);
      setState('disconnected');
    },
  };
}
