import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, APP_START_URL, isAppOrigin } from '../../../electron/main/app-origin';
import { backoffDelay } from '../../../electron/main/backoff';
import { CONTENT_SECURITY_POLICY, withContentSecurityPolicy } from '../../../electron/main/csp';
import { isAllowedNavigation, isAllowedRequest } from '../../../electron/main/navigation-policy';
import { decidePermissionCheck, decidePermissionRequest } from '../../../electron/main/permission-policy';
import { isSwallowedShortcut, type KeyInput } from '../../../electron/main/shortcut-policy';
import { kioskWindowOptions } from '../../../electron/main/window-options';

describe('kiosk window options', () => {
  const options = kioskWindowOptions({ preloadPath: '/app/dist/electron/preload/index.cjs', dev: false });

  it('is a frameless fullscreen kiosk', () => {
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, frame: false, show: false, resizable: false, movable: false });
  });

  it('isolates and sandboxes the renderer', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(options.webPreferences).not.toHaveProperty('additionalArguments');
  });

  it('allows devtools only in development', () => {
    expect(kioskWindowOptions({ preloadPath: 'p', dev: true }).webPreferences?.devTools).toBe(true);
  });
});

describe('app origin', () => {
  it('accepts only app://kiosk', () => {
    expect(APP_START_URL.startsWith(`${APP_ORIGIN}/`)).toBe(true);
    expect(isAppOrigin('app://kiosk')).toBe(true);
    expect(isAppOrigin('app://kiosk/')).toBe(true);
    expect(isAppOrigin('app://kiosk/flows/id?x=1#top')).toBe(true);
    for (const url of ['app://evil/', 'app://kiosk.evil.com/', 'app://user@kiosk/', 'app://kiosk:8080/', 'https://kiosk/', 'file:///app/index.html', 'http://localhost:5173/', 'null', '', undefined, null]) {
      expect(isAppOrigin(url), String(url)).toBe(false);
    }
  });
});

describe('navigation policy', () => {
  it('allows the app origin only', () => {
    expect(isAllowedNavigation('app://kiosk/index.html')).toBe(true);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)')).toBe(false);
    expect(isAllowedNavigation('data:text/html,<script>1</script>')).toBe(false);
    expect(isAllowedNavigation('app://other/index.html')).toBe(false);
    expect(isAllowedNavigation('not a url')).toBe(false);
  });

  it('lets through only local requests', () => {
    expect(isAllowedRequest('app://kiosk/assets/a.js', { dev: false })).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AA==', { dev: false })).toBe(true);
    expect(isAllowedRequest('blob:app://kiosk/1234', { dev: false })).toBe(true);
    expect(isAllowedRequest('https://cdn.example.com/x.js', { dev: false })).toBe(false);
    expect(isAllowedRequest('ws://127.0.0.1:8080/', { dev: false })).toBe(false);
    expect(isAllowedRequest('file:///etc/passwd', { dev: false })).toBe(false);
    expect(isAllowedRequest('devtools://devtools/bundled/x.html', { dev: false })).toBe(false);
    expect(isAllowedRequest('devtools://devtools/bundled/x.html', { dev: true })).toBe(true);
  });
});

describe('permission policy', () => {
  it('grants the camera to the app origin', () => {
    expect(decidePermissionRequest({ permission: 'media', requestingUrl: 'app://kiosk/index.html', mediaTypes: ['video'] })).toBe(true);
  });

  it('refuses the microphone, even to the app origin and together with the camera: nothing records sound', () => {
    expect(decidePermissionRequest({ permission: 'media', requestingUrl: 'app://kiosk/', mediaTypes: ['audio'] })).toBe(false);
    expect(decidePermissionRequest({ permission: 'media', requestingUrl: 'app://kiosk/', mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(decidePermissionCheck({ permission: 'media', requestingOrigin: 'app://kiosk', mediaType: 'audio' })).toBe(false);
  });

  it('refuses camera to a foreign origin', () => {
    expect(decidePermissionRequest({ permission: 'media', requestingUrl: 'https://evil.example/', mediaTypes: ['video'] })).toBe(false);
    expect(decidePermissionRequest({ permission: 'media', requestingUrl: undefined, mediaTypes: ['video'] })).toBe(false);
    expect(decidePermissionCheck({ permission: 'media', requestingOrigin: 'https://evil.example', mediaType: 'video' })).toBe(false);
  });

  it('refuses media without a capture type', () => {
    expect(decidePermissionRequest({ permission: 'media', requestingUrl: 'app://kiosk/', mediaTypes: [] })).toBe(false);
    expect(decidePermissionRequest({ permission: 'media', requestingUrl: 'app://kiosk/' })).toBe(false);
  });

  it('refuses every other permission, even to the app', () => {
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'display-capture', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb', 'midiSysex', 'pointerLock', 'unknown']) {
      expect(decidePermissionRequest({ permission, requestingUrl: 'app://kiosk/' }), permission).toBe(false);
      expect(decidePermissionCheck({ permission, requestingOrigin: 'app://kiosk' }), permission).toBe(false);
    }
  });

  it('answers media checks for the app origin', () => {
    expect(decidePermissionCheck({ permission: 'media', requestingOrigin: 'app://kiosk', mediaType: 'video' })).toBe(true);
    expect(decidePermissionCheck({ permission: 'media', requestingOrigin: 'app://kiosk', mediaType: 'unknown' })).toBe(true);
  });
});

describe('shortcut policy', () => {
  const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ type: 'keyDown', key: k, code: '', control: false, meta: false, alt: false, shift: false, ...mods });

  it.each([
    ['Ctrl+R', key('r', { control: true })],
    ['Cmd+R', key('r', { meta: true })],
    ['Ctrl+Shift+R', key('R', { control: true, shift: true })],
    ['F5', key('F5')],
    ['Ctrl+Shift+I', key('I', { control: true, shift: true })],
    ['Cmd+Alt+I', key('i', { meta: true, alt: true })],
    ['F12', key('F12')],
    ['Ctrl+W', key('w', { control: true })],
    ['Ctrl+F4', key('F4', { control: true })],
    ['Alt+F4', key('F4', { alt: true })],
    ['Ctrl+Q', key('q', { control: true })],
    ['Cmd+Q', key('q', { meta: true })],
    ['Ctrl+plus', key('+', { control: true, shift: true })],
    ['Ctrl+=', key('=', { control: true })],
    ['Ctrl+minus', key('-', { control: true })],
    ['Ctrl+0', key('0', { control: true })],
    ['Ctrl+numpad plus', { ...key('+', { control: true }), code: 'NumpadAdd' }],
    ['Ctrl+P', key('p', { control: true })],
    ['Ctrl+N', key('n', { control: true })],
    ['Alt+Left', key('ArrowLeft', { alt: true })],
    ['F11', key('F11')],
    ['BrowserBack', key('BrowserBack')],
    ['Ctrl+R keyUp', { ...key('r', { control: true }), type: 'keyUp' }],
  ])('swallows %s', (_name, input) => {
    expect(isSwallowedShortcut(input)).toBe(true);
  });

  it.each([
    ['a', key('a')],
    ['Shift+A', key('A', { shift: true })],
    ['Enter', key('Enter')],
    ['Backspace', key('Backspace')],
    ['Escape', key('Escape')],
    ['digits', key('7')],
    ['Ctrl+C', key('c', { control: true })],
    ['Ctrl+V', key('v', { control: true })],
    ['Ctrl+A', key('a', { control: true })],
    ['ArrowLeft', key('ArrowLeft')],
  ])('lets %s through', (_name, input) => {
    expect(isSwallowedShortcut(input)).toBe(false);
  });

  it('lets devtools shortcuts through only when devtools are allowed', () => {
    expect(isSwallowedShortcut(key('F12'), { devtoolsAllowed: true })).toBe(false);
    expect(isSwallowedShortcut(key('I', { control: true, shift: true }), { devtoolsAllowed: true })).toBe(false);
    expect(isSwallowedShortcut(key('r', { control: true }), { devtoolsAllowed: true })).toBe(true);
  });
});

describe('content security policy', () => {
  it('is the strict policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
    // WebAssembly (face detection) needs 'wasm-unsafe-eval'; JavaScript eval stays forbidden.
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'/);
  });

  it('replaces any policy the response carried', () => {
    const headers = withContentSecurityPolicy({ 'content-type': ['text/html'], 'content-security-policy': ['default-src *'], 'Content-Security-Policy-Report-Only': ['x'] });
    expect(headers).toEqual({ 'content-type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('backoff', () => {
  const noJitter = { initialMs: 500, factor: 2, maxMs: 30_000, jitter: 0 };

  it('doubles up to the ceiling', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map((n) => backoffDelay(n, noJitter))).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('takes off at most the jitter fraction', () => {
    const options = { ...noJitter, jitter: 0.2 };
    expect(backoffDelay(1, options, () => 0)).toBe(1000);
    expect(backoffDelay(1, options, () => 1)).toBe(800);
    expect(backoffDelay(-3, noJitter)).toBe(500);
    expect(backoffDelay(Number.NaN, noJitter)).toBe(500);
  });
});
