/**
 * App lifecycle wiring: privileged scheme, sandbox, single instance, session
 * lockdown, host supervision, the kiosk window and the port hand-over.
 * Everything it decides lives in the small pure modules next to it.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { app, dialog, Menu, protocol, session, type BrowserWindow } from 'electron';
import { APP_SCHEME } from './app-origin';
import { createAppProtocolHandler } from './app-protocol';
import { launchConfig } from './config-path';
import { forbiddenSwitches } from './debug-switches';
import { HOST_SERVICE_NAME, spawnHostProcess, type HostProcess } from './host-process';
import { createKioskWindow } from './kiosk-window';
import { lockDownSession, lockDownWebContents } from './lockdown';
import { logMain } from './log';
import { connectRendererToHost, sendHostStatus } from './renderer-bridge';
import { createHostSupervisor, type HostSupervisor } from './supervisor';

/** Where the bundles sit relative to each other (see scripts/build-electron.mjs). */
export interface KioskAppPaths {
  /** dist/electron/preload/index.cjs */
  preload: string;
  /** dist/electron/host/utility-process-entry.cjs */
  hostEntry: string;
  /** dist/renderer */
  renderer: string;
  /** resources/: next to the asar when packaged (extraResources), in the checkout otherwise */
  resources: string;
}

/** Paths for a bundle at dist/electron/main/; `resourcesPath` is process.resourcesPath when packaged. */
export function bundlePaths(mainDir: string, appPath: string, resourcesPath?: string): KioskAppPaths {
  return {
    preload: path.join(mainDir, '..', 'preload', 'index.cjs'),
    hostEntry: path.join(mainDir, '..', 'host', 'utility-process-entry.cjs'),
    renderer: path.join(appPath, 'dist', 'renderer'),
    resources: resourcesPath ? path.join(resourcesPath, 'resources') : path.join(appPath, 'resources'),
  };
}

/** Development build: only unpackaged and only when asked for. */
export function isDevelopment(isPackaged: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  return !isPackaged && env.NODE_ENV === 'development';
}

/** The running app, for tests. */
export interface KioskAppHandle {
  readonly supervisor: HostSupervisor<HostProcess>;
  window(): BrowserWindow | undefined;
}

/**
 * Must run before the app is ready (privileged schemes, sandbox, command line).
 * Returns undefined when another instance already owns the kiosk, or when a
 * packaged kiosk was started with a debugging or unsafe switch (it exits 1), or has
 * no config file (it exits 78, EX_CONFIG, saying where it looked).
 */
export function startKioskApp(mainDir: string): KioskAppHandle | undefined {
  const dev = isDevelopment(app.isPackaged, process.env);
  const log = logMain;
  if (app.isPackaged) {
    const refused = forbiddenSwitches(process.argv, (name) => app.commandLine.hasSwitch(name), process.platform);
    if (refused.length > 0) {
      log('refusing to start: debugging or unsafe switches on a packaged kiosk', { switches: refused });
      app.exit(1);
      return undefined;
    }
  }

  const launch = launchConfig({ argv: process.argv, env: process.env, platform: process.platform, exists: existsSync, packaged: app.isPackaged });
  if (launch.kind === 'missing') {
    log(launch.message);
    dialog.showErrorBox('OneDoor', launch.message); // allowed before ready: the installer at the screen sees why
    app.exit(78);
    return undefined;
  }
  const configPath = launch.kind === 'file' ? launch.path : undefined;

  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
  ]);
  app.enableSandbox();
  // No swipe-back/forward on the touch screen.
  app.commandLine.appendSwitch('overscroll-history-navigation', '0');

  if (!app.requestSingleInstanceLock()) {
    log('another OneDoor instance is running; quitting');
    app.quit();
    return undefined;
  }

  let quitting = false;
  let win: BrowserWindow | undefined;
  let loaded = false;
  const paths = bundlePaths(mainDir, app.getAppPath(), app.isPackaged ? process.resourcesPath : undefined);

  const supervisor = createHostSupervisor<HostProcess>({
    spawn: () => spawnHostProcess({ entryPath: paths.hostEntry, configPath, resourcesDir: paths.resources }),
    onReady: (host) => {
      if (win && loaded && !win.isDestroyed()) connectRendererToHost(win.webContents, host.process, log);
    },
    onStatus: (state) => {
      if (win && loaded && !win.isDestroyed()) sendHostStatus(win.webContents, state);
    },
    log,
  });

  const openWindow = () => {
    loaded = false;
    win = createKioskWindow({
      preloadPath: paths.preload,
      dev,
      isQuitting: () => quitting,
      log,
      onLoad: (loadedWindow) => {
        loaded = true;
        const host = supervisor.ready;
        if (host) {
          if (connectRendererToHost(loadedWindow.webContents, host.process, log)) sendHostStatus(loadedWindow.webContents, 'ready');
        } else if (supervisor.state === 'restarting') {
          sendHostStatus(loadedWindow.webContents, 'restarting');
        }
      },
    });
    win.webContents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) loaded = false;
    });
    win.webContents.on('render-process-gone', () => {
      loaded = false;
    });
    win.on('closed', () => {
      win = undefined;
      if (!quitting) openWindow();
    });
  };

  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents, { dev, log }));
  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) return;
    win.show();
    win.focus();
  });
  app.on('child-process-gone', (_event, details) => {
    log('child process gone', { type: details.type, reason: details.reason, serviceName: details.serviceName, exitCode: details.exitCode });
    if (details.type === 'Utility' && details.serviceName === HOST_SERVICE_NAME) supervisor.notifyGone();
  });
  app.on('window-all-closed', () => {
    if (quitting) app.quit();
  });
  app.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    void supervisor.stop().finally(() => app.quit());
  });

  void app.whenReady().then(() => {
    Menu.setApplicationMenu(null); // no default accelerators (reload, zoom, devtools, quit)
    lockDownSession(session.defaultSession, { dev, log });
    protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.renderer, async (file) => readFile(file)));
    supervisor.start();
    openWindow();
  });

  return { supervisor, window: () => win };
}
