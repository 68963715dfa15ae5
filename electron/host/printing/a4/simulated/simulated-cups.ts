/**
 * An in-memory CUPS with one queue and a printer behind it, implementing the
 * same `CupsClient` interface as the real `ipptool`/`lp` client. Jobs go
 * pending → processing → completed (or aborted, error policy abort-job) at
 * a printer's pace, and the printer reports `printer-state` and
 * `printer-state-reasons` from its tray, jam, door and cable. The real
 * `createA4Printer` and `createA4PrinterDevice` run unchanged on top of it,
 * so simulation exercises the real job-following and status code.
 */
import type { CupsClient, CupsError } from '../cups/cups-client';
import { err, ok, type Result } from '../../../../../domain/result';
import type { A4SimulatorControls, A4SimulatorState } from './a4-simulator-controls';
import { countPdfPages } from './pdf-pages';
import { createPrinterModel, paperOf, reasonsOf, type PrinterModelOptions } from './printer-model';
import { createSpooler, type SpoolerOptions } from './simulated-spooler';

export interface SimulatedCupsOptions extends PrinterModelOptions, SpoolerOptions {
  /** The one queue this CUPS has (default `onedoor-a4`); other names are "not found". */
  queue?: string;
}

/** The simulated CUPS: a `CupsClient`, the dock's controls, and `dispose` to stop its timers. */
export interface SimulatedCups extends CupsClient {
  readonly controls: A4SimulatorControls;
  dispose(): void;
}

const unavailable: CupsError = { kind: 'cupsUnavailable', message: 'cannot connect to CUPS' };
const missing: CupsError = { kind: 'queueMissing', message: 'queue not found' };

/** Creates a simulated CUPS with a healthy printer and a full tray (unless options say otherwise). */
export function createSimulatedCups(options: SimulatedCupsOptions = {}): SimulatedCups {
  const queueName = options.queue ?? 'onedoor-a4';
  const model = createPrinterModel(options);
  const listeners = new Set<() => void>();
  const changed = (): void => {
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch {
        // A listener's fault must not stop the printer.
      }
    }
  };
  const spooler = createSpooler(model, changed, options);

  /** The checks every IPP request goes through. */
  const reach = (queue: string): CupsError | undefined => {
    if (!model.cupsRunning) return unavailable;
    if (queue !== queueName) return missing;
    return undefined;
  };
  const queueState = (): A4SimulatorState['queueState'] =>
    model.queueStopped ? 'stopped' : spooler.active ? 'processing' : 'idle';
  const update = (mutate: () => void): void => {
    mutate();
    changed();
    spooler.kick();
  };

  const controls: A4SimulatorControls = {
    kind: 'a4Printer',
    get state() {
      const active = spooler.active;
      return {
        queue: queueName,
        sheets: model.sheets,
        capacity: model.capacity,
        paper: paperOf(model),
        jammed: model.jammed,
        doorOpen: model.doorOpen,
        online: !model.offline,
        tonerLow: model.tonerLow,
        cupsRunning: model.cupsRunning,
        queueState: queueState(),
        accepting: model.accepting,
        reasons: reasonsOf(model),
        ...(active ? { activeJob: { jobId: active.id, pages: active.pages, printedPages: active.printedPages } } : {}),
        completedJobs: spooler.completedCount,
      };
    },
    emptyPaper: () => update(() => (model.sheets = 0)),
    refillPaper: (sheets) =>
      update(() => (model.sheets = Math.max(0, Math.min(sheets ?? model.capacity, model.capacity)))),
    setPaperLow: (sheets) =>
      update(
        () =>
          (model.sheets = Math.max(1, Math.min(sheets ?? Math.floor(model.lowThreshold / 2), model.lowThreshold - 1))),
      ),
    jam: () => update(() => (model.jammed = true)),
    clearJam: () => update(() => (model.jammed = false)),
    openDoor: () => update(() => (model.doorOpen = true)),
    closeDoor: () => update(() => (model.doorOpen = false)),
    goOffline: () => update(() => (model.offline = true)),
    goOnline: () => update(() => (model.offline = false)),
    setTonerLow: (low) => update(() => (model.tonerLow = low)),
    setQueueStopped: (stopped) => update(() => (model.queueStopped = stopped)),
    setAccepting: (accepting) => update(() => (model.accepting = accepting)),
    setCupsRunning: (running) => update(() => (model.cupsRunning = running)),
    printed: () => spooler.printed(),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  return {
    controls,
    async printerAttributes(queue) {
      const failure = reach(queue);
      if (failure) return err(failure);
      const reasons = reasonsOf(model);
      return ok({ state: queueState(), reasons, message: reasons[0] ?? '', accepting: model.accepting });
    },
    async jobAttributes(queue, jobId) {
      const failure = reach(queue);
      if (failure) return err(failure);
      const job = spooler.job(jobId);
      if (!job) return err({ kind: 'jobMissing', message: 'job not found' });
      const held = job.state === 'pending' && model.queueStopped;
      return ok({ state: job.state, reasons: held ? ['printer-stopped'] : [...job.reasons] });
    },
    async submit(queue, pdf, title): Promise<Result<number, CupsError>> {
      const failure = reach(queue);
      if (failure) return err(failure);
      if (!model.accepting) return err({ kind: 'cupsError', message: 'server-error-not-accepting-jobs' });
      const pages = await countPdfPages(pdf);
      if (pages === undefined || pages === 0)
        return err({ kind: 'cupsError', message: 'client-error-document-format-not-supported' });
      return ok(spooler.submit(title, pdf.slice(), pages).id);
    },
    async cancel(queue, jobId) {
      const failure = reach(queue);
      if (failure) return err(failure);
      if (!spooler.job(jobId)) return err({ kind: 'jobMissing', message: 'job not found' });
      spooler.cancel(jobId); // an ended job: client-error-not-possible, which the real client also accepts
      return ok(undefined);
    },
    async purge(queue, jobId) {
      const failure = reach(queue);
      if (failure) return err(failure);
      if (!spooler.purge(jobId)) return err({ kind: 'jobMissing', message: 'job not found' });
      return ok(undefined);
    },
    dispose: () => spooler.dispose(),
  };
}
