/** A scriptable stand-in for the browser WebSocket. */
import type { WebSocketLike } from '../../../renderer/api/websocket-client';

export class FakeSocket implements WebSocketLike {
  readyState = 0;
  sent: string[] = [];
  closedWith: number | undefined;
  onopen: ((event: unknown) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;

  constructor(readonly url: string) {}

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('not open');
    this.sent.push(data);
  }
  close(code?: number): void {
    this.closedWith = code;
    this.readyState = 3;
  }

  /** Test side: the server accepted the connection. */
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  /** Test side: the server sent `data` (objects are JSON-encoded). */
  receive(data: unknown): void {
    this.onmessage?.({ data: typeof data === 'string' ? data : JSON.stringify(data) });
  }
  /** Test side: the connection dropped. */
  drop(): void {
    this.readyState = 3;
    this.onerror?.({});
    this.onclose?.({});
  }
  /** The requests sent so far, parsed. */
  requests(): { v: number; type: string; id: string; method: string; params: unknown }[] {
    return this.sent.map((s) => JSON.parse(s));
  }
}

/** A factory that records every socket it opens. */
export function socketFactory(): { sockets: FakeSocket[]; create: (url: string) => FakeSocket; last: () => FakeSocket } {
  const sockets: FakeSocket[] = [];
  return {
    sockets,
    create: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    last: () => {
      const s = sockets.at(-1);
      if (!s) throw new Error('no socket opened');
      return s;
    },
  };
}
