// Debian packages the kiosk's tests and tools need, and a check that installs
// them when running as root with apt, or names them and stops otherwise.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Each package with a probe that tells whether it is present. */
export const SYSTEM_PACKAGES = [
  { pkg: 'chromium', why: 'end-to-end tests and the kiosk window without Electron', present: () => existsSync('/usr/bin/chromium') },
  { pkg: 'socat', why: 'pseudo-terminal pairs for real serial tests', present: () => onPath('socat') },
  { pkg: 'libusb-1.0-0', why: 'node-hid', present: () => hasLibrary('libusb-1.0.so.0') },
  { pkg: 'cups', why: 'the real CUPS the A4 printing tests run against', present: () => existsSync('/usr/sbin/cupsd') },
  { pkg: 'cups-client', why: 'lp and lpstat for A4 printing', present: () => onPath('lp') && onPath('lpadmin') },
  { pkg: 'cups-ipp-utils', why: 'ipptool, to follow print jobs and printer state', present: () => onPath('ipptool') },
  { pkg: 'poppler-utils', why: 'pdftotext, to check printed documents', present: () => onPath('pdftotext') },
  { pkg: 'espeak-ng', why: 'voice prompts generated from the catalogues', present: () => onPath('espeak-ng') },
  { pkg: 'mosquitto', why: 'the MQTT 5 broker between kiosks and the hall server (tests, npm run hall)', present: () => existsSync('/usr/sbin/mosquitto') && onPath('mosquitto_passwd') },
  { pkg: 'mosquitto-clients', why: 'mosquitto_pub and mosquitto_sub, to look at the hall link by hand', present: () => onPath('mosquitto_sub') },
  { pkg: 'postgresql', why: 'the real PostgreSQL server the hall tests and benchmarks start', present: () => existsSync('/usr/lib/postgresql') },
  { pkg: 'coturn', why: 'the TURN server of 可视化代办 calls (npm run hall, the relay test and bench); its own service stays off', present: () => existsSync('/usr/bin/turnserver') },
  { pkg: 'ffmpeg', why: 'ffmpeg and ffprobe: the proxy call recording is muxed and checked', present: () => onPath('ffmpeg') && onPath('ffprobe') },
  { pkg: 'iproute2', why: 'ip netns and veth pairs: the relay test runs coturn in its own network namespace', present: () => existsSync('/usr/sbin/ip') },
  { pkg: 'fonts-noto-cjk', why: 'Chinese text in Chromium screenshots and documents', present: () => existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc') },
];

function onPath(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function hasLibrary(name) {
  try {
    return execFileSync('ldconfig', ['-p'], { encoding: 'utf8' }).includes(name);
  } catch {
    return false;
  }
}

/**
 * Debian's coturn ships a service that stays off unless /etc/default/coturn
 * sets TURNSERVER_ENABLED=1 (and there is no init system here to start it):
 * the hall starts its own turnserver on a port of its own. Says so if a
 * turnserver answers on the default port 3478 after the install anyway.
 */
function warnIfCoturnServiceRuns(log) {
  const listening = spawnSync('sh', ['-c', 'command -v ss >/dev/null && ss -H -lnu "sport = :3478"'], { encoding: 'utf8' });
  if (listening.status === 0 && listening.stdout.trim() !== '') log('Note: something listens on UDP 3478 (the coturn service?); the hall and the tests start their own turnserver on other ports.');
}

/**
 * Returns true when every package is present (installing them if possible);
 * `only` checks some of them by name (`npm run hall` asks for its broker).
 */
export function ensureSystemPackages({ log = console.log, only = undefined } = {}) {
  const unknown = (only ?? []).filter((name) => !SYSTEM_PACKAGES.some((p) => p.pkg === name));
  if (unknown.length > 0) throw new Error(`not one of the project's system packages: ${unknown.join(' ')}`);
  const missing = SYSTEM_PACKAGES.filter((p) => (only === undefined || only.includes(p.pkg)) && !p.present());
  if (missing.length === 0) return true;
  const names = missing.map((p) => p.pkg);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && onPath('apt-get')) {
    log(`Installing Debian packages: ${names.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', ...names], { stdio: 'inherit', env });
    if (install && install.status === 0 && missing.every((p) => p.present())) {
      warnIfCoturnServiceRuns(log);
      return true;
    }
  }
  console.error('Missing system packages:');
  for (const p of missing) console.error(`  ${p.pkg}  (${p.why})`);
  console.error(`Install them with: sudo apt-get update && sudo apt-get install -y ${names.join(' ')}`);
  return false;
}
