/** The installer's test receipt: Chinese text including rare characters, a QR code and a cut. */
import { encodeReceipt, type EncodeResult, type ReceiptDocument } from '../encode';
import { formatDateTime, type TemplateOptions } from './format';

/** Text lines the test receipt prints, for checking what came out. */
export const TEST_RECEIPT_LINES = {
  title: '打印测试 PRINT TEST',
  chinese: '中文测试：一门通办 智慧警务',
  rare: '生僻字：喆 堃 龑 䶮 㐀 𠮷',
} as const;

/** The QR code's content on the test receipt. */
export const TEST_RECEIPT_QR = 'https://onedoor.example/test?qr=1';

/** The test receipt's layout. */
export function testReceiptDocument(printedAt: Date, options: TemplateOptions): ReceiptDocument {
  return {
    blocks: [
      { kind: 'text', text: TEST_RECEIPT_LINES.title, align: 'center', size: 'double', bold: true },
      { kind: 'rule' },
      { kind: 'text', text: TEST_RECEIPT_LINES.chinese },
      { kind: 'text', text: TEST_RECEIPT_LINES.rare },
      { kind: 'field', label: '纸宽 Paper', value: `${options.paperWidthMm} mm` },
      { kind: 'field', label: '时间 Time', value: formatDateTime(printedAt, options.timeZone) },
      { kind: 'qr', data: TEST_RECEIPT_QR, errorCorrection: 'M' },
      { kind: 'text', text: '二维码 QR code', align: 'center' },
      { kind: 'cut', feedLines: 3 },
    ],
  };
}

/** The test receipt's ESC/POS bytes. */
export function encodeTestReceipt(printedAt: Date, options: TemplateOptions): EncodeResult {
  return encodeReceipt(testReceiptDocument(printedAt, options), options);
}
