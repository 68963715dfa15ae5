/**
 * The one kiosk window and its recovery: shown when ready, never closed by
 * the user, reloaded to the attract screen when its renderer dies or hangs,
 * and told about every load so main can hand it a port to the host.
 */
import { BrowserWindow } from 'electron';
import { APP_START_URL } from './app-origin';
import { backoffDelay } from './backoff';
import { newKioskBrowserWindow } from './window-options';

export interface KioskWindowDeps {
  preloadPath: string;
  dev: boolean;
  /** True once the app is quitting; until then the window refuses to close. */
  isQuitting(): boolean;
  /** Called on every finished DOM load of the app page (first load, reload, recovery). */
  onLoad(window: BrowserWindow): void;
  log: (message: string, fields?: Record<string, unknown>) => void;
  /** How long a hung renderer gets before it is killed and reloaded. */
  unresponsiveMs?: number;
}

/** Creates the window and starts loading the attract screen. */
export function createKioskWindow(deps: KioskWindowDeps): BrowserWindow {
  const win = newKioskBrowserWindow(BrowserWindow, { preloadPath: deps.preloadPath, dev: deps.dev });
  const contents = win.webContents;
  let crashes = 0;
  let lastCrashAt = 0;
  let hangTimer: ReturnType<typeof setTimeout> | undefined;

  const loadAttract = () => {
    if (win.isDestroyed()) return;
    win.loadURL(APP_START_URL).catch((error: unknown) => deps.log('loading the attract screen failed', { error: String(error) }));
  };

  win.once('ready-to-show', () => win.show());
  win.on('close', (event) => {
    if (!deps.isQuitting()) event.preventDefault();
  });
  contents.on('dom-ready', () => deps.onLoad(win));
  contents.on('render-process-gone', (_event, details) => {
    const now = Date.now();
    crashes = now - lastCrashAt > 60_000 ? 0 : crashes + 1;
    lastCrashAt = now;
    const delay = backoffDelay(crashes);
    deps.log('renderer gone; reloading the attract screen', { reason: details.reason, exitCode: details.exitCode, delayMs: delay });
    setTimeout(loadAttract, delay);
  });
  contents.on('unresponsive', () => {
    clearTimeout(hangTimer);
    hangTimer = setTimeout(() => {
      if (win.isDestroyed()) return;
      deps.log('renderer hung; restarting it');
      contents.forcefullyCrashRenderer(); // → render-process-gone → reload
    }, deps.unresponsiveMs ?? 15_000);
  });
  contents.on('responsive', () => clearTimeout(hangTimer));
  win.on('closed', () => clearTimeout(hangTimer));

  loadAttract();
  return win;
}
