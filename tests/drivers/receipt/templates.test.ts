import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeReceipt } from '../../../drivers/receipt/encode';
import { encodeAcceptanceReceipt, type AcceptanceReceipt } from '../../../drivers/receipt/templates/acceptance-receipt';
import { formatCny, formatDateTime, groupDigits } from '../../../drivers/receipt/templates/format';
import { encodePaymentReceipt, type PaymentReceipt } from '../../../drivers/receipt/templates/payment-receipt';
import { encodeQueueTicket } from '../../../drivers/receipt/templates/queue-ticket';
import { encodeTestReceipt, TEST_RECEIPT_LINES, TEST_RECEIPT_QR } from '../../../drivers/receipt/templates/test-receipt';
import { sanitizeText, textColumns } from '../../../drivers/receipt/text';
import { truncateText, wrapText } from '../../../drivers/receipt/wrap';
import type { PrintedReceipt } from '../../../drivers/receipt/simulator';
import { connectedPrinter } from './helpers';

const ID = '11010519491231002X';
const AT = new Date('2024-05-20T01:31:00Z'); // 09:31 in Beijing
const LONG_SITE = '新疆维吾尔自治区乌鲁木齐市公安局水磨沟区分局一门通办智慧警务工作站（七道湾派出所户政服务大厅东侧自助服务区）';

/** Prints `bytes` through the driver into the simulator and returns the receipt. */
async function printed(bytes: Uint8Array, columns = 48): Promise<PrintedReceipt> {
  const { printer, sim } = await connectedPrinter({ simulator: { columns } });
  const r = await printer.print(bytes);
  await printer.stop();
  expect(r).toEqual({ ok: true, value: undefined });
  expect(sim.receipts).toHaveLength(1);
  return sim.receipts[0]!;
}

function bytesOf(r: { ok: true; value: Uint8Array } | { ok: false; error: { message: string } }): Uint8Array {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const acceptance: AcceptanceReceipt = {
  businessType: '居民身份证换领',
  acceptanceNumber: 'SL2024052000017',
  name: '欧阳喆堃',
  idNumber: ID,
  amountFen: 2000,
  site: '城东派出所',
  acceptedAt: AT,
  progressUrl: 'https://gaj.example.gov.cn/p?no=SL2024052000017',
  notes: ['请于30个工作日后凭本回执领取证件。'],
};

const payment: PaymentReceipt = {
  site: '城东派出所',
  service: '居民身份证补领',
  amountFen: 4000,
  name: '王龑',
  idNumber: ID,
  paymentCode: '4403001234567890',
  paidAt: AT,
};

describe('wrapping and truncation', () => {
  it('breaks a run longer than a line between characters, Latin at spaces, never wider than asked', () => {
    expect(wrapText('一二三四五六七八', 6)).toEqual(['一二三', '四五六', '七八']);
    expect(wrapText('hello big world', 9)).toEqual(['hello big', 'world']);
    expect(wrapText('abcdefghijkl', 5)).toEqual(['abcde', 'fghij', 'kl']);
    expect(wrapText('ab一', 3)).toEqual(['ab', '一']);
    expect(wrapText('', 10)).toEqual(['']);
    expect(truncateText('一二三四五', 6)).toBe('一二…');
    expect(truncateText('abc', 3)).toBe('abc');
    expect(truncateText('一二', 1)).toBe('');
  });

  it('property: every wrapped line fits and the text is preserved (spaces at breaks aside)', () => {
    const ch = fc.oneof(fc.constantFrom('a', 'Z', '9', ' ', '-', '喆', '一', '𠮷', '㐀'), fc.string({ maxLength: 1 }));
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 200 }).map((a) => sanitizeText(a.join(''))), fc.integer({ min: 2, max: 60 }), (text, columns) => {
        const lines = wrapText(text, columns);
        for (const line of lines) expect(textColumns(line)).toBeLessThanOrEqual(columns);
        expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
        expect(textColumns(truncateText(text, columns))).toBeLessThanOrEqual(columns);
      }),
      { numRuns: 400 },
    );
  });
});

describe('formatting', () => {
  it('money in fen, Beijing time, grouped codes', () => {
    expect(formatCny(2000)).toBe('￥20.00');
    expect(formatCny(5)).toBe('￥0.05');
    expect(formatCny(0)).toBe('￥0.00');
    expect(formatCny(Number.NaN)).toBe('￥0.00');
    expect(formatDateTime(AT)).toBe('2024-05-20 09:31');
    expect(formatDateTime(new Date(Number.NaN))).toBe('----------');
    expect(groupDigits('4403001234567890')).toBe('4403 0012 3456 7890');
  });
});

describe('receipt templates', () => {
  it('acceptance receipt (受理回执): masked name and ID, number, amount, site, date and the progress QR code', async () => {
    const bytes = bytesOf(encodeAcceptanceReceipt(acceptance, { paperWidthMm: 80 }));
    const text = new TextDecoder('gb18030').decode(bytes);
    expect(text).not.toContain(ID);
    expect(text).not.toContain('欧阳喆堃');
    const r = await printed(bytes);
    expect(r.lines).toContain('受理回执');
    expect(r.lines).toContain('业务类型：居民身份证换领');
    expect(r.lines).toContain('受理编号：SL2024052000017');
    expect(r.lines).toContain('姓名：欧***');
    expect(r.lines).toContain('证件号码：1101**********002X');
    expect(r.lines).toContain('金额：￥20.00');
    expect(r.lines).toContain('受理地点：城东派出所');
    expect(r.lines).toContain('受理时间：2024-05-20 09:31');
    expect(r.qrCodes).toEqual([acceptance.progressUrl]);
    expect(r).toMatchObject({ cut: true, interrupted: false, overflowLines: 0 });
    const title = r.styledLines.find((l) => l.text === '受理回执');
    expect(title).toMatchObject({ align: 'center', bold: true, width: 2, height: 2 });
  });

  it('payment receipt (缴费凭证): service, amount in CNY, masked identity, 缴款码, date and site', async () => {
    const r = await printed(bytesOf(encodePaymentReceipt(payment, { paperWidthMm: 58 })), 32);
    expect(r.lines).toEqual(
      expect.arrayContaining(['业务：居民身份证补领', '金额：￥40.00', '姓名：王*', '证件号码：1101**********002X', '缴款码：4403 0012 3456 7890', '缴费时间：2024-05-20 09:31', '地点：城东派出所']),
    );
    expect(r.lines.join('\n')).not.toContain('王龑');
    expect(r).toMatchObject({ cut: true, overflowLines: 0 });
  });

  it('queue ticket (排队凭条): window, number, waiting count and masked name', async () => {
    const r = await printed(bytesOf(encodeQueueTicket({ site: '城东派出所', window: '3号窗口', number: 'A023', waiting: 5, name: '李䶮', issuedAt: AT }, { paperWidthMm: 80 })));
    expect(r.lines).toEqual(expect.arrayContaining(['A023', '3号窗口', '前面等候：5 人', '姓名：李*', '取号时间：2024-05-20 09:31']));
    expect(r.styledLines.find((l) => l.text === 'A023')).toMatchObject({ width: 2, height: 2, align: 'center' });
    expect(r.cut).toBe(true);
  });

  it('queue ticket without a known waiting count leaves the line off rather than printing a wrong number', async () => {
    const r = await printed(bytesOf(encodeQueueTicket({ site: '城东派出所', window: '3号窗口', number: 'A024', issuedAt: AT }, { paperWidthMm: 80 })));
    expect(r.lines).toEqual(expect.arrayContaining(['A024', '3号窗口']));
    expect(r.lines.join('\n')).not.toContain('前面等候');
  });

  it('wraps an over-long site and business type under their labels on 58 mm and 80 mm', async () => {
    for (const [paperWidthMm, columns] of [[58, 32], [80, 48]] as const) {
      const long = { ...acceptance, site: LONG_SITE, businessType: `${'出入境证件'.repeat(12)}办理`, name: '阿卜杜热合曼·艾买提江·买买提明·阿不都热西提' };
      const r = await printed(bytesOf(encodeAcceptanceReceipt(long, { paperWidthMm })), columns);
      expect(r.overflowLines).toBe(0);
      for (const line of r.lines) expect(textColumns(line)).toBeLessThanOrEqual(columns);
      const siteLines = r.lines.slice(r.lines.findIndex((l) => l.startsWith('受理地点：')));
      const indent = ' '.repeat(textColumns('受理地点：'));
      expect(siteLines[1]!.startsWith(indent)).toBe(true);
      expect(siteLines.slice(0, 6).join('').replace(/ /g, '')).toContain(LONG_SITE.slice(0, 20));
      expect(r.lines.join('')).toContain('阿*');
    }
  });

  it('property: any template data prints without overflow or crash, never showing the raw ID number', async () => {
    const { printer, sim } = await connectedPrinter({ simulator: { columns: 32 } });
    const text = fc.string({ unit: 'grapheme', maxLength: 120 });
    await fc.assert(
      fc.asyncProperty(text, text, text, fc.integer({ min: -1e9, max: 1e9 }), async (site, businessType, name, amountFen) => {
        const bytes = encodeAcceptanceReceipt({ ...acceptance, site, businessType, name, amountFen }, { paperWidthMm: 58 });
        expect(bytes.ok).toBe(true);
        if (!bytes.ok) return;
        expect((await printer.print(bytes.value)).ok).toBe(true);
        const r = sim.takeReceipts()[0]!;
        expect(r.overflowLines).toBe(0);
        expect(r.cut).toBe(true);
        expect(r.lines.join('\n')).not.toContain(ID);
      }),
      { numRuns: 60 },
    );
    await printer.stop();
  });

  it('test receipt: Chinese text with rare characters, a QR code and a cut', async () => {
    const r = await printed(bytesOf(encodeTestReceipt(AT, { paperWidthMm: 80 })));
    expect(r.lines).toEqual(expect.arrayContaining([TEST_RECEIPT_LINES.title, TEST_RECEIPT_LINES.chinese, TEST_RECEIPT_LINES.rare]));
    expect(r.qrCodes).toEqual([TEST_RECEIPT_QR]);
    expect(r.cut).toBe(true);
  });

  it('a text block can be truncated instead of wrapped', () => {
    const r = encodeReceipt({ blocks: [{ kind: 'text', text: '一二三四五六七八九十一二三四五六七八九十', size: 'double', overflow: 'truncate' }] }, { paperWidthMm: 58 });
    expect(r.ok && new TextDecoder('gb18030').decode(r.value)).toContain('一二三四五六七…');
  });
});
