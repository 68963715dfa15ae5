/**
 * Runs a CUPS command-line tool (lp, ipptool, cancel) without a shell, with a
 * time limit and optional stdin. Never rejects: a missing binary or a
 * timeout comes back as a value.
 */
import { spawn } from 'node:child_process';

export interface CommandOutput {
  /** Exit code; `null` when the process was killed (timeout). */
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Set when the process could not start (e.g. ENOENT: tool not installed). */
  spawnError?: string;
}

export interface RunOptions {
  timeoutMs: number;
  input?: Uint8Array;
  env?: NodeJS.ProcessEnv;
}

/** Runs `command args…` and collects its output. */
export function runCommand(command: string, args: readonly string[], options: RunOptions): Promise<CommandOutput> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let settled = false;
    const finish = (out: CommandOutput): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(out);
    };
    const child = spawn(command, args, { env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => finish({ code: null, stdout, stderr, timedOut, spawnError: error.message }));
    child.on('close', (code) => finish({ code, stdout, stderr, timedOut }));
    child.stdin.on('error', () => undefined); // EPIPE when the tool exits before reading
    if (options.input) child.stdin.end(Buffer.from(options.input.buffer, options.input.byteOffset, options.input.byteLength));
    else child.stdin.end();
  });
}
