import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';
import { lockDownSession, lockDownWebContents } from '../../../electron/main/lockdown';

vi.mock('electron', () => ({}));

type Handler = (...args: never[]) => unknown;

function fakeSession() {
  const emitter = new EventEmitter();
  const handlers: Record<string, Handler> = {};
  const session = Object.assign(emitter, {
    setPermissionRequestHandler: vi.fn((h: Handler) => (handlers.request = h)),
    setPermissionCheckHandler: vi.fn((h: Handler) => (handlers.check = h)),
    setDevicePermissionHandler: vi.fn((h: Handler) => (handlers.device = h)),
    webRequest: {
      onBeforeRequest: vi.fn((h: Handler) => (handlers.beforeRequest = h)),
      onHeadersReceived: vi.fn((h: Handler) => (handlers.headers = h)),
    },
  });
  return { session: session as unknown as Session, emitter, handlers };
}

function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: vi.fn((h: typeof openHandler) => (openHandler = h)),
    setVisualZoomLevelLimits: vi.fn(async () => {}),
    setZoomLevel: vi.fn(),
    closeDevTools: vi.fn(),
    isDestroyed: () => false,
  });
  return { contents: contents as unknown as WebContents, emitter, raw: contents, open: (url: string) => openHandler!({ url }) };
}

/** An Electron-style event with preventDefault. */
function event(fields: Record<string, unknown> = {}) {
  return { ...fields, defaultPrevented: false, preventDefault() {
    this.defaultPrevented = true;
  } };
}

describe('session lockdown', () => {
  const { session, emitter, handlers } = fakeSession();
  lockDownSession(session, { dev: false });

  const request = (permission: string, requestingUrl: string, mediaTypes?: string[]) =>
    new Promise<boolean>((resolve) => (handlers.request as (...a: unknown[]) => void)(null, permission, resolve, { requestingUrl, isMainFrame: true, mediaTypes }));

  it('grants the camera to the app and nothing to anyone else', async () => {
    expect(await request('media', 'app://kiosk/index.html', ['video'])).toBe(true);
    expect(await request('media', 'https://evil.example/', ['video'])).toBe(false);
    expect(await request('geolocation', 'app://kiosk/index.html')).toBe(false);
    expect(await request('notifications', 'https://evil.example/')).toBe(false);
  });

  it('answers permission checks the same way', () => {
    const check = handlers.check as (...a: unknown[]) => boolean;
    expect(check(null, 'media', 'app://kiosk', { mediaType: 'video', isMainFrame: true })).toBe(true);
    expect(check(null, 'media', 'https://evil.example', { mediaType: 'video', isMainFrame: true })).toBe(false);
    expect(check(null, 'hid', 'app://kiosk', { isMainFrame: true })).toBe(false);
  });

  it('refuses WebHID, Web Serial, WebUSB and downloads', () => {
    expect((handlers.device as () => boolean)()).toBe(false);
    for (const name of ['select-hid-device', 'select-usb-device']) {
      const e = event();
      const callback = vi.fn();
      emitter.emit(name, e, {}, callback);
      expect(e.defaultPrevented, name).toBe(true);
      expect(callback).toHaveBeenCalledWith('');
    }
    const serial = event();
    const serialCallback = vi.fn();
    emitter.emit('select-serial-port', serial, [], {}, serialCallback);
    expect(serialCallback).toHaveBeenCalledWith('');
    const download = event();
    emitter.emit('will-download', download, { getURL: () => 'app://kiosk/x' });
    expect(download.defaultPrevented).toBe(true);
  });

  it('sets the CSP header on every response', () => {
    const callback = vi.fn();
    (handlers.headers as (...a: unknown[]) => void)({ url: 'app://kiosk/', responseHeaders: { 'content-security-policy': ['default-src *'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  it('cancels requests that leave the app', () => {
    const decide = (url: string) => {
      const callback = vi.fn();
      (handlers.beforeRequest as (...a: unknown[]) => void)({ url }, callback);
      return callback.mock.calls[0]![0];
    };
    expect(decide('app://kiosk/assets/a.js')).toEqual({ cancel: false });
    expect(decide('https://example.com/')).toEqual({ cancel: true });
  });
});

describe('web contents lockdown', () => {
  const { contents, emitter, raw, open } = fakeContents();
  lockDownWebContents(contents, { dev: false });

  it('denies every new window', () => {
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    expect(open('app://kiosk/index.html')).toEqual({ action: 'deny' });
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s refuses foreign origins and keeps the app', (name) => {
    const foreign = event({ url: 'https://evil.example/' });
    emitter.emit(name, foreign);
    expect(foreign.defaultPrevented).toBe(true);
    const fileUrl = event({ url: 'file:///etc/passwd' });
    emitter.emit(name, fileUrl);
    expect(fileUrl.defaultPrevented).toBe(true);
    const own = event({ url: 'app://kiosk/index.html' });
    emitter.emit(name, own);
    expect(own.defaultPrevented).toBe(false);
  });

  it('refuses webviews and the context menu', () => {
    const webview = event();
    emitter.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);
    const menu = event();
    emitter.emit('context-menu', menu, {});
    expect(menu.defaultPrevented).toBe(true);
  });

  it('swallows reload, close, devtools and zoom shortcuts', () => {
    const press = (key: string, mods: Record<string, boolean> = {}) => {
      const e = event();
      emitter.emit('before-input-event', e, { type: 'keyDown', key, code: '', control: false, meta: false, alt: false, shift: false, ...mods });
      return e.defaultPrevented;
    };
    expect(press('r', { control: true })).toBe(true);
    expect(press('F5')).toBe(true);
    expect(press('I', { control: true, shift: true })).toBe(true);
    expect(press('F12')).toBe(true);
    expect(press('w', { control: true })).toBe(true);
    expect(press('F4', { alt: true })).toBe(true);
    expect(press('q', { control: true })).toBe(true);
    expect(press('=', { control: true })).toBe(true);
    expect(press('-', { control: true })).toBe(true);
    expect(press('0', { control: true })).toBe(true);
    expect(press('a')).toBe(false);
  });

  it('turns pinch zoom off and snaps any zoom back', () => {
    expect(raw.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);
    raw.setZoomLevel.mockClear();
    emitter.emit('zoom-changed', event(), 'in');
    expect(raw.setZoomLevel).toHaveBeenCalledWith(0);
  });

  it('closes devtools outside development', () => {
    emitter.emit('devtools-opened');
    expect(raw.closeDevTools).toHaveBeenCalled();
  });
});
