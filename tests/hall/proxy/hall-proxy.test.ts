import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ProxyDown, proxyTopic } from '../../../electron/contract/proxy';
import { HallConfigFile } from '../../../hall/server/config';
import { createHallProxy } from '../../../hall/server/proxy/hall-proxy';
import { turnCredentialValid } from '../../../hall/server/proxy/turn-credentials';
import { ensureTurnSecret } from '../../../hall/server/proxy/turn-secret';
import { openMessage } from './fixtures';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function configWith(file: unknown) {
  const dataDir = mkdtempSync(join(tmpdir(), 'onedoor-hall-proxy-'));
  dirs.push(dataDir);
  return { ...HallConfigFile.parse(file), dataDir };
}

const noDb = { query: () => Promise.resolve({ rows: [], rowCount: 0 }) };

describe('the hall proxy from its config', () => {
  it('has defaults: 10-minute links, 30 s reconnects, the SMS sandbox, the phone page on 8751, no TURN but the hall\'s own coturn, the sandbox face', () => {
    const config = configWith({});
    expect(config.proxy).toEqual({
      linkMinutes: 10,
      caseMinutes: 30,
      reconnectSeconds: 30,
      maxFaceAttempts: 3,
      recordingRetentionDays: 180,
      turn: { urls: [], stunUrls: [], ttlSeconds: 600, embedded: { enabled: true, port: 3478, minRelayPort: 49160, maxRelayPort: 49200, allowedPeerIps: [] } },
      sms: { kind: 'sandbox' },
      services: ['no-criminal-record', 'residence-permit-endorsement', 'id-card-progress', 'exit-entry-progress'],
      face: { comparison: 'sandbox', testingSkipLiveness: false },
      challengeActions: 2,
      challengeTimeoutSeconds: 20,
    });
    expect(config.phone).toEqual({ host: '0.0.0.0', port: 8751 });
    expect(HallConfigFile.safeParse({ proxy: { turn: { urls: ['http://x'] } } }).success).toBe(false);
    expect(HallConfigFile.safeParse({ proxy: { sms: { kind: 'http', url: 'https://sms.example/send' } } }).success).toBe(false);
  });

  it('refuses a case time limit not longer than the link, and a proxy service the hall has no name for', () => {
    expect(HallConfigFile.safeParse({ proxy: { caseMinutes: 45 } }).success).toBe(true);
    const short = HallConfigFile.safeParse({ proxy: { linkMinutes: 20, caseMinutes: 20 } });
    expect(short.success ? null : short.error.issues[0]?.path).toEqual(['proxy', 'caseMinutes']);
    expect(HallConfigFile.safeParse({ proxy: { caseMinutes: 2 } }).success).toBe(false);
    const unnamed = HallConfigFile.safeParse({ proxy: { services: ['no-criminal-record', 'household-move'] } });
    expect(unnamed.success ? null : unnamed.error.issues[0]?.path).toEqual(['proxy', 'services', 1]);
  });

  it('answers a kiosk through the given publish, with TURN credentials signed by the secret in the data folder', async () => {
    const config = configWith({ proxy: { turn: { urls: ['turn:10.77.0.1:3478'] } }, phone: { publicUrl: 'https://hall.example:8751/' } });
    const sent: Array<{ topic: string; payload: string }> = [];
    const made = createHallProxy({ config, db: noDb, publish: (topic, payload) => Promise.resolve(void sent.push({ topic, payload })), proxyServiceIds: ['no-criminal-record'] });
    if (!made.ok) throw new Error(made.error);
    await made.value.kioskLink.receive(proxyTopic.up('k7'), JSON.stringify(openMessage()));
    expect(sent.map((s) => s.topic)).toEqual([proxyTopic.down('k7')]);
    const answer = ProxyDown.parse(JSON.parse(sent[0]!.payload));
    if (answer.type !== 'opened') throw new Error(answer.type);
    expect(answer.inviteUrl.startsWith('https://hall.example:8751/p/#t=')).toBe(true);
    const turn = answer.iceServers[0]!;
    expect(turnCredentialValid(ensureTurnSecret(config.dataDir), turn.username!, turn.credential!, new Date())).toBe(true);
    expect(made.value.sandboxSms?.messages()).toHaveLength(1);
    await made.value.registry.close();
  });

  it("refuses to start with an HTTP SMS gateway whose key file is missing, and reads it when it is there", () => {
    const config = configWith({ proxy: { sms: { kind: 'http', url: 'https://sms.example/send', apiKeyFile: 'sms.key' } } });
    const publish = () => Promise.resolve();
    const missing = createHallProxy({ config, db: noDb, publish, proxyServiceIds: [] });
    expect(missing.ok).toBe(false);
    writeFileSync(join(config.dataDir, 'sms.key'), 'key-123\n');
    const made = createHallProxy({ config, db: noDb, publish, proxyServiceIds: [] });
    expect(made.ok && made.value.sandboxSms).toBeNull();
  });
});
