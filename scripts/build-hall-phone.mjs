#!/usr/bin/env node
// Builds the principal's phone page (hall/phone, 可视化代办) into
// dist/hall-phone with Vite: base `/p/` (the hall's phone listener serves it
// there, the API under /phone/api), then the face-detection models and WASM
// files beside it in face/ (served locally, never from a CDN).
// `npm run build:hall-phone` and `npm run hall` run it; `--out DIR` builds
// elsewhere (the e2e test builds its own copy, so a hall started by another
// test rebuilding dist/hall-phone cannot empty it under the test).
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { copyFaceAssets } from './prepare-face-assets.mjs';

const root = resolve(import.meta.dirname, '..');
const outFlag = process.argv.indexOf('--out');
const outDir = outFlag > 0 && process.argv[outFlag + 1] ? resolve(process.argv[outFlag + 1]) : resolve(root, 'dist/hall-phone');

await build({
  configFile: false,
  root: resolve(root, 'hall/phone'),
  base: '/p/',
  publicDir: false,
  logLevel: 'warn',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    // The face models' code is one large chunk, loaded by the worker only.
    chunkSizeWarningLimit: 4000,
    modulePreload: { polyfill: false },
  },
});
copyFaceAssets(outDir);
