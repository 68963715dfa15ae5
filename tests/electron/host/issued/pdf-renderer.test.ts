/** The PDF renderer: real fonts, checked with poppler's pdftotext and pdf-lib. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  amountInWords,
  createPdfRenderer,
  formatChineseDate,
  formatChineseDateTime,
  formatYuan,
  LIBRARY_TEMPLATES,
  maskIdNumber,
  maskName,
  type AcceptanceReceiptVars,
  type PaymentVoucherVars,
  type RenderRequest,
  type TemplateVars,
} from '../../../../electron/host/issued';
import { pdfText } from '../../../helpers/cups';
import { certificateTemplate, certificateVars, RARE_NAME, SEAL_PNG } from './fixtures';

const renderer = createPdfRenderer({ now: () => new Date('2026-11-29T02:00:00Z') });
const MM = 72 / 25.4;
const NUMBER = 'WFZ2026-000042';

const certificate = (overrides: TemplateVars = {}, extra: Partial<RenderRequest> = {}): RenderRequest => ({
  template: certificateTemplate,
  vars: { ...certificateVars(overrides), number: NUMBER },
  ...extra,
});

async function renderOk(request: RenderRequest) {
  const result = await renderer.render(request);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

/** The image XObjects the first page draws from (an RGBA PNG brings its alpha as an SMask, not listed here). */
async function pageImages(pdf: Uint8Array): Promise<Array<{ width: number; height: number }>> {
  const doc = await PDFDocument.load(pdf);
  const xobjects = doc.getPage(0).node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  if (!xobjects) return [];
  return xobjects
    .keys()
    .map((key) => xobjects.lookup(key, PDFStream).dict)
    .filter((dict) => dict.get(PDFName.of('Subtype')) === PDFName.of('Image'))
    .map((dict) => ({ width: dict.lookup(PDFName.of('Width'), PDFNumber).asNumber(), height: dict.lookup(PDFName.of('Height'), PDFNumber).asNumber() }));
}

describe('certificate (无犯罪记录证明)', () => {
  it('states number, full name, ID type and number, query date, office and verify code', async () => {
    const { pdf, pages } = await renderOk(certificate());
    expect(pages).toBe(1);
    const text = pdfText(pdf);
    for (const expected of ['无犯罪记录证明', `编号：${NUMBER}`, RARE_NAME, '居民身份证', '11010519491231002X', '截至2026年11月29日', '平顶山市公安局城乡一体化示范区分局湖滨派出所', '未发现']) {
      expect(text).toContain(expected);
    }
  }, 20_000);

  it('prints the verification code as text beside the QR code, for whoever cannot scan it', async () => {
    const text = pdfText((await renderOk(certificate())).pdf);
    expect(text).toContain('核验码：A7K9-2QXM-88PT');
    expect(text).toContain('扫描二维码或凭核验码核验本证明真伪');
  });

  it('renders names beyond GB 2312 (喆 堃 龑, Ext A 䶮) as text, not boxes', async () => {
    for (const name of ['王喆', '李堃', '刘龑', '刘䶮']) {
      const { pdf } = await renderOk(certificate({ name }));
      expect(pdfText(pdf)).toContain(`姓 名：${name}`);
    }
  });

  it('is an A4 page with every word inside GB/T 9704-like margins (≥25 mm top/bottom, ≥20 mm sides)', async () => {
    const { pdf } = await renderOk(certificate());
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

  it('is deterministic for the same data, seal and clock (same SHA-256)', async () => {
    const a = await renderOk(certificate({}, { seal: { imagePng: SEAL_PNG } }));
    const b = await renderOk(certificate({}, { seal: { imagePng: SEAL_PNG } }));
    expect(a.sha256).toBe(b.sha256);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names a character no font has instead of printing a blank box', async () => {
    const result = await renderer.render(certificate({ name: '张𪚥' }));
    expect(result).toEqual({ ok: false, error: { kind: 'missingGlyph', char: '𪚥', codePoint: 'U+2A6A5', style: 'regular' } });
  });

  it.skipIf(!existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'))('falls back to Debian Noto Sans CJK SC (.ttc face) for Ext B characters Noto Sans SC lacks', async () => {
    const { pdf } = await renderOk(certificate({ name: '吉𠮷' }));
    expect(pdfText(pdf)).toContain('吉𠮷');
  });

  it('omits the QR block when the back-end gives no verification code', async () => {
    const { pdf } = await renderOk(certificate({ verifyCode: undefined, verifyTarget: undefined }));
    expect(pdfText(pdf)).not.toContain('核验码');
  });

  it('refuses a field left empty (e.g. a date that is no calendar date), naming it, instead of printing a gap', async () => {
    expect(formatChineseDate('2026-02-30')).toBeUndefined();
    const result = await renderer.render(certificate({ queryDate: formatChineseDate('2026-02-30') }));
    expect(result).toEqual({ ok: false, error: { kind: 'template', templateId: 'noCriminalRecord', message: 'field "queryDate" is empty' } });
  });
});

describe('the seal (electronic seal from the back-end)', () => {
  it('draws the seal it is given as PNG bytes: the page carries that image', async () => {
    const { pdf } = await renderOk(certificate({}, { seal: { imagePng: SEAL_PNG } }));
    // The PNG's own size (IHDR): the image on the page is the one handed over.
    const png = new DataView(SEAL_PNG.buffer, SEAL_PNG.byteOffset);
    expect(await pageImages(pdf)).toEqual([{ width: png.getUint32(16), height: png.getUint32(20) }]);
  });

  it('draws no seal when the request brings none: the kiosk has no seal of its own', async () => {
    const { pdf } = await renderOk(certificate());
    expect(await pageImages(pdf)).toEqual([]);
    // The text is the same certificate all the same.
    expect(pdfText(pdf)).toContain(`编号：${NUMBER}`);
  });

  it('refuses seal bytes that are not a PNG rather than printing a certificate without its seal', async () => {
    const result = await renderer.render(certificate({}, { seal: { imagePng: new TextEncoder().encode('GIF89a not a png') } }));
    expect(result).toEqual({ ok: false, error: { kind: 'seal', message: 'not a PNG image' } });
  });

  it('refuses a template that names a seal image file, saying where the seal comes from', async () => {
    const template = structuredClone(certificateTemplate) as { blocks: Array<Record<string, unknown>> };
    const signature = template.blocks.find((b) => b.kind === 'signature')!;
    signature.seal = { image: 'seal/placeholder-seal.png', diameterMm: 42 };
    const result = await renderer.render({ template, vars: { ...certificateVars(), number: NUMBER }, seal: { imagePng: SEAL_PNG } });
    expect(result).toMatchObject({ ok: false, error: { kind: 'template', templateId: 'noCriminalRecord' } });
    expect(!result.ok && result.error.kind === 'template' && result.error.message).toMatch(/^blocks\.\d+\.seal\.image: the seal is not an image file: it comes from the back-end/);
  });
});

describe('library templates: receipt and voucher', () => {
  it('受理回执 prints what the service filled in: masked name and ID number, numbered notes', async () => {
    const vars: AcceptanceReceiptVars = {
      serviceName: '居民身份证换领',
      maskedName: maskName('王喆'),
      maskedIdNumber: maskIdNumber('11010519491231002X'),
      acceptedAt: formatChineseDateTime('2026-11-29T10:05')!,
      acceptedDate: formatChineseDate('2026-11-29')!,
      office: '湖滨派出所',
      notes: ['凭本回执领取。'],
    };
    const { pdf } = await renderOk({ template: LIBRARY_TEMPLATES.acceptanceReceipt, vars: { ...vars, number: 'SL2026-T-01-000001' } });
    const text = pdfText(pdf);
    expect(text).toContain('受理回执');
    expect(text).toContain('受理编号：SL2026-T-01-000001');
    expect(text).toContain('王*');
    expect(text).toContain('1101**********002X');
    expect(text).not.toContain('王喆');
    expect(text).not.toContain('11010519491231002X');
    expect(text).toContain('2026年11月29日 10:05');
    expect(text).toContain('1. 凭本回执领取。');
  });

  it('缴费凭证 shows the amount in figures and words', async () => {
    const vars: PaymentVoucherVars = {
      serviceName: '居民身份证补领',
      maskedName: maskName('李堃'),
      maskedIdNumber: maskIdNumber('11010519491231002X'),
      amount: formatYuan(4000),
      amountInWords: `人民币${amountInWords(4000)}`,
      paymentMethod: '银联卡',
      transactionId: 'T1',
      paidAt: formatChineseDateTime('2026-11-29T10:06')!,
      paidDate: formatChineseDate('2026-11-29')!,
      office: '湖滨派出所',
    };
    const { pdf } = await renderOk({ template: LIBRARY_TEMPLATES.paymentVoucher, vars: { ...vars, number: 'JF2026-T-01-000001' } });
    const text = pdfText(pdf);
    expect(text).toContain('¥40.00（人民币肆拾元整）');
    expect(text).toContain('李*');
  });
});
