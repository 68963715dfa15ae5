import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The renderer bundle: root `renderer/`, output `dist/renderer`, relative
 * base so it loads from file://, a custom protocol or the browser host alike.
 * Everything is local: no CDN, no web fonts.
 */

/**
 * The dev server needs an inline React Refresh preamble and its own HMR
 * socket, which the kiosk CSP forbids; drop the CSP meta in `vite serve`
 * only. Builds (and so the kiosk) always keep it.
 */
function devWithoutCsp(): Plugin {
  return {
    name: 'onedoor-dev-without-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[\s\S]*?\/>/, ''),
  };
}

export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  publicDir: false,
  plugins: [react(), devWithoutCsp()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    // Inline small assets as data: URIs (allowed by img-src); nothing is fetched from elsewhere.
    assetsInlineLimit: 8192,
    modulePreload: { polyfill: false },
  },
  server: { host: '127.0.0.1', strictPort: true },
  preview: { host: '127.0.0.1', strictPort: true },
});
