/** 缴费凭证: proof of a fee paid through the provincial payment platform (DOMAIN.md §5). */
import { encodeReceipt, type EncodeResult, type ReceiptDocument } from '../encode';
import { formatCny, formatDateTime, groupDigits, printedIdNumber, printedName, type TemplateOptions } from './format';

/** What a payment receipt shows. Name and ID number are printed masked. */
export interface PaymentReceipt {
  site: string;
  /** The service paid for, e.g. `居民身份证补领`. */
  service: string;
  /** Amount in fen (2000 = ￥20.00). */
  amountFen: number;
  name: string;
  idNumber: string;
  /** 缴款码 (16 digits on the provincial platform). */
  paymentCode: string;
  paidAt: Date;
}

/** The receipt's layout. */
export function paymentReceiptDocument(receipt: PaymentReceipt, options: TemplateOptions): ReceiptDocument {
  return {
    blocks: [
      { kind: 'text', text: receipt.site, align: 'center', bold: true },
      { kind: 'text', text: '缴费凭证', align: 'center', size: 'double', bold: true },
      { kind: 'rule' },
      { kind: 'field', label: '业务', value: receipt.service },
      { kind: 'field', label: '金额', value: formatCny(receipt.amountFen), bold: true },
      { kind: 'field', label: '姓名', value: printedName(receipt.name) },
      { kind: 'field', label: '证件号码', value: printedIdNumber(receipt.idNumber) },
      { kind: 'field', label: '缴款码', value: groupDigits(receipt.paymentCode) },
      { kind: 'field', label: '缴费时间', value: formatDateTime(receipt.paidAt, options.timeZone) },
      { kind: 'field', label: '地点', value: receipt.site },
      { kind: 'rule' },
      { kind: 'text', text: '财政电子票据请凭缴款码查询。请妥善保管本凭证。' },
      { kind: 'cut', feedLines: 3 },
    ],
  };
}

/** The receipt's ESC/POS bytes. */
export function encodePaymentReceipt(receipt: PaymentReceipt, options: TemplateOptions): EncodeResult {
  return encodeReceipt(paymentReceiptDocument(receipt, options), options);
}
