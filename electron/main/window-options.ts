/**
 * The kiosk window, every setting chosen on purpose. The options are written
 * as one literal inside `new BrowserWindow(...)` so that electronegativity
 * (which reads the literal) can verify them; the constructor is a parameter
 * so a unit test can record them without Electron.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export interface KioskWindowInputs {
  /** Absolute path of the bundled, CommonJS preload. */
  preloadPath: string;
  /** Development build: devtools available. Never true in a packaged app. */
  dev: boolean;
}

/** Anything constructible like Electron's BrowserWindow. */
export type BrowserWindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W;

/** Creates the one kiosk window with `BrowserWindow` (Electron's, or a test double). */
export function newKioskBrowserWindow<W>(BrowserWindow: BrowserWindowConstructor<W>, { preloadPath, dev }: KioskWindowInputs): W {
  return new BrowserWindow({
    kiosk: true,
    fullscreen: true,
    frame: false,
    show: false, // shown on ready-to-show, no white flash
    backgroundColor: '#0b2a4a',
    autoHideMenuBar: true,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: true,
    title: 'OneDoor',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Middle-click must not open a window (also denied by setWindowOpenHandler).
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      disableDialogs: true,
      devTools: dev,
      backgroundThrottling: false,
      autoplayPolicy: 'no-user-gesture-required', // voice prompts play before the first touch
    },
  });
}

/** The options {@link newKioskBrowserWindow} uses, for inspection. */
export function kioskWindowOptions(inputs: KioskWindowInputs): BrowserWindowConstructorOptions {
  let recorded: BrowserWindowConstructorOptions | undefined;
  newKioskBrowserWindow(
    class {
      constructor(options: BrowserWindowConstructorOptions) {
        recorded = options;
      }
    },
    inputs,
  );
  return recorded!;
}
