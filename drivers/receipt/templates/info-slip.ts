/**
 * 信息凭条: a slip that tells the citizen what the back-end said (e.g. where
 * their ID card application is), with an optional QR code of a number they
 * show at a window. Every value is what the service chose to print: names
 * and ID numbers arrive masked.
 */
import { encodeReceipt, type EncodeResult, type ReceiptDocument } from '../encode';
import { formatDateTime, type TemplateOptions } from './format';

export interface InfoSlip {
  site: string;
  /** e.g. 身份证办理进度. */
  title: string;
  lines: ReadonlyArray<{ label: string; value: string }>;
  /** A number to scan at a window, printed as a QR code under its lines. */
  code?: string;
  notes?: readonly string[];
  issuedAt: Date;
}

/** The slip's layout. */
export function infoSlipDocument(slip: InfoSlip, options: TemplateOptions): ReceiptDocument {
  return {
    blocks: [
      { kind: 'text', text: slip.site, align: 'center', bold: true },
      { kind: 'text', text: slip.title, align: 'center', size: 'tall', bold: true },
      { kind: 'rule' },
      ...slip.lines.map((line) => ({ kind: 'field' as const, label: line.label, value: line.value })),
      { kind: 'field', label: '打印时间', value: formatDateTime(slip.issuedAt, options.timeZone) },
      ...(slip.code ? [{ kind: 'qr' as const, data: slip.code }] : []),
      ...(slip.notes ?? []).map((text) => ({ kind: 'text' as const, text })),
      { kind: 'cut', feedLines: 3 },
    ],
  };
}

/** The slip's ESC/POS bytes. */
export function encodeInfoSlip(slip: InfoSlip, options: TemplateOptions): EncodeResult {
  return encodeReceipt(infoSlipDocument(slip, options), options);
}
