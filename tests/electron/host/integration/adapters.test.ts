/** The host's adapters with fakes: tickets over the receipt printer, queue numbers, availability, face → flow (A4 documents: tests/electron/host/issued/document-desk.test.ts). */
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
import { createJournalSandboxSequences } from '../../../../electron/host/journal/backend-numbers';
import { withFaceToFlow } from '../../../../electron/host/flows/face-to-flow';
import { identityFromTyped } from '../../../../electron/host/session/identity';
import { catalogueAvailability } from '../../../../electron/host/services/flow-availability';
import { createQueueNumbers, windowLetter } from '../../../../electron/host/journal/queue-numbers';
import { createReceiptTicketPrinter } from '../../../../electron/host/printing/ticket-printer';
import { openJournal, type Journal } from '../../../../electron/host/journal';

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

  it('an information slip (a service’s lines) prints as the printer says, and paper out is notPrinted', async () => {
    const slip = { sessionId: 's1', title: '身份证办理进度', lines: [{ label: '受理编号', value: 'SL2026-0001' }], code: 'SL2026-0001' };
    const queue = createQueueNumbers(journal.db, windows);
    const ok = fakeReceiptPrinter({ ok: true, value: undefined });
    expect(await createReceiptTicketPrinter({ printer: () => ok.printer, queue, site: '湖滨派出所', paperWidthMm: 80, logger }).printInfoSlip(slip)).toEqual({ kind: 'printed' });
    expect(ok.print).toHaveBeenCalledTimes(1);
    const out = fakeReceiptPrinter({ ok: false, error: { kind: 'paperOut', message: 'paper end' } });
    expect(await createReceiptTicketPrinter({ printer: () => out.printer, queue, site: '湖滨派出所', paperWidthMm: 58, logger }).printInfoSlip(slip)).toEqual({ kind: 'notPrinted', messageKey: 'receipt.paperOut' });
    expect(await createReceiptTicketPrinter({ printer: () => undefined, queue, site: 'x', paperWidthMm: 80, logger }).printInfoSlip(slip)).toEqual({ kind: 'notPrinted', messageKey: 'receipt.unavailable' });
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
