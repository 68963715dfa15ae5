/** The ticket printer's 信息凭条: its code as a QR code by default, or as a CODE128 barcode (a 领证回执's 受理编号). */
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ManagedReceiptPrinter } from '../../../../drivers/manager/receipt-device';
import { openJournal, type Journal } from '../../../../electron/host/journal';
import { createQueueNumbers } from '../../../../electron/host/journal/queue-numbers';
import { defaultConfig } from '../../../../electron/host/config/load';
import { createReceiptTicketPrinter } from '../../../../electron/host/printing/ticket-printer';
import type { InfoSlipRequest } from '../../../../electron/host/flows/ports';
import { connectedPrinter } from '../../../drivers/receipt/helpers';

let journal: Journal | undefined;
afterEach(() => journal?.close());

const SLIP: InfoSlipRequest = {
  sessionId: 's-1',
  title: '领证回执',
  lines: [{ label: '受理编号', value: 'SL410402202611150031' }, { label: '领证地点', value: '1号窗口' }],
  code: 'SL410402202611150031',
};

async function printed(request: InfoSlipRequest) {
  const opened = openJournal(':memory:');
  if (!opened.ok) throw new Error(opened.error.kind);
  journal = opened.value;
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
    logger: pino({ level: 'silent' }),
    now: () => new Date('2026-12-02T01:32:00Z'),
  });
  expect(await tickets.printInfoSlip(request)).toEqual({ kind: 'printed' });
  const { printer, sim } = await connectedPrinter({ simulator: { columns: 48 } });
  await printer.print(sent[0]!);
  await printer.stop();
  return sim.receipts[0]!;
}

describe('information slip code format', () => {
  it('prints the code as a QR code when the service says nothing', async () => {
    const r = await printed(SLIP);
    expect(r.qrCodes).toEqual(['SL410402202611150031']);
    expect(r.barcodes).toEqual([]);
  });

  it('prints the 受理编号 as a CODE128 barcode with its number readable under it', async () => {
    const r = await printed({ ...SLIP, codeFormat: 'code128' });
    expect(r.barcodes).toEqual(['SL410402202611150031']);
    expect(r.qrCodes).toEqual([]);
    expect(r.lines).toEqual(expect.arrayContaining(['领证回执', '受理编号：SL410402202611150031', 'SL410402202611150031']));
    expect(r.cut).toBe(true);
  });
});
