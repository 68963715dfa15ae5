/** 受理回执: proof that an application was accepted, with a QR code to follow its progress (DOMAIN.md §5). */
import type { ReceiptBlock } from '../encode';
import { encodeReceipt, type EncodeResult, type ReceiptDocument } from '../encode';
import { formatCny, formatDateTime, printedIdNumber, printedName, type TemplateOptions } from './format';

/** What an acceptance receipt shows. Name and ID number are printed masked. */
export interface AcceptanceReceipt {
  /** Business type, e.g. `居民身份证换领`. */
  businessType: string;
  /** 受理编号. */
  acceptanceNumber: string;
  name: string;
  idNumber: string;
  /** Fee in fen; 0 prints as ￥0.00 (free services). */
  amountFen: number;
  site: string;
  acceptedAt: Date;
  /** Where the citizen follows the application; printed as a QR code. */
  progressUrl: string;
  /** Extra lines: where and when to collect, what to bring. */
  notes?: readonly string[];
}

/** The receipt's layout. */
export function acceptanceReceiptDocument(receipt: AcceptanceReceipt, options: TemplateOptions): ReceiptDocument {
  const notes: ReceiptBlock[] = (receipt.notes ?? []).map((text) => ({ kind: 'text', text }));
  return {
    blocks: [
      { kind: 'text', text: receipt.site, align: 'center', bold: true },
      { kind: 'text', text: '受理回执', align: 'center', size: 'double', bold: true },
      { kind: 'rule' },
      { kind: 'field', label: '业务类型', value: receipt.businessType },
      { kind: 'field', label: '受理编号', value: receipt.acceptanceNumber, bold: true },
      { kind: 'field', label: '姓名', value: printedName(receipt.name) },
      { kind: 'field', label: '证件号码', value: printedIdNumber(receipt.idNumber) },
      { kind: 'field', label: '金额', value: formatCny(receipt.amountFen) },
      { kind: 'field', label: '受理地点', value: receipt.site },
      { kind: 'field', label: '受理时间', value: formatDateTime(receipt.acceptedAt, options.timeZone) },
      { kind: 'rule' },
      { kind: 'text', text: '扫码查询办理进度', align: 'center' },
      { kind: 'qr', data: receipt.progressUrl, errorCorrection: 'M' },
      ...notes,
      { kind: 'cut', feedLines: 3 },
    ],
  };
}

/** The receipt's ESC/POS bytes. */
export function encodeAcceptanceReceipt(receipt: AcceptanceReceipt, options: TemplateOptions): EncodeResult {
  return encodeReceipt(acceptanceReceiptDocument(receipt, options), options);
}
