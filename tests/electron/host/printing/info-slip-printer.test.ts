/** The ticket printer's 信息凭条: its code as a QR code by default, or as a CODE128 barcode (a 领证回执's 受理编号). */
import { afterEach, describe, expect, it } from 'vitest';
import type { InfoSlipRequest } from '../../../../electron/host/flows/ports';
import { ticketPrinterOnSimulator, type TicketPrinterOnSimulator } from '../../../helpers/ticket-printer-on-simulator';

let printing: TicketPrinterOnSimulator | undefined;
afterEach(() => printing?.close());

const SLIP: InfoSlipRequest = {
  sessionId: 's-1',
  title: '领证回执',
  lines: [{ label: '受理编号', value: 'SL410402202611150031' }, { label: '领证地点', value: '1号窗口' }],
  code: 'SL410402202611150031',
};

async function printed(request: InfoSlipRequest) {
  printing = ticketPrinterOnSimulator();
  expect(await printing.tickets.printInfoSlip(request)).toEqual({ kind: 'printed' });
  return printing.decoded();
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
