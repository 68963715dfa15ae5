#!/usr/bin/env node
/**
 * Face assets for the renderer, served locally (never from a hub or CDN):
 * copies human's detection models (blazeface, facemesh, iris, antispoof,
 * liveness) and tfjs-backend-wasm's .wasm files into dist/renderer/face/.
 * vite build empties dist/renderer, so run this after it ("postbuild"), or
 * use the exported Vite plugin `faceAssets()` in vite.config.ts.
 *
 *   node scripts/prepare-face-assets.mjs [--out DIR]   copy models and wasm
 *   node scripts/prepare-face-assets.mjs --references  re-cut resources/faces/*.jpg
 *                                                      (needs playwright-core, dev only)
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** Models the renderer's worker loads (the embedding model, faceres, stays in the host). */
export const RENDERER_MODELS = ['blazeface', 'facemesh', 'iris', 'antispoof', 'liveness'];

/** Copies models and wasm into `<outDir>/face/{models,wasm}`; returns the files written. */
export function copyFaceAssets(outDir = join(root, 'dist/renderer')) {
  const modelsSrc = join(root, 'node_modules/@vladmandic/human/models');
  const wasmSrc = join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
  const modelsOut = join(outDir, 'face/models');
  const wasmOut = join(outDir, 'face/wasm');
  mkdirSync(modelsOut, { recursive: true });
  mkdirSync(wasmOut, { recursive: true });
  const written = [];
  for (const name of RENDERER_MODELS) {
    const manifest = JSON.parse(readFileSync(join(modelsSrc, `${name}.json`), 'utf8'));
    const shards = manifest.weightsManifest.flatMap((group) => group.paths);
    for (const file of [`${name}.json`, ...shards]) {
      copyFileSync(join(modelsSrc, file), join(modelsOut, file));
      written.push(`face/models/${file}`);
    }
  }
  for (const file of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) {
    copyFileSync(join(wasmSrc, file), join(wasmOut, file));
    written.push(`face/wasm/${file}`);
  }
  return written;
}

/** Vite plugin: copies the face assets into the build output after each build. */
export function faceAssets() {
  let outDir = join(root, 'dist/renderer');
  return {
    name: 'onedoor-face-assets',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      copyFaceAssets(outDir);
    },
  };
}

function cutReferences() {
  const { jpegjs } = require('playwright-core/lib/utilsBundle');
  const facesDir = join(root, 'resources/faces');
  const sources = JSON.parse(readFileSync(join(facesDir, 'sources.json'), 'utf8'));
  const cache = new Map();
  for (const [citizen, { asset, box }] of Object.entries(sources.faces)) {
    if (!cache.has(asset)) cache.set(asset, jpegjs.decode(readFileSync(join(root, 'node_modules/@vladmandic/human/assets', asset)), { useTArray: true }));
    const img = cache.get(asset);
    const [bx, by, bw, bh] = box;
    const mx = Math.round(bw * sources.margin);
    const my = Math.round(bh * sources.margin);
    const x0 = Math.max(0, bx - mx);
    const y0 = Math.max(0, by - my);
    const w = Math.min(img.width, bx + bw + mx) - x0;
    const h = Math.min(img.height, by + bh + my) - y0;
    const data = Buffer.alloc(w * h * 4);
    for (let y = 0; y < h; y++) img.data.subarray(((y0 + y) * img.width + x0) * 4, ((y0 + y) * img.width + x0 + w) * 4).forEach((v, i) => (data[y * w * 4 + i] = v));
    const jpeg = jpegjs.encode({ width: w, height: h, data }, 92);
    writeFileSync(join(facesDir, `${citizen}.jpg`), jpeg.data);
    console.log(`resources/faces/${citizen}.jpg ${w}×${h} from ${asset}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--references')) cutReferences();
  else {
    const at = process.argv.indexOf('--out');
    const out = at > 0 ? resolve(process.argv[at + 1]) : join(root, 'dist/renderer');
    if (!existsSync(out)) mkdirSync(out, { recursive: true });
    const files = copyFaceAssets(out);
    console.log(`face assets: ${files.length} files into ${join(out, 'face')}`);
  }
}
