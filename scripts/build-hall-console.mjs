#!/usr/bin/env node
// Builds the hall console (hall/console, a React app for hall staff) into
// dist/hall-console with Vite: root hall/console, base `/` (the hall server
// serves it at its root, the API under /api). `npm run build:hall` and the
// builds phase of `npm test` run it; the hall e2e tests serve its output.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');

await build({
  configFile: false,
  root: resolve(root, 'hall/console'),
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  plugins: [react()],
  build: {
    outDir: resolve(root, 'dist/hall-console'),
    emptyOutDir: true,
    sourcemap: true,
    // recharts makes one large chunk; the console is a desktop app on the hall's own network.
    chunkSizeWarningLimit: 2000,
    modulePreload: { polyfill: false },
  },
});
