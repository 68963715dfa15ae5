/**
 * Command-line switches a packaged kiosk refuses to start with: ways in for
 * whoever reaches the kiosk's keyboard or shortcut (remote debugging, the
 * Node inspector) and switches that switch its defences off. The
 * `EnableNodeCliInspectArguments` fuse already makes Electron ignore
 * `--inspect`; Chromium's `--remote-debugging-port` has no fuse, so main
 * checks, and refuses them all alike. Development builds may use them.
 */

/** Lower-case switch names, without their dashes. */
export const FORBIDDEN_SWITCHES: readonly string[] = [
  // Debugging: full control of every page (and so of the host port) from outside.
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-allow-origins',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-brk-node',
  'inspect-publish-uid',
  // Defences off.
  'no-sandbox',
  'disable-web-security',
  'disable-site-isolation-trials',
  'ignore-certificate-errors',
  'allow-running-insecure-content',
  'js-flags',
];

/** The switch name of one argv entry as Chromium parses it, or undefined for a plain argument. */
function switchName(arg: string, platform: NodeJS.Platform): string | undefined {
  const prefix = arg.startsWith('--') ? 2 : arg.startsWith('-') || (platform === 'win32' && arg.startsWith('/')) ? 1 : 0;
  if (prefix === 0) return undefined;
  const body = arg.slice(prefix);
  const name = body.includes('=') ? body.slice(0, body.indexOf('=')) : body;
  return name.length > 0 ? name.toLowerCase() : undefined;
}

/**
 * The forbidden switches present, from `argv` (every prefix Chromium takes:
 * `--`, `-`, and `/` on Windows; none after a bare `--`) and from
 * `hasSwitch` (app.commandLine, which also sees switches given other ways).
 * In {@link FORBIDDEN_SWITCHES} order, each once.
 */
export function forbiddenSwitches(argv: readonly string[], hasSwitch: (name: string) => boolean, platform: NodeJS.Platform): string[] {
  const given = new Set<string>();
  for (const arg of argv.slice(1)) {
    if (arg === '--') break;
    const name = switchName(arg, platform);
    if (name !== undefined) given.add(name);
  }
  return FORBIDDEN_SWITCHES.filter((name) => given.has(name) || hasSwitch(name));
}
