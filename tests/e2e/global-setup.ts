/**
 * Runs once before the e2e files, which then run in parallel: everything they
 * share read-only is made here, so no two files make it at once. Each file's
 * own state (host, data folder, ports, ptys, Chromium profile) stays its own.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureFaceAssets, ROOT } from './harness';

export default function setup(): void {
  if (!existsSync(join(ROOT, 'dist/renderer/index.html'))) throw new Error('Build the renderer first: node scripts/build-renderer.mjs (npm test does)');
  // The face models beside the build: copied here once, never by two files at the same time.
  ensureFaceAssets();
}
