/**
 * A pair of connected pseudo-terminals made by socat, for exercising the real
 * `serialport` binding: bytes written to `a` come out of `b` and back.
 * `close()` kills socat, which closes both pty masters, so an open serial port
 * on either end sees EIO and reports a disconnect.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running socat pty pair. */
export interface PtyPair {
  /** Symlink to the first pty slave. */
  readonly a: string;
  /** Symlink to the second pty slave. */
  readonly b: string;
  readonly pid: number;
  /** Kills socat (SIGTERM, then SIGKILL) and removes the temp folder. Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts `socat -d -d pty,raw,echo=0,link=<dir>/a pty,raw,echo=0,link=<dir>/b` and waits for both links.
 * `dir` defaults to a fresh temp folder (removed by `close()`); pass the same `dir` again to
 * "replug" a pair at the same paths (then `close()` leaves the folder).
 */
export async function createPtyPair(options: { timeoutMs?: number; dir?: string } = {}): Promise<PtyPair> {
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'onedoor-pty-'));
  const a = join(dir, 'a');
  const b = join(dir, 'b');
  const child: ChildProcess = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => {
    stderr += text;
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });

  let closed = false;
  const close = async (): Promise<void> => {
    if (!closed) {
      closed = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
        await exited;
        clearTimeout(timer);
      }
      if (ownDir) rmSync(dir, { recursive: true, force: true });
      else for (const link of [a, b]) rmSync(link, { force: true });
    }
  };

  const deadline = Date.now() + (options.timeoutMs ?? 5000);
  // socat logs "starting data transfer loop" once both ptys are up.
  while (!(existsSync(a) && existsSync(b) && stderr.includes('starting data transfer loop'))) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      await close();
      throw new Error(`socat did not create the pty pair: ${stderr.trim() || 'no output'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { a, b, pid: child.pid ?? -1, close };
}
