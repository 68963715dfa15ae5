#!/usr/bin/env node
// `npm start`: builds what is stale and runs the kiosk. Under Electron when its
// binary is present; otherwise the browser host (ARCHITECTURE.md §1), opening
// Chromium in kiosk/app mode where a display exists, and printing the URL either way.
//
// The browser host's launch token is made here and reaches only the host (in
// its environment) and the Chromium opened here (in the fragment of the URL
// its launch page sends it to): never a command line, which every local user
// can read in /proc, and never the page the host serves.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { rendererBuildState } from './renderer-build-state.mjs';

const root = resolve(import.meta.dirname, '..');
const passThrough = process.argv.slice(2);

function run(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Decided by content (inputs and outputs), not file times: whatever built dist/renderer last,
// a build that lacks the voice prompts or was made from other sources is rebuilt.
const before = rendererBuildState(root);
if (!before.fresh) {
  console.log(`Building the renderer: ${before.reason}…`);
  run(process.execPath, [join(root, 'scripts/build-renderer.mjs')]);
  const after = rendererBuildState(root);
  if (!after.fresh) {
    console.error(`The renderer build is still not complete: ${after.reason}`);
    process.exit(1);
  }
}

function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const electron = electronBinary();
if (electron && process.env.ONEDOOR_BROWSER_HOST !== '1') {
  console.log('Starting OneDoor under Electron…');
  run(process.execPath, [join(root, 'scripts/build-electron.mjs')]);
  const child = spawn(electron, [root, ...passThrough], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    electron
      ? 'ONEDOOR_BROWSER_HOST=1 is set: using the browser host instead of Electron.'
      : "Electron's binary is not installed here (it cannot be downloaded on this machine), so OneDoor runs as the browser host: the same host, serving the kiosk to Chromium on 127.0.0.1.",
  );
  const token = randomBytes(24).toString('base64url');
  const host = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron/host/serve-main.ts'), ...passThrough], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ONEDOOR_TOKEN: token },
  });
  let browser;
  let profile;
  // The profile holds the launch page with the token: gone when the kiosk stops.
  const removeProfile = () => profile && rmSync(profile, { recursive: true, force: true });
  createInterface({ input: host.stdout }).on('line', (line) => {
    const match = /^ONEDOOR_URL=(.+)$/.exec(line);
    if (!match) {
      process.stdout.write(line + '\n');
      return;
    }
    const url = match[1];
    const launchUrl = `${url}#token=${token}`;
    console.log(`\nOneDoor kiosk is running at ${url} (press Ctrl+C to stop)\n`);
    const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
    const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
    if (hasDisplay && chromium) {
      // mkdtemp makes the folder 0700: the launch page (and Chromium's profile, history included) is this user's alone.
      profile = mkdtempSync(join(tmpdir(), 'onedoor-chromium-'));
      const launchPage = join(profile, 'launch.html');
      writeFileSync(launchPage, launchPageHtml(launchUrl), { mode: 0o600 });
      browser = spawn(chromium, [`--app=${pathToFileURL(launchPage).href}`, '--kiosk', '--no-first-run', '--disable-pinch', '--overscroll-history-navigation=0', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`], { stdio: 'ignore' });
      console.log('Opened Chromium in kiosk mode.');
    } else {
      // Nobody else will open it: the person at this terminal gets the launch URL.
      console.log(`${hasDisplay ? 'No Chromium found to open the kiosk window.' : 'No display here, so no kiosk window was opened.'}\nOpen the kiosk in Chromium at ${launchUrl}\n(the token after # lets that page in; the page opened without it gets no data)`);
    }
  });
  const stop = () => {
    browser?.kill();
    host.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  host.on('exit', (code) => {
    browser?.kill();
    removeProfile();
    process.exit(code ?? 0);
  });
}

/** A local page that sends Chromium on to the kiosk, so the token is on no command line. */
function launchPageHtml(launchUrl) {
  const escaped = launchUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta http-equiv="refresh" content="0;url=${escaped}"><title>OneDoor</title>`;
}
