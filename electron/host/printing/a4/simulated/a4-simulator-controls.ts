/**
 * What the device dock (and tests) can do to the simulated A4 printer: the
 * things a cleaner, a citizen or a failing printer do to a real one. Each
 * control changes what the simulated CUPS reports; the real job-following
 * and status code read it through the `CupsClient` interface.
 */
import type { PaperLevel } from './printer-model';

/** A completed job as the printer "printed" it. */
export interface PrintedJob {
  jobId: number;
  title: string;
  pages: number;
  pdf: Uint8Array;
  completedAt: Date;
}

/** A snapshot of the simulated printer for the dock and tests. */
export interface A4SimulatorState {
  queue: string;
  sheets: number;
  capacity: number;
  paper: PaperLevel;
  jammed: boolean;
  doorOpen: boolean;
  online: boolean;
  tonerLow: boolean;
  cupsRunning: boolean;
  queueState: 'idle' | 'processing' | 'stopped';
  accepting: boolean;
  /** `printer-state-reasons` as CUPS reports them now. */
  reasons: string[];
  /** The job being printed, if any. */
  activeJob?: { jobId: number; pages: number; printedPages: number };
  /** Jobs completed since start. */
  completedJobs: number;
}

/** The dock's handle on one simulated A4 printer. */
export interface A4SimulatorControls {
  /** Tells these controls apart from other device kinds' in a union. */
  readonly kind: 'a4Printer';
  readonly state: A4SimulatorState;
  /** Takes every sheet out of the tray: `media-empty-error`. */
  emptyPaper(): void;
  /** Fills the tray (default: to capacity). */
  refillPaper(sheets?: number): void;
  /** Leaves a few sheets (default: half the low threshold): `media-low-report`. */
  setPaperLow(sheets?: number): void;
  /** Paper jams now; a job being printed is aborted at its next page. */
  jam(): void;
  clearJam(): void;
  openDoor(): void;
  closeDoor(): void;
  /** Cable pulled / printer switched off: `offline-report`. */
  goOffline(): void;
  goOnline(): void;
  setTonerLow(low: boolean): void;
  /** `cupsdisable` / `cupsenable`: a stopped queue holds its jobs. */
  setQueueStopped(stopped: boolean): void;
  /** `cupsreject` / `cupsaccept`. */
  setAccepting(accepting: boolean): void;
  /** Stops or restarts the CUPS scheduler itself. */
  setCupsRunning(running: boolean): void;
  /** The last completed jobs, oldest first (PDFs kept in memory). */
  printed(): readonly PrintedJob[];
  /** Called after every change of state (a control, a job's progress). */
  onChange(listener: () => void): () => void;
}
