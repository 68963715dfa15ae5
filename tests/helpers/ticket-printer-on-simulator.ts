/**
 * The host's ticket printer (electron/host/printing/ticket-printer.ts) as the
 * slip tests use it: on an in-memory journal (queue numbers, audit events),
 * at 湖滨派出所 on 80 mm paper in Asia/Shanghai at a fixed clock, with a
 * receipt printer that keeps the bytes it is sent. `decoded()` replays those
 * bytes through the real ESC/POS driver into the receipt simulator (48
 * columns) and returns what came out, so a test reads the slip as printed.
 */
import pino from 'pino';
import { vi } from 'vitest';
import type { ManagedReceiptPrinter } from '../../drivers/manager/receipt-device';
import type { PrintedReceipt } from '../../drivers/receipt/simulator';
import { defaultConfig } from '../../electron/host/config/load';
import { openJournal, type Journal } from '../../electron/host/journal';
import { createQueueNumbers } from '../../electron/host/journal/queue-numbers';
import { createAuditLog } from '../../electron/host/journal/transactions-audit';
import type { TicketPrinter } from '../../electron/host/flows/ports';
import { createReceiptTicketPrinter } from '../../electron/host/printing/ticket-printer';
import { connectedPrinter } from '../drivers/receipt/helpers';

/** The clock the ticket printer reads: 2026-12-02 09:32 in the hall's zone. */
const SLIP_PRINTED_AT = new Date('2026-12-02T01:32:00Z');

export interface TicketPrinterOnSimulator {
  tickets: TicketPrinter;
  /** The in-memory journal behind it (its `audit_events` when `audit` was asked for). */
  journal: Journal;
  /** The `index`th job sent to the printer (default the first), as the receipt simulator decoded it. */
  decoded(index?: number): Promise<PrintedReceipt>;
  /** Closes the journal. */
  close(): void;
}

/** A ticket printer whose jobs a test reads back as printed; with `audit`, it records audit events in the journal. */
export function ticketPrinterOnSimulator(options: { audit?: boolean } = {}): TicketPrinterOnSimulator {
  const opened = openJournal(':memory:');
  if (!opened.ok) throw new Error(opened.error.kind);
  const journal = opened.value;
  const sent: Uint8Array[] = [];
  const print = vi.fn(async (bytes: Uint8Array) => {
    sent.push(bytes);
    return { ok: true as const, value: undefined };
  });
  const tickets = createReceiptTicketPrinter({
    printer: () => ({ kind: 'receiptPrinter', print }) as unknown as ManagedReceiptPrinter,
    queue: createQueueNumbers(journal.db, defaultConfig().services.windows),
    site: '湖滨派出所',
    paperWidthMm: 80,
    timeZone: 'Asia/Shanghai',
    ...(options.audit ? { audit: createAuditLog(journal.db) } : {}),
    logger: pino({ level: 'silent' }),
    now: () => SLIP_PRINTED_AT,
  });
  return {
    tickets,
    journal,
    async decoded(index = 0) {
      const job = sent[index];
      if (!job) throw new Error(`no print job ${index} (${sent.length} sent)`);
      const { printer, sim } = await connectedPrinter({ simulator: { columns: 48 } });
      await printer.print(job);
      await printer.stop();
      return sim.receipts[0]!;
    },
    close: () => journal.close(),
  };
}
