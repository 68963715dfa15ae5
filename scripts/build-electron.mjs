#!/usr/bin/env node
// Bundles the Electron side with esbuild into dist/electron/:
//   main/index.js                      ESM (package.json "main"; "type": "module")
//   preload/index.cjs                  CommonJS, self-contained: sandboxed preloads cannot be ESM
//                                      and may require nothing but 'electron'
//   host/utility-process-entry.cjs     CommonJS, the host inside Electron's utilityProcess
// Our own code is bundled; npm packages stay external (electron-builder ships
// node_modules, and native modules must be rebuilt for Electron, not inlined).
// Usage: node scripts/build-electron.mjs [--dev] (--dev: inline source maps, no minify)
import { build } from 'esbuild';
import { rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'dist/electron');
const dev = process.argv.includes('--dev');

/** Options every bundle shares. */
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: dev ? 'inline' : false,
  minify: false, // readable stack traces in the field; asar keeps it compact enough
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.ONEDOOR_BUNDLED': '"1"' },
};

// CommonJS has no import.meta: give the host's code a working one.
const importMetaShim = {
  banner: { js: "const __onedoorImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { ...common.define, 'import.meta.url': '__onedoorImportMetaUrl', 'import.meta.dirname': '__dirname', 'import.meta.filename': '__filename' },
};

rmSync(out, { recursive: true, force: true });

const bundles = [
  {
    ...common,
    entryPoints: [join(root, 'electron/main/index.ts')],
    outfile: join(out, 'main/index.js'),
    format: 'esm',
    packages: 'external',
  },
  {
    ...common,
    entryPoints: [join(root, 'electron/preload/index.ts')],
    outfile: join(out, 'preload/index.cjs'),
    format: 'cjs',
    platform: 'browser', // a sandboxed preload is a renderer with a tiny require()
    target: 'chrome130',
    external: ['electron'],
  },
  {
    ...common,
    ...importMetaShim,
    entryPoints: [join(root, 'electron/host/utility-process-entry.ts')],
    outfile: join(out, 'host/utility-process-entry.cjs'),
    format: 'cjs',
    packages: 'external',
  },
];

await Promise.all(bundles.map((options) => build(options)));
for (const options of bundles) {
  const size = statSync(options.outfile).size;
  console.log(`  ${relative(root, options.outfile).padEnd(48)} ${(size / 1024).toFixed(1)} kB`);
}
