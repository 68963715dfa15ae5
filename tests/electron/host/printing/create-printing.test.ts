/**
 * The host's printing stack in simulated mode, end to end: a certificate and
 * a receipt are issued and printed through the simulated CUPS and the real
 * printing code, the journal keeps number/type/SHA-256/outcome, and the PDFs
 * go at session end unless the config keeps them.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KioskConfig, type KioskConfigInput } from '../../../../electron/host/config/schema';
import { openJournal, type Journal } from '../../../../electron/host/journal';
import { createLogger } from '../../../../electron/host/log/logger';
import { LIBRARY_TEMPLATES, maskIdNumber, maskName, type DocumentRequest } from '../../../../electron/host/issued';
import { createPrinting, type Printing } from '../../../../electron/host/printing';
import { pdfText } from '../../../helpers/cups';
import { BACKEND_NUMBER, certificate } from '../issued/fixtures';

let dataDir: string;
let printing: Printing | undefined;
// Opened as the host's composition root does, beside the documents folder.
let journal: Journal;

const open = (input: Partial<KioskConfigInput> = {}): Printing => {
  const config = KioskConfig.parse({ simulation: true, kioskId: 'T-01', ...input });
  printing = createPrinting({
    config,
    dataDir,
    journal,
    logger: createLogger('silent'),
    simulator: { msPerPage: 0, startDelayMs: 0 },
  });
  return printing;
};

const receipt: DocumentRequest = {
  kind: 'acceptanceReceipt',
  template: LIBRARY_TEMPLATES.acceptanceReceipt,
  vars: {
    serviceName: '居住证签注',
    maskedName: maskName('欧阳喆堃'),
    maskedIdNumber: maskIdNumber('11010519491231002X'),
    acceptedAt: '2026年11月29日 09:30',
    acceptedDate: '2026年11月29日',
    office: '湖滨派出所',
  },
};

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'onedoor-printing-'));
  const opened = openJournal(join(dataDir, 'journal.sqlite'));
  if (!opened.ok) throw new Error(opened.error.kind);
  journal = opened.value;
});
afterEach(async () => {
  await printing?.close();
  printing = undefined;
  journal.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('createPrinting (simulated A4 printer)', () => {
  it('issues and prints a certificate and a receipt; the journal keeps number, type, SHA-256 and outcome; PDFs go at session end', async () => {
    const p = open();
    expect(p.simulatorControls).toBeDefined();
    const issued = await p.documentService.issue('s1', certificate());
    const issuedReceipt = await p.documentService.issue('s1', receipt);
    if (!issued.ok || !issuedReceipt.ok) throw new Error('render failed');
    expect(issued.value.number).toMatch(/^WF\d{4}-T-01-000001$/);
    expect(issuedReceipt.value.number).toMatch(/^SL\d{4}-T-01-000001$/);

    const printed = await p.documentService.print(issued.value.number);
    const printedReceipt = await p.documentService.print(issuedReceipt.value.number);
    expect(printed).toMatchObject({ ok: true, value: { kind: 'completed', messageKey: 'print.completed' } });
    expect(printedReceipt).toMatchObject({ ok: true, value: { kind: 'completed' } });

    const jobs = p.simulatorControls!.printed();
    expect(jobs).toHaveLength(2);
    expect(createHash('sha256').update(jobs[0]!.pdf).digest('hex')).toBe(issued.value.sha256);
    // On paper: the certificate carries the back-end's number, the receipt the journal's.
    expect(pdfText(jobs[0]!.pdf)).toContain(`编号：${BACKEND_NUMBER}`);
    expect(pdfText(jobs[1]!.pdf)).toContain(`受理编号：${issuedReceipt.value.number}`);
    const row = journal.db
      .prepare('SELECT number, type, sha256, print_outcome, print_job_id FROM documents WHERE number = ?')
      .get(issued.value.number);
    expect(row).toEqual({
      number: issued.value.number,
      type: 'noCriminalRecord',
      sha256: issued.value.sha256,
      print_outcome: 'completed',
      print_job_id: jobs[0]!.jobId,
    });
    expect(
      journal.db
        .prepare('SELECT type, print_outcome FROM documents WHERE number = ?')
        .get(issuedReceipt.value.number),
    ).toEqual({ type: 'acceptanceReceipt', print_outcome: 'completed' });

    const pdfPath = join(dataDir, 'documents', 's1', `${issued.value.number}.pdf`);
    expect(existsSync(pdfPath)).toBe(true);
    await p.documentService.endSession('s1');
    expect(existsSync(pdfPath)).toBe(false);
    expect(existsSync(join(dataDir, 'journal.sqlite'))).toBe(true);
    // The row stays; the reprint is no longer possible.
    expect(await p.documentService.reprint(issued.value.number)).toMatchObject({
      ok: false,
      error: { kind: 'fileGone' },
    });
  });

  it('keeps the PDFs after the session when documents.keepDocuments is on', async () => {
    const p = open({ documents: { keepDocuments: true } });
    const issued = await p.documentService.issue('s2', certificate());
    if (!issued.ok) throw new Error('render failed');
    await p.documentService.endSession('s2');
    expect(existsSync(join(dataDir, 'documents', 's2', `${issued.value.number}.pdf`))).toBe(true);
  });

  it('paper out from the dock: the status device says out at once and the print is refused and recorded', async () => {
    const p = open();
    await p.a4Device!.start();
    expect(p.a4Device!.status).toEqual({ kind: 'online', media: 'present' });
    const statuses: unknown[] = [];
    p.a4Device!.on('statusChanged', (status) => statuses.push(status));
    p.simulatorControls!.emptyPaper();
    await expect.poll(() => p.a4Device!.status).toEqual({ kind: 'online', media: 'out' });
    const issued = await p.documentService.issue('s3', certificate());
    if (!issued.ok) throw new Error('render failed');
    expect(await p.documentService.print(issued.value.number)).toMatchObject({
      ok: true,
      value: { kind: 'notPrinted', stage: 'beforeSubmit', problem: 'paperOut' },
    });
    expect(
      journal.db.prepare('SELECT print_outcome FROM documents WHERE number = ?').get(issued.value.number),
    ).toEqual({ print_outcome: 'paperOut' });
    p.simulatorControls!.setPaperLow();
    await expect.poll(() => p.a4Device!.status).toEqual({ kind: 'online', media: 'low' });
    expect(statuses).toContainEqual({ kind: 'online', media: 'low' });
    await p.a4Device!.stop();
  });

  it('warms the renderer up in the background', async () => {
    const p = open();
    await expect(p.warmedUp).resolves.toBeUndefined();
  });

  it('with A4 printing disabled: no device, and prints are refused as "no printer set up"', async () => {
    const p = open({ printing: { a4: { enabled: false } } });
    expect(p.a4Device).toBeUndefined();
    expect(p.simulatorControls).toBeUndefined();
    const issued = await p.documentService.issue('s4', certificate());
    if (!issued.ok) throw new Error('render failed');
    expect(await p.documentService.print(issued.value.number)).toMatchObject({
      ok: true,
      value: { kind: 'notPrinted', problem: 'queueMissing' },
    });
  });

  it('in cups mode uses the real client (an unreachable server reads as offline)', async () => {
    const p = open({ printing: { a4: { mode: 'cups', cupsServer: '127.0.0.1:1' } } });
    expect(p.simulatorControls).toBeUndefined();
    expect(await p.a4Device!.refresh()).toMatchObject({ kind: 'offline' });
  });

  it('closing the stack leaves the journal to its opener', async () => {
    const p = open();
    await p.close();
    await p.close();
    expect(journal.db.open).toBe(true);
  });
});
