/** 缴费凭证 as the printer prints it: the ESC/POS bytes decoded by the simulator. */
import { describe, expect, it } from 'vitest';
import { encodeFeeSlip, FEE_SLIP_NOT_FOR_CLAIMS, type FeeSlip } from '../../../drivers/receipt/templates/fee-slip';
import { connectedPrinter } from './helpers';

const SLIP: FeeSlip = {
  site: '城东派出所',
  service: '居民身份证补领',
  items: [
    { name: '证件工本费', basis: '发改价格〔2003〕2322号', amountFen: 2000 },
    { name: 'EMS邮寄费', basis: '邮政资费标准', amountFen: 1500 },
  ],
  totalFen: 3500,
  exemption: null,
  orderNo: 'SBX202612020000011234',
  channel: 'alipay',
  paidAt: new Date('2026-12-02T01:31:00Z'),
  receipt: { billCode: '33010123', billNumber: '0001234567', checkCode: 'A1B2C3', url: 'https://pay.example/r/SBX202612020000011234' },
  holderMasked: '王*',
  printedAt: new Date('2026-12-02T01:32:00Z'),
};

async function print(slip: FeeSlip, paperWidthMm: 58 | 80 = 80) {
  const encoded = encodeFeeSlip(slip, { paperWidthMm });
  if (!encoded.ok) throw new Error(encoded.error.message);
  const { printer, sim } = await connectedPrinter({ simulator: { columns: paperWidthMm === 58 ? 32 : 48 } });
  expect(await printer.print(encoded.value)).toEqual({ ok: true, value: undefined });
  await printer.stop();
  return sim.receipts[0]!;
}

describe('fee slip (缴费凭证)', () => {
  it('prints the items with amount and 依据, the total, the order, the channel, the 票据 fields and its QR, and the claims line', async () => {
    const r = await print(SLIP);
    expect(r.lines).toEqual(
      expect.arrayContaining([
        '城东派出所',
        '缴费凭证',
        '业务：居民身份证补领',
        '缴款人：王*',
        '证件工本费：￥20.00',
        '依据：发改价格〔2003〕2322号',
        'EMS邮寄费：￥15.00',
        '依据：邮政资费标准',
        '合计：￥35.00',
        '订单号：SBX202612020000011234',
        '支付方式：支付宝',
        '缴费时间：2026-12-02 09:31',
        '票据代码：33010123',
        '票据号码：0001234567',
        '校验码：A1B2C3',
        FEE_SLIP_NOT_FOR_CLAIMS,
      ]),
    );
    expect(r.qrCodes).toEqual([SLIP.receipt!.url]);
    expect(r.styledLines.find((l) => l.text === '缴费凭证')).toMatchObject({ align: 'center', bold: true, width: 2, height: 2 });
    expect(r).toMatchObject({ cut: true, overflowLines: 0 });
  });

  it('names the exemption with its 依据, and says the 票据 is not issued yet when it is missing (58 mm)', async () => {
    const r = await print({ ...SLIP, items: [SLIP.items[0]!], totalFen: 1000, exemption: { name: '低保减半', basis: '民政部门低保证明' }, receipt: null, holderMasked: null }, 58);
    const text = r.lines.join('\n');
    expect(r.lines).toEqual(expect.arrayContaining(['减免：低保减半', '依据：民政部门低保证明', '合计：￥10.00']));
    expect(text).toContain('财政电子票据尚未开具');
    expect(text).not.toContain('缴款人');
    expect(r.qrCodes).toEqual([]);
    expect(r.overflowLines).toBe(0);
  });
});
