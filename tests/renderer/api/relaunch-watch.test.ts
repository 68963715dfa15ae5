import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tokenInHtml, watchForRelaunch } from '../../../renderer/api/relaunch-watch';
import type { ConnectionState } from '../../../renderer/api/types';

const page = (token: string) => `<!doctype html><html><head><meta charset="utf-8"><meta name="onedoor-token" content="${token}"></head><body></body></html>`;

function fakeClient() {
  const listeners = new Set<(state: ConnectionState) => void>();
  return {
    onConnectionChange: (listener: (state: ConnectionState) => void) => (listeners.add(listener), () => listeners.delete(listener)),
    set: (state: ConnectionState) => listeners.forEach((l) => l(state)),
  };
}

describe('a page served by a host that restarted reloads itself into the new launch', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reads the token from served HTML', () => {
    expect(tokenInHtml(page('abc_-123'))).toBe('abc_-123');
    expect(tokenInHtml('<html></html>')).toBeNull();
  });

  it('while the link is down: reloads once the host serves another token, not while it serves the same one or nothing', async () => {
    const client = fakeClient();
    const served: Array<string | null> = [null, page('old'), page('new')];
    const fetchPage = vi.fn(async () => served.shift() ?? null);
    const reload = vi.fn();
    watchForRelaunch({ client, token: 'old', fetchPage, reload, intervalMs: 1_000 });

    await vi.advanceTimersByTimeAsync(5_000);
    expect(fetchPage).not.toHaveBeenCalled(); // connected: nothing to do

    client.set('disconnected');
    await vi.advanceTimersByTimeAsync(1_000); // host down: no answer
    await vi.advanceTimersByTimeAsync(1_000); // the same launch (a dropped socket only)
    expect(reload).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000); // a new launch
    expect(reload).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetchPage).toHaveBeenCalledTimes(3);
  });

  it('stops looking when the link comes back, and never watches without a token', async () => {
    const client = fakeClient();
    const fetchPage = vi.fn(async () => page('new'));
    const reload = vi.fn();
    watchForRelaunch({ client, token: 'old', fetchPage, reload, intervalMs: 1_000 });
    client.set('disconnected');
    client.set('connected');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fetchPage).not.toHaveBeenCalled();

    const none = fakeClient();
    watchForRelaunch({ client: none, token: null, fetchPage, reload, intervalMs: 1_000 });
    none.set('disconnected');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(reload).not.toHaveBeenCalled();
  });
});
