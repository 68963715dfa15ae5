/**
 * CUPS through its own command-line tools: `ipptool` (IPP Get-Printer-
 * Attributes, Get-Job-Attributes, Cancel-Job) and `lp` to submit. No print
 * dialog, no driver: the queue takes the PDF as it is.
 *
 * Every request names the same requesting user as the submission, so the
 * kiosk is its jobs' owner: CUPS's stock policy lets an owner cancel and
 * purge without authentication, and Debian's cupsd 2.4.2 crashes (SIGSEGV)
 * when a user name that has no account cancels someone else's job.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { err, ok, type Result } from '../../../../../domain/result';
import { ippStatusOf, parseIpptoolDisplay } from './ipp-attributes';
import { runCommand, type CommandOutput } from './run-command';

/** IPP job states (RFC 8011 §5.3.7). */
export type JobState = 'pending' | 'pending-held' | 'processing' | 'processing-stopped' | 'canceled' | 'aborted' | 'completed';

export interface PrinterAttributes {
  state: 'idle' | 'processing' | 'stopped';
  /** `printer-state-reasons` without `none`, e.g. `media-empty-error`. */
  reasons: string[];
  message: string;
  accepting: boolean;
}

export interface JobAttributes {
  state: JobState;
  reasons: string[];
}

/** Why CUPS could not answer. */
export type CupsError =
  | { kind: 'cupsUnavailable'; message: string }
  | { kind: 'queueMissing'; message: string }
  | { kind: 'jobMissing'; message: string }
  | { kind: 'toolMissing'; message: string }
  | { kind: 'cupsError'; message: string };

export interface CupsClientOptions {
  /** CUPS server `host[:port]` (default `localhost`, i.e. port 631). */
  server?: string;
  /** Limit for each command (default 5 s). */
  commandTimeoutMs?: number;
  /** Tool paths (default: found on PATH). */
  ipptool?: string;
  lp?: string;
  /** Requesting user for every request (default: the user this process runs as). */
  user?: string;
}

export interface CupsClient {
  printerAttributes(queue: string): Promise<Result<PrinterAttributes, CupsError>>;
  jobAttributes(queue: string, jobId: number): Promise<Result<JobAttributes, CupsError>>;
  /** Submits a PDF; resolves to the CUPS job id. */
  submit(queue: string, pdf: Uint8Array, title: string): Promise<Result<number, CupsError>>;
  cancel(queue: string, jobId: number): Promise<Result<void, CupsError>>;
  /**
   * Deletes the job's document and record from the CUPS spool (Cancel-Job with
   * purge-job; cancels it first if it has not ended). The kiosk calls it once a
   * job has ended, so no copy of a citizen's document outlives the print.
   */
  purge(queue: string, jobId: number): Promise<Result<void, CupsError>>;
}

const HEADER = `  GROUP operation-attributes-tag
  ATTR charset attributes-charset utf-8
  ATTR naturalLanguage attributes-natural-language en
  ATTR uri printer-uri $uri
  ATTR name requesting-user-name $user`;

const TESTS = {
  'printer.test': `{
  OPERATION Get-Printer-Attributes
${HEADER}
  ATTR keyword requested-attributes printer-state,printer-state-reasons,printer-state-message,printer-is-accepting-jobs
  STATUS successful-ok
  DISPLAY printer-state
  DISPLAY printer-state-reasons
  DISPLAY printer-state-message
  DISPLAY printer-is-accepting-jobs
}
`,
  'job.test': `{
  OPERATION Get-Job-Attributes
${HEADER}
  ATTR integer job-id $job_id
  ATTR keyword requested-attributes job-state,job-state-reasons
  STATUS successful-ok
  DISPLAY job-state
  DISPLAY job-state-reasons
}
`,
  'cancel.test': `{
  OPERATION Cancel-Job
${HEADER}
  ATTR integer job-id $job_id
  STATUS successful-ok
  STATUS client-error-not-possible
}
`,
  'purge.test': `{
  OPERATION Cancel-Job
${HEADER}
  ATTR integer job-id $job_id
  ATTR boolean purge-job true
  STATUS successful-ok
}
`,
} as const;

let testDir: string | undefined;

/** Writes the ipptool test files once per process. */
function testFile(name: keyof typeof TESTS): string {
  if (!testDir) {
    const dir = mkdtempSync(join(tmpdir(), 'onedoor-ipp-'));
    for (const [file, body] of Object.entries(TESTS)) writeFileSync(join(dir, file), body, { mode: 0o600 });
    testDir = dir;
  }
  return join(testDir, name);
}

const JOB_STATES: readonly JobState[] = ['pending', 'pending-held', 'processing', 'processing-stopped', 'canceled', 'aborted', 'completed'];

/** Classifies a failed tool run. */
export function classifyFailure(out: CommandOutput, what: 'printer' | 'job'): CupsError {
  const text = `${out.stdout}\n${out.stderr}`;
  if (out.spawnError) return { kind: 'toolMissing', message: out.spawnError };
  if (out.timedOut) return { kind: 'cupsUnavailable', message: 'CUPS did not answer in time' };
  if (/Unable to connect|Connection refused|Host is down|No such file or directory|Bad file descriptor|scheduler is not running/i.test(text)) {
    return { kind: 'cupsUnavailable', message: 'cannot connect to CUPS' };
  }
  const status = ippStatusOf(text);
  if (status === 'client-error-not-found' || /printer or class does not exist/i.test(text)) {
    return what === 'job' && status === 'client-error-not-found' && !/printer or class/i.test(text)
      ? { kind: 'jobMissing', message: 'job not found' }
      : { kind: 'queueMissing', message: 'queue not found' };
  }
  return { kind: 'cupsError', message: (status ?? text.trim().split('\n').pop() ?? 'unknown').slice(0, 200) };
}

/** Creates a client for one CUPS server. */
export function createCupsClient(options: CupsClientOptions = {}): CupsClient {
  const server = options.server ?? 'localhost';
  const timeoutMs = options.commandTimeoutMs ?? 5000;
  const ipptool = options.ipptool ?? 'ipptool';
  const lp = options.lp ?? 'lp';
  const user = options.user ?? processUser();
  const uri = (queue: string): string => `ipp://${server}/printers/${encodeURIComponent(queue)}`;
  const ipp = (test: keyof typeof TESTS, queue: string, vars: Record<string, string> = {}): Promise<CommandOutput> => {
    const defines = Object.entries({ ...vars, user }).flatMap(([k, v]) => ['-d', `${k}=${v}`]);
    const seconds = String(Math.max(1, Math.ceil(timeoutMs / 1000)));
    return runCommand(ipptool, ['-T', seconds, '-t', ...defines, uri(queue), testFile(test)], { timeoutMs });
  };

  return {
    async printerAttributes(queue) {
      const out = await ipp('printer.test', queue);
      if (out.code !== 0) return err(classifyFailure(out, 'printer'));
      const attrs = parseIpptoolDisplay(out.stdout);
      const state = attrs.get('printer-state')?.[0];
      if (state !== 'idle' && state !== 'processing' && state !== 'stopped') return err({ kind: 'cupsError', message: `unexpected printer-state ${state ?? '(none)'}` });
      return ok({
        state,
        reasons: (attrs.get('printer-state-reasons') ?? []).filter((r) => r !== 'none'),
        message: (attrs.get('printer-state-message') ?? []).join(','),
        accepting: attrs.get('printer-is-accepting-jobs')?.[0] === 'true',
      });
    },
    async jobAttributes(queue, jobId) {
      const out = await ipp('job.test', queue, { job_id: String(jobId) });
      if (out.code !== 0) return err(classifyFailure(out, 'job'));
      const attrs = parseIpptoolDisplay(out.stdout);
      const state = attrs.get('job-state')?.[0] as JobState | undefined;
      if (!state || !JOB_STATES.includes(state)) return err({ kind: 'cupsError', message: `unexpected job-state ${state ?? '(none)'}` });
      return ok({ state, reasons: (attrs.get('job-state-reasons') ?? []).filter((r) => r !== 'none') });
    },
    async submit(queue, pdf, title) {
      const out = await runCommand(lp, ['-h', server, '-U', user, '-d', queue, '-t', title, '-o', 'document-format=application/pdf'], { timeoutMs, input: pdf });
      if (out.code !== 0) return err(classifyFailure(out, 'printer'));
      const m = /request id is .*-(\d+) \(/.exec(out.stdout);
      if (!m) return err({ kind: 'cupsError', message: 'lp printed no job id' });
      return ok(Number(m[1]));
    },
    async cancel(queue, jobId) {
      const out = await ipp('cancel.test', queue, { job_id: String(jobId) });
      if (out.code !== 0) return err(classifyFailure(out, 'job'));
      return ok(undefined);
    },
    async purge(queue, jobId) {
      const out = await ipp('purge.test', queue, { job_id: String(jobId) });
      if (out.code !== 0) return err(classifyFailure(out, 'job'));
      return ok(undefined);
    },
  };
}

/** The account this process runs as: what `lp` would send on its own. */
function processUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'onedoor'; // a uid without a passwd entry
  }
}
