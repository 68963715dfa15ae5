/** The ticket printer's 缴费凭证: the bytes it sends, decoded by the receipt simulator, with the hall and times in its zone; audited by order number only. */
import { afterEach, describe, expect, it } from 'vitest';
import type { FeeSlipRequest } from '../../../../electron/host/flows/ports';
import { ticketPrinterOnSimulator, type TicketPrinterOnSimulator } from '../../../helpers/ticket-printer-on-simulator';

let printing: TicketPrinterOnSimulator | undefined;
afterEach(() => printing?.close());

const REQUEST: FeeSlipRequest = {
  sessionId: 's-1',
  serviceName: '居民身份证补领',
  items: [{ name: '居民身份证工本费', basis: '发改价格〔2003〕2322号', amountFen: 1000 }],
  totalFen: 1000,
  exemption: { name: '困难群众减半', basis: '地方规定' },
  orderNo: 'SBX202612020000011234',
  channel: 'unionpay',
  paidAt: '2026-12-02T01:31:00Z',
  receipt: { billCode: '33010123', billNumber: '0001234567', checkCode: 'A1B2C3', url: 'https://pay.example/r/1' },
  holderMasked: '4104**********1230',
};

describe('fee slip through the ticket printer', () => {
  it('prints the 缴费凭证 the simulator decodes, and audits it by order number', async () => {
    printing = ticketPrinterOnSimulator({ audit: true });
    expect(await printing.tickets.printFeeSlip(REQUEST)).toEqual({ kind: 'printed' });

    const r = await printing.decoded();
    expect(r.lines).toEqual(
      expect.arrayContaining(['湖滨派出所', '缴费凭证', '缴款人：4104**********1230', '减免：困难群众减半', '合计：￥10.00', '支付方式：云闪付', '缴费时间：2026-12-02 09:31', '打印时间：2026-12-02 09:32', '此凭证不作报销凭证，报销请凭财政电子票据']),
    );
    expect(r.qrCodes).toEqual(['https://pay.example/r/1']);
    const audit = printing.journal.db.prepare('SELECT action, subject, detail FROM audit_events').all();
    expect(audit).toEqual([{ action: 'feeSlip.print', subject: REQUEST.orderNo, detail: '{"outcome":"printed"}' }]);
  });
});
