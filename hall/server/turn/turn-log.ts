/**
 * coturn's log as the hall keeps it: no citizen's address in it.
 *
 * What coturn (4.6) can do: without `verbose` it writes no per-session lines
 * (no client or peer address for a normal call: checked with a real
 * allocation), `--log-binding` is off by default, `no-stdout-log` keeps it
 * to its file. What it cannot do: there is no option to leave addresses out
 * of the lines it still writes (socket errors, refused peers, wrong
 * packets name the remote address), and `log-file=stdout` drops some lines,
 * so the hall cannot filter its output on the way in. So the hall makes the
 * file owner-only before coturn opens it (coturn itself makes it 0644),
 * and scrubs it while coturn runs and when it stops: every address but the
 * hall's own TURN addresses is replaced, and the file is cut to its last
 * `maxBytes`. coturn appends (O_APPEND), so it carries on at the new end.
 */
import { existsSync, readFileSync, rmSync, truncateSync, writeFileSync, appendFileSync, chmodSync } from 'node:fs';

export const REDACTED_ADDRESS = '[address]';
/** The log's cap after a scrub: coturn without `verbose` writes a few lines an hour. */
export const TURN_LOG_MAX_BYTES = 256 * 1024;

// IPv4 with an optional :port, and IPv6 (two colons at least, hex groups; `::` forms included).
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?\b/g;
const IPV6 = /(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![\w:])/g;

/** The text with every IPv4/IPv6 address (and its port) replaced, except the hall's own `keep` addresses. */
export function redactAddresses(text: string, keep: readonly string[] = []): string {
  const kept = (found: string) => keep.some((address) => found === address || found.startsWith(`${address}:`));
  return text
    .replace(IPV4, (found) => (kept(found) ? found : REDACTED_ADDRESS))
    .replace(IPV6, (found) => (found.replace(/:/g, '').length === 0 || keep.includes(found) ? found : REDACTED_ADDRESS));
}

/** A fresh, empty log file only its owner may read (before coturn opens it). */
export function freshTurnLog(path: string): void {
  rmSync(path, { force: true });
  writeFileSync(path, '', { mode: 0o600 });
  chmodSync(path, 0o600); // a umask never widens it, but an old file's mode is not trusted either
}

/** Rewrites the log without citizens' addresses, cut to its last `maxBytes`; a missing file is left missing. */
export function scrubTurnLog(path: string, keep: readonly string[], maxBytes = TURN_LOG_MAX_BYTES): void {
  if (!existsSync(path)) return;
  const text = readFileSync(path, 'utf8');
  const tail = text.length > maxBytes ? text.slice(text.indexOf('\n', text.length - maxBytes) + 1) : text;
  const clean = redactAddresses(tail, keep);
  chmodSync(path, 0o600);
  if (clean === text) return;
  truncateSync(path, 0);
  appendFileSync(path, clean);
}
