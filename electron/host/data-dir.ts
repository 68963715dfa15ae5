/** Resolves the kiosk's data folder (journal, documents, keys), creating it 0700. */
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { KioskConfig } from './config/schema';

/** `config.dataDir`, else `$ONEDOOR_DATA_DIR`, else `~/.onedoor`. */
export function resolveDataDir(config: KioskConfig): string {
  const dir = resolve(config.dataDir ?? process.env.ONEDOOR_DATA_DIR ?? join(homedir(), '.onedoor'));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}
