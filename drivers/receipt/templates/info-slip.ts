/**
 * 信息凭条: a slip that tells the citizen what the back-end said (e.g. where
 * their ID card application is), with an optional QR code or CODE128 barcode
 * of a number they show at a window (a 领证回执's 受理编号). Every value is
 * what the service chose to print: names and ID numbers arrive masked.
 */
import { encodeReceipt, type EncodeResult, type ReceiptBlock, type ReceiptDocument } from '../encode';
import { formatDateTime, type TemplateOptions } from './format';

export interface InfoSlip {
  site: string;
  /** e.g. 身份证办理进度. */
  title: string;
  lines: ReadonlyArray<{ label: string; value: string }>;
  /** A number to scan at a window, printed under its lines as a QR code (default) or a CODE128 barcode. */
  code?: string;
  codeFormat?: 'qr' | 'code128';
  notes?: readonly string[];
  issuedAt: Date;
}

function codeBlock(code: string, format: 'qr' | 'code128'): ReceiptBlock {
  switch (format) {
    case 'qr':
      return { kind: 'qr', data: code };
    case 'code128':
      return { kind: 'barcode', data: code };
    default: {
      const unreachable: never = format;
      return unreachable;
    }
  }
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
      ...(slip.code ? [codeBlock(slip.code, slip.codeFormat ?? 'qr')] : []),
      ...(slip.notes ?? []).map((text) => ({ kind: 'text' as const, text })),
      { kind: 'cut', feedLines: 3 },
    ],
  };
}

/** The slip's ESC/POS bytes. */
export function encodeInfoSlip(slip: InfoSlip, options: TemplateOptions): EncodeResult {
  return encodeReceipt(infoSlipDocument(slip, options), options);
}
