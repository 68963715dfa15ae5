/**
 * The `/api/live` WebSocket: each message validated (a malformed one is
 * dropped, never trusted), and when the socket closes it reconnects with a
 * growing delay (1 s, 2 s, … up to 15 s) while the console shows
 * "connection lost, reconnecting". The caller refetches its lists on every
 * `connected` after the first, since messages sent meanwhile are lost.
 */
import { LiveMessage } from '../../contract/console-api';
import type { LiveFeed } from './console-api';

export interface WebSocketLike {
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  close(): void;
}

export interface LiveFeedOptions {
  /** Defaults to `ws(s)://<this host>/api/live`. */
  url?: string;
  open?: (url: string) => WebSocketLike;
  /** Delay before reconnect attempt `n` (1-based). */
  delayMs?: (attempt: number) => number;
}

export function liveUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/live`;
}

export function createLiveFeed(options: LiveFeedOptions = {}): LiveFeed {
  const open = options.open ?? ((url: string) => new WebSocket(url) as unknown as WebSocketLike);
  const delayMs = options.delayMs ?? ((attempt: number) => Math.min(15_000, 1000 * attempt));
  return {
    connect({ onMessage, onState }) {
      let stopped = false;
      let attempt = 0;
      let socket: WebSocketLike | null = null;
      let timer: ReturnType<typeof setTimeout> | null = null;

      const start = (): void => {
        const url = options.url ?? liveUrl(window.location);
        if (attempt === 0) onState('connecting');
        socket = open(url);
        socket.onopen = () => {
          attempt = 0;
          onState('connected');
        };
        socket.onmessage = (event) => {
          if (typeof event.data !== 'string') return;
          let json: unknown;
          try {
            json = JSON.parse(event.data);
          } catch {
            return;
          }
          const parsed = LiveMessage.safeParse(json);
          if (parsed.success) onMessage(parsed.data);
        };
        socket.onerror = () => undefined;
        socket.onclose = () => {
          socket = null;
          if (stopped) return;
          attempt += 1;
          onState('reconnecting');
          timer = setTimeout(start, delayMs(attempt));
        };
      };
      start();
      return () => {
        stopped = true;
        if (timer) clearTimeout(timer);
        socket?.close();
      };
    },
  };
}
