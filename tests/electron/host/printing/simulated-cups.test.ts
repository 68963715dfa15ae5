/**
 * The simulated CUPS on its own and under the real createA4Printer /
 * createA4PrinterDevice: job life cycle, refusals before submitting, faults
 * mid-job (abort-job), paper low and refill, CUPS down.
 */
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { createA4Printer, createA4PrinterDevice } from '../../../../electron/host/printing/a4';
import {
  createSimulatedCups,
  type SimulatedCups,
  type SimulatedCupsOptions,
} from '../../../../electron/host/printing/a4/simulated';

const QUEUE = 'onedoor-a4';

async function pdfWithPages(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i += 1) doc.addPage([595, 842]).drawText(`page ${i + 1}`);
  return doc.save();
}

const waitFor = async (check: () => boolean, timeoutMs = 2000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
};

let sims: SimulatedCups[] = [];
const simulated = (options: SimulatedCupsOptions = {}): SimulatedCups => {
  const sim = createSimulatedCups({ msPerPage: 0, startDelayMs: 0, ...options });
  sims.push(sim);
  return sim;
};
const printerOn = (sim: SimulatedCups) => createA4Printer(sim, { queue: QUEUE, pollIntervalMs: 2, jobTimeoutMs: 2000 });

afterEach(() => {
  for (const sim of sims) sim.dispose();
  sims = [];
});

describe('simulated CUPS: the job life cycle', () => {
  it('does not hold every document it ever printed: ended jobs keep their state, not their PDF, and the history is bounded', async () => {
    const sim = simulated({ jobHistory: 5, keepPrinted: 2 });
    const pdf = await pdfWithPages(1);
    const ids: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const submitted = await sim.submit(QUEUE, pdf, `doc ${i}`);
      if (!submitted.ok) throw new Error(submitted.error.message);
      ids.push(submitted.value);
      await waitFor(() => sim.controls.state.completedJobs === i + 1);
    }
    // The latest job still answers with its end state (the job follower asks after completion).
    const last = await sim.jobAttributes(QUEUE, ids.at(-1)!);
    expect(last.ok && last.value.state).toBe('completed');
    // The oldest is forgotten, as CUPS forgets old job history.
    expect((await sim.jobAttributes(QUEUE, ids[0]!)).ok).toBe(false);
    // The output tray keeps only the last two sheets' PDFs.
    expect(sim.controls.printed()).toHaveLength(2);
  });

  it('takes a job through pending → processing → completed, one sheet per page, and keeps the PDF', async () => {
    const sim = simulated({ msPerPage: 15, startDelayMs: 5, sheets: 100 });
    const states: string[] = [];
    const pdf = await pdfWithPages(3);
    const submitted = await sim.submit(QUEUE, pdf, 'OneDoor test');
    expect(submitted.ok).toBe(true);
    if (!submitted.ok) return;
    const jobId = submitted.value;
    for (;;) {
      const job = await sim.jobAttributes(QUEUE, jobId);
      if (!job.ok) throw new Error(job.error.kind);
      if (states[states.length - 1] !== job.value.state) states.push(job.value.state);
      if (job.value.state === 'processing')
        expect((await sim.printerAttributes(QUEUE)).ok && sim.controls.state.queueState).toBe('processing');
      if (job.value.state === 'completed') break;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(states).toEqual(['pending', 'processing', 'completed']);
    expect(sim.controls.state).toMatchObject({ sheets: 97, queueState: 'idle', completedJobs: 1 });
    const printed = sim.controls.printed();
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatchObject({ jobId, title: 'OneDoor test', pages: 3 });
    expect(Buffer.from(printed[0]!.pdf).equals(Buffer.from(pdf))).toBe(true);
  });

  it('prints through the real createA4Printer: completed, with increasing job ids', async () => {
    const sim = simulated({ firstJobId: 41 });
    const printer = printerOn(sim);
    const first = await printer.print(await pdfWithPages(1), 'a');
    const second = await printer.print(await pdfWithPages(2), 'b');
    expect(first).toMatchObject({ kind: 'completed', jobId: 41, warnings: [] });
    expect(second).toMatchObject({ kind: 'completed', jobId: 42 });
  });

  it('refuses what is not a PDF, and answers "not found" for other queues and unknown jobs', async () => {
    const sim = simulated();
    expect(await sim.submit(QUEUE, new TextEncoder().encode('hello'), 'x')).toMatchObject({
      ok: false,
      error: { kind: 'cupsError' },
    });
    expect(await sim.printerAttributes('other')).toMatchObject({ ok: false, error: { kind: 'queueMissing' } });
    expect(await sim.jobAttributes(QUEUE, 999)).toMatchObject({ ok: false, error: { kind: 'jobMissing' } });
  });

  it('cancels a pending job', async () => {
    const sim = simulated({ startDelayMs: 200 });
    const submitted = await sim.submit(QUEUE, await pdfWithPages(1), 'x');
    if (!submitted.ok) throw new Error('submit failed');
    expect((await sim.cancel(QUEUE, submitted.value)).ok).toBe(true);
    expect(await sim.jobAttributes(QUEUE, submitted.value)).toMatchObject({ ok: true, value: { state: 'canceled' } });
    expect(sim.controls.printed()).toHaveLength(0);
  });

  it('purges a job like CUPS: a pending one never prints, and neither is known afterwards', async () => {
    const sim = simulated({ startDelayMs: 200 });
    const submitted = await sim.submit(QUEUE, await pdfWithPages(1), 'x');
    if (!submitted.ok) throw new Error('submit failed');
    expect((await sim.purge(QUEUE, submitted.value)).ok).toBe(true);
    expect(await sim.jobAttributes(QUEUE, submitted.value)).toMatchObject({ ok: false, error: { kind: 'jobMissing' } });
    expect(await sim.purge(QUEUE, submitted.value)).toMatchObject({ ok: false, error: { kind: 'jobMissing' } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sim.controls.printed()).toHaveLength(0);
  });
});

describe('simulated CUPS: paper', () => {
  it('refuses before submitting when the tray is empty (nothing reaches the printer)', async () => {
    const sim = simulated();
    sim.controls.emptyPaper();
    expect(await sim.printerAttributes(QUEUE)).toMatchObject({
      ok: true,
      value: { state: 'idle', reasons: ['media-empty-error'] },
    });
    const outcome = await printerOn(sim).print(await pdfWithPages(1), 'x');
    expect(outcome).toMatchObject({
      kind: 'notPrinted',
      stage: 'beforeSubmit',
      problem: 'paperOut',
      messageKey: 'print.paperOut',
    });
    expect(sim.controls.state.completedJobs).toBe(0);
  });

  it('aborts a job when paper runs out mid-job (abort-job) and reports paper out', async () => {
    const sim = simulated({ sheets: 2 });
    const outcome = await printerOn(sim).print(await pdfWithPages(3), 'x');
    expect(outcome).toMatchObject({
      kind: 'notPrinted',
      stage: 'afterSubmit',
      problem: 'paperOut',
      jobState: 'aborted',
    });
    expect(sim.controls.state).toMatchObject({
      sheets: 0,
      paper: 'out',
      queueState: 'idle',
      reasons: ['media-empty-error'],
    });
    expect(sim.controls.printed()).toHaveLength(0);
  });

  it('warns "paper low" below the threshold, on the status device and on a completed print, and a refill clears it', async () => {
    const sim = simulated({ sheets: 21, lowThreshold: 20 });
    const device = createA4PrinterDevice(sim, { queue: QUEUE });
    expect(await device.refresh()).toEqual({ kind: 'online', media: 'present' });
    const outcome = await printerOn(sim).print(await pdfWithPages(2), 'x');
    expect(outcome).toMatchObject({ kind: 'completed', warnings: ['paperLow'] });
    expect(await device.refresh()).toEqual({ kind: 'online', media: 'low' });
    sim.controls.refillPaper();
    expect(sim.controls.state).toMatchObject({ sheets: 250, paper: 'ok' });
    expect(await device.refresh()).toEqual({ kind: 'online', media: 'present' });
    sim.controls.setPaperLow();
    expect(sim.controls.state).toMatchObject({ sheets: 10, paper: 'low', reasons: ['media-low-report'] });
    sim.controls.refillPaper(50);
    expect(sim.controls.state.sheets).toBe(50);
  });

  it('refills after running out, and prints again', async () => {
    const sim = simulated();
    sim.controls.emptyPaper();
    const device = createA4PrinterDevice(sim, { queue: QUEUE });
    expect(await device.refresh()).toEqual({ kind: 'online', media: 'out' });
    sim.controls.refillPaper(30);
    expect(await device.refresh()).toEqual({ kind: 'online', media: 'present' });
    expect(await printerOn(sim).print(await pdfWithPages(1), 'x')).toMatchObject({ kind: 'completed' });
  });
});

describe('simulated CUPS: jam, door, offline, CUPS down', () => {
  it('a jam mid-job aborts the job as paperJam; the status device shows jammed until cleared', async () => {
    const sim = simulated({ msPerPage: 20 });
    const device = createA4PrinterDevice(sim, { queue: QUEUE });
    const printing = printerOn(sim).print(await pdfWithPages(5), 'x');
    await waitFor(() => (sim.controls.state.activeJob?.printedPages ?? 0) >= 1);
    sim.controls.jam();
    expect(await printing).toMatchObject({
      kind: 'notPrinted',
      stage: 'afterSubmit',
      problem: 'paperJam',
      jobState: 'aborted',
    });
    expect(await device.refresh()).toEqual({ kind: 'online', media: 'jammed' });
    expect(await printerOn(sim).print(await pdfWithPages(1), 'x')).toMatchObject({
      stage: 'beforeSubmit',
      problem: 'paperJam',
    });
    sim.controls.clearJam();
    expect(await device.refresh()).toEqual({ kind: 'online', media: 'present' });
  });

  it('an open door refuses printing as doorOpen and makes the device a user error', async () => {
    const sim = simulated();
    sim.controls.openDoor();
    const device = createA4PrinterDevice(sim, { queue: QUEUE });
    expect(await device.refresh()).toMatchObject({ kind: 'userError' });
    expect(await printerOn(sim).print(await pdfWithPages(1), 'x')).toMatchObject({
      stage: 'beforeSubmit',
      problem: 'doorOpen',
    });
    sim.controls.closeDoor();
    expect(await device.refresh()).toEqual({ kind: 'online', media: 'present' });
  });

  it('offline refuses printing as printerOffline; a printer going offline mid-job aborts it', async () => {
    const sim = simulated({ msPerPage: 20 });
    const device = createA4PrinterDevice(sim, { queue: QUEUE });
    const printing = printerOn(sim).print(await pdfWithPages(4), 'x');
    await waitFor(() => sim.controls.state.activeJob !== undefined);
    sim.controls.goOffline();
    expect(await printing).toMatchObject({ stage: 'afterSubmit', problem: 'printerOffline' });
    expect(await device.refresh()).toMatchObject({ kind: 'offline' });
    expect(await printerOn(sim).print(await pdfWithPages(1), 'x')).toMatchObject({
      stage: 'beforeSubmit',
      problem: 'printerOffline',
    });
    sim.controls.goOnline();
    expect(await printerOn(sim).print(await pdfWithPages(1), 'x')).toMatchObject({ kind: 'completed' });
  });

  it('toner low is a warning, not a problem', async () => {
    const sim = simulated();
    sim.controls.setTonerLow(true);
    expect(await printerOn(sim).print(await pdfWithPages(1), 'x')).toMatchObject({
      kind: 'completed',
      warnings: ['tonerLow'],
    });
  });

  it('a stopped queue holds the job; the printer cancels it as stopped', async () => {
    const sim = simulated();
    sim.controls.setQueueStopped(true);
    const submitted = await sim.submit(QUEUE, await pdfWithPages(1), 'x');
    if (!submitted.ok) throw new Error('submit failed');
    expect(await sim.jobAttributes(QUEUE, submitted.value)).toMatchObject({
      ok: true,
      value: { state: 'pending', reasons: ['printer-stopped'] },
    });
    expect(await printerOn(sim).print(await pdfWithPages(1), 'x')).toMatchObject({
      stage: 'beforeSubmit',
      problem: 'queueStopped',
    });
    sim.controls.setQueueStopped(false);
    await waitFor(() => sim.controls.state.completedJobs === 1);
  });

  it('CUPS down: every request fails to connect, the device goes offline, printing is refused', async () => {
    const sim = simulated();
    sim.controls.setCupsRunning(false);
    expect(await sim.printerAttributes(QUEUE)).toMatchObject({ ok: false, error: { kind: 'cupsUnavailable' } });
    expect(await createA4PrinterDevice(sim, { queue: QUEUE }).refresh()).toMatchObject({ kind: 'offline' });
    expect(await printerOn(sim).print(await pdfWithPages(1), 'x')).toMatchObject({
      stage: 'beforeSubmit',
      problem: 'cupsUnavailable',
    });
  });

  it('tells listeners about every change', async () => {
    const sim = simulated();
    let changes = 0;
    const off = sim.controls.onChange(() => (changes += 1));
    sim.controls.jam();
    sim.controls.clearJam();
    off();
    sim.controls.jam();
    expect(changes).toBe(2);
  });
});
