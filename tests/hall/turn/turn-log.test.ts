/** coturn's log as the hall keeps it (hall/server/turn/turn-log.ts): no party's address, owner-only, bounded. */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshTurnLog, redactAddresses, scrubTurnLog } from '../../../hall/server/turn/turn-log';

const dir = mkdtempSync(join(tmpdir(), 'onedoor-turn-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HALL = '10.213.0.2';

describe("coturn's log without citizens' addresses", () => {
  it('replaces every IPv4 and IPv6 address (with its port) but the hall’s own', () => {
    const lines = [
      `0: : IPv4. UDP listener opened on: ${HALL}:3478`,
      '12: : session 001000000000000001: peer 117.136.12.34:50207 lifetime updated: 600',
      '13: : session 001000000000000002: closed (2nd stage), user <1796323004:case-abc:phone> realm <onedoor> origin <>, local 10.213.0.2:3478, remote 223.104.5.6:61234, reason: allocation timeout',
      '14: : handle_udp_packet: wrong message from [2408:8456:3a10:1b2c::5]:50000',
      '15: : IPv6 peer 240e:47d:c20:1f09:a1b2:c3d4:e5f6:789 refused',
    ];
    const clean = redactAddresses(lines.join('\n'), [HALL]);
    for (const citizen of ['117.136.12.34', '223.104.5.6', '61234', '2408:8456', '240e:47d']) expect(clean).not.toContain(citizen);
    expect(clean).toContain(`listener opened on: ${HALL}:3478`);
    expect(clean).toContain(`local ${HALL}:3478, remote [address], reason: allocation timeout`);
    // Session numbers and the REST username (expiry:case:role) are not addresses.
    expect(clean).toContain('session 001000000000000002');
    expect(clean).toContain('user <1796323004:case-abc:phone>');
  });

  it('makes a fresh log owner-only, and scrubs a running one in place down to its last part', () => {
    const path = join(dir, 'turnserver.log');
    writeFileSync(path, 'old line with 1.2.3.4\n');
    chmodSync(path, 0o644);
    freshTurnLog(path);
    expect(readFileSync(path, 'utf8')).toBe('');
    expect(statSync(path).mode & 0o777).toBe(0o600);

    const filler = Array.from({ length: 200 }, (_, i) => `${i}: : session ${i}: peer 39.144.${i % 250}.7:4000 lifetime updated: 600`).join('\n');
    writeFileSync(path, `${filler}\n0: : IPv4. UDP listener opened on: ${HALL}:3478\n`);
    scrubTurnLog(path, [HALL], 2048);
    const scrubbed = readFileSync(path, 'utf8');
    expect(scrubbed.length).toBeLessThanOrEqual(2048);
    expect(scrubbed).not.toMatch(/39\.144\./);
    expect(scrubbed).toMatch(/peer \[address\] lifetime updated/);
    expect(scrubbed.endsWith(`opened on: ${HALL}:3478\n`)).toBe(true);
    expect(scrubbed.split('\n')[0]).toMatch(/^\d+: : session/); // cut at a line, never mid-line
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});
