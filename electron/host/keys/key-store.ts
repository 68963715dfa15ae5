/**
 * The key store: an owner-only folder outside the data folder that holds the
 * kiosk's keys (the outbox's AES key, the identity-hash key). Kept apart so a
 * copy of the data folder (a backup, an image of the disk's data partition)
 * carries no key: the encrypted outbox stays unreadable and the keyed hashes
 * cannot be reversed by trying birth dates. Errors never carry key material.
 */
import { chmodSync, copyFileSync, constants, existsSync, mkdirSync, statSync, unlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { err, ok, type Result } from '../../../domain/result';

export type KeyStoreError =
  | { kind: 'keyStoreInsideDataDir'; dir: string; dataDir: string }
  | { kind: 'keyStoreTooOpen'; dir: string; mode: string }
  | { kind: 'keyStoreUnusable'; dir: string; message: string };

export interface KeyStore {
  readonly dir: string;
  /** The path of the key file `name` in the store. */
  keyFile(name: string): string;
  /** Key files moved here from the data folder of an older kiosk (names only). */
  readonly moved: readonly string[];
}

/** The key files older kiosks kept in their data folder. */
export const LEGACY_KEY_FILES: readonly string[] = ['outbox.key', 'identity-hash.key'];

/**
 * `$ONEDOOR_KEY_DIR`, else a per-user folder apart from the data folder:
 * `$XDG_CONFIG_HOME/onedoor/keys` (default `~/.config/onedoor/keys`), or
 * `%LOCALAPPDATA%\OneDoor\keys` on Windows.
 */
export function defaultKeyStoreDir(inputs: { env: Readonly<Record<string, string | undefined>>; platform: NodeJS.Platform; home: string }): string {
  const { env, platform, home } = inputs;
  if (env.ONEDOOR_KEY_DIR) return env.ONEDOOR_KEY_DIR;
  if (platform === 'win32') return path.win32.join(env.LOCALAPPDATA ?? path.win32.join(home, 'AppData', 'Local'), 'OneDoor', 'keys');
  return path.posix.join(env.XDG_CONFIG_HOME ?? path.posix.join(home, '.config'), 'onedoor', 'keys');
}

/** The configured key store folder, else {@link defaultKeyStoreDir}. */
export function keyStoreDir(configured: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(configured ?? defaultKeyStoreDir({ env, platform: process.platform, home: homedir() }));
}

/**
 * Opens (creating, 0700) the key store at `dir` for the data folder `dataDir`:
 * refused inside the data folder or when others may read it. Moves key files
 * an older kiosk left in the data folder, once, so its outbox stays readable.
 */
export function openKeyStore(options: { dir: string; dataDir: string }): Result<KeyStore, KeyStoreError> {
  const dir = path.resolve(options.dir);
  const dataDir = path.resolve(options.dataDir);
  const relative = path.relative(dataDir, dir);
  if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) return err({ kind: 'keyStoreInsideDataDir', dir, dataDir });
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const mode = statSync(dir).mode & 0o777;
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) return err({ kind: 'keyStoreTooOpen', dir, mode: mode.toString(8) });
    const moved = LEGACY_KEY_FILES.filter((name) => moveLegacyKey(path.join(dataDir, name), path.join(dir, name)));
    return ok({ dir, keyFile: (name) => path.join(dir, name), moved });
  } catch (error) {
    return err({ kind: 'keyStoreUnusable', dir, message: error instanceof Error ? error.message : String(error) });
  }
}

/** Copies `from` to `to` (never over an existing key), owner-only, then removes `from`; true when it moved. */
function moveLegacyKey(from: string, to: string): boolean {
  if (!existsSync(from) || existsSync(to)) return false;
  // A copy, not a rename: the key store may be on another file system.
  copyFileSync(from, to, constants.COPYFILE_EXCL);
  chmodSync(to, 0o600);
  unlinkSync(from);
  return true;
}

/** A start-up message for `error`, naming the setting to change. */
export function describeKeyStoreError(error: KeyStoreError): string {
  switch (error.kind) {
    case 'keyStoreInsideDataDir':
      return `keyStore.dir: ${error.dir} is inside the data folder ${error.dataDir}; keys must live apart from the data they protect (set keyStore.dir or $ONEDOOR_KEY_DIR to a folder outside it)`;
    case 'keyStoreTooOpen':
      return `keyStore.dir: ${error.dir} may be read by others (mode ${error.mode}); make it the kiosk user's alone (chmod 700)`;
    case 'keyStoreUnusable':
      return `keyStore.dir: cannot use ${error.dir} (${error.message})`;
    default: {
      const never: never = error;
      return never;
    }
  }
}
