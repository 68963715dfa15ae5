/**
 * Where the kiosk's resources (sample citizens, templates, faces, sandbox
 * data) live. Packaged apps ship them outside the asar and the Electron main
 * process passes the folder as ONEDOOR_RESOURCES_DIR; in a checkout they are
 * the repo's `resources/`.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The resources folder, or a path inside it. */
export function resourcesPath(...parts: string[]): string {
  const base = process.env.ONEDOOR_RESOURCES_DIR ?? fileURLToPath(new URL('../resources/', import.meta.url));
  return join(base, ...parts);
}
