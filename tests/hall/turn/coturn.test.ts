/**
 * The hall's coturn (hall/server/turn/coturn.ts) as a real process: it is
 * "started" only once it answers STUN, it stops, and each way of not starting
 * is a value that says why (with coturn's own words where it ran).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCoturn, type CoturnOptions } from '../../../hall/server/turn/coturn';
import { coturnConfig } from '../../../hall/server/turn/coturn-config';
import { stunAnswers } from '../../../hall/server/turn/stun-probe';
import { turnCredential } from '../../../hall/server/proxy/turn-credentials';
import { allocateNetns, describeNetnsError } from '../../../scripts/lib/netns';
import { freePort } from '../../../scripts/lib/local-postgres';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'onedoor-coturn-'));
  dirs.push(dir);
  return dir;
}
const base = (): Omit<CoturnOptions, 'listenIp' | 'port'> => ({ minPort: 50000, maxPort: 50100, secret: 'test-secret-0123456789', realm: 'hall.test', dataDir: dataDir() });

describe('coturn as the hall runs it', () => {
  it('answers STUN once started, keeps the secret out of other users’ reach, and stops', async () => {
    const port = await freePort();
    const options = { ...base(), listenIp: '127.0.0.1', port };
    const started = await startCoturn(options);
    if (!started.ok) throw new Error(`${started.error.detail}\n${started.error.logTail}`);
    expect(started.value.urls).toEqual([`stun:127.0.0.1:${port}`, `turn:127.0.0.1:${port}?transport=udp`, `turn:127.0.0.1:${port}?transport=tcp`]);
    expect(await stunAnswers('127.0.0.1', port)).toBe(true);
    expect(statSync(join(options.dataDir, 'turnserver.conf')).mode & 0o077).toBe(0);
    // coturn would make its log 0644: the hall's is owner-only, with coturn's own lines (and the hall's address) in it.
    expect(statSync(join(options.dataDir, 'turnserver.log')).mode & 0o077).toBe(0);
    await started.value.stop();
    expect(readFileSync(join(options.dataDir, 'turnserver.log'), 'utf8')).toMatch(/relay 127\.0\.0\.1 initialization/);
    expect(await stunAnswers('127.0.0.1', port)).toBe(false);
  });

  it('runs inside a network namespace, reached over the veth pair', async () => {
    const made = allocateNetns();
    if (!made.ok) throw new Error(describeNetnsError(made.error));
    const ns = made.value;
    try {
      const options = { ...base(), listenIp: ns.nsIp, port: 3478, netns: ns.name };
      const started = await startCoturn(options);
      if (!started.ok) throw new Error(`${started.error.detail}\n${started.error.logTail}`);
      expect(await stunAnswers(ns.nsIp, 3478)).toBe(true);
      // A client on the host side allocates relays with the hall's REST credentials: its address must not stay in the log.
      const username = `${Math.floor(Date.now() / 1000) + 600}:case-log-check:phone`;
      const client = spawnSync('/usr/bin/turnutils_uclient', ['-p', '3478', '-u', username, '-w', turnCredential(options.secret, username), '-n', '2', '-m', '1', '-y', ns.nsIp], { encoding: 'utf8', timeout: 20_000 });
      expect(client.stdout).toMatch(/tot_recv_msgs=[1-9]/);
      await started.value.stop();
      const log = readFileSync(join(options.dataDir, 'turnserver.log'), 'utf8');
      expect(log).toContain(ns.nsIp);
      expect(log).not.toContain(ns.hostIp);
    } finally {
      await ns.stop();
    }
  });

  it('says the binary is missing', async () => {
    const result = await startCoturn({ ...base(), listenIp: '127.0.0.1', port: 3478, turnserverPath: '/nonexistent/turnserver' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ kind: 'binaryMissing', detail: expect.stringMatching(/apt-get install -y coturn/) });
  });

  it('says a namespace is missing', async () => {
    const result = await startCoturn({ ...base(), listenIp: '127.0.0.1', port: 3478, netns: 'onedoor-no-such-namespace' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('netnsMissing');
  });

  it('fails with coturn’s own log when it cannot listen where it is told', async () => {
    // An address this machine does not have: coturn starts but never binds.
    const result = await startCoturn({ ...base(), listenIp: '10.213.255.254', port: 3478, withinMs: 1500 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('notAnswering');
      expect(result.error.logTail).toMatch(/bind/i);
    }
  });

  it('refuses a second server on a port that already answers STUN', async () => {
    const port = await freePort();
    const first = await startCoturn({ ...base(), listenIp: '127.0.0.1', port });
    if (!first.ok) throw new Error(first.error.detail);
    try {
      const second = await startCoturn({ ...base(), listenIp: '127.0.0.1', port });
      expect(second.ok).toBe(false);
      if (!second.ok) expect(second.error.kind).toBe('portInUse');
    } finally {
      await first.value.stop();
    }
  });
});

describe('coturn config', () => {
  const options = { listenIp: '10.0.0.5', port: 3478, minPort: 49160, maxPort: 49200, secret: 'test-secret-0123456789', realm: 'hall.test', logFile: '/tmp/x.log', pidFile: '/tmp/x.pid' };

  it('denies private peers and allows back only the relay address and the hall’s own machines', () => {
    const made = coturnConfig({ ...options, allowedPeerIps: ['10.0.0.20-10.0.0.40'] });
    if (!made.ok) throw new Error(made.problem);
    const lines = made.text.split('\n');
    expect(lines).toContain('denied-peer-ip=10.0.0.0-10.255.255.255');
    expect(lines).toContain('denied-peer-ip=192.168.0.0-192.168.255.255');
    expect(lines.filter((l) => l.startsWith('allowed-peer-ip='))).toEqual(['allowed-peer-ip=10.0.0.5', 'allowed-peer-ip=10.0.0.20-10.0.0.40']);
    expect(lines).toEqual(expect.arrayContaining(['use-auth-secret', 'fingerprint', 'no-cli', 'no-tls', 'no-dtls', 'no-multicast-peers']));
    expect(lines).not.toContain('allow-loopback-peers');
  });

  it('refuses values that would break the file or weaken it', () => {
    expect(coturnConfig({ ...options, realm: 'hall test' }).ok).toBe(false);
    expect(coturnConfig({ ...options, secret: 'short' }).ok).toBe(false);
    expect(coturnConfig({ ...options, allowedPeerIps: ['10.0.0.1\nallow-loopback-peers'] }).ok).toBe(false);
    expect(coturnConfig({ ...options, minPort: 50000, maxPort: 40000 }).ok).toBe(false);
  });
});
