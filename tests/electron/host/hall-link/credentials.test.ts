/**
 * Where the kiosk finds its hall: inline config, a credentials file, or the
 * file `npm run hall` wrote on this machine. A bad file never stops the
 * kiosk: it is a clear problem, and the link stays off.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KioskConfig } from '../../../../electron/host/config/schema';
import { createHost } from '../../../../electron/host/create-host';
import { describeHallSettingsProblem, resolveHallSettings } from '../../../../electron/host/hall-link/credentials';
import { createFakeDevices } from '../fake-devices';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'onedoor-hall-credentials-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const kioskFile = (kioskId: string, content: string) => {
  const folder = join(dir, 'broker', 'kiosks');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${kioskId}.json`);
  writeFileSync(file, content);
  chmodSync(file, 0o600);
  return file;
};
const env = () => ({ ONEDOOR_HALL_DIR: dir });
const credentials = { kioskId: 'K-1', url: 'mqtts://hall.local:8883', username: 'K-1', password: 's3cret-password', caPem: '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n' };

describe('the hall link settings', () => {
  it('no hall section and no file on this machine: no link, no problem', () => {
    expect(resolveHallSettings('K-1', undefined, { env: env() })).toEqual({ ok: true, value: null });
  });

  it("uses the hall's file for this kiosk on the same machine and names it", () => {
    const file = kioskFile('K-1', JSON.stringify(credentials));
    const resolved = resolveHallSettings('K-1', undefined, { env: env() });
    expect(resolved).toMatchObject({ ok: true, value: { url: 'mqtts://hall.local:8883', username: 'K-1', source: file, keepaliveSeconds: 10, statusIntervalSeconds: 10 } });
  });

  it('a malformed file is a clear problem naming the file and the field, without the password', () => {
    const file = kioskFile('K-1', JSON.stringify({ ...credentials, url: 'http://hall.local' }));
    const resolved = resolveHallSettings('K-1', undefined, { env: env() });
    expect(resolved.ok).toBe(false);
    if (resolved.ok) return;
    const text = describeHallSettingsProblem(resolved.error);
    expect(text).toContain(file);
    expect(text).toContain('url');
    expect(text).not.toContain('s3cret');
    kioskFile('K-1', '{ not json');
    expect(resolveHallSettings('K-1', undefined, { env: env() })).toMatchObject({ ok: false, error: { kind: 'malformed' } });
  });

  it("refuses another kiosk's credentials and TLS without a CA", () => {
    kioskFile('K-1', JSON.stringify({ ...credentials, kioskId: 'K-2' }));
    expect(resolveHallSettings('K-1', undefined, { env: env() })).toMatchObject({ ok: false, error: { kind: 'wrongKiosk', kioskId: 'K-2' } });
    expect(resolveHallSettings('K-1', { url: 'mqtts://hall.local:8883', username: 'K-1', password: 'p', statusIntervalSeconds: 10, keepaliveSeconds: 10 })).toMatchObject({ ok: false, error: { kind: 'noCa' } });
  });

  it('a real kiosk refuses a hall link without TLS in its config', () => {
    const parsed = KioskConfig.safeParse({ simulation: true, hall: { url: 'mqtt://127.0.0.1:1883' } });
    expect(parsed.success).toBe(true);
    const real = KioskConfig.safeParse({ simulation: false, hall: { url: 'mqtt://127.0.0.1:1883' } });
    expect(real.success).toBe(false);
    if (!real.success) expect(real.error.issues.some((i) => i.path.join('.') === 'hall.url')).toBe(true);
  });

  it('the kiosk still starts with a malformed credentials file, its link off', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{ "kioskId": 1 }');
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const host = createHost(KioskConfig.parse({ simulation: true, hall: { credentialsFile: file } }), { logger, devices: createFakeDevices([]), dataDir: join(dir, 'data'), keyDir: join(dir, 'keys') });
    await host.start();
    await host.stop();
    expect(lines.some((line) => line.includes('hall link off') && line.includes(file))).toBe(true);
  });
});
