/**
 * What the staff screens read from the journal: the last document offered
 * for a reprint (today's, printed or failed in print, never a test page or
 * one never printed), today's sessions masked, and the day-end counts, fees
 * and print failures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowView, Identity } from '../../../../electron/contract';
import { ok } from '../../../../domain/result';
import type { ManagedReceiptPrinter } from '../../../../drivers/manager/receipt-device';
import { defaultConfig } from '../../../../electron/host/config/load';
import type { DocumentRequest } from '../../../../electron/host/issued/document-request';
import { createDocumentDesk } from '../../../../electron/host/issued/document-desk';
import type { DocumentService } from '../../../../electron/host/issued/document-service';
import { createDocumentsRepo } from '../../../../electron/host/journal';
import { createQueueNumbers } from '../../../../electron/host/journal/queue-numbers';
import { createStationJournal } from '../../../../electron/host/journal/station-journal';
import { createAuditLog } from '../../../../electron/host/journal/transactions-audit';
import type { PrintOutcome } from '../../../../electron/host/printing/a4/print-outcome';
import { createReceiptTicketPrinter } from '../../../../electron/host/printing/ticket-printer';
import { createStaffJournal, TEST_PAGE_KIND } from '../../../../electron/host/staff/staff-journal';
import { logger, manualClock, tempJournal } from './support';

let journals = tempJournal();
const keyDirs: string[] = [];
beforeEach(() => {
  journals = tempJournal();
});
afterEach(() => {
  journals.dispose();
  for (const dir of keyDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the last document for a reprint', () => {
  it('is the latest document today whose print was tried, even if it failed; not a test page nor one never printed', () => {
    const clock = manualClock('2026-12-03T02:00:00.000Z');
    const journal = journals.open();
    const documents = createDocumentsRepo(journal.db, clock.now);
    const staff = createStaffJournal(journal.db, clock.now, 'Asia/Shanghai');
    const add = (number: string, type: string, outcome: string | null) => {
      clock.advance(1000);
      documents.insertRendered({ number, type, sessionId: 's1', sha256: 'a'.repeat(64), pages: 1 });
      if (outcome) documents.recordPrint(number, outcome, 1);
    };
    expect(staff.lastDocument()).toBeNull();
    add('DOC-1', 'drivingRecord', 'completed');
    add('DOC-2', 'drivingRecord', 'paperOut');
    add('TEST-1', TEST_PAGE_KIND, 'completed');
    add('DOC-3', 'drivingRecord', null);
    expect(staff.lastDocument()).toMatchObject({ number: 'DOC-2', type: 'drivingRecord', reprinted: false });
  });
});

/**
 * Today's journal and the day-end report over rows the host's own writers
 * made: the station journal for sessions (masked identity, fees as charged),
 * the document desk and the receipt ticket printer for print outcomes, all in
 * one real SQLite journal, with "today" the day in the hall's zone.
 */
describe("today's journal and the day-end report", () => {
  const CITIZEN = { source: 'card', cardType: 'resident', name: '张伟', idNumber: '410402199001011234', idNumberMasked: '4104**********1234', idNumberValid: true, validTo: '2036-01-01', expired: false } as Identity;
  const view = (serviceId: string, outcome: string | null) =>
    ({ serviceId, flowId: `${serviceId}-run`, stepId: outcome ? 'done' : 'consent', step: outcome ? 'done' : 'consent', data: outcome ? { step: 'done', outcome } : { step: 'consent' } }) as unknown as FlowView;

  function station() {
    const clock = manualClock('2026-12-03T02:00:00.000Z');
    const journal = journals.open();
    const keyDir = mkdtempSync(join(tmpdir(), 'onedoor-staff-keys-'));
    keyDirs.push(keyDir);
    // The kiosk's fee rule: 25 元 for a completed `renewal`, nothing else.
    const created = createStationJournal({
      config: defaultConfig(),
      db: journal.db,
      keyDir,
      logger,
      now: clock.now,
      feeOf: (serviceId, outcome) => (serviceId === 'renewal' && outcome === 'completed' ? [{ code: 'renewal', amountFen: 2500, basis: 'rule' }] : []),
    });
    if (!created.ok) throw new Error(created.error);
    const sessions = created.value.sessions;
    const session = (id: string, startedAt: string, serviceId: string | null, outcome: string | null, identity: Identity | null = CITIZEN) => {
      sessions.started(id, startedAt, identity);
      if (serviceId) sessions.flowStarted(id, serviceId, `${serviceId}-run`, view(serviceId, outcome));
      sessions.ended(id, 'finished');
    };
    return { clock, journal, station: created.value, session, staff: createStaffJournal(journal.db, clock.now, 'Asia/Shanghai') };
  }

  it('lists only today\'s sessions in the hall\'s zone, newest first, with the ID number masked and no name', () => {
    const { session, staff } = station();
    session('yesterday', '2026-12-02T15:59:00.000Z', 'renewal', 'completed'); // 23:59 on the 2nd in Shanghai
    session('early', '2026-12-02T16:05:00.000Z', 'renewal', 'completed'); // 00:05 on the 3rd
    session('later', '2026-12-03T01:30:00.000Z', 'certificate', null, null);
    expect(staff.today()).toBe('2026-12-03');
    const rows = staff.sessions();
    expect(rows).toEqual([
      { startedAt: '2026-12-03T01:30:00.000Z', serviceId: 'certificate', outcome: 'abandoned', idNumberMasked: null, feeFen: 0 },
      { startedAt: '2026-12-02T16:05:00.000Z', serviceId: 'renewal', outcome: 'completed', idNumberMasked: '4104**********1234', feeFen: 2500 },
    ]);
    const shown = JSON.stringify(rows);
    expect(shown).not.toContain(CITIZEN.idNumber);
    expect(shown).not.toContain(CITIZEN.name!);
  });

  it('counts today\'s sessions by service and outcome with the fees charged (a refund charges nothing)', () => {
    const { session, station: kiosk, staff } = station();
    session('yesterday', '2026-12-02T10:00:00.000Z', 'renewal', 'completed');
    session('r1', '2026-12-03T00:10:00.000Z', 'renewal', 'completed');
    session('r2', '2026-12-03T00:20:00.000Z', 'renewal', 'completed');
    session('r3', '2026-12-03T00:30:00.000Z', 'renewal', null);
    session('c1', '2026-12-03T00:40:00.000Z', 'certificate', 'completed');
    session('none', '2026-12-03T00:50:00.000Z', null, null);
    // Paid 10 元 at the kiosk, then refunded (a late payment): no fee.
    kiosk.sessions.started('paid', '2026-12-03T01:00:00.000Z', CITIZEN);
    kiosk.sessions.flowStarted('paid', 'photo', 'photo-run', view('photo', 'completed'));
    kiosk.sessions.paymentTaken('paid', { orderNo: 'SBX1', amountFen: 1000, items: [], refunded: { refundNo: 'RF1', amountFen: 1000 } });
    kiosk.sessions.ended('paid', 'finished');
    const report = staff.dayEnd();
    expect(report.day).toBe('2026-12-03');
    expect(report.byServiceAndOutcome).toEqual([
      { serviceId: '', outcome: 'noService', count: 1 },
      { serviceId: 'certificate', outcome: 'completed', count: 1 },
      { serviceId: 'photo', outcome: 'completed', count: 1 },
      { serviceId: 'renewal', outcome: 'abandoned', count: 1 },
      { serviceId: 'renewal', outcome: 'completed', count: 2 },
    ]);
    expect(report.feesFen).toBe(5000);
  });

  it('counts today\'s failed prints, A4 and receipt, and not the ones that printed', async () => {
    const { clock, journal, staff } = station();
    const audit = createAuditLog(journal.db, clock.now);
    const a4Results: PrintOutcome[] = [
      { kind: 'completed', jobId: 1, warnings: [], messageKey: 'print.completed' },
      { kind: 'notPrinted', stage: 'job', problem: 'paperOut', messageKey: 'print.paperOut', warnings: [] } as unknown as PrintOutcome,
      { kind: 'completed', jobId: 3, warnings: [], messageKey: 'print.completed' },
    ];
    const documents = {
      issue: async () => ok({ number: `DOC-${a4Results.length}`, pages: 1 }),
      print: async () => ok(a4Results.shift()!),
      reprint: async () => ok(a4Results.shift()!),
    } as unknown as DocumentService;
    const desk = createDocumentDesk({ documents, backendNumbers: { record: () => undefined }, audit, logger });
    const request = { kind: 'drivingRecord', template: 'x', vars: {} } as unknown as DocumentRequest;
    await desk.issueAndPrint('s1', request);
    await desk.issueAndPrint('s2', request);
    await desk.reprint('DOC-2');
    const receiptAnswers = [true, false, true, true];
    const printer = { kind: 'receiptPrinter', print: async () => (receiptAnswers.shift() ? ok(undefined) : { ok: false, error: { kind: 'paperOut', message: 'paper out' } }) } as unknown as ManagedReceiptPrinter;
    const tickets = createReceiptTicketPrinter({ printer: () => printer, queue: createQueueNumbers(journal.db, defaultConfig().services.windows, clock.now), site: '湖滨派出所', paperWidthMm: 80, timeZone: 'Asia/Shanghai', audit, logger, now: clock.now });
    for (const sessionId of ['s1', 's2', 's3', 's4']) await tickets.printInfoSlip({ sessionId, title: '办理进度', lines: [{ label: '状态', value: '已受理' }] });
    // Yesterday's failure is not today's.
    createAuditLog(journal.db, () => new Date('2026-12-02T15:00:00.000Z')).record({ actor: 'host', action: 'slip.print', sessionId: 'old', subject: '办理进度', detail: { outcome: 'paperOut' } });
    // One A4 page out of paper, one slip out of paper.
    expect(staff.dayEnd().printFailures).toBe(2);
  });
});
