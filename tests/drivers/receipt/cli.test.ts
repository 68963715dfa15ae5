import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../drivers/cli/io';
import { runReceipt } from '../../../drivers/cli/receipt';
import { TEST_RECEIPT_LINES, TEST_RECEIPT_QR } from '../../../drivers/receipt/templates/test-receipt';
import { createPtyPair, type PtyPair } from '../../helpers/pty';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Through drivers/cli.ts once `receipt` is registered there; until then through the receipt entry. */
const registered = readFileSync(`${ROOT}drivers/cli/run.ts`, 'utf8').includes("'receipt'");
const CLI = registered ? ['--import', 'tsx', 'drivers/cli.ts', 'receipt'] : ['--import', 'tsx', 'drivers/cli/receipt-main.ts'];

interface Done {
  code: number | null;
  stdout: string;
  stderr: string;
}

const children = new Set<ChildProcess>();
const pairs: PtyPair[] = [];
afterEach(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  children.clear();
  while (pairs.length) await pairs.pop()!.close();
});

function start(args: string[]): { child: ChildProcess; done: Promise<Done>; stderrSoFar: () => string } {
  const child = spawn(process.execPath, [...CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (t: string) => (stdout += t));
  child.stderr!.setEncoding('utf8').on('data', (t: string) => (stderr += t));
  const done = new Promise<Done>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, done, stderrSoFar: () => stderr };
}

async function waitFor(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function simulator(extra: string[] = []): Promise<{ pair: PtyPair; sim: ReturnType<typeof start> }> {
  const pair = await createPtyPair();
  pairs.push(pair);
  const sim = start(['simulate', '--port', pair.a, ...extra]);
  await waitFor(() => sim.stderrSoFar().includes('simulating'));
  return { pair, sim };
}

function memoryIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), stopRequested: () => new Promise(() => undefined) };
}

describe('receipt CLI', () => {
  it('in process: help, unknown commands and bad options are usage errors', async () => {
    const io = memoryIo();
    expect(await runReceipt(['--help'], io)).toBe(0);
    expect(io.stdout.join('')).toContain('status');
    expect(await runReceipt([], io)).toBe(64);
    expect(await runReceipt(['print'], io)).toBe(64);
    expect(await runReceipt(['status'], io)).toBe(64);
    expect(await runReceipt(['test', '--port', 'x', '--paper-width', '57'], io)).toBe(64);
    expect(await runReceipt(['simulate', '--port', 'x', '--paper', 'none'], io)).toBe(64);
    expect(await runReceipt(['status', '--port', '/dev/onedoor-missing-printer'], io)).toBe(2);
  });

  it('status --json and test against `receipt simulate` on a pty pair', async () => {
    const { pair, sim } = await simulator();
    const status = await start(['status', '--port', pair.b, '--json']).done;
    expect(status.code, status.stderr).toBe(0);
    const lines = status.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ online: true, paper: 'ok', coverOpen: false, error: false });
    const test = await start(['test', '--port', pair.b]).done;
    expect(test.code, test.stderr).toBe(0);
    await waitFor(() => sim.stderrSoFar().includes('-- cut --'));
    const log = sim.stderrSoFar();
    expect(log).toContain(TEST_RECEIPT_LINES.rare);
    expect(log).toContain(TEST_RECEIPT_LINES.chinese);
    expect(log).toContain(`[QR] ${TEST_RECEIPT_QR}`);
    sim.child.kill('SIGTERM');
    expect((await sim.done).code).toBe(0);
  }, 20_000);

  it('refuses with exit 2 and a Chinese and English message when out of paper or the cover is open', async () => {
    const [out, cover] = await Promise.all([simulator(['--paper', 'out']), simulator(['--cover', 'open'])]);
    // One client per port at a time: the serial port is locked while open.
    const [[outStatus, outTest], coverTest] = await Promise.all([
      (async () => [await start(['status', '--port', out.pair.b, '--json']).done, await start(['test', '--port', out.pair.b]).done])(),
      start(['test', '--port', cover.pair.b]).done,
    ]);
    if (!outStatus || !outTest) throw new Error('missing results');
    expect(outStatus.code).toBe(2);
    expect(JSON.parse(outStatus.stdout)).toMatchObject({ online: false, paper: 'out', coverOpen: false });
    expect(outTest.code).toBe(2);
    expect(outTest.stderr).toContain('缺纸');
    expect(outTest.stderr).toContain('out of paper');
    expect(coverTest.code).toBe(2);
    expect(coverTest.stderr).toContain('纸仓盖');
    expect(coverTest.stderr).toContain('cover is open');
    // Nothing was printed.
    expect(out.sim.stderrSoFar()).not.toContain('receipt received');
    expect(cover.sim.stderrSoFar()).not.toContain('receipt received');
  }, 20_000);

  it('exits 2 when nobody answers on the port', async () => {
    const pair = await createPtyPair();
    pairs.push(pair);
    const silent = await start(['status', '--port', pair.b, '--timeout-ms', '200']).done;
    expect(silent.code).toBe(2);
    expect(silent.stderr).toMatch(/noDevice|does not answer/);
  }, 20_000);
});
