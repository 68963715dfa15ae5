/**
 * Electron main entry (bundled to dist/electron/main/index.js, ESM).
 * All behaviour lives in kiosk-app.ts and the policy modules beside it.
 */
import { startKioskApp } from './kiosk-app';

startKioskApp(import.meta.dirname);
