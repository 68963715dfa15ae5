/** The host's adapters with fakes: certificates over the documents module, tickets over the receipt printer, queue numbers, availability, face → flow. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ManagedReceiptPrinter } from '../../../../drivers/manager/receipt-device';
import type { ServiceEntry } from '../../../../electron/contract';
import type { CallHandlers } from '../../../../electron/host/api/dispatch';
import { defaultConfig } from '../../../../electron/host/config/load';
import { createDocumentService, createDocumentStore, createPdfRenderer, type A4Printer } from '../../../../electron/host/documents';
import type { DocumentService } from '../../../../electron/host/documents/document-service';
import type { PrintOutcome } from '../../../../electron/host/documents/print/print-outcome';
import { createBackendNumbers, createJournalSandboxSequences } from '../../../../electron/host/integration/backend-numbers';
import { createDocumentCertificatePrinter, DOCUMENT_FAILED_KEY } from '../../../../electron/host/integration/certificate-printer';
import { withFaceToFlow } from '../../../../electron/host/integration/face-to-flow';
import { identityFromTyped } from '../../../../electron/host/session/identity';
import { catalogueAvailability } from '../../../../electron/host/integration/flow-availability';
import { createQueueNumbers, windowLetter } from '../../../../electron/host/integration/queue-numbers';
import { createReceiptTicketPrinter } from '../../../../electron/host/integration/ticket-printer';
import { createDocumentNumbers, createDocumentsRepo, openJournal, type Journal } from '../../../../electron/host/journal';
import type { CertificateRequest } from '../../../../electron/host/services/no-criminal-record';
import { pdfText } from '../../../helpers/cups';

const logger = pino({ level: 'silent' });
const windows = defaultConfig().services.windows;
let dir: string;
let journal: Journal;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'onedoor-adapters-'));
  const opened = openJournal(join(dir, 'journal.sqlite'));
  if (!opened.ok) throw new Error(JSON.stringify(opened.error));
  journal = opened.value;
});
afterEach(() => {
  journal.close();
  rmSync(dir, { recursive: true, force: true });
});

const request: CertificateRequest = {
  sessionId: 's1',
  name: '陈思远',
  idDocumentType: '居民身份证',
  idNumber: '410402199001011230',
  queryDate: '2026-11-29',
  issuingOffice: '湖滨派出所',
  issueDate: '2026-11-29',
  verifyCode: 'V-1',
  backendNumber: 'WFZ2026-000009',
};
const completed: PrintOutcome = { kind: 'completed', jobId: 7, warnings: [], messageKey: 'print.completed' };
const paperOut: PrintOutcome = { kind: 'notPrinted', stage: 'beforeSubmit', problem: 'paperOut', messageKey: 'print.paperOut', warnings: [] };

function fakeDocuments(overrides: Partial<DocumentService> = {}): DocumentService {
  return {
    issue: vi.fn(async () => ({ ok: true as const, value: { number: 'WF2026-T-01-000001', printedNumber: 'WFZ2026-000009', sha256: 'a'.repeat(64), pages: 1 } })),
    print: vi.fn(async () => ({ ok: true as const, value: completed })),
    reprint: vi.fn(async () => ({ ok: true as const, value: completed })),
    endSession: vi.fn(async () => {}),
    ...overrides,
  };
}

describe('certificate printer over the documents module', () => {
  it('issues the certificate with the back-end number to print, prints, and records that number beside the journal number', async () => {
    const documents = fakeDocuments();
    const backendNumbers = createBackendNumbers(journal.db);
    const printer = createDocumentCertificatePrinter({ documents, backendNumbers, logger });
    expect(await printer.printCertificate(request)).toEqual({ kind: 'printed', documentNumber: 'WF2026-T-01-000001' });
    expect(documents.issue).toHaveBeenCalledWith(
      's1',
      expect.objectContaining({
        kind: 'noCriminalRecord',
        printedNumber: 'WFZ2026-000009',
        vars: expect.objectContaining({ name: '陈思远', idNumber: request.idNumber, queryDate: '2026年11月29日', verifyCode: 'V-1', verifyTarget: 'V-1' }),
      }),
    );
    expect(vi.mocked(documents.issue).mock.calls[0]![1]).not.toHaveProperty('seal');
    expect(documents.print).toHaveBeenCalledWith('WF2026-T-01-000001');
    expect(backendNumbers.get('WF2026-T-01-000001')).toBe('WFZ2026-000009');
  });

  it('over the real documents module, the printed certificate shows the back-end number and the verification code as text', async () => {
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
      now: () => new Date(2026, 10, 29),
    });
    const certificates = createDocumentCertificatePrinter({ documents, backendNumbers: createBackendNumbers(journal.db), logger });
    expect(await certificates.printCertificate(request)).toEqual({ kind: 'printed', documentNumber: 'WF2026-T-01-000001' });
    const text = pdfText(printed[0]!);
    expect(text).toContain('编号：WFZ2026-000009');
    expect(text).not.toContain('WF2026-T-01-000001');
    expect(text).toContain('核验码：V-1');
  }, 20_000);

  it('paper out is notPrinted with the documents module’s key, reprintable; the reprint goes through reprint()', async () => {
    const documents = fakeDocuments({ print: vi.fn(async () => ({ ok: true as const, value: paperOut })) });
    const printer = createDocumentCertificatePrinter({ documents, backendNumbers: createBackendNumbers(journal.db), logger });
    expect(await printer.printCertificate(request)).toEqual({ kind: 'notPrinted', documentNumber: 'WF2026-T-01-000001', messageKey: 'print.paperOut', reprintable: true });
    expect(await printer.reprintCertificate('WF2026-T-01-000001')).toEqual({ kind: 'printed', documentNumber: 'WF2026-T-01-000001' });
    expect(documents.reprint).toHaveBeenCalledWith('WF2026-T-01-000001');
  });

  it('a used reprint or a failed render is notPrinted and not reprintable', async () => {
    const documents = fakeDocuments({
      issue: vi.fn(async () => ({ ok: false as const, error: { kind: 'render' as const, number: 'WF-X', error: { kind: 'internal' as const, message: 'boom' } } })),
      reprint: vi.fn(async () => ({ ok: false as const, error: { kind: 'reprintUsed' as const, messageKey: 'print.reprintUsed' as const } })),
    });
    const printer = createDocumentCertificatePrinter({ documents, backendNumbers: createBackendNumbers(journal.db), logger });
    expect(await printer.printCertificate(request)).toEqual({ kind: 'notPrinted', documentNumber: null, messageKey: DOCUMENT_FAILED_KEY, reprintable: false });
    expect(documents.print).not.toHaveBeenCalled();
    expect(await printer.reprintCertificate('WF-1')).toEqual({ kind: 'notPrinted', documentNumber: 'WF-1', messageKey: 'print.reprintUsed', reprintable: false });
  });
});

function fakeReceiptPrinter(result: Awaited<ReturnType<ManagedReceiptPrinter['print']>>) {
  const print = vi.fn(async (_bytes: Uint8Array) => result);
  return { printer: { kind: 'receiptPrinter', print } as unknown as ManagedReceiptPrinter, print };
}

describe('ticket printer over the receipt printer', () => {
  const ticketRequest = { sessionId: 's1', serviceId: 'no-criminal-record', serviceName: '无犯罪记录证明', window: '2号窗口', name: '孙建军' };

  it('allocates B001, B002… for the window, prints, and records the outcome', async () => {
    const { printer, print } = fakeReceiptPrinter({ ok: true, value: undefined });
    const queue = createQueueNumbers(journal.db, windows);
    const tickets = createReceiptTicketPrinter({ printer: () => printer, queue, site: '湖滨派出所', paperWidthMm: 80, logger });
    expect(await tickets.printQueueTicket(ticketRequest)).toEqual({ kind: 'printed', ticketNumber: 'B001' });
    expect(await tickets.printQueueTicket({ ...ticketRequest, sessionId: 's2' })).toEqual({ kind: 'printed', ticketNumber: 'B002' });
    expect(await tickets.printQueueTicket({ ...ticketRequest, sessionId: 's3', window: '3号窗口' })).toEqual({ kind: 'printed', ticketNumber: 'D001' });
    expect(print).toHaveBeenCalledTimes(3);
    expect(queue.lastForSession('s2')).toEqual({ number: 'B002', outcome: 'printed' });
  });

  it('paper out: notPrinted with a message key; the number is spent, never reused', async () => {
    const { printer } = fakeReceiptPrinter({ ok: false, error: { kind: 'paperOut', message: 'paper end' } });
    const queue = createQueueNumbers(journal.db, windows);
    const tickets = createReceiptTicketPrinter({ printer: () => printer, queue, site: '湖滨派出所', paperWidthMm: 58, logger });
    expect(await tickets.printQueueTicket(ticketRequest)).toEqual({ kind: 'notPrinted', messageKey: 'receipt.paperOut', ticketNumber: 'B001' });
    expect(queue.lastForSession('s1')).toEqual({ number: 'B001', outcome: 'paperOut' });
    expect(await tickets.printCollectionReceipt({ sessionId: 's1', serviceName: '无犯罪记录证明', documentNumber: 'WF-1', verifyCode: null, name: '陈思远', idNumberMasked: '4104**********1230', issuedAt: new Date() })).toEqual({
      kind: 'notPrinted',
      messageKey: 'receipt.paperOut',
    });
  });

  it('no receipt printer: notPrinted without spending a number', async () => {
    const queue = createQueueNumbers(journal.db, windows);
    const tickets = createReceiptTicketPrinter({ printer: () => undefined, queue, site: 'x', paperWidthMm: 80, logger });
    expect(await tickets.printQueueTicket(ticketRequest)).toEqual({ kind: 'notPrinted', messageKey: 'receipt.unavailable' });
    expect(queue.lastForSession('s1')).toBeUndefined();
  });

  it('queue numbers never repeat across two connections, and restart per day', () => {
    let now = new Date(2026, 10, 29, 9);
    const a = createQueueNumbers(journal.db, windows, () => now);
    const second = new Database(join(dir, 'journal.sqlite'));
    const b = createQueueNumbers(second, windows, () => now);
    const seen = new Set<string>();
    for (let i = 0; i < 30; i++) {
      seen.add(a.allocate({ window: '1号窗口', sessionId: `a${i}`, serviceId: 'x' }).number);
      seen.add(b.allocate({ window: '1号窗口', sessionId: `b${i}`, serviceId: 'x' }).number);
    }
    expect(seen.size).toBe(60);
    expect(seen.has('A060')).toBe(true);
    now = new Date(2026, 10, 30, 9);
    expect(a.allocate({ window: '1号窗口', sessionId: 'c', serviceId: 'x' }).number).toBe('A001');
    second.close();
    expect(windowLetter('9号窗口', windows)).toBe('Q');
  });

  it('sandbox sequences persist in the journal apart from the kiosk’s own document numbers', () => {
    const sequences = createJournalSandboxSequences(journal.db);
    expect([sequences.next('noCriminalRecord', 2026), sequences.next('noCriminalRecord', 2026), sequences.next('nonIssuanceNotice', 2026)]).toEqual([1, 2, 1]);
    expect(journal.db.prepare("SELECT count(*) AS n FROM document_numbers WHERE type = 'noCriminalRecord'").get()).toEqual({ n: 0 });
  });
});

describe('composition helpers', () => {
  it('a flow starts only for a service the catalogue shows available at the kiosk', () => {
    const entries: ServiceEntry[] = [
      { id: 'k', category: 'certificates', name: { 'zh-CN': 'k', en: 'k' }, handling: 'kiosk', feeFen: 0, available: true },
      { id: 'down', category: 'certificates', name: { 'zh-CN': 'd', en: 'd' }, handling: 'kiosk', feeFen: 0, available: false, reasonKey: 'service.deviceDown.a4Printer' },
      { id: 'c', category: 'huzheng', name: { 'zh-CN': 'c', en: 'c' }, handling: 'counter', feeFen: 0, available: true, window: '1号窗口' },
    ];
    const availability = catalogueAvailability(() => entries);
    expect(availability('k')).toEqual({ available: true });
    expect(availability('down')).toEqual({ available: false, reasonKey: 'service.deviceDown.a4Printer' });
    expect(availability('c')).toEqual({ available: false, reasonKey: 'service.counterOnly' });
    expect(availability('nope')).toEqual({ available: false, reasonKey: 'service.unknown' });
  });

  it('face.verify answers as before and hands its verdict to the flow, with the fixed identity the check began on', async () => {
    const verdict = { outcome: 'match' as const, similarity: 0.9, attemptsLeft: 3 };
    const deliver = vi.fn();
    const fixed = identityFromTyped('410402199001011230');
    let current = fixed ?? null;
    const face: Pick<CallHandlers, 'face.verify'> = {
      'face.verify': async () => {
        // Whatever the session holds by the time the check ends, the verdict goes with what it began on.
        current = null;
        return { ok: true, value: verdict };
      },
    };
    const handlers = withFaceToFlow(face, () => current, deliver);
    const params = { sessionId: 's1', challengeId: 'c' };
    expect(await handlers['face.verify'](params)).toEqual({ ok: true, value: verdict });
    expect(deliver).toHaveBeenCalledWith('s1', verdict, fixed);
  });
});
