/**
 * The A4 test page: the library's acceptance-receipt layout (no seal, masked
 * name) marked as a test, with rare characters outside GB 2312 (喆 堃 龑) and
 * in CJK Ext A (䶮) and a QR code, so one sheet shows the fonts, the layout
 * margins and the QR all work. Also used to warm the renderer up.
 */
import { maskIdNumber, maskName } from '../../../domain/mask';
import { zonedFields } from '../../../domain/calendar-date';
import type { RenderRequest } from '../issued/render/document-renderer';
import { formatChineseDate } from '../issued/templates/chinese-date';
import { LIBRARY_TEMPLATES, type AcceptanceReceiptVars } from '../issued/templates/library';

/** The characters a test page must show (not masked: they sit in the notes). */
export const TEST_PAGE_RARE_CHARACTERS = '喆堃龑䶮';

/** The test page to render; `now` gives the time printed on it and the number. */
export function testPageDocument(now: Date, kioskId: string, timeZone?: string): RenderRequest {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const wall = zonedFields(now, timeZone);
  const date = formatChineseDate(`${wall.year}-${pad(wall.month)}-${pad(wall.day)}`)!;
  const time = `${pad(wall.hour)}:${pad(wall.minute)}`;
  const stamp = `${wall.year}${pad(wall.month)}${pad(wall.day)}${pad(wall.hour)}${pad(wall.minute)}${pad(wall.second)}`;
  const vars: AcceptanceReceiptVars = {
    serviceName: 'A4打印测试页（非正式文件）',
    maskedName: maskName('测试页'),
    maskedIdNumber: maskIdNumber('000000000000000000'),
    acceptedAt: `${date} ${time}`,
    acceptedDate: date,
    office: `OneDoor 自助终端 ${kioskId}`,
    notes: [
      '本页为打印机测试页，不是正式文件。Printer test page, not a document.',
      `生僻字：${TEST_PAGE_RARE_CHARACTERS}（U+5586 U+5803 U+9F91 U+4DAE）`,
      '标题距上边缘约37毫米，左边距28毫米。Title 37 mm from the top, left margin 28 mm.',
    ],
    progressUrl: `onedoor:test-page/${kioskId}/${stamp}`,
  };
  return { template: LIBRARY_TEMPLATES.acceptanceReceipt, vars: { ...vars, number: `TEST-${kioskId}-${stamp}` } };
}
