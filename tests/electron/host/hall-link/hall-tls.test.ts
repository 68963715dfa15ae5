/**
 * The hall link over TLS with a CA made here with openssl: the kiosk trusts
 * only the hall's CA (a broker with another CA's certificate is refused and
 * `hall check` says why), connects and comes online with the right one, and
 * `hall check` reports the round trip or that nothing listens, also on the
 * maintenance screen beside the link's last contact.
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskOnline } from '../../../../electron/contract/hall-link';
import { runDeviceCli } from '../../../../electron/host/device-cli';
import { createEventBus } from '../../../../electron/host/events';
import { checkHall } from '../../../../electron/host/hall-link/check';
import type { HallLinkSettings } from '../../../../electron/host/hall-link/credentials';
import { createHallLink } from '../../../../electron/host/hall-link/hall-link';
import { hallDiagnostic } from '../../../../electron/host/staff/hall-diagnostic';
import { ok } from '../../../../domain/result';
import { openJournal } from '../../../../electron/host/journal';
import { createAuditLog } from '../../../../electron/host/journal/transactions-audit';
import { freePort } from '../../../../scripts/lib/local-postgres';
import { startLocalMosquitto, waitForPort, type LocalMosquitto } from '../../../../scripts/lib/local-mosquitto';
import { makeTestPki, type TestPki } from '../../../helpers/test-pki';
import { until } from '../integration/host-harness';
import { startHallWatcher, type HallWatcher } from './hall-watcher';

let pki: TestPki;
let broker: LocalMosquitto;
let tlsPort: number;
let wrongPort: number;
let hall: HallWatcher;
let dir: string;

beforeAll(async () => {
  pki = makeTestPki('K-TLS');
  // Mosquitto started as root drops to its own user: let it read the throw-away PKI.
  chmodSync(pki.dir, 0o755);
  for (const file of readdirSync(pki.dir)) chmodSync(join(pki.dir, file), 0o644);
  tlsPort = await freePort();
  wrongPort = await freePort();
  broker = await startLocalMosquitto({
    anonymous: true,
    config: [
      `listener ${tlsPort} 127.0.0.1`, `cafile ${pki.ca.certFile}`, `certfile ${pki.server.certFile}`, `keyfile ${pki.server.keyFile}`,
      `listener ${wrongPort} 127.0.0.1`, `cafile ${pki.wrongCa.certFile}`, `certfile ${pki.wrongServer.certFile}`, `keyfile ${pki.wrongServer.keyFile}`,
    ],
  });
  await waitForPort(tlsPort);
  await waitForPort(wrongPort);
  hall = await startHallWatcher(broker.url);
  dir = mkdtempSync(join(tmpdir(), 'onedoor-hall-tls-'));
});
afterAll(async () => {
  await hall?.close();
  await broker?.stop();
  pki?.remove();
  rmSync(dir, { recursive: true, force: true });
});

const settings = (port: number): HallLinkSettings => ({ url: `mqtts://127.0.0.1:${port}`, username: 'K-TLS', password: 'test-password', caPem: pki.ca.cert, statusIntervalSeconds: 10, keepaliveSeconds: 10, source: null, staffIdKey: null });

describe('the hall link over TLS', () => {
  it('hall check: connected with the round trip on the broker the hall CA signed', async () => {
    const result = await checkHall('K-TLS', settings(tlsPort));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.roundTripMs).toBeGreaterThanOrEqual(0);
  });

  it('hall check: a broker with a certificate from another CA is refused as untrusted, and no broker as unreachable', async () => {
    expect(await checkHall('K-TLS', settings(wrongPort))).toMatchObject({ ok: false, error: { refusal: 'serverUntrusted' } });
    expect(await checkHall('K-TLS', settings(await freePort()))).toMatchObject({ ok: false, error: { refusal: 'unreachable' } });
  });

  it('npm run device -- hall check prints connected or refused with the reason, with its exit code', async () => {
    const out: string[] = [];
    const errs: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => errs.push(t), stopRequested: () => new Promise<string>(() => undefined) };
    const deps = (port: number) => ({ settings: async () => ({ ok: true as const, value: { kioskId: 'K-TLS', settings: settings(port) } }), check: checkHall });
    expect(await runDeviceCli(['hall', 'check'], io, undefined, undefined, deps(tlsPort))).toBe(0);
    expect(out.join('\n')).toMatch(/connected as K-TLS, round trip [\d.]+ ms/);
    expect(await runDeviceCli(['hall', 'check'], io, undefined, undefined, deps(wrongPort))).toBe(2);
    expect(errs.join('\n')).toContain('not signed by the hall CA');
  });

  it('the kiosk link comes online over TLS with the hall CA', async () => {
    const opened = openJournal(join(dir, 'journal.sqlite'));
    if (!opened.ok) throw new Error(opened.error.kind);
    const logger = pino({ level: 'silent' });
    const link = createHallLink({
      kioskId: 'K-TLS', hallName: '湖滨派出所', version: '1.0.0', settings: settings(tlsPort),
      bus: createEventBus(() => undefined), db: opened.value.db, audit: createAuditLog(opened.value.db), logger,
      categoryOf: () => null, sessionStartedAt: () => null, devices: () => [],
      commands: { currentSessionId: () => null, hint: () => undefined, moreTime: () => undefined, endSession: () => undefined, setOutOfService: () => undefined, helpAnswered: () => undefined },
    });
    try {
      await link.start();
      await until(() => (hall.latest<KioskOnline>('K-TLS', 'online')?.online ? true : undefined), 'online over TLS');
      expect(link.state()).toBe('online');
      // The maintenance screen's hall check: the CLI's round trip, the running link's state and when the broker last answered.
      const shown = await hallDiagnostic({ kioskId: 'K-TLS', timeZone: 'Asia/Shanghai', settings: () => ok(settings(tlsPort)), check: checkHall, link: () => link });
      expect(shown).toMatchObject({ deviceId: 'hall', ok: true, summaryKey: 'staff.check.hallConnected' });
      expect(shown.lines[0]).toMatch(/^hall mqtts:\/\/127\.0\.0\.1:\d+: connected as K-TLS, round trip [\d.]+ ms$/);
      expect(shown.lines[1]).toMatch(/^link online, last contact \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    } finally {
      await link.stop();
      opened.value.close();
    }
    expect(link.state()).toBe('off');
  });
});
