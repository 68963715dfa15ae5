/**
 * The simulated A4 printer's physical state (paper tray, jam, door, cable,
 * toner) and the queue's administrative state, plus what CUPS would report
 * for it: `printer-state-reasons` as an IPP Everywhere printer's backend
 * sets them (PWG 5100.9 keywords with their -error/-report suffixes).
 */

/** Paper in the tray, as staff see it. */
export type PaperLevel = 'ok' | 'low' | 'out';

/** Mutable state of one simulated printer and its queue. */
export interface PrinterModel {
  /** Sheets in the tray now. */
  sheets: number;
  /** Sheets a full tray holds (a refill without a count fills it). */
  capacity: number;
  /** "Paper low" while 0 < sheets < this. */
  lowThreshold: number;
  jammed: boolean;
  doorOpen: boolean;
  /** Cable pulled or printer switched off. */
  offline: boolean;
  tonerLow: boolean;
  /** `cupsdisable`: the queue holds its jobs. */
  queueStopped: boolean;
  /** `cupsreject` when false. */
  accepting: boolean;
  /** The CUPS scheduler itself; when false every request fails to connect. */
  cupsRunning: boolean;
}

/** Options for a fresh model; every field has a default. */
export interface PrinterModelOptions {
  /** Sheets in the tray at start (default: a full tray). */
  sheets?: number;
  /** Tray capacity (default 250, an office printer's standard cassette). */
  capacity?: number;
  /** Paper-low threshold (default 20 sheets). */
  lowThreshold?: number;
}

/** A healthy printer with the tray as configured. */
export function createPrinterModel(options: PrinterModelOptions = {}): PrinterModel {
  const capacity = options.capacity ?? 250;
  return {
    sheets: Math.max(0, Math.min(options.sheets ?? capacity, capacity)),
    capacity,
    lowThreshold: options.lowThreshold ?? 20,
    jammed: false,
    doorOpen: false,
    offline: false,
    tonerLow: false,
    queueStopped: false,
    accepting: true,
    cupsRunning: true,
  };
}

/** The tray's level. */
export function paperOf(model: PrinterModel): PaperLevel {
  if (model.sheets <= 0) return 'out';
  return model.sheets < model.lowThreshold ? 'low' : 'ok';
}

/** `printer-state-reasons` (without `none`) for the model, in a stable order. */
export function reasonsOf(model: PrinterModel): string[] {
  const reasons: string[] = [];
  if (model.offline) reasons.push('offline-report');
  if (model.doorOpen) reasons.push('door-open-error');
  if (model.jammed) reasons.push('media-jam-error');
  const paper = paperOf(model);
  if (paper === 'out') reasons.push('media-empty-error');
  if (paper === 'low') reasons.push('media-low-report');
  if (model.tonerLow) reasons.push('toner-low-report');
  if (model.queueStopped) reasons.push('paused');
  return reasons;
}

/** The reason a page cannot be printed now, if any (the backend's failure). */
export function blockingReasonOf(model: PrinterModel): string | undefined {
  if (model.offline) return 'offline-report';
  if (model.doorOpen) return 'door-open-error';
  if (model.jammed) return 'media-jam-error';
  if (model.sheets <= 0) return 'media-empty-error';
  return undefined;
}
