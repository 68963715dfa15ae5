/**
 * The host's device CLI as installers run it (a child process): `a4 status`
 * and `a4 test` against a real CUPS queue with the onedoor-test backend
 * (root, cupsd; scripts/cups/setup-test-cups.sh), refusals with zh/en
 * messages, and delegation of the other kinds to the drivers' CLI.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_PAGE_RARE_CHARACTERS } from '../../../electron/host/printing';
import {
  canRunCups,
  pdfText,
  printedJobs,
  removeQueue,
  resetQueue,
  setBackendMode,
  setPrinterReasons,
  setUpQueue,
} from '../../helpers/cups';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const QUEUE = `onedoor-test-cli-${process.pid}`;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node --import tsx electron/host/device-cli.ts …args`. */
function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'electron/host/device-cli.ts', ...args],
      { cwd: ROOT, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('device CLI: usage and delegation', () => {
  it('lists a4 with the drivers kinds in --help, and hands idcard to the drivers CLI', async () => {
    const [help, idcard, missing] = await Promise.all([cli('--help'), cli('idcard', '--help'), cli()]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^ {2}a4 /m);
    expect(help.stdout).toMatch(/^ {2}idcard /m);
    expect(idcard).toMatchObject({ code: 0 });
    expect(idcard.stdout).toContain('Usage: idcard <command>');
    expect(missing.code).toBe(64);
  });

  it('answers bad a4 usage with 64 and the help', async () => {
    const [unknown, badQueue, badTimeout, help] = await Promise.all([
      cli('a4', 'print'),
      cli('a4', 'status', '--queue', 'no spaces'),
      cli('a4', 'test', '--timeout-ms', 'soon'),
      cli('a4', 'test', '--help'),
    ]);
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toContain('Usage: a4 <command>');
    expect(badQueue.code).toBe(64);
    expect(badTimeout.code).toBe(64);
    expect(help).toMatchObject({ code: 0 });
    expect(help.stdout).toContain('Usage: a4 test');
  });

  it('reports CUPS down with a zh/en message and exit 2, for status and test', async () => {
    const [status, test] = await Promise.all([
      cli('a4', 'status', '--server', '127.0.0.1:1', '--json'),
      cli('a4', 'test', '--server', '127.0.0.1:1'),
    ]);
    expect(status.code).toBe(2);
    expect(JSON.parse(status.stdout)).toMatchObject({
      queue: 'onedoor-a4',
      error: 'cupsUnavailable',
      problem: 'cupsUnavailable',
    });
    expect(test.code).toBe(2);
    expect(test.stderr).toContain('打印服务未运行');
    expect(test.stderr).toContain('The print service is not running');
  });
});

describe.skipIf(!canRunCups())('device CLI: a4 against a real CUPS queue', () => {
  beforeAll(() => {
    setUpQueue(QUEUE);
  }, 30_000);
  afterAll(() => removeQueue(QUEUE));
  beforeEach(() => resetQueue(QUEUE));

  it('a4 status --json: one object; paper low is a warning, paper out and a jam are not ready', async () => {
    const ok = await cli('a4', 'status', '--queue', QUEUE, '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({
      queue: QUEUE,
      server: 'localhost',
      state: 'idle',
      reasons: [],
      paper: 'ok',
      jammed: false,
      doorOpen: false,
      online: true,
      accepting: true,
      ready: true,
      problems: [],
      warnings: [],
    });
    setPrinterReasons(QUEUE, ['media-low-report']);
    const low = await cli('a4', 'status', '--queue', QUEUE, '--json');
    expect(low.code).toBe(0);
    expect(JSON.parse(low.stdout)).toMatchObject({ paper: 'low', ready: true, warnings: ['paperLow'] });
    // One reason at a time: the helper sends its list as a single keyword, which CUPS then reports as invalid.
    setPrinterReasons(QUEUE, ['media-empty-error']);
    const out = await cli('a4', 'status', '--queue', QUEUE, '--json');
    expect(out.code).toBe(2);
    expect(JSON.parse(out.stdout)).toMatchObject({
      paper: 'out',
      jammed: false,
      ready: false,
      reasons: ['media-empty-error'],
      problems: ['paperOut'],
    });
    setPrinterReasons(QUEUE, ['media-jam-error']);
    const jammed = await cli('a4', 'status', '--queue', QUEUE);
    expect(jammed.code).toBe(2);
    expect(jammed.stdout).toContain('jammed yes');
    expect(jammed.stdout).toContain('Paper is jammed in the printer');
  });

  it('a4 test prints the test page (rare characters, QR) and reports the completed job', async () => {
    const run = await cli('a4', 'test', '--queue', QUEUE, '--json');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { outcome: string; jobId: number };
    expect(result).toMatchObject({ queue: QUEUE, outcome: 'completed', messageKey: 'print.completed' });
    const pdf = printedJobs(QUEUE).get(result.jobId);
    expect(pdf?.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(pdf!)).toContain(TEST_PAGE_RARE_CHARACTERS);
  });

  it('a4 test refuses when the printer is out of paper: zh/en message, exit 2, nothing submitted', async () => {
    setPrinterReasons(QUEUE, ['media-empty-error']);
    const run = await cli('a4', 'test', '--queue', QUEUE);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('打印机缺纸');
    expect(run.stderr).toContain('The printer is out of paper');
    expect(printedJobs(QUEUE).size).toBe(0);
  });

  it('a4 test reports the truth when paper runs out during the job: aborted, exit 2', async () => {
    setBackendMode(QUEUE, 'paper-out');
    const run = await cli('a4', 'test', '--queue', QUEUE, '--json');
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({
      outcome: 'notPrinted',
      stage: 'afterSubmit',
      problem: 'paperOut',
      jobState: 'aborted',
    });
    expect(printedJobs(QUEUE).size).toBe(0);
  });

  it('a4 test refuses a jammed or offline printer', async () => {
    setPrinterReasons(QUEUE, ['media-jam-error']);
    const jammed = await cli('a4', 'test', '--queue', QUEUE);
    expect(jammed.code).toBe(2);
    expect(jammed.stderr).toContain('Paper is jammed');
    setPrinterReasons(QUEUE, ['offline-report']);
    const offline = await cli('a4', 'test', '--queue', QUEUE);
    expect(offline.code).toBe(2);
    expect(offline.stderr).toContain('The printer is offline');
  });

  it('a4 status on a queue that does not exist: exit 2, "no printer set up"', async () => {
    const run = await cli('a4', 'status', '--queue', `${QUEUE}-missing`);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No printer is set up');
  });
});
