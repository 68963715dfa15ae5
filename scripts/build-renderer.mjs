#!/usr/bin/env node
// Builds the renderer into dist/renderer: the Vite bundle, then the voice
// prompts and the face-detection models and WASM files beside it (served
// locally, never from a CDN). `npm run build`, `npm start` and `npm test` use this.
// Last, it records the build (scripts/renderer-build-state.mjs), which is how
// `npm start` knows dist/renderer is complete and current; it fails when an
// output the kiosk needs is missing.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { copyFaceAssets } from './prepare-face-assets.mjs';
import { recordBuild } from './renderer-build-state.mjs';

const root = resolve(import.meta.dirname, '..');

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run([join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
run([join(root, 'scripts/build-voice.mjs')]);
copyFaceAssets(join(root, 'dist/renderer'));
const missing = recordBuild(root);
if (missing.length > 0) {
  console.error(`The renderer build is incomplete; missing in dist/renderer:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
