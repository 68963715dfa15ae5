/**
 * Prints a PDF on the A4 queue and follows the job to its end: refuses
 * before submitting when the printer reports a problem, polls the job
 * (≈200 ms) until completed, aborted, cancelled or stopped, and cancels a
 * job that did not complete (or ran out of time) so it can never come out
 * later, after the citizen was told it failed. Once the job has ended, it is
 * purged from CUPS: the spool keeps no copy of the citizen's document.
 */
import type { CupsClient, CupsError, JobState } from './cups/cups-client';
import { conditionOf, type PrinterWarning } from './cups/printer-condition';
import { messageKeyOf, type PrintOutcome, type PrintProblem } from './print-outcome';

export interface A4PrinterOptions {
  queue: string;
  /** Job polling interval (default 200 ms). */
  pollIntervalMs?: number;
  /** Time a job may take from submission to completion (default 120 s). */
  jobTimeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface A4Printer {
  readonly queue: string;
  /** Prints `pdf`; the title goes to CUPS logs, so never put personal data in it. */
  print(pdf: Uint8Array, title: string): Promise<PrintOutcome>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Creates the A4 printer over a CUPS client. */
export function createA4Printer(cups: CupsClient, options: A4PrinterOptions): A4Printer {
  const { queue } = options;
  const pollMs = options.pollIntervalMs ?? 200;
  const jobTimeoutMs = options.jobTimeoutMs ?? 120_000;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;

  const notPrinted = (
    stage: 'beforeSubmit' | 'afterSubmit',
    problem: PrintProblem,
    warnings: PrinterWarning[],
    extra: { jobId?: number; jobState?: JobState | 'timeout' } = {},
  ): PrintOutcome => ({ kind: 'notPrinted', stage, problem, messageKey: messageKeyOf(problem), warnings, ...extra });

  /** After a failed job: the printer's own reason when it gives one, else the job's end state. */
  async function problemAfterJob(fallback: PrintProblem): Promise<{ problem: PrintProblem; warnings: PrinterWarning[] }> {
    const attrs = await cups.printerAttributes(queue);
    if (!attrs.ok) return { problem: cupsProblem(attrs.error) ?? fallback, warnings: [] };
    const condition = conditionOf(attrs.value);
    const hardware = condition.problems.find((p) => p !== 'queueStopped' && p !== 'notAccepting');
    return { problem: hardware ?? fallback, warnings: condition.warnings };
  }

  return {
    queue,
    async print(pdf, title) {
      const before = await cups.printerAttributes(queue);
      if (!before.ok) return notPrinted('beforeSubmit', cupsProblem(before.error) ?? 'submitFailed', []);
      const condition = conditionOf(before.value);
      if (condition.problems.length > 0) return notPrinted('beforeSubmit', condition.problems[0]!, condition.warnings);

      const submitted = await cups.submit(queue, pdf, title);
      if (!submitted.ok) return notPrinted('beforeSubmit', cupsProblem(submitted.error) ?? 'submitFailed', condition.warnings);
      const jobId = submitted.value;
      const outcome = await follow(jobId, condition.warnings);
      // Best effort: a purge that fails leaves the job to cupsd's own spool policy
      // (PreserveJobFiles No, scripts/cups/spool-policy.sh); the outcome stands either way.
      await cups.purge(queue, jobId);
      return outcome;
    },
  };

  /** Polls the job until it ends or runs out of time; cancels one that stopped or timed out. */
  async function follow(jobId: number, warningsBefore: PrinterWarning[]): Promise<PrintOutcome> {
    const deadline = now() + jobTimeoutMs;
    for (;;) {
      const job = await cups.jobAttributes(queue, jobId);
      if (job.ok) {
        const end = endOf(job.value.state, job.value.reasons);
        if (end === 'completed') {
          const after = await cups.printerAttributes(queue);
          const warnings = after.ok ? conditionOf(after.value).warnings : warningsBefore;
          return { kind: 'completed', jobId, warnings, messageKey: 'print.completed' };
        }
        if (end) {
          if (end === 'stopped') await cups.cancel(queue, jobId);
          const fallback: PrintProblem = end === 'aborted' ? 'jobAborted' : end === 'canceled' ? 'jobCancelled' : 'jobStopped';
          const { problem, warnings } = await problemAfterJob(fallback);
          return notPrinted('afterSubmit', problem, warnings, { jobId, jobState: job.value.state });
        }
      }
      if (now() >= deadline) {
        await cups.cancel(queue, jobId);
        const lastError = job.ok ? undefined : cupsProblem(job.error);
        const { problem, warnings } = lastError ? { problem: lastError, warnings: [] } : await problemAfterJob('timeout');
        return notPrinted('afterSubmit', problem, warnings, { jobId, jobState: 'timeout' });
      }
      await sleep(pollMs);
    }
  }
}

/** The end a job reached, if any: a stopped queue holds a job forever, so that counts as an end. */
function endOf(state: JobState, reasons: string[]): 'completed' | 'aborted' | 'canceled' | 'stopped' | undefined {
  switch (state) {
    case 'completed':
    case 'aborted':
    case 'canceled':
      return state;
    case 'processing-stopped':
    case 'pending-held':
      return 'stopped';
    case 'pending':
    case 'processing':
      return reasons.includes('printer-stopped') ? 'stopped' : undefined;
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}

function cupsProblem(error: CupsError): PrintProblem | undefined {
  switch (error.kind) {
    case 'cupsUnavailable':
      return 'cupsUnavailable';
    case 'queueMissing':
    case 'toolMissing':
      return 'queueMissing';
    case 'jobMissing':
    case 'cupsError':
      return undefined;
    default: {
      const unreachable: never = error;
      return unreachable;
    }
  }
}
