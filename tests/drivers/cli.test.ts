import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../drivers/cli/run';
import type { CliIo } from '../../drivers/cli/io';
import { cardToCliJson } from '../../drivers/idcard/card-text';
import { loadSampleCard } from '../../drivers/idcard/sample-cards';
import { createPtyPair, type PtyPair } from '../helpers/pty';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = ['--import', 'tsx', 'drivers/cli.ts'];

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

async function ptys(): Promise<PtyPair> {
  const pair = await createPtyPair();
  pairs.push(pair);
  return pair;
}

/** Runs `idcard simulate` on one end and `idcard read` on the other. */
async function simulateAndRead(card: string, readArgs: string[] = []): Promise<{ read: Done; sim: Done }> {
  const pair = await ptys();
  const sim = start(['idcard', 'simulate', '--port', pair.a, '--card', card]);
  await waitFor(() => sim.stderrSoFar().includes('simulating'));
  const read = await start(['idcard', 'read', '--port', pair.b, '--timeout-ms', '8000', ...readArgs]).done;
  sim.child.kill('SIGTERM');
  return { read, sim: await sim.done };
}

function expectedJson(name: string): unknown {
  const sample = loadSampleCard(name);
  if (!sample.ok) throw new Error(sample.error.message);
  return cardToCliJson(sample.value.card);
}

describe('device CLI end to end over a socat pty pair', () => {
  it('reads a resident, an hmt and a foreigner card as exactly one JSON object each', async () => {
    const names = ['resident-han', 'hmt-hong-kong', 'foreigner-2023', 'foreigner-2017'];
    const results = await Promise.all(names.map((name) => simulateAndRead(name)));
    results.forEach(({ read, sim }, i) => {
      const name = names[i]!;
      expect(read.code, read.stderr).toBe(0);
      const lines = read.stdout.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!)).toEqual(expectedJson(name));
      // No personal data on stderr.
      const card = expectedJson(name) as { name: string; idNumber: string };
      expect(read.stderr).not.toContain(card.name);
      expect(read.stderr).not.toContain(card.idNumber);
      expect(sim.stderr).not.toContain(card.idNumber);
      expect(sim.code).toBe(0);
    });
    expect((JSON.parse(results[0]!.read.stdout) as { type: string }).type).toBe('resident');
    expect((JSON.parse(results[1]!.read.stdout) as { type: string; passNumber: string }).passNumber).toBeTruthy();
    expect((JSON.parse(results[2]!.read.stdout) as { type: string }).type).toBe('foreigner');
  }, 40_000);

  it('a holder who moved: the JSON has the appended (current) address, and with --fingerprint says the card holds prints', async () => {
    const { read } = await simulateAndRead('resident-moved', ['--fingerprint']);
    expect(read.code, read.stderr).toBe(0);
    expect(JSON.parse(read.stdout.trim())).toEqual({ ...(expectedJson('resident-moved') as object), appendedAddress: '江苏省南京市玄武区珠江路88号2幢1101室', fingerprint: 'present' });
    expect(read.stderr).not.toContain('珠江路');
  }, 40_000);

  it('answers status and samid from the simulator, then exits 3 when no card comes in time', async () => {
    const pair = await ptys();
    const sim = start(['idcard', 'simulate', '--port', pair.a, '--card', 'resident-long-term']);
    await waitFor(() => sim.stderrSoFar().includes('simulating'));
    const [status, samid] = [
      await start(['idcard', 'status', '--port', pair.b]).done,
      await start(['idcard', 'samid', '--port', pair.b, '--json']).done,
    ];
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('操作成功');
    expect(status.stdout).toContain('success');
    expect(samid.code).toBe(0);
    expect(JSON.parse(samid.stdout)).toEqual({ samId: '05.01-20240101-0000012345-0123456789' });
    // First read takes the card; the reader halts it, so a second read sees none.
    expect((await start(['idcard', 'read', '--port', pair.b, '--timeout-ms', '5000']).done).code).toBe(0);
    const none = await start(['idcard', 'read', '--port', pair.b, '--timeout-ms', '700']).done;
    expect(none.code).toBe(3);
    expect(none.stdout).toBe('');
    sim.child.kill('SIGINT');
    expect((await sim.done).code).toBe(0);
  }, 30_000);

  it('exits 2 when the port is missing or nobody answers, and the simulator exits 2 when its port goes away', async () => {
    const missing = start(['idcard', 'read', '--port', '/dev/onedoor-missing', '--timeout-ms', '500']).done;
    const pair = await ptys();
    const silent = start(['idcard', 'status', '--port', pair.b, '--timeout-ms', '300']).done;
    const other = await ptys();
    const sim = start(['idcard', 'simulate', '--port', other.a, '--card', 'resident-han']);
    await waitFor(() => sim.stderrSoFar().includes('simulating'));
    await other.close();
    const [m, s, gone] = await Promise.all([missing, silent, sim.done]);
    expect(m.code).toBe(2);
    expect(m.stderr).toContain('notFound');
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('no answer');
    expect(gone.code).toBe(2);
  }, 30_000);

  it('exits 64 on bad usage from the real process', async () => {
    const results = await Promise.all([
      start(['idcard', 'read', '--timeout-ms', '100']).done,
      start(['idcard', 'simulate', '--port', '/tmp/x', '--card', 'nobody-at-all']).done,
      start(['frobnicate']).done,
    ]);
    for (const r of results) {
      expect(r.code).toBe(64);
      expect(r.stdout).toBe('');
    }
    expect(results[0]!.stderr).toContain('--port is required');
  }, 20_000);
});

describe('device CLI argument handling (in process)', () => {
  function io(): CliIo & { stdout: string[]; stderr: string[] } {
    const stdout: string[] = [];
    const stderr: string[] = [];
    return {
      stdout,
      stderr,
      out: (t) => stdout.push(t),
      err: (t) => stderr.push(t),
      stopRequested: () => new Promise(() => undefined),
    };
  }

  it('has --help at every level, on stdout, exit 0', async () => {
    for (const argv of [
      ['--help'],
      ['ports', '--help'],
      ['idcard', '--help'],
      ['idcard', 'status', '--help'],
      ['idcard', 'samid', '-h'],
      ['idcard', 'read', '--help'],
      ['idcard', 'simulate', '--help'],
    ]) {
      const tio = io();
      expect(await runCli(argv, tio)).toBe(0);
      expect(tio.stdout.join('')).toMatch(/Usage:/);
    }
  });

  it('exits 64 on bad usage with the help on stderr', async () => {
    const cases = [
      [],
      ['nope'],
      ['idcard'],
      ['idcard', 'fly'],
      ['idcard', 'read'],
      ['idcard', 'read', '--port'],
      ['idcard', 'read', '--port', 'p', '--timeout-ms', 'soon'],
      ['idcard', 'read', '--port', 'p', '--baud', '-5'],
      ['idcard', 'status', '--port', 'p', 'extra'],
      ['idcard', 'simulate', '--port', 'p'],
      ['ports', '--yaml'],
    ];
    for (const argv of cases) {
      const tio = io();
      expect(await runCli(argv, tio), argv.join(' ')).toBe(64);
      expect(tio.stdout).toEqual([]);
      expect(tio.stderr.join('')).toMatch(/Usage:/);
    }
  });

  it('lists ports as a table or JSON', async () => {
    const table = io();
    expect(await runCli(['ports'], table)).toBe(0);
    expect(table.stdout.join('\n')).toMatch(/KIND|No serial ports/);
    const json = io();
    expect(await runCli(['ports', '--json'], json)).toBe(0);
    expect(Array.isArray(JSON.parse(json.stdout.join('')))).toBe(true);
  });
});
