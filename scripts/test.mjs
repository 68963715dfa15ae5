#!/usr/bin/env node
// `npm test`: system packages, lint, type checks, unit and component tests,
// the renderer and Electron builds, the Electron security scan, and the
// end-to-end tests in Debian's Chromium. Stops at the first failing step.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureSystemPackages } from './system-deps.mjs';

const root = resolve(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules/.bin', name);
const reports = mkdtempSync(join(tmpdir(), 'onedoor-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

/** Runs one step; returns its exit status (0 = passed). */
function run(title, cmd, args) {
  const started = Date.now();
  console.log(`\n▶ ${title}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const status = result.status ?? 1;
  console.log(status === 0 ? `✔ ${title} (${seconds} s)` : `✖ ${title} failed (${seconds} s)`);
  return status;
}

function stopOnFailure(status) {
  if (status === 0) return;
  summary();
  process.exit(status);
}

function step(title, cmd, args) {
  stopOnFailure(run(title, cmd, args));
}

function vitest(title, projects) {
  const out = join(reports, `${projects.join('-')}.json`);
  const args = ['run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
  const status = run(title, bin('vitest'), args);
  count(out);
  stopOnFailure(status);
}

function count(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

function summary() {
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
}

console.log('▶ System packages');
if (!ensureSystemPackages()) process.exit(1);

if (typeof process.getuid === 'function' && process.getuid() === 0) {
  step('Start CUPS and the test print queue', 'sh', ['scripts/cups/setup-test-cups.sh']);
  process.env.ONEDOOR_REQUIRE_CUPS = '1';
} else {
  console.log('Not root: the real-CUPS printing tests need `sudo sh scripts/cups/setup-test-cups.sh` first.');
}
step('Lint (ESLint, architecture rules)', bin('eslint'), ['.', '--max-warnings=0']);
step('Type check (tsc, strict)', bin('tsc'), ['-p', 'tsconfig.json']);
vitest('Unit and component tests (vitest)', ['node', 'dom']);
step('Build the renderer (vite, voice prompts, face models)', process.execPath, ['scripts/build-renderer.mjs']);
if (existsSync(join(root, 'scripts/build-electron.mjs'))) step('Build Electron main and preload (esbuild)', process.execPath, ['scripts/build-electron.mjs']);
if (existsSync(join(root, 'scripts/check-electronegativity.mjs'))) step('Electron security scan (electronegativity)', process.execPath, ['scripts/check-electronegativity.mjs']);
vitest('End-to-end tests (playwright-core + Debian Chromium)', ['e2e']);
summary();
