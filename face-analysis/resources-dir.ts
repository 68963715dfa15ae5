/**
 * The resources folder, by the same rule as drivers/resources-dir.ts
 * (ONEDOOR_RESOURCES_DIR, else the checkout's `resources/`): written out
 * here because the hall server uses this folder and may not import drivers/.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The resources folder, or a path inside it. */
export function resourcesPath(...parts: string[]): string {
  const base = process.env.ONEDOOR_RESOURCES_DIR ?? fileURLToPath(new URL('../resources/', import.meta.url));
  return join(base, ...parts);
}
