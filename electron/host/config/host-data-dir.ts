/**
 * Where a host keeps its journal and documents, and (apart from them) its
 * keys. A host whose device layer is injected (tests, tools) and that names no
 * data folder anywhere (deps, config, $ONEDOOR_DATA_DIR) gets a throwaway
 * folder under the system's temp directory, with `data/` and `keys/` side by
 * side: such a host must never write into the station's ~/.onedoor or key
 * store. The folder goes when the host stops; folders of hosts never
 * stopped are swept by the next process that makes one, once their process
 * is gone (test workers are killed without an exit event).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KioskConfig } from './schema';
import { resolveDataDir } from '../data-dir';
import { keyStoreDir } from '../keys/key-store';
import { processIsAlive } from '../process-alive';

export interface HostDataDir {
  readonly dir: string;
  /** The key store's folder, outside `dir` (checked when the store opens). */
  readonly keyDir: string;
  /** Removes the folder when it is a throwaway one; otherwise nothing. */
  dispose(): void;
}

const PREFIX = 'onedoor-host-';
let swept = false;

/** Removes throwaway folders whose process has ended. */
function sweep(parent: string): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^onedoor-host-(\d+)-/.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !processIsAlive(pid)) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

/** Picks the data folder: `explicit`, else the config's, else a throwaway one for injected devices; and the key store beside it. */
export function hostDataDir(
  config: KioskConfig,
  options: { explicit?: string; explicitKeyDir?: string; devicesInjected: boolean; env?: NodeJS.ProcessEnv },
): HostDataDir {
  const env = options.env ?? process.env;
  const configuredKeys = options.explicitKeyDir ?? config.keyStore.dir ?? env.ONEDOOR_KEY_DIR;
  if (options.explicit) return { dir: options.explicit, keyDir: keyStoreDir(configuredKeys, env), dispose: () => undefined };
  if (options.devicesInjected && !config.dataDir && !env.ONEDOOR_DATA_DIR) {
    const parent = tmpdir();
    if (!swept) {
      swept = true;
      sweep(parent);
    }
    const root = mkdtempSync(join(parent, `${PREFIX}${process.pid}-`));
    const dir = join(root, 'data');
    mkdirSync(dir, { mode: 0o700 });
    return { dir, keyDir: configuredKeys ?? join(root, 'keys'), dispose: () => rmSync(root, { recursive: true, force: true }) };
  }
  return { dir: resolveDataDir(config), keyDir: keyStoreDir(configuredKeys, env), dispose: () => undefined };
}
