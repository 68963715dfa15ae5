/**
 * Applies the pure policies to Electron objects: the session (permissions,
 * CSP, network, devices, downloads) and every web contents (navigation, new
 * windows, webviews, shortcuts, zoom, context menu, devtools).
 */
import type { Session, WebContents } from 'electron';
import { withContentSecurityPolicy } from './csp';
import { isAllowedNavigation, isAllowedRequest } from './navigation-policy';
import { decidePermissionCheck, decidePermissionRequest } from './permission-policy';
import { isSwallowedShortcut } from './shortcut-policy';

export interface LockdownOptions {
  /** Development build: devtools and their shortcuts allowed. */
  dev: boolean;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

/** Locks down a session. Call once for `session.defaultSession` before any window loads. */
export function lockDownSession(ses: Session, { dev, log = () => {} }: LockdownOptions): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    const granted = decidePermissionRequest({ permission, requestingUrl: details.requestingUrl, mediaTypes });
    if (!granted) log('permission request denied', { permission, requestingUrl: details.requestingUrl });
    callback(granted);
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    decidePermissionCheck({ permission, requestingOrigin, mediaType: details.mediaType }),
  );
  // WebHID / Web Serial / WebUSB: devices belong to the host, never to the page.
  ses.setDevicePermissionHandler(() => false);
  ses.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback('');
  });
  ses.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  ses.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback('');
  });
  ses.on('will-download', (event, item) => {
    event.preventDefault();
    log('download refused', { url: item.getURL() });
  });
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, { dev });
    if (!allowed) log('request blocked', { url: details.url });
    callback({ cancel: !allowed });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}

/** Locks down one web contents. Installed for all of them from `web-contents-created`. */
export function lockDownWebContents(contents: WebContents, { dev, log = () => {} }: LockdownOptions): void {
  contents.setWindowOpenHandler(({ url }) => {
    log('window.open denied', { url });
    return { action: 'deny' };
  });
  const refuseForeign = (kind: string) => (event: { url: string; preventDefault(): void }) => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    log(`${kind} refused`, { url: event.url });
  };
  contents.on('will-navigate', refuseForeign('navigation'));
  contents.on('will-frame-navigate', refuseForeign('frame navigation'));
  contents.on('will-redirect', refuseForeign('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('webview refused');
  });
  contents.on('context-menu', (event) => event.preventDefault());
  contents.on('before-input-event', (event, input) => {
    if (isSwallowedShortcut(input, { devtoolsAllowed: dev })) event.preventDefault();
  });
  // Pinch zoom off; keyboard zoom is swallowed above; Ctrl+wheel zoom snaps back.
  const noZoom = () => {
    if (contents.isDestroyed()) return;
    void contents.setVisualZoomLevelLimits(1, 1).catch(() => {});
    contents.setZoomLevel(0);
  };
  noZoom();
  contents.on('did-finish-load', noZoom);
  contents.on('zoom-changed', noZoom);
  if (!dev) {
    contents.on('devtools-opened', () => contents.closeDevTools());
  }
}
