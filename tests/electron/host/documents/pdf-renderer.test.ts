/** The PDF renderer: real fonts, checked with poppler's pdftotext. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { createPdfRenderer, type DocumentData } from '../../../../electron/host/documents';
import { pdfText } from '../../../helpers/cups';
import { certificate, RARE_NAME } from './fixtures';

const renderer = createPdfRenderer({ now: () => new Date('2026-11-29T02:00:00Z') });
const numbered = (doc: ReturnType<typeof certificate>, number = 'WF2026-T-01-000001'): DocumentData => ({ ...doc, number }) as DocumentData;
const MM = 72 / 25.4;

async function renderOk(doc: DocumentData) {
  const result = await renderer.render(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('certificate (无犯罪记录证明)', () => {
  it('states number, full name, ID type and number, query date, office and verify code', async () => {
    const { pdf, pages } = await renderOk(numbered(certificate()));
    expect(pages).toBe(1);
    const text = pdfText(pdf);
    for (const expected of ['无犯罪记录证明', 'WF2026-T-01-000001', RARE_NAME, '居民身份证', '11010519491231002X', '截至2026年11月29日', '平顶山市公安局城乡一体化示范区分局湖滨派出所', '未发现', 'A7K9-2QXM-88PT']) {
      expect(text).toContain(expected);
    }
  }, 20_000);

  it('renders names beyond GB 2312 (喆 堃 龑, Ext A 䶮) as text, not boxes', async () => {
    for (const name of ['王喆', '李堃', '刘龑', '刘䶮']) {
      const { pdf } = await renderOk(numbered(certificate({ name })));
      expect(pdfText(pdf)).toContain(`姓 名：${name}`);
    }
  });

  it('is an A4 page with every word inside GB/T 9704-like margins (≥25 mm top/bottom, ≥20 mm sides)', async () => {
    const { pdf } = await renderOk(numbered(certificate()));
    const doc = await PDFDocument.load(pdf);
    const { width, height } = doc.getPage(0).getSize();
    expect(width).toBeCloseTo(210 * MM, 1);
    expect(height).toBeCloseTo(297 * MM, 1);
    const bbox = execFileSync('pdftotext', ['-bbox', '-', '-'], { input: pdf }).toString();
    const words = [...bbox.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"/g)].map((m) => m.slice(1).map(Number));
    expect(words.length).toBeGreaterThan(10);
    for (const [xMin, yMin, xMax, yMax] of words) {
      expect(xMin!).toBeGreaterThanOrEqual(20 * MM);
      expect(xMax!).toBeLessThanOrEqual(width - 20 * MM);
      expect(yMin!).toBeGreaterThanOrEqual(25 * MM);
      expect(yMax!).toBeLessThanOrEqual(height - 25 * MM);
    }
  });

  it('is deterministic for the same data and clock (same SHA-256)', async () => {
    const a = await renderOk(numbered(certificate()));
    const b = await renderOk(numbered(certificate()));
    expect(a.sha256).toBe(b.sha256);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names a character no font has instead of printing a blank box', async () => {
    const result = await renderer.render(numbered(certificate({ name: '张𪚥' })));
    expect(result).toEqual({ ok: false, error: { kind: 'missingGlyph', char: '𪚥', codePoint: 'U+2A6A5', style: 'regular' } });
  });

  it.skipIf(!existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'))('falls back to Debian Noto Sans CJK SC (.ttc face) for Ext B characters Noto Sans SC lacks', async () => {
    const { pdf } = await renderOk(numbered(certificate({ name: '吉𠮷' })));
    expect(pdfText(pdf)).toContain('吉𠮷');
  });

  it('omits the QR block when the back-end gives no verification code', async () => {
    const { pdf } = await renderOk(numbered(certificate({ verifyCode: undefined, verifyUrl: undefined })));
    expect(pdfText(pdf)).not.toContain('核验码');
  });

  it('rejects an impossible date as invalid data, naming the field', async () => {
    const result = await renderer.render(numbered(certificate({ queryDate: '2026-02-30' })));
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalidData', field: 'queryDate' } });
  });
});

describe('receipt and voucher', () => {
  it('受理回执 masks the name and ID number', async () => {
    const { pdf } = await renderOk({
      type: 'acceptanceReceipt',
      number: 'SL2026-T-01-000001',
      serviceName: '居民身份证换领',
      name: '王喆',
      idNumber: '11010519491231002X',
      acceptedAt: '2026-11-29T10:05',
      office: '湖滨派出所',
      notes: ['凭本回执领取。'],
    });
    const text = pdfText(pdf);
    expect(text).toContain('受理回执');
    expect(text).toContain('王*');
    expect(text).toContain('1101**********002X');
    expect(text).not.toContain('王喆');
    expect(text).not.toContain('11010519491231002X');
    expect(text).toContain('1. 凭本回执领取。');
  });

  it('缴费凭证 shows the amount in figures and words', async () => {
    const { pdf } = await renderOk({
      type: 'paymentVoucher',
      number: 'JF2026-T-01-000001',
      serviceName: '居民身份证补领',
      name: '李堃',
      idNumber: '11010519491231002X',
      amountFen: 4000,
      paymentMethod: '银联卡',
      transactionId: 'T1',
      paidAt: '2026-11-29T10:06',
      office: '湖滨派出所',
    });
    const text = pdfText(pdf);
    expect(text).toContain('¥40.00（人民币肆拾元整）');
    expect(text).toContain('李*');
  });
});
