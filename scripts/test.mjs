#!/usr/bin/env node
// `npm test`: system packages, lint, type checks, unit and component tests,
// the renderer and Electron builds, the Electron security scan, and the
// end-to-end tests in Debian's Chromium. Stops after the first phase with a
// failing step. Lint, the type check and the builds are one phase, run at the
// same time (each is one process on one core and none reads what another
// writes); docs/testing.md says what runs in parallel and why it is safe.
import { spawn, spawnSync } from 'node:child_process';
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

/**
 * Runs `chains` at the same time (the steps of one chain one after another,
 * a chain stopping at its first failure). Each step's output is kept and
 * printed whole when it ends, so parallel logs never interleave. Resolves to
 * the first failing status, or 0.
 */
async function together(chains) {
  const runStep = ({ title, cmd, args }) =>
    new Promise((done) => {
      const started = Date.now();
      const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } });
      const output = [];
      child.stdout.on('data', (chunk) => output.push(chunk));
      child.stderr.on('data', (chunk) => output.push(chunk));
      let finished = false;
      // A child that cannot start emits 'error' and then 'close': report it once.
      const finish = (status) => {
        if (finished) return;
        finished = true;
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        console.log(`\n▶ ${title}`);
        process.stdout.write(Buffer.concat(output));
        console.log(status === 0 ? `✔ ${title} (${seconds} s)` : `✖ ${title} failed (${seconds} s)`);
        done(status);
      };
      child.once('error', (error) => {
        output.push(Buffer.from(`${error.message}\n`));
        finish(1);
      });
      child.once('close', (code) => finish(code ?? 1));
    });
  const runChain = async (chain) => {
    for (const one of chain) {
      const status = await runStep(one);
      if (status !== 0) return status;
    }
    return 0;
  };
  const started = Date.now();
  console.log(`\n▶ At the same time: ${chains.map((chain) => chain.map((one) => one.title).join(' → ')).join(' ‖ ')}`);
  const statuses = await Promise.all(chains.map(runChain));
  console.log(`(together ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return statuses.find((status) => status !== 0) ?? 0;
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
// Lint ‖ type check ‖ builds: independent, each single-threaded, so on two cores they take about the longest one's time.
const builds = [{ title: 'Build the renderer (vite, voice prompts, face models)', cmd: process.execPath, args: ['scripts/build-renderer.mjs'] }];
builds.push({ title: 'Build the hall console (vite)', cmd: process.execPath, args: ['scripts/build-hall-console.mjs'] });
builds.push({ title: 'Build the hall phone page (vite, face models)', cmd: process.execPath, args: ['scripts/build-hall-phone.mjs'] });
if (existsSync(join(root, 'scripts/build-electron.mjs'))) builds.push({ title: 'Build Electron main and preload (esbuild)', cmd: process.execPath, args: ['scripts/build-electron.mjs'] });
// After the Electron build: the scan also reads the bundles in dist/electron.
if (existsSync(join(root, 'scripts/check-electronegativity.mjs'))) builds.push({ title: 'Electron security scan (electronegativity)', cmd: process.execPath, args: ['scripts/check-electronegativity.mjs'] });
stopOnFailure(
  await together([
    [{ title: 'Lint (ESLint, architecture rules)', cmd: bin('eslint'), args: ['.', '--max-warnings=0'] }],
    [{ title: 'Type check (tsc, strict)', cmd: bin('tsc'), args: ['-p', 'tsconfig.json'] }],
    builds,
  ]),
);
// The unit and component files, then the e2e files, each with their worker count from vitest.config.ts.
vitest('Unit and component tests (vitest)', ['node', 'dom']);
vitest('End-to-end tests (playwright-core + Debian Chromium)', ['e2e']);
summary();
