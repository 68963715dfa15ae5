/**
 * Keys live apart from the data they protect (issue 12, defect 7): the outbox
 * key and the identity-hash key sit in an owner-only key store outside the data
 * folder, so a copy of the data folder (a backup, a stolen disk image of it)
 * carries no key. Keys an older kiosk left in its data folder move over once.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KioskConfig } from '../../../../electron/host/config/schema';
import { createHost, type KioskHost } from '../../../../electron/host/create-host';
import { defaultKeyStoreDir, openKeyStore } from '../../../../electron/host/keys/key-store';
import { createFakeDevices } from '../fake-devices';

const posix = process.platform !== 'win32';
let root: string;
let host: KioskHost | undefined;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'onedoor-key-store-'));
});
afterEach(async () => {
  await host?.stop();
  host = undefined;
  rmSync(root, { recursive: true, force: true });
});

function startHost(dataDir: string, keyDir: string): KioskHost {
  host = createHost(KioskConfig.parse({ simulation: true, dataDir, keyStore: { dir: keyDir } }), { logger: pino({ level: 'silent' }), devices: createFakeDevices([]) });
  return host;
}

describe('the key store', () => {
  it('holds the outbox and identity-hash keys, owner-only; the data folder holds none', async () => {
    const data = join(root, 'data');
    const keys = join(root, 'keys');
    await startHost(data, keys).start();
    expect(readdirSync(data).filter((name) => name.endsWith('.key'))).toEqual([]);
    expect(readdirSync(keys).sort()).toEqual(['identity-hash.key', 'outbox.key']);
    if (posix) {
      expect(statSync(keys).mode & 0o777).toBe(0o700);
      for (const name of readdirSync(keys)) expect(statSync(join(keys, name)).mode & 0o777).toBe(0o600);
    }
  });

  it('refuses a key store inside the data folder, naming the setting', () => {
    const data = join(root, 'data');
    expect(() => startHost(data, join(data, 'keys'))).toThrow(/keyStore\.dir.*inside the data folder/);
    expect(() => startHost(data, data)).toThrow(/keyStore\.dir/);
  });

  it.runIf(posix)('refuses a key store others can read', () => {
    const keys = join(root, 'keys');
    mkdirSync(keys, { mode: 0o755 });
    chmodSync(keys, 0o755);
    const opened = openKeyStore({ dir: keys, dataDir: join(root, 'data') });
    expect(opened).toMatchObject({ ok: false, error: { kind: 'keyStoreTooOpen', dir: keys, mode: '755' } });
  });

  it('moves the keys an older kiosk kept in its data folder, so its outbox stays readable', async () => {
    const data = join(root, 'data');
    mkdirSync(data, { recursive: true, mode: 0o700 });
    const legacy = 'ab'.repeat(32);
    writeFileSync(join(data, 'outbox.key'), `${legacy}\n`, { mode: 0o600 });
    writeFileSync(join(data, 'identity-hash.key'), `${'cd'.repeat(32)}\n`, { mode: 0o600 });
    await startHost(data, join(root, 'keys')).start();
    expect(existsSync(join(data, 'outbox.key'))).toBe(false);
    expect(existsSync(join(data, 'identity-hash.key'))).toBe(false);
    expect(readFileSync(join(root, 'keys', 'outbox.key'), 'utf8').trim()).toBe(legacy);
    expect(readFileSync(join(root, 'keys', 'identity-hash.key'), 'utf8').trim()).toBe('cd'.repeat(32));
  });

  it('defaults to $ONEDOOR_KEY_DIR, else a per-user folder apart from ~/.onedoor', () => {
    expect(defaultKeyStoreDir({ env: { ONEDOOR_KEY_DIR: '/etc/onedoor/keys' }, platform: 'linux', home: '/home/kiosk' })).toBe('/etc/onedoor/keys');
    expect(defaultKeyStoreDir({ env: {}, platform: 'linux', home: '/home/kiosk' })).toBe('/home/kiosk/.config/onedoor/keys');
    expect(defaultKeyStoreDir({ env: { XDG_CONFIG_HOME: '/cfg' }, platform: 'linux', home: '/home/kiosk' })).toBe('/cfg/onedoor/keys');
    expect(defaultKeyStoreDir({ env: { LOCALAPPDATA: 'C:\\Users\\kiosk\\AppData\\Local' }, platform: 'win32', home: 'C:\\Users\\kiosk' })).toBe('C:\\Users\\kiosk\\AppData\\Local\\OneDoor\\keys');
  });
});
