/**
 * Keyboard shortcuts the kiosk swallows in `before-input-event`: anything that
 * reloads, closes, quits, zooms, prints, opens devtools or navigates history.
 * A hall keyboard (or a citizen's USB keyboard) must not be a way out.
 */

/** The fields of Electron's `Input` this policy reads. */
export interface KeyInput {
  type: string;
  key: string;
  code?: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

const ALWAYS_SWALLOWED_KEYS: ReadonlySet<string> = new Set([
  'F5', // reload
  'F11', // leave fullscreen
  'F12', // devtools
  'BrowserBack',
  'BrowserForward',
  'BrowserRefresh',
  'BrowserHome',
  'BrowserSearch',
  'BrowserStop',
  'BrowserFavorites',
  'ZoomIn',
  'ZoomOut',
  'ZoomToggle',
  'Print',
  'ContextMenu',
]);

/** With Ctrl (or Cmd): reload, close, quit, new window/tab, print, save, open, find, view source, history, zoom. */
const COMMAND_KEYS: ReadonlySet<string> = new Set(['r', 'w', 'q', 'n', 't', 'p', 's', 'o', 'f', 'g', 'h', 'j', 'u', 'l', 'd', 'e', 'm', '+', '=', '-', '_', '0', 'f4']);

/** With Ctrl+Shift (or Cmd+Alt): devtools and friends. */
const DEVTOOLS_KEYS: ReadonlySet<string> = new Set(['i', 'j', 'c', 'k', 'm', 'delete']);

/** Physical codes for the zoom keys, whatever the layout puts on them. */
const ZOOM_CODES: ReadonlySet<string> = new Set(['Equal', 'Minus', 'Digit0', 'NumpadAdd', 'NumpadSubtract', 'Numpad0']);

/**
 * True when the key event must not reach the page or Chromium's default
 * handling. `devtoolsAllowed` lets F12/Ctrl+Shift+I through in development.
 */
export function isSwallowedShortcut(input: KeyInput, options: { devtoolsAllowed: boolean } = { devtoolsAllowed: false }): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown' && input.type !== 'keyUp') return false;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  const command = input.control || input.meta;
  const devtoolsCombo = (command && input.shift && DEVTOOLS_KEYS.has(key.toLowerCase())) || (input.meta && input.alt && DEVTOOLS_KEYS.has(key.toLowerCase()));

  if (options.devtoolsAllowed && (key === 'F12' || devtoolsCombo)) return false;
  if (ALWAYS_SWALLOWED_KEYS.has(key)) return true;
  if (devtoolsCombo) return true;
  // Alt+F4 (close), Alt+Left/Right/Home (history), Alt+Space (window menu).
  if (input.alt && (key === 'F4' || key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home' || key === ' ')) return true;
  if (command) {
    if (COMMAND_KEYS.has(key.toLowerCase())) return true;
    if (input.code !== undefined && ZOOM_CODES.has(input.code)) return true;
    if (key === 'F4' || key === 'Tab' || key === 'PageUp' || key === 'PageDown') return true;
  }
  return false;
}
