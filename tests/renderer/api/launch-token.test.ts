import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKioskApi } from '../../../renderer/api/create-kiosk-api';
import { hostSocketUrl, readLaunchToken } from '../../../renderer/api/launch-token';
import { FakeSocket } from '../support/fake-socket';

function fakeWindow(href: string, extra: Record<string, unknown> = {}) {
  const url = new URL(href);
  const history = { state: null, replaceState: vi.fn() };
  const location = { href, protocol: url.protocol, host: url.host, hash: url.hash, pathname: url.pathname };
  const document = { querySelector: () => null };
  return { location, history, document, ...extra } as unknown as Window & { history: typeof history };
}

describe('launch token', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads the token from the URL fragment only (a browser never sends the fragment to a server)', () => {
    expect(readLaunchToken(fakeWindow('http://127.0.0.1:8080/?step=x#token=abc').location)).toBe('abc');
    expect(readLaunchToken(fakeWindow('http://127.0.0.1:8080/#x=1&token=a%20b').location)).toBe('a b');
    expect(readLaunchToken(fakeWindow('http://127.0.0.1:8080/?token=abc').location)).toBeNull();
    expect(readLaunchToken(fakeWindow('http://127.0.0.1:8080/#token=').location)).toBeNull();
    expect(readLaunchToken(fakeWindow('http://127.0.0.1:8080/').location)).toBeNull();
  });

  it('builds the same-origin socket URL', () => {
    expect(hostSocketUrl({ protocol: 'http:', host: '127.0.0.1:8080' }, 'a b')).toBe('ws://127.0.0.1:8080/api?token=a%20b');
    expect(hostSocketUrl({ protocol: 'https:', host: 'kiosk.local' }, 't')).toBe('wss://kiosk.local/api?token=t');
    expect(hostSocketUrl({ protocol: 'http:', host: '127.0.0.1:1' }, null)).toBe('ws://127.0.0.1:1/api');
  });

  it('createKioskApi uses the WebSocket without a bridge, and leaves the fragment for a reload to use again', () => {
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
    const w = fakeWindow('http://127.0.0.1:8080/#token=s3cret');
    const api = createKioskApi(w);
    expect(opened).toEqual(['ws://127.0.0.1:8080/api?token=s3cret']);
    expect(w.history.replaceState).not.toHaveBeenCalled();
    expect(api.connectionState()).toBe('connecting');
    api.close();
  });

  it('createKioskApi prefers the IPC bridge when window.onedoor exists', () => {
    const bridge = { invoke: vi.fn(), subscribe: vi.fn(() => () => {}) };
    const w = fakeWindow('http://127.0.0.1:8080/', { onedoor: bridge });
    const api = createKioskApi(w);
    expect(bridge.subscribe).toHaveBeenCalledOnce();
    expect(api.connectionState()).toBe('connected');
    api.close();
  });
});
