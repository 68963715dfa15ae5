import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLiveFeed, type WebSocketLike } from '../../../hall/console/api/live-feed';
import type { LiveMessage } from '../../../hall/contract/console-api';
import type { LiveState } from '../../../hall/console/api/console-api';

class FakeSocket implements WebSocketLike {
  onopen: ((event: unknown) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  closed = false;
  close(): void {
    this.closed = true;
  }
}

const KIOSK: LiveMessage = { type: 'kiosk', kiosk: { kioskId: 'K-01', online: false, lastSeen: null, status: null, openAlerts: 0, waitingHelpCalls: 0 } };

describe('live feed', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('passes valid messages on, drops malformed ones, and reconnects after the socket closes', () => {
    vi.useFakeTimers();
    const sockets: FakeSocket[] = [];
    const feed = createLiveFeed({
      url: 'ws://hall.test/api/live',
      open: () => {
        const socket = new FakeSocket();
        sockets.push(socket);
        return socket;
      },
      delayMs: (attempt) => 1000 * attempt,
    });
    const states: LiveState[] = [];
    const messages: LiveMessage[] = [];
    const stop = feed.connect({ onMessage: (message) => messages.push(message), onState: (state) => states.push(state) });

    sockets[0]!.onopen?.({});
    sockets[0]!.onmessage?.({ data: JSON.stringify(KIOSK) });
    sockets[0]!.onmessage?.({ data: '{"type":"kiosk","kiosk":{"kioskId":1}}' });
    sockets[0]!.onmessage?.({ data: 'not json' });
    expect(messages).toEqual([KIOSK]);

    sockets[0]!.onclose?.({});
    expect(states.at(-1)).toBe('reconnecting');
    vi.advanceTimersByTime(1000);
    expect(sockets).toHaveLength(2);
    sockets[1]!.onopen?.({});
    expect(states).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);

    stop();
    expect(sockets[1]!.closed).toBe(true);
    sockets[1]!.onclose?.({});
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(2);
  });
});
