/**
 * Receipt paper counted from the slips the host's ticket printer journaled:
 * a slip that came out uses paper, one that did not (paper out) does not,
 * and a staff test receipt counts too; a logged refill starts again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../../domain/result';
import type { ManagedReceiptPrinter } from '../../../../drivers/manager/receipt-device';
import { defaultConfig } from '../../../../electron/host/config/load';
import { createQueueNumbers } from '../../../../electron/host/journal/queue-numbers';
import { createAuditLog } from '../../../../electron/host/journal/transactions-audit';
import { createReceiptTicketPrinter } from '../../../../electron/host/printing/ticket-printer';
import { createConsumables } from '../../../../electron/host/staff/consumables';
import { logger, manualClock, tempJournal } from './support';

const journals = tempJournal();
afterEach(() => journals.dispose());

describe('receipt paper left', () => {
  it('counts the slips that printed and the staff test receipt, not the one out of paper, until a refill', async () => {
    const clock = manualClock('2026-12-03T02:00:00.000Z');
    const journal = journals.open();
    const audit = createAuditLog(journal.db, clock.now);
    const consumables = createConsumables(journal.db, () => [{ kind: 'receiptPaper', deviceId: 'receiptPrinter', capacity: 250 }], clock.now);
    expect(consumables.refilled('receiptPrinter', 'receiptPaper')).toBe(true);
    clock.advance(1000);
    const answers = [true, false, true];
    const printer = { kind: 'receiptPrinter', print: async () => (answers.shift() ? ok(undefined) : { ok: false, error: { kind: 'paperOut', message: 'paper out' } }) } as unknown as ManagedReceiptPrinter;
    const tickets = createReceiptTicketPrinter({ printer: () => printer, queue: createQueueNumbers(journal.db, defaultConfig().services.windows, clock.now), site: '湖滨派出所', paperWidthMm: 80, timeZone: 'Asia/Shanghai', audit, logger, now: clock.now });
    for (const sessionId of ['s1', 's2', 's3']) await tickets.printInfoSlip({ sessionId, title: '办理进度', lines: [{ label: '状态', value: '已受理' }] });
    // The staff screen's test receipt, audited as the desk audits it.
    audit.record({ actor: 'staff', action: 'staff.testPrint', subject: '100234 王** receipt', detail: { target: 'receipt', outcome: 'printed' } });
    expect(consumables.list([])[0]).toMatchObject({ kind: 'receiptPaper', estimatedLeft: 247, state: 'ok' });
    clock.advance(1000);
    consumables.refilled('receiptPrinter', 'receiptPaper');
    expect(consumables.list([])[0]).toMatchObject({ estimatedLeft: 250 });
  });
});
