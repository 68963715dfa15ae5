import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IceServers } from '../../../electron/contract/proxy';
import { issueIceServers, turnCredentialValid } from '../../../hall/server/proxy/turn-credentials';
import { ensureTurnSecret } from '../../../hall/server/proxy/turn-secret';

const now = new Date('2026-12-03T02:00:00.000Z');
const config = { secret: 's3cret-shared-with-coturn', urls: ['turn:10.77.0.1:3478?transport=udp', 'turn:10.77.0.1:3478?transport=tcp'], stunUrls: ['stun:10.77.0.1:3478'], ttlSeconds: 600 };

describe('TURN REST credentials', () => {
  it('names the expiry, the case and the party, and signs the name with HMAC-SHA1 of the shared secret (as coturn checks it)', () => {
    const issued = issueIceServers(config, 'case-0001', 'phone', now);
    expect(IceServers.parse(issued.iceServers)).toEqual(issued.iceServers);
    const turn = issued.iceServers[0]!;
    const expiry = now.getTime() / 1000 + 600;
    expect(turn).toMatchObject({ urls: config.urls, username: `${expiry}:case-0001:phone` });
    expect(turn.credential).toBe(createHmac('sha1', config.secret).update(`${expiry}:case-0001:phone`).digest('base64'));
    expect(issued.iceServers[1]).toEqual({ urls: ['stun:10.77.0.1:3478'] });
    expect(issued.expiresAt?.toISOString()).toBe('2026-12-03T02:10:00.000Z');
  });

  it('is valid until its expiry and not after, and not with another secret or another name', () => {
    const turn = issueIceServers(config, 'case-0001', 'kiosk', now).iceServers[0]!;
    expect(turnCredentialValid(config.secret, turn.username!, turn.credential!, new Date(now.getTime() + 599_000))).toBe(true);
    expect(turnCredentialValid(config.secret, turn.username!, turn.credential!, new Date(now.getTime() + 600_000))).toBe(false);
    expect(turnCredentialValid('another secret', turn.username!, turn.credential!, now)).toBe(false);
    expect(turnCredentialValid(config.secret, turn.username!.replace('kiosk', 'console'), turn.credential!, now)).toBe(false);
  });

  it('gives only the STUN servers, or nothing, when no TURN is configured', () => {
    expect(issueIceServers({ ...config, urls: [] }, 'case-0001', 'kiosk', now)).toEqual({ iceServers: [{ urls: config.stunUrls }], expiresAt: null });
    expect(issueIceServers({ ...config, secret: null, stunUrls: [] }, 'case-0001', 'kiosk', now)).toEqual({ iceServers: [], expiresAt: null });
  });

  it('keeps the shared secret in the data folder, owner-only, the same across restarts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'onedoor-turn-secret-'));
    try {
      const secret = ensureTurnSecret(dir);
      expect(secret).toMatch(/^[0-9a-f]{64}$/);
      expect(ensureTurnSecret(dir)).toBe(secret);
      expect(statSync(join(dir, 'turn-secret.key')).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
