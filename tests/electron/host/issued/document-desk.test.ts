/**
 * The flows' A4 document desk over the documents module: a service's
 * DocumentRequest issued (the journal's number), printed, reprinted once;
 * printed only when the printer said so; the back-end's printed number
 * recorded beside the journal's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDocumentService, createDocumentStore, createPdfRenderer } from '../../../../electron/host/issued';
import { type A4Printer } from '../../../../electron/host/printing/a4';
import { createDocumentDesk, DOCUMENT_FAILED_KEY } from '../../../../electron/host/issued/document-desk';
import type { DocumentService } from '../../../../electron/host/issued/document-service';
import type { PrintOutcome } from '../../../../electron/host/printing/a4/print-outcome';
import { createBackendNumbers } from '../../../../electron/host/journal/backend-numbers';
import { createDocumentNumbers, createDocumentsRepo, openJournal, type Journal } from '../../../../electron/host/journal';
import { createAuditLog } from '../../../../electron/host/journal/transactions-audit';
import { pdfText } from '../../../helpers/cups';
import { BACKEND_NUMBER, certificate, RARE_NAME, SEAL_PNG } from './fixtures';

const logger = pino({ level: 'silent' });
let dir: string;
let journal: Journal;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'onedoor-desk-'));
  const opened = openJournal(join(dir, 'journal.sqlite'));
  if (!opened.ok) throw new Error(JSON.stringify(opened.error));
  journal = opened.value;
});
afterEach(() => {
  journal.close();
  rmSync(dir, { recursive: true, force: true });
});

const JOURNAL_NUMBER = 'WF2026-T-01-000001';
const completed: PrintOutcome = { kind: 'completed', jobId: 7, warnings: [], messageKey: 'print.completed' };
const paperOut: PrintOutcome = { kind: 'notPrinted', stage: 'beforeSubmit', problem: 'paperOut', messageKey: 'print.paperOut', warnings: [] };

function fakeDocuments(overrides: Partial<DocumentService> = {}): DocumentService {
  return {
    issue: vi.fn(async () => ({ ok: true as const, value: { number: JOURNAL_NUMBER, printedNumber: BACKEND_NUMBER, sha256: 'a'.repeat(64), pages: 1 } })),
    print: vi.fn(async () => ({ ok: true as const, value: completed })),
    reprint: vi.fn(async () => ({ ok: true as const, value: completed })),
    endSession: vi.fn(async () => {}),
    ...overrides,
  };
}

const audit = () => journal.db.prepare('SELECT action, session_id, subject, detail FROM audit_events ORDER BY id').all() as Array<{ action: string; session_id: string | null; subject: string; detail: string }>;

describe('document desk', () => {
  it('issues the request as the service built it, prints it, and records the back-end number beside the journal number', async () => {
    const documents = fakeDocuments();
    const backendNumbers = createBackendNumbers(journal.db);
    const desk = createDocumentDesk({ documents, backendNumbers, audit: createAuditLog(journal.db), logger });
    const request = certificate({}, { seal: { imagePng: SEAL_PNG } });
    expect(await desk.issueAndPrint('s1', request)).toEqual({ kind: 'printed', documentNumber: JOURNAL_NUMBER });
    expect(documents.issue).toHaveBeenCalledWith('s1', request);
    expect(documents.print).toHaveBeenCalledWith(JOURNAL_NUMBER);
    expect(backendNumbers.get(JOURNAL_NUMBER)).toBe(BACKEND_NUMBER);
    expect(audit().map((row) => [row.action, row.subject])).toEqual([
      ['document.issued', JOURNAL_NUMBER],
      ['document.print', JOURNAL_NUMBER],
    ]);
    // The audit trail names the document, never the person.
    expect(JSON.stringify(audit())).not.toContain(RARE_NAME);
  });

  it('a document printed with its own journal number records no back-end number', async () => {
    const documents = fakeDocuments();
    const backendNumbers = createBackendNumbers(journal.db);
    const desk = createDocumentDesk({ documents, backendNumbers, logger });
    const { printedNumber: _none, ...ownNumber } = certificate();
    expect(await desk.issueAndPrint('s1', ownNumber)).toEqual({ kind: 'printed', documentNumber: JOURNAL_NUMBER });
    expect(backendNumbers.get(JOURNAL_NUMBER)).toBeUndefined();
  });

  it('over the real documents module, the printed certificate shows the back-end number and the verification code, not the journal number', async () => {
    const printed: Uint8Array[] = [];
    const printer: A4Printer = {
      queue: 'fake',
      async print(pdf) {
        printed.push(pdf);
        return completed;
      },
    };
    const documents = createDocumentService({
      renderer: createPdfRenderer(),
      numbers: createDocumentNumbers(journal.db),
      documents: createDocumentsRepo(journal.db),
      store: createDocumentStore({ dir: join(dir, 'pdf') }),
      printer,
      kioskId: 'T-01',
      now: () => new Date('2026-11-29T02:00:00Z'),
    });
    const backendNumbers = createBackendNumbers(journal.db);
    const desk = createDocumentDesk({ documents, backendNumbers, logger });
    const outcome = await desk.issueAndPrint('s1', certificate({ verifyCode: 'V-1', verifyTarget: 'V-1' }));
    expect(outcome).toEqual({ kind: 'printed', documentNumber: JOURNAL_NUMBER });
    const text = pdfText(printed[0]!);
    expect(text).toContain(`编号：${BACKEND_NUMBER}`);
    expect(text).not.toContain(JOURNAL_NUMBER);
    expect(text).toContain('核验码：V-1');
    expect(backendNumbers.get(JOURNAL_NUMBER)).toBe(BACKEND_NUMBER);
  }, 20_000);

  it('paper out is notPrinted with the documents module’s key, reprintable; the reprint goes through reprint()', async () => {
    const documents = fakeDocuments({ print: vi.fn(async () => ({ ok: true as const, value: paperOut })) });
    const desk = createDocumentDesk({ documents, backendNumbers: createBackendNumbers(journal.db), logger });
    expect(await desk.issueAndPrint('s1', certificate())).toEqual({ kind: 'notPrinted', documentNumber: JOURNAL_NUMBER, messageKey: 'print.paperOut', reprintable: true });
    expect(await desk.reprint(JOURNAL_NUMBER)).toEqual({ kind: 'printed', documentNumber: JOURNAL_NUMBER });
    expect(documents.reprint).toHaveBeenCalledWith(JOURNAL_NUMBER);
  });

  it('a failed render is notPrinted without a number and voided in the audit trail; a refused request voids nothing; a used reprint is not reprintable', async () => {
    const documents = fakeDocuments({
      issue: vi
        .fn()
        .mockResolvedValueOnce({ ok: false as const, error: { kind: 'render' as const, number: 'WF-X', error: { kind: 'internal' as const, message: 'boom' } } })
        .mockResolvedValueOnce({ ok: false as const, error: { kind: 'request' as const, number: null, error: { kind: 'invalidKind' as const, message: 'bad kind' } } }),
      reprint: vi.fn(async () => ({ ok: false as const, error: { kind: 'reprintUsed' as const, messageKey: 'print.reprintUsed' as const } })),
    });
    const desk = createDocumentDesk({ documents, backendNumbers: createBackendNumbers(journal.db), audit: createAuditLog(journal.db), logger });
    const failed = { kind: 'notPrinted', documentNumber: null, messageKey: DOCUMENT_FAILED_KEY, reprintable: false };
    expect(await desk.issueAndPrint('s1', certificate())).toEqual(failed);
    expect(await desk.issueAndPrint('s1', certificate({}, { kind: 'no such kind!' }))).toEqual(failed);
    expect(documents.print).not.toHaveBeenCalled();
    expect(audit().map((row) => [row.action, row.subject])).toEqual([['document.voided', 'WF-X']]);
    expect(await desk.reprint('WF-1')).toEqual({ kind: 'notPrinted', documentNumber: 'WF-1', messageKey: 'print.reprintUsed', reprintable: false });
  });
});
