/**
 * The turnserver.conf the hall's coturn runs with (issue 19): long-term
 * credentials by the TURN REST scheme (`use-auth-secret`: the hall server
 * hands out `expiry:caseId:role` with an HMAC of it; coturn checks it with
 * the same secret and refuses it after `expiry`), UDP/TCP only (the calls'
 * media is DTLS-SRTP end to end already), no admin CLI.
 *
 * Which peers the relay may send to. A TURN server on a hall's LAN must not
 * become a way for a phone on the internet to reach the hall's own machines,
 * so every private, loopback, link-local and special range is denied
 * (`denied-peer-ip`) and only what a call needs is let back in
 * (`allowed-peer-ip`, which coturn lets override a denial):
 *   - the relay address itself: when two parties both use the relay (a phone
 *     on a mobile network, or a run forced to `iceTransportPolicy: 'relay'`),
 *     each one's peer is the other's relayed address on this same server, a
 *     private address on a hall LAN. The relay proof
 *     (tests/e2e/proxy-turn-relay.test.ts) needs exactly this and nothing
 *     more: coturn in a namespace at 10.213.x.2 relaying to 10.213.x.2.
 *   - `allowedPeerIps`: the hall's kiosk and console addresses or ranges, so a
 *     relayed phone can reach a kiosk's host candidate directly.
 * Nothing is disabled (`allow-loopback-peers` stays off, multicast peers are
 * refused); public addresses stay allowed, as TURN needs.
 */

export interface CoturnConfigOptions {
  listenIp: string;
  port: number;
  /** The address relayed media leaves from (default `listenIp`). */
  relayIp?: string;
  /** `public[/private]` when the hall's TURN address is NATed (coturn's `external-ip`). */
  externalIp?: string;
  minPort: number;
  maxPort: number;
  secret: string;
  realm: string;
  /** The hall's own machines a relayed party may reach: single addresses or `a.b.c.d-e.f.g.h` ranges. */
  allowedPeerIps?: readonly string[];
  /** Where coturn logs (a file path); `stdout` logs to its standard output. */
  logFile: string;
  pidFile: string;
}

/** Private, loopback, link-local, shared and documentation ranges (RFC 6890): no peer there unless allowed. */
export const DENIED_PEER_RANGES: readonly string[] = [
  '0.0.0.0-0.255.255.255',
  '10.0.0.0-10.255.255.255',
  '100.64.0.0-100.127.255.255',
  '127.0.0.0-127.255.255.255',
  '169.254.0.0-169.254.255.255',
  '172.16.0.0-172.31.255.255',
  '192.0.0.0-192.0.0.255',
  '192.0.2.0-192.0.2.255',
  '192.168.0.0-192.168.255.255',
  '198.18.0.0-198.19.255.255',
  '198.51.100.0-198.51.100.255',
  '203.0.113.0-203.0.113.255',
  '240.0.0.0-255.255.255.255',
  '::1',
  'fc00::-fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
  'fe80::-febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
];

/** Allocations one username (one party of one case) may hold at once: a peer connection per other party, UDP and TCP, and an ICE restart's overlap. */
const USER_QUOTA = 16;

const SAFE_VALUE = /^[^\s"'#\\]+$/;

/** The config text, or what is wrong with the options (a value that would break the file). */
export function coturnConfig(options: CoturnConfigOptions): { ok: true; text: string } | { ok: false; problem: string } {
  const relayIp = options.relayIp ?? options.listenIp;
  const values: Record<string, string> = { listenIp: options.listenIp, relayIp, realm: options.realm, secret: options.secret, logFile: options.logFile, pidFile: options.pidFile };
  if (options.externalIp) values.externalIp = options.externalIp;
  for (const [name, value] of Object.entries(values)) if (!SAFE_VALUE.test(value)) return { ok: false, problem: `${name} must be non-empty without spaces, quotes, # or \\` };
  for (const peer of options.allowedPeerIps ?? []) if (!/^[0-9a-fA-F.:-]+$/.test(peer)) return { ok: false, problem: `allowed peer "${peer}" is not an address or range` };
  const ports = [options.port, options.minPort, options.maxPort];
  if (ports.some((p) => !Number.isInteger(p) || p < 1 || p > 65535) || options.minPort > options.maxPort) return { ok: false, problem: 'ports must be 1–65535 with minPort ≤ maxPort' };
  if (options.secret.length < 16) return { ok: false, problem: 'the shared secret must be at least 16 characters' };
  const lines = [
    `listening-ip=${options.listenIp}`,
    `listening-port=${options.port}`,
    `relay-ip=${relayIp}`,
    ...(options.externalIp ? [`external-ip=${options.externalIp}`] : []),
    `min-port=${options.minPort}`,
    `max-port=${options.maxPort}`,
    'use-auth-secret',
    `static-auth-secret=${options.secret}`,
    `realm=${options.realm}`,
    'fingerprint',
    'stale-nonce=600',
    `user-quota=${USER_QUOTA}`,
    'no-cli',
    'no-tls',
    'no-dtls',
    'no-tcp-relay',
    'no-multicast-peers',
    'no-software-attribute',
    ...DENIED_PEER_RANGES.map((range) => `denied-peer-ip=${range}`),
    `allowed-peer-ip=${relayIp}`,
    ...(options.allowedPeerIps ?? []).map((peer) => `allowed-peer-ip=${peer}`),
    `pidfile=${options.pidFile}`,
    ...(options.logFile === 'stdout' ? ['log-file=stdout'] : [`log-file=${options.logFile}`, 'simple-log', 'no-stdout-log']),
  ];
  return { ok: true, text: `${lines.join('\n')}\n` };
}

/** What a browser is given to reach this server (`host` as the parties reach it). */
export function coturnUrls(host: string, port: number): string[] {
  const at = host.includes(':') ? `[${host}]` : host;
  return [`stun:${at}:${port}`, `turn:${at}:${port}?transport=udp`, `turn:${at}:${port}?transport=tcp`];
}
