import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKioskApi } from '../../../renderer/api/create-kiosk-api';
import { hostSocketUrl, readLaunchToken, removeTokenFromUrl } from '../../../renderer/api/launch-token';
import { FakeSocket } from '../support/fake-socket';

function fakeWindow(href: string, meta: string | null = null, extra: Record<string, unknown> = {}) {
  const url = new URL(href);
  const history = {
    state: { keep: true },
    replaceState: vi.fn((_state: unknown, _title: string, to: string) => {
      location.href = new URL(to, location.href).href;
    }),
  };
  const location = { href, protocol: url.protocol, host: url.host };
  const document = { querySelector: (sel: string) => (meta !== null && sel.includes('onedoor-token') ? { getAttribute: () => meta } : null) };
  return { location, history, document, ...extra } as unknown as Window & { history: typeof history };
}

describe('launch token', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads the token from the URL first, then from the meta tag', () => {
    const w = fakeWindow('http://127.0.0.1:8080/?token=abc&x=1', 'from-meta');
    expect(readLaunchToken(w.location, w.document)).toBe('abc');
    const m = fakeWindow('http://127.0.0.1:8080/', 'from-meta');
    expect(readLaunchToken(m.location, m.document)).toBe('from-meta');
    const none = fakeWindow('http://127.0.0.1:8080/');
    expect(readLaunchToken(none.location, none.document)).toBeNull();
  });

  it('removes only the token from the visible URL, keeping history state', () => {
    const w = fakeWindow('http://127.0.0.1:8080/index.html?x=1&token=abc#top');
    removeTokenFromUrl(w.location, w.history);
    expect(w.history.replaceState).toHaveBeenCalledWith({ keep: true }, '', '/index.html?x=1#top');
    const clean = fakeWindow('http://127.0.0.1:8080/');
    removeTokenFromUrl(clean.location, clean.history);
    expect(clean.history.replaceState).not.toHaveBeenCalled();
  });

  it('builds the same-origin socket URL', () => {
    expect(hostSocketUrl({ protocol: 'http:', host: '127.0.0.1:8080' }, 'a b')).toBe('ws://127.0.0.1:8080/api?token=a%20b');
    expect(hostSocketUrl({ protocol: 'https:', host: 'kiosk.local' }, 't')).toBe('wss://kiosk.local/api?token=t');
    expect(hostSocketUrl({ protocol: 'http:', host: '127.0.0.1:1' }, null)).toBe('ws://127.0.0.1:1/api');
  });

  it('createKioskApi uses the WebSocket without a bridge, and strips the token', () => {
    const opened: string[] = [];
    vi.stubGlobal(
      'WebSocket',
      class extends FakeSocket {
        constructor(url: string) {
          super(url);
          opened.push(url);
        }
      },
    );
    const w = fakeWindow('http://127.0.0.1:8080/?token=s3cret');
    const api = createKioskApi(w);
    expect(opened).toEqual(['ws://127.0.0.1:8080/api?token=s3cret']);
    expect(w.location.href).toBe('http://127.0.0.1:8080/');
    expect(api.connectionState()).toBe('connecting');
    api.close();
  });

  it('createKioskApi prefers the IPC bridge when window.onedoor exists', () => {
    const bridge = { invoke: vi.fn(), subscribe: vi.fn(() => () => {}) };
    const w = fakeWindow('http://127.0.0.1:8080/', null, { onedoor: bridge });
    const api = createKioskApi(w);
    expect(bridge.subscribe).toHaveBeenCalledOnce();
    expect(api.connectionState()).toBe('connected');
    api.close();
  });
});
