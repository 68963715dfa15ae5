import { describe, expect, it, vi } from 'vitest';
import { launchIdInHtml, readLaunchId, watchForRelaunch } from '../../../renderer/api/relaunch-watch';
import type { ConnectionState } from '../../../renderer/api/types';

const page = (launch: string) => `<!doctype html><html><head><meta charset="utf-8"><meta name="onedoor-launch" content="${launch}"></head><body></body></html>`;

function fakeClient() {
  const listeners = new Set<(state: ConnectionState) => void>();
  return {
    onConnectionChange: (listener: (state: ConnectionState) => void) => (listeners.add(listener), () => listeners.delete(listener)),
    set: (state: ConnectionState) => listeners.forEach((l) => l(state)),
  };
}

/** Lets the watch's fetch and comparison run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a page served by a host that restarted reloads itself into the new launch', () => {
  it('reads the launch id from served HTML and from its own document', () => {
    expect(launchIdInHtml(page('abc_-123'))).toBe('abc_-123');
    expect(launchIdInHtml('<html></html>')).toBeNull();
    const document = { querySelector: (sel: string) => (sel.includes('onedoor-launch') ? { getAttribute: () => 'l-1' } : null) };
    expect(readLaunchId(document)).toBe('l-1');
    expect(readLaunchId({ querySelector: () => null })).toBeNull();
  });

  it('when the link comes back: reloads (its URL, token fragment and all) if another launch serves the page, not if the same one does', async () => {
    const client = fakeClient();
    const served: Array<string | null> = [page('old'), null, page('new')];
    const fetchPage = vi.fn(async () => served.shift() ?? null);
    const reload = vi.fn();
    watchForRelaunch({ client, launchId: 'old', fetchPage, reload });

    client.set('connected'); // the same launch: a dropped socket only
    await settle();
    client.set('disconnected');
    client.set('connected'); // the host did not answer the page: nothing to compare
    await settle();
    expect(reload).not.toHaveBeenCalled();
    client.set('disconnected');
    await settle();
    expect(fetchPage).toHaveBeenCalledTimes(2); // never while the link is down
    client.set('connected'); // a restarted host
    await settle();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('never watches a page that names no launch (served by something else), and stops when told', async () => {
    const fetchPage = vi.fn(async () => page('new'));
    const reload = vi.fn();
    const none = fakeClient();
    watchForRelaunch({ client: none, launchId: null, fetchPage, reload });
    none.set('connected');
    const stopped = fakeClient();
    watchForRelaunch({ client: stopped, launchId: 'old', fetchPage, reload })();
    stopped.set('connected');
    await settle();
    expect(fetchPage).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
  });
});
