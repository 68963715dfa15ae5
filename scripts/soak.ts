/**
 * `npm run soak -- --sessions N`: drives N complete simulated sessions through
 * the browser host in Chromium (the mix in scripts/soak/sessions.ts), sweeps
 * for traces of each citizen after their session (host session, page, browser
 * storage, data folder, host log), samples the host's RSS and the renderer's JS heap, and at the end
 * reads the journal read-only: every session journaled exactly once. Prints a
 * summary, writes soak-results.json, exits non-zero on any error.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fakeCameraArgs, hostLogLines, inspectorUrl, launchChromium, removeDataDir, ROOT, startHostProcess } from '../tests/e2e/harness';
import { stillFaceVideo } from '../tests/e2e/fixtures/face-video';
import { openKiosk } from '../tests/e2e/ui-support';
import { linkThroughPage } from '../tests/e2e/host-link';
import { readJournal } from './soak/journal';
import { judgeMemory, MEMORY_GROWTH_LIMIT_PERCENT, memoryGrowth, processRssKb, rendererHeapKb, type MemoryFigure, type MemorySample } from './soak/memory';
import { parseSoakOptions } from './soak/options';
import { sweepDataDir } from './soak/at-rest';
import { connectHostHeap, heapGrowth, type HeapCensus } from './soak/host-heap';
import { waitForNoHostSession } from './soak/host-session';
import { sweepLog, sweepPage } from './soak/privacy';
import { ROTATION } from './soak/sessions';

const parsed = parseSoakOptions(process.argv.slice(2));
if ('error' in parsed) {
  console.error(parsed.error);
  process.exit(64);
}
const { options } = parsed;

if (!existsSync(join(ROOT, 'dist/renderer/index.html'))) spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
if (!existsSync(join(ROOT, 'dist/renderer/face/models/blazeface.json'))) spawnSync(process.execPath, [join(ROOT, 'scripts/prepare-face-assets.mjs')], { cwd: ROOT, stdio: 'inherit' });

const dataDir = mkdtempSync(join(tmpdir(), 'onedoor-soak-'));
const host = await startHostProcess({ dataDir, face: { challengeTimeoutSeconds: 5, testingSkipLiveness: true } }, { ownProcessGroup: true, inspect: options.heapCensus > 0 });
const pid = host.process.pid!;
const heap = options.heapCensus > 0 ? await connectHostHeap(inspectorUrl(host) ?? '(no inspector URL in the host output)') : undefined;
const allSecrets = [...new Map(ROTATION.map((k) => [k.secrets.idNumber, k.secrets])).values()];

// Every host log line, for the privacy sweep and the session ids the host saw.
const logLines = hostLogLines(host);
let hostExit: string | null = null;
host.process.once('exit', (code, signal) => (hostExit = `host exited (${code ?? signal}) during the soak`));

// Ctrl-C (or SIGTERM) stops the run after the session in progress, and the
// journal check and report still run for the sessions driven; a second signal
// aborts at once (the host is stopped, the report is lost).
let stopSignal: NodeJS.Signals | null = null;
let stopAt = 0;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    // A Ctrl-C reaches this process twice, from the terminal and relayed by tsx: one stop.
    if (stopSignal && Date.now() - stopAt < 2000) return;
    if (stopSignal) {
      console.error(`${signal} again: aborting without a report`);
      host.process.kill('SIGKILL');
      removeDataDir(dataDir);
      process.exit(130);
    }
    stopSignal = signal;
    stopAt = Date.now();
    console.error(`${signal}: stopping after the session in progress; the journal check and the report follow (${signal} again aborts)`);
  });
}

const browser = await launchChromium(fakeCameraArgs(stillFaceVideo()), { keepOnSignals: true });
const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
const pageErrors: string[] = [];
page.on('pageerror', (error) => pageErrors.push(error.message));
await linkThroughPage(page);
await openKiosk(page, host.url);
const cdp = await page.context().newCDPSession(page);

/** The first line of an error and the locator Playwright was waiting for. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const lines = error.message.split('\n');
  const waiting = lines.find((l) => /waiting for/.test(l));
  return waiting ? `${lines[0]} (${waiting.trim()})` : lines[0]!;
}

interface SessionResult {
  index: number;
  kind: string;
  ms: number;
  errors: string[];
  notes: string[];
}
const results: SessionResult[] = [];
const samples: MemorySample[] = [];
const started = Date.now();
const sample = async (session: number) => {
  samples.push({ session, atMs: Date.now() - started, hostRssKb: processRssKb(pid), rendererHeapUsedKb: await rendererHeapKb(cdp) });
  const s = samples.at(-1)!;
  console.log(`  memory after ${session} sessions: host RSS ${(s.hostRssKb / 1024).toFixed(1)} MB, renderer heap ${(s.rendererHeapUsedKb / 1024).toFixed(1)} MB`);
};

const censuses: HeapCensus[] = [];
const census = async (session: number) => {
  if (!heap) return;
  const c = await heap.census(session, allSecrets);
  censuses.push(c);
  console.log(`  host heap after ${session} sessions (${c.ms} ms): ${c.nodes} objects, ${c.idNumberObjects} holding a citizen's idNumber; live strings ${Object.entries(c.strings).map(([k, n]) => `${k} ${n}`).join(', ')}`);
};

await sample(0);
for (let i = 0; i < options.sessions; i++) {
  if (stopSignal) break;
  const kind = ROTATION[i % ROTATION.length]!;
  const errors: string[] = [];
  const t0 = Date.now();
  const logFrom = logLines.length;
  const pageErrorsFrom = pageErrors.length;
  const notes: string[] = [];
  let extra: Awaited<ReturnType<typeof kind.run>> = [];
  try {
    extra = await kind.run({ browser, page, url: host.url, note: (text) => notes.push(text) });
  } catch (error) {
    errors.push(`${kind.id}: ${describeError(error)}`);
    // Recover: reload the kiosk; the reloaded renderer ends any session the host still holds.
    await page.goto(host.url).catch(() => undefined);
    const startButton = page.getByTestId('start-button');
    if (await startButton.isVisible({ timeout: 5000 }).catch(() => false)) await startButton.click().catch(() => undefined);
    const cancelButton = page.getByTestId('cancel-button');
    await cancelButton.click({ timeout: 5000 }).catch(() => undefined);
    await page.getByTestId('attract-screen').waitFor({ timeout: 5000 }).catch(() => undefined);
  }
  // The sweep: the host holds no session, the long-lived page and any page the session opened are clean,
  // the data folder holds nothing of the citizen, then the host's log lines of this session.
  // Asked on the connection the host holds now: the long-lived page's, or that of the page the session opened.
  const held = await waitForNoHostSession(extra.at(-1) ?? page).catch((e: unknown) => `host session check failed: ${String(e)}`);
  if (held) errors.push(held);
  // A long-lived page that stepped aside (about:blank, see the idle kind) holds nothing to sweep.
  const sweepable = [page, ...extra].filter((p) => p.url() !== 'about:blank');
  for (const p of sweepable) errors.push(...(await sweepPage(p, kind.secrets).catch((e: unknown) => [`sweep failed: ${String(e)}`])));
  errors.push(...sweepDataDir(dataDir, kind.secrets));
  await new Promise((r) => setTimeout(r, 200)); // let the host's last lines of the session arrive
  errors.push(...sweepLog(logLines.slice(logFrom), kind.secrets));
  errors.push(...pageErrors.slice(pageErrorsFrom).map((m) => `page error: ${m}`));
  for (const p of extra) await p.close();
  if (page.url() === 'about:blank') await openKiosk(page, host.url).catch((e: unknown) => errors.push(`the long-lived page did not come back: ${String(e)}`));
  if (hostExit) errors.push(hostExit);
  results.push({ index: i + 1, kind: kind.id, ms: Date.now() - t0, errors, notes });
  console.log(`session ${String(i + 1).padStart(4)} ${kind.id.padEnd(14)} ${String(Date.now() - t0).padStart(6)} ms ${errors.length ? 'ERROR ' + errors.join('; ') : 'ok'}`);
  if (hostExit) break;
  if ((i + 1) % options.sampleEvery === 0 || i + 1 === options.warmup || i + 1 === options.sessions) await sample(i + 1);
  if (heap && ((i + 1) % options.heapCensus === 0 || i + 1 === options.warmup || i + 1 === options.sessions)) await census(i + 1);
}
// A stopped run still ends on a memory sample (and a census) of its last session.
if (samples.at(-1)!.session !== results.length) await sample(results.length);
if (heap && censuses.at(-1)?.session !== results.length) await census(results.length);
heap?.close();
const afterWarmup = censuses.filter((c) => c.session >= Math.max(options.warmup, 1));
const heapErrors = afterWarmup.length >= 2 ? heapGrowth(afterWarmup[0]!, afterWarmup.at(-1)!) : [];

// Whole-run log sweep: no ID number of any citizen, ever.
const logLeaks = allSecrets.flatMap((s) => sweepLog(logLines, { idNumber: s.idNumber }));
const sessionIds = new Set(logLines.flatMap((line) => [...line.matchAll(/"sessionId":"([^"]+)"/g)].map((m) => m[1]!)));

await browser.close();
await host.stop();
const journal = readJournal(join(dataDir, 'journal.sqlite'), sessionIds);
removeDataDir(dataDir);

const driven = results.length;
const failed = results.filter((r) => r.errors.length > 0);
const journalErrors: string[] = [];
if (journal.rows !== driven) journalErrors.push(`journal has ${journal.rows} transactions for ${driven} sessions driven`);
if (journal.open > 0) journalErrors.push(`${journal.open} transactions never ended`);
if (journal.missing.length) journalErrors.push(`sessions in the host log without a journal row: ${journal.missing.join(', ')}`);
if (journal.unexpected.length) journalErrors.push(`journal rows for sessions the host never logged: ${journal.unexpected.join(', ')}`);
const growth = memoryGrowth(samples, options.warmup);
const memoryVerdict = judgeMemory(growth);
const memoryErrors = memoryVerdict.judged ? memoryVerdict.errors : [];
const byKind = Object.fromEntries(
  ROTATION.map((k) => {
    const mine = results.filter((r) => r.kind === k.id);
    const ms = mine.map((r) => r.ms).sort((a, b) => a - b);
    return [k.id, { sessions: mine.length, errors: mine.filter((r) => r.errors.length).length, medianMs: ms[ms.length >> 1] ?? null }];
  }),
);

const summary = {
  sessions: driven,
  sessionsPlanned: options.sessions,
  stoppedBy: stopSignal,
  sessionsWithErrors: failed.length,
  errors: [...failed.flatMap((r) => r.errors.map((e) => `#${r.index} ${e}`)), ...logLeaks, ...journalErrors, ...memoryErrors, ...heapErrors],
  durationS: Math.round((Date.now() - started) / 1000),
  byKind,
  journal,
  memory: { warmupSessions: options.warmup, growth, judged: memoryVerdict.judged, samples },
  heapCensus: censuses,
  notes: Object.entries(results.flatMap((r) => r.notes).reduce<Record<string, number>>((acc, n) => ({ ...acc, [n]: (acc[n] ?? 0) + 1 }), {})).map(([n, count]) => `${n} ×${count}`),
  hostLogLines: logLines.length,
};
writeFileSync(resolve(ROOT, options.out), JSON.stringify(summary, null, 2) + '\n');

console.log(`\n${driven} sessions in ${summary.durationS} s: ${failed.length} with errors; ${summary.errors.length} errors in all.`);
if (stopSignal) console.log(`stopped by ${stopSignal} after ${driven} of ${options.sessions} sessions: the figures below are for the sessions driven`);
for (const [id, k] of Object.entries(byKind)) console.log(`  ${id.padEnd(14)} ${k.sessions} sessions, ${k.errors} with errors, median ${k.medianMs} ms`);
console.log(`journal: ${journal.rows} transactions (${journal.distinctSessions} sessions, ${journal.open} open) for ${driven} driven; outcomes ${JSON.stringify(journal.byOutcome)}; end reasons ${JSON.stringify(journal.byEndReason)}`);
if (growth) {
  const mb = (kb: number) => (kb / 1024).toFixed(1);
  const line = (f: MemoryFigure) => `${mb(f.first)} → ${mb(f.last)} MB (${f.endpointGrowthPercent} %; max ${mb(f.max)}), slope ${f.slopeKbPerSession} kB/session, fitted growth ${f.fittedGrowthPercent} % (limit ${MEMORY_GROWTH_LIMIT_PERCENT} %)`;
  console.log(`memory after warm-up (sessions ${growth.fromSession}→${growth.toSession}):\n  host RSS ${line(growth.hostRssKb)}\n  renderer heap ${line(growth.rendererHeapKb)}`);
  if (!memoryVerdict.judged) console.log(`  memory not judged: ${memoryVerdict.why}`);
}
if (afterWarmup.length >= 2) {
  const [first, last] = [afterWarmup[0]!, afterWarmup.at(-1)!];
  const counts = (c: HeapCensus) => `${c.idNumberObjects} objects holding an ID number, strings ${Object.values(c.strings).join('/')}`;
  console.log(`host heap census (sessions ${first.session}→${last.session}): ${counts(first)} → ${counts(last)}${heapErrors.length ? '' : ': no growth'}`);
}
if (summary.notes.length) console.log(`notes: ${summary.notes.join('; ')}`);
for (const error of summary.errors.slice(0, 30)) console.log(`  ERROR ${error}`);
console.log(`results written to ${options.out}`);
// 1: an error; 2: no error, but the run was stopped before its N sessions.
process.exit(summary.errors.length > 0 ? 1 : stopSignal ? 2 : 0);
