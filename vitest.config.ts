import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import HeavySpreadSequencer from './tests/e2e/sequencer';

/**
 * How many test files run at once. Vitest's own default is one fewer than the
 * cores, which on the 2-core CI machine is a single worker: the unit files
 * then run one after another while much of their time is spent waiting (CLI
 * child processes, socat ptys, SQLite, timers). `ONEDOOR_TEST_WORKERS`
 * overrides it (1 to run serially while chasing a suspected interaction).
 * docs/testing.md has the measurements.
 */
const fromEnv = (name: string): number | undefined => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : undefined;
};
const UNIT_WORKERS = fromEnv('ONEDOOR_TEST_WORKERS') ?? Math.max(2, availableParallelism() - 1);
/**
 * E2e files in parallel: each starts its own host process on a free port with
 * its own data folder, its own Chromium profile, its own socat ptys and HTTP
 * sandboxes on free ports (see docs/testing.md, "Why parallel e2e is safe").
 * Two by default: a file is a host, a Chromium and its face detection, which is
 * what two cores carry without the face checks' time limits running out.
 */
const E2E_WORKERS = fromEnv('ONEDOOR_E2E_WORKERS') ?? 2;

// A hall started by hand on this machine (~/.onedoor-hall) must not capture the kiosks the tests start: the
// kiosk's embedded default looks for its hall credentials there. Workers and the e2e hosts they spawn inherit
// this; tests that want a hall say so in their config.
process.env.ONEDOOR_HALL_DIR = process.env.ONEDOOR_TEST_HALL_DIR ?? '/nonexistent/onedoor-test-hall';

/**
 * Three projects: `node` (domain rules, drivers, host, contract, electron main with
 * vi.mock('electron')), `dom` (renderer components in jsdom) and `e2e`
 * (the browser host driven by playwright-core in Debian's Chromium).
 */
export default defineConfig({
  test: {
    // E2e files that start a hall take turns (tests/e2e/heavy-slot.ts); this spreads them among the light ones.
    sequence: { sequencer: HeavySpreadSequencer },
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          testTimeout: 20_000,
          maxWorkers: UNIT_WORKERS,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['tests/**/*.test.tsx'],
          setupFiles: ['tests/setup-dom.ts'],
          testTimeout: 20_000,
          maxWorkers: UNIT_WORKERS,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          // Once, before any e2e file: the renderer build is there and complete (the files share it, read-only).
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          maxWorkers: E2E_WORKERS,
          // After the unit projects when all run in one `vitest run`, never mixed with them.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
