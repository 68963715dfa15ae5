/** Issue → store → print → reprint → session end, with a fake printer (no CUPS). */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDocumentService, createDocumentStore, createPdfRenderer, formatChineseDate, formatChineseDateTime, LIBRARY_TEMPLATES, maskIdNumber, maskName, type AcceptanceReceiptVars } from '../../../../electron/host/issued';
import { createReprintHold, REPRINT_HOLD_MS, type ReprintHold } from '../../../../electron/host/issued/reprint-hold';
import { type A4Printer, type PrintOutcome } from '../../../../electron/host/printing/a4';
import { createDocumentNumbers, createDocumentsRepo, openJournal, type Journal } from '../../../../electron/host/journal';
import { pdfText } from '../../../helpers/cups';
import { BACKEND_NUMBER, certificate, certificateTemplate } from './fixtures';

const renderer = createPdfRenderer();
let dir: string;
let journal: Journal;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'onedoor-service-'));
  const opened = openJournal(':memory:');
  if (!opened.ok) throw new Error('journal');
  journal = opened.value;
});
afterEach(() => {
  journal.close();
  rmSync(dir, { recursive: true, force: true });
});

function service(keepDocuments: boolean, outcomes: PrintOutcome[], hold?: ReprintHold) {
  const printed: string[] = [];
  const printer: A4Printer = {
    queue: 'fake',
    async print(_pdf, title) {
      printed.push(title);
      return outcomes.shift()!;
    },
  };
  const store = createDocumentStore({ dir, keepDocuments });
  const svc = createDocumentService({ renderer, numbers: createDocumentNumbers(journal.db), documents: createDocumentsRepo(journal.db), store, printer, kioskId: 'T-01', now: () => new Date(2026, 10, 29), ...(hold ? { reprintHold: { hold, skipKind: (kind: string) => kind === 'staff-test-page' } } : {}) });
  return { svc, printed };
}

const paperOut: PrintOutcome = { kind: 'notPrinted', stage: 'afterSubmit', problem: 'paperOut', messageKey: 'print.paperOut', jobId: 1, jobState: 'aborted', warnings: [] };
const completed: PrintOutcome = { kind: 'completed', jobId: 2, warnings: [], messageKey: 'print.completed' };
const documentRows = (): unknown[] => journal.db.prepare('SELECT number, type, status FROM documents ORDER BY number').all();
const storedText = (sessionId: string, number: string): string => pdfText(readFileSync(join(dir, sessionId, `${number}.pdf`)));

const receiptVars: AcceptanceReceiptVars = {
  serviceName: '居住证签注',
  maskedName: maskName('欧阳喆堃'),
  maskedIdNumber: maskIdNumber('11010519491231002X'),
  acceptedAt: formatChineseDateTime('2026-11-29T09:30')!,
  acceptedDate: formatChineseDate('2026-11-29')!,
  office: '湖滨派出所',
};

describe('document service', () => {
  it('numbers documents in sequence and voids a number whose render failed (never reused)', async () => {
    const { svc } = service(false, []);
    const a = await svc.issue('s1', certificate());
    const bad = await svc.issue('s1', certificate({ name: '张𪚥' }));
    const b = await svc.issue('s1', certificate());
    expect(a).toMatchObject({ ok: true, value: { number: 'WF2026-T-01-000001' } });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'render', number: 'WF2026-T-01-000002', error: { kind: 'missingGlyph', char: '𪚥' } } });
    expect(b).toMatchObject({ ok: true, value: { number: 'WF2026-T-01-000003' } });
    expect(journal.db.prepare("SELECT status FROM documents WHERE number = 'WF2026-T-01-000002'").get()).toEqual({ status: 'voided' });
  });

  it('prints the back-end\'s number, not the journal\'s, and returns both', async () => {
    const { svc } = service(false, []);
    const issued = await svc.issue('s1', certificate());
    expect(issued).toMatchObject({ ok: true, value: { number: 'WF2026-T-01-000001', printedNumber: BACKEND_NUMBER, pages: 1 } });
    const text = storedText('s1', 'WF2026-T-01-000001');
    expect(text).toContain(`编号：${BACKEND_NUMBER}`);
    expect(text).not.toContain('WF2026-T-01-000001');
    // The journal keys the document by its own number, under the request's kind.
    expect(documentRows()).toEqual([{ number: 'WF2026-T-01-000001', type: 'noCriminalRecord', status: 'rendered' }]);
  });

  it('prints the journal\'s number when the request brings none (a library receipt), and numbers a new kind in full', async () => {
    const { svc } = service(false, []);
    const receipt = await svc.issue('s1', { kind: 'acceptanceReceipt', template: LIBRARY_TEMPLATES.acceptanceReceipt, vars: receiptVars });
    expect(receipt).toMatchObject({ ok: true, value: { number: 'SL2026-T-01-000001', printedNumber: 'SL2026-T-01-000001' } });
    expect(storedText('s1', 'SL2026-T-01-000001')).toContain('受理编号：SL2026-T-01-000001');
    const other = await svc.issue('s1', { kind: 'residencePermit', template: LIBRARY_TEMPLATES.acceptanceReceipt, vars: receiptVars });
    expect(other).toMatchObject({ ok: true, value: { number: 'residencePermit-2026-T-01-000001' } });
  });

  it('refuses a template naming a seal image file, and a kind the journal cannot store, before allocating a number', async () => {
    const { svc } = service(false, []);
    const template = structuredClone(certificateTemplate) as unknown as { blocks: Array<Record<string, unknown>> };
    template.blocks.find((b) => b.kind === 'signature')!.seal = { image: 'seal/placeholder-seal.png', diameterMm: 42 };
    const refused = await svc.issue('s1', certificate({}, { template }));
    expect(refused).toMatchObject({ ok: false, error: { kind: 'request', number: null, error: { kind: 'template', message: expect.stringContaining('the seal is not an image file') } } });
    expect(await svc.issue('s1', certificate({}, { kind: 'no criminal record' }))).toMatchObject({ ok: false, error: { kind: 'request', number: null, error: { kind: 'invalidKind' } } });
    expect(documentRows()).toEqual([]);
    // The sequence did not move: the next certificate is still the first.
    expect(await svc.issue('s1', certificate())).toMatchObject({ ok: true, value: { number: 'WF2026-T-01-000001' } });
  });

  it('reprints the same bytes once, without logging personal data in the job title', async () => {
    const { svc, printed } = service(false, [paperOut, completed]);
    const issued = await svc.issue('s1', certificate());
    if (!issued.ok) throw new Error('issue');
    expect(await svc.print(issued.value.number)).toMatchObject({ ok: true, value: { problem: 'paperOut' } });
    expect(await svc.reprint(issued.value.number)).toMatchObject({ ok: true, value: { kind: 'completed' } });
    expect(await svc.reprint(issued.value.number)).toMatchObject({ ok: false, error: { kind: 'reprintUsed' } });
    expect(printed).toEqual([`OneDoor ${issued.value.number}`, `OneDoor ${issued.value.number} reprint`]);
  });

  it('deletes the session PDFs at session end, after which reprint is unavailable', async () => {
    const { svc } = service(false, [completed]);
    const issued = await svc.issue('s1', certificate());
    if (!issued.ok) throw new Error('issue');
    expect(readdirSync(join(dir, 's1'))).toEqual([`${issued.value.number}.pdf`]);
    await svc.endSession('s1');
    expect(existsSync(join(dir, 's1'))).toBe(false);
    expect(await svc.reprint(issued.value.number)).toEqual({ ok: false, error: { kind: 'fileGone', messageKey: 'print.reprintUnavailable' } });
  });

  it('with a reprint hold: the session\'s files are deleted, yet the last printed document reprints once (same bytes) within 10 minutes', async () => {
    let clock = new Date(2026, 10, 29, 9, 0).getTime();
    const hold = createReprintHold({ now: () => new Date(clock) });
    const bytes: Uint8Array[] = [];
    const store = createDocumentStore({ dir });
    const printer: A4Printer = { queue: 'fake', async print(pdf) { bytes.push(new Uint8Array(pdf)); return completed; } };
    const held = createDocumentService({ renderer, numbers: createDocumentNumbers(journal.db), documents: createDocumentsRepo(journal.db), store, printer, kioskId: 'T-01', now: () => new Date(clock), reprintHold: { hold } });
    const issued = await held.issue('s1', certificate());
    if (!issued.ok) throw new Error('issue');
    await held.print(issued.value.number);
    await held.endSession('s1');
    expect(existsSync(join(dir, 's1'))).toBe(false);
    clock += REPRINT_HOLD_MS - 1000;
    expect(await held.reprint(issued.value.number)).toMatchObject({ ok: true, value: { kind: 'completed' } });
    expect(Buffer.from(bytes[1]!).equals(Buffer.from(bytes[0]!))).toBe(true);
    // Used: wiped from memory, and the policy allows no second reprint anyway.
    expect(hold.heldNumber()).toBeNull();
    expect(await held.reprint(issued.value.number)).toMatchObject({ ok: false, error: { kind: 'fileGone' } });
  });

  it('with a reprint hold: past 10 minutes the held document is wiped and the reprint is refused as no longer kept', async () => {
    let clock = new Date(2026, 10, 29, 9, 0).getTime();
    const hold = createReprintHold({ now: () => new Date(clock) });
    const { svc } = service(false, [completed, completed], hold);
    const issued = await svc.issue('s1', certificate());
    if (!issued.ok) throw new Error('issue');
    await svc.print(issued.value.number);
    await svc.endSession('s1');
    clock += REPRINT_HOLD_MS;
    expect(await svc.reprint(issued.value.number)).toEqual({ ok: false, error: { kind: 'fileGone', messageKey: 'print.reprintUnavailable' } });
    expect(hold.heldNumber()).toBeNull();
  });

  it('with a reprint hold: only the last printed document is held, never one not printed or a staff test page, and a later one replaces it', async () => {
    const hold = createReprintHold();
    const { svc } = service(false, [completed, completed, completed], hold);
    const first = await svc.issue('s1', certificate());
    const notPrinted = await svc.issue('s1', certificate());
    if (!first.ok || !notPrinted.ok) throw new Error('issue');
    await svc.print(first.value.number);
    await svc.endSession('s1');
    expect(hold.heldNumber()).toBe(first.value.number);
    const test = await svc.issue('staff-test-1', { kind: 'staff-test-page', template: LIBRARY_TEMPLATES.acceptanceReceipt, vars: receiptVars });
    if (!test.ok) throw new Error('issue');
    await svc.print(test.value.number);
    await svc.endSession('staff-test-1');
    expect(hold.heldNumber()).toBe(first.value.number);
    const next = await svc.issue('s2', certificate());
    if (!next.ok) throw new Error('issue');
    await svc.print(next.value.number);
    await svc.endSession('s2');
    expect(hold.heldNumber()).toBe(next.value.number);
    expect(await svc.reprint(first.value.number)).toMatchObject({ ok: false, error: { kind: 'fileGone' } });
  });

  it('keeps the PDFs when configured to', async () => {
    const { svc } = service(true, []);
    await svc.issue('s1', certificate());
    await svc.endSession('s1');
    expect(readdirSync(join(dir, 's1'))).toHaveLength(1);
  });

  it('refuses unsafe session ids as file names', async () => {
    const store = createDocumentStore({ dir });
    expect(await store.save('../x', 'n', new Uint8Array(1))).toMatchObject({ ok: false, error: { kind: 'invalidName' } });
  });
});
