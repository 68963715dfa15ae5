/**
 * 缴费凭证 for a fee paid at the kiosk (the payment service's order): each
 * item with its amount and 依据, the total, the exemption applied, the order
 * number and channel, and the 财政电子票据 (代码, 号码, 校验码, a QR code of
 * its URL). It is not the receipt a claim needs, and says so. No name or
 * full ID number: at most the holder as the session masked it.
 */
import { encodeReceipt, type EncodeResult, type ReceiptDocument, type ReceiptBlock } from '../encode';
import { formatCny, formatDateTime, type TemplateOptions } from './format';

export const FEE_SLIP_NOT_FOR_CLAIMS = '此凭证不作报销凭证，报销请凭财政电子票据';

const CHANNEL_NAMES = { wechat: '微信支付', alipay: '支付宝', unionpay: '云闪付' } as const;

export interface FeeSlip {
  site: string;
  /** The service paid for, e.g. 居民身份证补领. */
  service: string;
  items: ReadonlyArray<{ name: string; basis: string; amountFen: number }>;
  totalFen: number;
  exemption: { name: string; basis: string } | null;
  orderNo: string;
  channel: keyof typeof CHANNEL_NAMES | null;
  paidAt: Date | null;
  /** The 财政电子票据, when the fiscal system issued it in time. */
  receipt: { billCode: string; billNumber: string; checkCode: string; url: string } | null;
  /** Already masked (张*), or null. */
  holderMasked: string | null;
  printedAt: Date;
}

export function feeSlipDocument(slip: FeeSlip, options: TemplateOptions): ReceiptDocument {
  const itemBlocks: ReceiptBlock[] = slip.items.flatMap((item) => [
    { kind: 'field' as const, label: item.name, value: formatCny(item.amountFen) },
    { kind: 'text' as const, text: `依据：${item.basis}` },
  ]);
  const receiptBlocks: ReceiptBlock[] = slip.receipt
    ? [
        { kind: 'text', text: '财政电子票据', bold: true },
        { kind: 'field', label: '票据代码', value: slip.receipt.billCode },
        { kind: 'field', label: '票据号码', value: slip.receipt.billNumber },
        { kind: 'field', label: '校验码', value: slip.receipt.checkCode },
        { kind: 'qr', data: slip.receipt.url },
        { kind: 'text', text: '扫码查看财政电子票据', align: 'center' },
      ]
    : [{ kind: 'text', text: '财政电子票据尚未开具，请稍后凭订单号查询。' }];
  return {
    blocks: [
      { kind: 'text', text: slip.site, align: 'center', bold: true },
      { kind: 'text', text: '缴费凭证', align: 'center', size: 'double', bold: true },
      { kind: 'rule' },
      { kind: 'field', label: '业务', value: slip.service },
      ...(slip.holderMasked ? [{ kind: 'field' as const, label: '缴款人', value: slip.holderMasked }] : []),
      { kind: 'rule' },
      ...itemBlocks,
      ...(slip.exemption ? [{ kind: 'field' as const, label: '减免', value: slip.exemption.name }, { kind: 'text' as const, text: `依据：${slip.exemption.basis}` }] : []),
      { kind: 'field', label: '合计', value: formatCny(slip.totalFen), bold: true },
      { kind: 'rule' },
      { kind: 'field', label: '订单号', value: slip.orderNo },
      { kind: 'field', label: '支付方式', value: slip.channel ? CHANNEL_NAMES[slip.channel] : '—' },
      ...(slip.paidAt ? [{ kind: 'field' as const, label: '缴费时间', value: formatDateTime(slip.paidAt, options.timeZone) }] : []),
      { kind: 'field', label: '打印时间', value: formatDateTime(slip.printedAt, options.timeZone) },
      { kind: 'rule' },
      ...receiptBlocks,
      { kind: 'rule' },
      { kind: 'text', text: FEE_SLIP_NOT_FOR_CLAIMS, bold: true },
      { kind: 'cut', feedLines: 3 },
    ],
  };
}

export function encodeFeeSlip(slip: FeeSlip, options: TemplateOptions): EncodeResult {
  return encodeReceipt(feeSlipDocument(slip, options), options);
}
