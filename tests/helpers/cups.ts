/**
 * Real-CUPS test support: prepares cupsd, the onedoor-test backend and one
 * raw queue per test file (scripts/cups/setup-test-cups.sh), and drives the
 * fake printer through its control file and CUPS-Add-Modify-Printer.
 *
 * CUPS-Add-Modify-Printer is an administrator operation: Debian's stock
 * cupsd.conf answers `Unauthorized` to it over TCP (`ipp://localhost`) even
 * for root. Over CUPS's local domain socket, cupsd reads the caller's uid from
 * the kernel (`PeerCred on`, the default) and root is in `SystemGroup`, so the
 * request is authorised without loosening cupsd.conf or storing a password;
 * any other local user is still refused (`Forbidden`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SETUP_SCRIPT = fileURLToPath(new URL('../../scripts/cups/setup-test-cups.sh', import.meta.url));
export const SPOOL_ROOT = process.env.ONEDOOR_CUPS_SPOOL ?? '/tmp/onedoor-cups';

/** What the fake printer does with the next job (see scripts/cups/onedoor-test-backend). */
export type BackendMode = 'ok' | 'low' | 'paper-out' | 'jam' | 'door-open' | 'offline' | `delay ${number}` | `${'paper-out' | 'jam' | 'offline'} ${number}`;

/** True when this machine can run the real-CUPS tests (root, cupsd, ipptool, lp). */
export function canRunCups(): boolean {
  // In CI (and under `npm test` as root) CUPS is installed: never skip there, fail loudly instead.
  if (process.env.CI === 'true' || process.env.ONEDOOR_REQUIRE_CUPS === '1') return true;
  if (process.getuid?.() !== 0) return false;
  return ['cupsd', 'ipptool', 'lp', 'lpadmin'].every((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0);
}

/** Runs the setup script for `queue` (idempotent) and returns its spool folder. */
export function setUpQueue(queue: string): string {
  execFileSync('sh', [SETUP_SCRIPT, queue], { stdio: 'pipe', env: { ...process.env, ONEDOOR_CUPS_SPOOL: SPOOL_ROOT } });
  return spoolDir(queue);
}

export function spoolDir(queue: string): string {
  return join(SPOOL_ROOT, queue);
}

/** Sets the fake printer's behaviour for the following jobs. */
export function setBackendMode(queue: string, mode: BackendMode): void {
  writeFileSync(join(spoolDir(queue), 'control'), `${mode}\n`);
}

let ippDir: string | undefined;

/** Sets the queue's `printer-state-reasons` directly (a printer reporting between jobs). */
export function setPrinterReasons(queue: string, reasons: string[]): void {
  ippDir ??= mkdtempSync(join(tmpdir(), 'onedoor-ipp-test-'));
  const file = join(ippDir, 'set-reasons.test');
  if (!existsSync(file)) {
    writeFileSync(
      file,
      `{
  OPERATION CUPS-Add-Modify-Printer
  GROUP operation-attributes-tag
  ATTR charset attributes-charset utf-8
  ATTR naturalLanguage attributes-natural-language en
  ATTR uri printer-uri $uri
  ATTR name requesting-user-name root
  GROUP printer-attributes-tag
  ATTR keyword printer-state-reasons $reasons
  STATUS successful-ok
}
`,
    );
  }
  const value = reasons.length === 0 ? 'none' : reasons.join(',');
  execFileSync('ipptool', ['-d', `reasons=${value}`, `ipp://${localSocketHost()}/printers/${queue}`, file], { stdio: 'pipe' });
}

let socketHost: string | undefined;

/** CUPS's local socket as an IPP host (`%2Frun%2Fcups%2Fcups.sock`), as the CUPS tools themselves resolve it. */
function localSocketHost(): string {
  if (socketHost) return socketHost;
  const server = execFileSync('lpstat', ['-H'], { encoding: 'utf8' }).trim();
  if (!server.startsWith('/')) throw new Error(`CUPS has no local socket here (lpstat -H: ${server}); setPrinterReasons needs one`);
  socketHost = encodeURIComponent(server);
  return socketHost;
}

/** Back to a healthy, empty queue: no jobs, no reasons, enabled, accepting, backend "ok", spool emptied. */
export function resetQueue(queue: string): void {
  spawnSync('cancel', ['-a', '-x', queue], { stdio: 'pipe' });
  setPrinterReasons(queue, []);
  execFileSync('cupsenable', [queue], { stdio: 'pipe' });
  execFileSync('cupsaccept', [queue], { stdio: 'pipe' });
  for (const name of readdirSync(spoolDir(queue))) {
    if (name.startsWith('job-')) rmSync(join(spoolDir(queue), name), { force: true });
  }
  setBackendMode(queue, 'ok');
}

/** Completed jobs' files: `job-<id>.pdf` → bytes. */
export function printedJobs(queue: string): Map<number, Buffer> {
  const jobs = new Map<number, Buffer>();
  for (const name of readdirSync(spoolDir(queue))) {
    const m = /^job-(\d+)\.pdf$/.exec(name);
    if (m) jobs.set(Number(m[1]), readFileSync(join(spoolDir(queue), name)));
  }
  return jobs;
}

/** CUPS's own spool (`RequestRoot` in cups-files.conf, /var/spool/cups by default): c<job> records, d<job>-<n> documents. */
export function cupsSpoolRoot(): string {
  const conf = existsSync('/etc/cups/cups-files.conf') ? readFileSync('/etc/cups/cups-files.conf', 'utf8') : '';
  return /^\s*RequestRoot\s+(\S+)/m.exec(conf)?.[1] ?? '/var/spool/cups';
}

/** Every file in CUPS's spool (and its tmp folder), with its bytes. */
export function cupsSpoolFiles(): Array<{ name: string; bytes: Buffer }> {
  const root = cupsSpoolRoot();
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { name: path.slice(root.length + 1), bytes: readFileSync(path) };
    });
}

/** Names of the spool files CUPS keeps for job `id`: its record c<id> and its documents d<id>-<n>. */
export function cupsSpoolFilesOfJob(id: number): string[] {
  const n = String(id).padStart(5, '0');
  return cupsSpoolFiles()
    .map((f) => f.name)
    .filter((name) => name === `c${n}` || name.startsWith(`d${n}-`));
}

/** Removes the queue (after the test file). */
export function removeQueue(queue: string): void {
  spawnSync('cancel', ['-a', '-x', queue], { stdio: 'pipe' });
  spawnSync('lpadmin', ['-x', queue], { stdio: 'pipe' });
  rmSync(spoolDir(queue), { recursive: true, force: true });
}

/** Text of a PDF through poppler's pdftotext, whitespace collapsed. */
export function pdfText(pdf: Uint8Array): string {
  const out = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf, maxBuffer: 16 * 1024 * 1024, stdio: ['pipe', 'pipe', 'ignore'] });
  return out.toString('utf8').replace(/[\s\u3000]+/g, ' ');
}
