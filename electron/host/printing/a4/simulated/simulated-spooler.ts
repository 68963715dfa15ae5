/**
 * The simulated printer's job engine: jobs wait in FIFO order, one is
 * printed at a time, page by page at an office laser printer's pace, and
 * each page takes a sheet. Error policy `abort-job`: a page that cannot be
 * printed (paper out, jam, door open, offline) aborts the job and the
 * printer keeps the reason; the queue itself stays enabled.
 */
import type { JobState } from '../cups/cups-client';
import type { PrintedJob } from './a4-simulator-controls';
import { blockingReasonOf, type PrinterModel } from './printer-model';

/** One job in the simulated queue. */
export interface SimulatedJob {
  id: number;
  title: string;
  pdf: Uint8Array;
  pages: number;
  printedPages: number;
  state: JobState;
  /** `job-state-reasons` without `none`. */
  reasons: string[];
}

export interface SpoolerOptions {
  /** Time per printed page (default 1000 ms). */
  msPerPage?: number;
  /** Time from submission until the first page starts (default: half a page). */
  startDelayMs?: number;
  /** Ended jobs whose state CUPS still answers for, like its job history (default 200). */
  jobHistory?: number;
  /** Completed jobs whose PDFs are kept (default 20). */
  keepPrinted?: number;
  /** First job id (default 1). */
  firstJobId?: number;
  now?: () => Date;
}

export interface Spooler {
  submit(title: string, pdf: Uint8Array, pages: number): SimulatedJob;
  job(id: number): SimulatedJob | undefined;
  /** Cancels a job that has not ended; false when it already had. */
  cancel(id: number): boolean;
  /** Cancels the job if it has not ended and forgets it (CUPS's purge-job); false when there is no such job. */
  purge(id: number): boolean;
  readonly active: SimulatedJob | undefined;
  readonly completedCount: number;
  printed(): readonly PrintedJob[];
  /** Starts the next job if the queue may run (after a control released it). */
  kick(): void;
  dispose(): void;
}

const ENDED: ReadonlySet<JobState> = new Set<JobState>(['completed', 'aborted', 'canceled']);

const NO_PDF = new Uint8Array(0);

/** Creates the engine over `model`; `changed` is called after every state change. */
export function createSpooler(model: PrinterModel, changed: () => void, options: SpoolerOptions = {}): Spooler {
  const msPerPage = options.msPerPage ?? 1000;
  const startDelayMs = options.startDelayMs ?? Math.round(msPerPage / 2);
  const keepPrinted = options.keepPrinted ?? 20;
  const jobHistory = options.jobHistory ?? 200;
  const now = options.now ?? (() => new Date());
  const jobs = new Map<number, SimulatedJob>();
  const waiting: SimulatedJob[] = [];
  const printed: PrintedJob[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let nextId = options.firstJobId ?? 1;
  let active: SimulatedJob | undefined;
  let completedCount = 0;
  let pumping = false;
  let disposed = false;

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timer.unref?.();
      timers.add(timer);
    });

  const end = (job: SimulatedJob, state: 'completed' | 'aborted' | 'canceled', reasons: string[]): void => {
    job.state = state;
    job.reasons = reasons;
    // An ended job keeps its state, not its document (a completed one's PDF is in the output tray, `printed`):
    // found by the 1000-session soak, where every certificate's PDF stayed in host memory for good.
    job.pdf = NO_PDF;
    if (active === job) active = undefined;
    forgetOldJobs();
    changed();
  };

  /** Keeps the job history bounded: the oldest ended jobs go first (a Map iterates in insertion order). */
  const forgetOldJobs = (): void => {
    for (const [id, old] of jobs) {
      if (jobs.size <= jobHistory) return;
      if (ENDED.has(old.state)) jobs.delete(id);
    }
  };

  async function printJob(job: SimulatedJob): Promise<void> {
    await sleep(startDelayMs);
    if (job.state !== 'pending' || disposed) return;
    job.state = 'processing';
    job.reasons = ['job-printing'];
    active = job;
    changed();
    while (job.printedPages < job.pages) {
      const blocked = blockingReasonOf(model);
      if (blocked) return end(job, 'aborted', ['aborted-by-system', blocked]);
      await sleep(msPerPage);
      if (job.state !== 'processing' || disposed) return;
      // A fault that came up while the sheet was going through stops it too.
      const midPage = blockingReasonOf(model);
      if (midPage) return end(job, 'aborted', ['aborted-by-system', midPage]);
      model.sheets -= 1;
      job.printedPages += 1;
      changed();
    }
    completedCount += 1;
    printed.push({ jobId: job.id, title: job.title, pages: job.pages, pdf: job.pdf, completedAt: now() });
    if (printed.length > keepPrinted) printed.splice(0, printed.length - keepPrinted);
    end(job, 'completed', ['job-completed-successfully']);
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (!disposed && !model.queueStopped) {
        const job = waiting.shift();
        if (!job) break;
        if (job.state === 'pending') await printJob(job);
      }
    } finally {
      pumping = false;
    }
  }

  return {
    submit(title, pdf, pages) {
      const job: SimulatedJob = {
        id: nextId++,
        title,
        pdf,
        pages,
        printedPages: 0,
        state: 'pending',
        reasons: ['job-incoming'],
      };
      jobs.set(job.id, job);
      waiting.push(job);
      changed();
      void pump();
      return job;
    },
    job: (id) => jobs.get(id),
    cancel(id) {
      const job = jobs.get(id);
      if (!job || ENDED.has(job.state)) return false;
      end(job, 'canceled', ['job-canceled-by-user']);
      return true;
    },
    purge(id) {
      const job = jobs.get(id);
      if (!job) return false;
      if (!ENDED.has(job.state)) end(job, 'canceled', ['job-canceled-by-user']);
      jobs.delete(id);
      changed();
      return true;
    },
    get active() {
      return active;
    },
    get completedCount() {
      return completedCount;
    },
    printed: () => [...printed],
    kick: () => void pump(),
    dispose() {
      disposed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
