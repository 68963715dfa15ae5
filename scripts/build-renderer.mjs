#!/usr/bin/env node
// Builds the renderer into dist/renderer: the Vite bundle, then the voice
// prompts and the face-detection models and WASM files beside it (served
// locally, never from a CDN). `npm run build`, `npm start` and `npm test` use this.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { copyFaceAssets } from './prepare-face-assets.mjs';

const root = resolve(import.meta.dirname, '..');

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run([join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
run([join(root, 'scripts/build-voice.mjs')]);
copyFaceAssets(join(root, 'dist/renderer'));
