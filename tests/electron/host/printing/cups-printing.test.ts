/**
 * Printing against a real CUPS with the onedoor-test backend: completed jobs,
 * paper out before and during a job, a jam, one reprint, CUPS down, and the
 * status device. Needs root, cupsd, ipptool (scripts/cups/setup-test-cups.sh).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDocumentService, createDocumentStore, createPdfRenderer, type DocumentService } from '../../../../electron/host/issued';
import { createA4Printer, createA4PrinterDevice, createCupsClient } from '../../../../electron/host/printing/a4';
import { createDocumentNumbers, createDocumentsRepo, openJournal, type Journal } from '../../../../electron/host/journal';
import {
  canRunCups,
  cupsSpoolFiles,
  cupsSpoolFilesOfJob,
  pdfText,
  printedJobs,
  removeQueue,
  resetQueue,
  setBackendMode,
  setPrinterReasons,
  setUpQueue,
} from '../../../helpers/cups';
import { BACKEND_NUMBER, certificate, certificateVars, certificateTemplate, RARE_NAME } from '../issued/fixtures';

const QUEUE = `onedoor-test-printing-${process.pid}`;
const renderer = createPdfRenderer();

describe.skipIf(!canRunCups())('printing through a real CUPS', () => {
  const cups = createCupsClient({ commandTimeoutMs: 5000 });
  let journal: Journal;
  let dir: string;
  let service: DocumentService;

  beforeAll(() => {
    setUpQueue(QUEUE);
  }, 30_000);
  afterAll(() => removeQueue(QUEUE));

  beforeEach(() => {
    resetQueue(QUEUE);
    dir = mkdtempSync(join(tmpdir(), 'onedoor-docs-'));
    const opened = openJournal(join(dir, 'journal.sqlite'));
    if (!opened.ok) throw new Error(opened.error.kind);
    journal = opened.value;
    service = createDocumentService({
      renderer,
      numbers: createDocumentNumbers(journal.db),
      documents: createDocumentsRepo(journal.db),
      store: createDocumentStore({ dir: join(dir, 'pdf') }),
      printer: createA4Printer(cups, { queue: QUEUE, pollIntervalMs: 200, jobTimeoutMs: 15_000 }),
      kioskId: 'T-01',
    });
  });
  afterEach(() => {
    journal.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints a certificate: the job completes and the backend receives the PDF with the rare-character name', async () => {
    const issued = await service.issue('s1', certificate());
    expect(issued.ok).toBe(true);
    if (!issued.ok) return;
    const printed = await service.print(issued.value.number);
    expect(printed).toMatchObject({ ok: true, value: { kind: 'completed', messageKey: 'print.completed' } });
    if (!printed.ok || printed.value.kind !== 'completed') return;
    const bytes = printedJobs(QUEUE).get(printed.value.jobId);
    expect(bytes).toBeDefined();
    expect(bytes!.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(bytes!);
    expect(text).toContain(RARE_NAME);
    expect(text).toContain('11010519491231002X');
    expect(text).toContain(BACKEND_NUMBER);
    expect(journal.db.prepare('SELECT print_outcome, print_job_id FROM documents WHERE number = ?').get(issued.value.number)).toEqual({
      print_outcome: 'completed',
      print_job_id: printed.value.jobId,
    });
  });

  it('leaves no copy of a printed certificate in the CUPS spool: no document, no record with the name or ID number', async () => {
    const issued = await service.issue('s1', certificate());
    if (!issued.ok) throw new Error('render failed');
    const printed = await service.print(issued.value.number);
    if (!printed.ok || printed.value.kind !== 'completed') throw new Error(`not printed: ${JSON.stringify(printed)}`);
    const pdf = printedJobs(QUEUE).get(printed.value.jobId)!;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    expect(cupsSpoolFilesOfJob(printed.value.jobId)).toEqual([]);
    const spool = cupsSpoolFiles();
    expect(spool.filter((f) => f.bytes.equals(pdf)).map((f) => f.name)).toEqual([]);
    for (const secret of [RARE_NAME, '11010519491231002X']) {
      expect(spool.filter((f) => f.bytes.includes(Buffer.from(secret, 'utf8'))).map((f) => f.name)).toEqual([]);
    }
    // CUPS no longer knows the job at all.
    expect(await cups.jobAttributes(QUEUE, printed.value.jobId)).toMatchObject({ ok: false, error: { kind: 'jobMissing' } });
  });

  it('keeps no document of a job the kiosk did not purge either (the spool policy of scripts/cups/spool-policy.sh)', async () => {
    const rendered = await renderer.render({ template: certificateTemplate, vars: { ...certificateVars(), number: 'WFZ2026-000099' } });
    if (!rendered.ok) throw new Error(rendered.error.kind);
    const pdf = Buffer.from(rendered.value.pdf);
    // Submitted and followed by hand, never purged: as if the kiosk had stopped right after submitting.
    const submitted = await cups.submit(QUEUE, pdf, 'OneDoor unpurged');
    if (!submitted.ok) throw new Error(submitted.error.kind);
    let state: string | undefined;
    for (let polls = 0; state !== 'completed' && polls < 100; polls++) {
      const job = await cups.jobAttributes(QUEUE, submitted.value);
      state = job.ok ? job.value.state : job.error.kind;
      if (state !== 'completed') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(state).toBe('completed');
    expect(printedJobs(QUEUE).get(submitted.value)?.equals(pdf)).toBe(true);
    expect(cupsSpoolFilesOfJob(submitted.value).filter((name) => name.startsWith('d'))).toEqual([]);
    expect(cupsSpoolFiles().filter((f) => f.bytes.equals(pdf)).map((f) => f.name)).toEqual([]);
  });

  it('refuses before submitting when the printer already reports paper out', async () => {
    setPrinterReasons(QUEUE, ['media-empty-error']);
    const issued = await service.issue('s1', certificate());
    if (!issued.ok) throw new Error('render failed');
    const printed = await service.print(issued.value.number);
    expect(printed).toMatchObject({ ok: true, value: { kind: 'notPrinted', stage: 'beforeSubmit', problem: 'paperOut', messageKey: 'print.paperOut' } });
    expect(printedJobs(QUEUE).size).toBe(0);
    expect(printed.ok && printed.value.jobId).toBeFalsy();
  });

  it('paper out mid-job: truthful outcome, one reprint of the same number, a second refused', async () => {
    setBackendMode(QUEUE, 'paper-out');
    const issued = await service.issue('s1', certificate());
    if (!issued.ok) throw new Error('render failed');
    const first = await service.print(issued.value.number);
    expect(first).toMatchObject({ ok: true, value: { kind: 'notPrinted', stage: 'afterSubmit', problem: 'paperOut', jobState: 'aborted' } });

    // Staff load paper; the citizen asks for the reprint.
    resetQueue(QUEUE);
    const again = await service.reprint(issued.value.number);
    expect(again).toMatchObject({ ok: true, value: { kind: 'completed' } });
    const jobs = [...printedJobs(QUEUE).values()];
    expect(jobs).toHaveLength(1);
    expect(pdfText(jobs[0]!)).toContain(issued.value.printedNumber);

    expect(await service.reprint(issued.value.number)).toEqual({ ok: false, error: { kind: 'reprintUsed', messageKey: 'print.reprintUsed' } });
    const row = journal.db.prepare('SELECT print_outcome, reprint_count, reprint_outcome FROM documents WHERE number = ?').get(issued.value.number);
    expect(row).toEqual({ print_outcome: 'paperOut', reprint_count: 1, reprint_outcome: 'completed' });
    expect((journal.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(1);
  });

  it('reports a jam that stops the queue, and cancels and purges the held job so it never prints later', async () => {
    setBackendMode(QUEUE, 'jam 4'); // exit 4: CUPS stops the queue, the job stays pending
    const issued = await service.issue('s1', certificate());
    if (!issued.ok) throw new Error('render failed');
    const printed = await service.print(issued.value.number);
    expect(printed).toMatchObject({ ok: true, value: { kind: 'notPrinted', stage: 'afterSubmit', problem: 'paperJam', messageKey: 'print.paperJam' } });
    if (!printed.ok || printed.value.kind !== 'notPrinted') return;
    // Gone from CUPS: a job that no longer exists cannot come out when the queue is enabled again.
    expect(await cups.jobAttributes(QUEUE, printed.value.jobId!)).toMatchObject({ ok: false, error: { kind: 'jobMissing' } });
    expect(cupsSpoolFilesOfJob(printed.value.jobId!)).toEqual([]);
  });

  it('the status device reports paper low, out and jammed from printer-state-reasons', async () => {
    const device = createA4PrinterDevice(cups, { queue: QUEUE, pollIntervalMs: 200 });
    const seen: string[] = [];
    device.on('statusChanged', (s) => seen.push(JSON.stringify(s)));
    expect(await device.refresh()).toEqual({ kind: 'online', media: 'present' });
    setPrinterReasons(QUEUE, ['media-low-report']);
    expect(await device.refresh()).toEqual({ kind: 'online', media: 'low' });
    setPrinterReasons(QUEUE, ['media-empty-error']);
    expect(await device.refresh()).toEqual({ kind: 'online', media: 'out' });
    setPrinterReasons(QUEUE, ['media-jam-error']);
    expect(await device.refresh()).toEqual({ kind: 'online', media: 'jammed' });
    setPrinterReasons(QUEUE, ['offline-report']);
    expect(await device.refresh()).toMatchObject({ kind: 'offline' });
    expect(seen).toHaveLength(5);
  });

  it('a completed job on low paper completes with a paperLow warning for staff', async () => {
    setBackendMode(QUEUE, 'low');
    const issued = await service.issue('s1', certificate());
    if (!issued.ok) throw new Error('render failed');
    const printed = await service.print(issued.value.number);
    expect(printed).toMatchObject({ ok: true, value: { kind: 'completed', warnings: ['paperLow'] } });
  });
});

describe.skipIf(!canRunCups())('CUPS not running', () => {
  it('gives a clear typed outcome and never submits', async () => {
    // Nothing listens on port 1: the same as a stopped cupsd, without stopping the shared one.
    const cups = createCupsClient({ server: 'localhost:1', commandTimeoutMs: 3000 });
    const printer = createA4Printer(cups, { queue: QUEUE, pollIntervalMs: 200, jobTimeoutMs: 3000 });
    const outcome = await printer.print(new Uint8Array([0x25, 0x50, 0x44, 0x46]), 'OneDoor test');
    expect(outcome).toEqual({ kind: 'notPrinted', stage: 'beforeSubmit', problem: 'cupsUnavailable', messageKey: 'print.cupsUnavailable', warnings: [] });
    const device = createA4PrinterDevice(cups, { queue: QUEUE });
    expect(await device.refresh()).toEqual({ kind: 'offline', message: 'CUPS is not running' });
  });
});
