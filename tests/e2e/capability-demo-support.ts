/**
 * The capability demo end to end: the real host (simulation default: the
 * simulated devices, the embedded back-end and payment sandboxes), headless
 * Chromium with a fake camera playing a printed page, and the dock as staff
 * use it. Walks a citizen from the card to each step.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFStream } from 'pdf-lib';
import { detailValue, pdfText } from './certificate-support';
import { dock, startByCard, startByNumber } from './service-support';

/** Card → 功能演示 → identify confirmed: the document capture step. */
export async function startDemo(page: Page, citizen: { card: string; name: string }): Promise<void> {
  await startByCard(page, citizen, 'capability-demo');
  await page.getByTestId('document-capture-step').waitFor({ timeout: 10_000 });
}

/** No card: touch → 功能演示 → 没有带身份证 → the number typed on the keypad → the document capture step. */
export async function startDemoTyped(page: Page, idNumber: string): Promise<void> {
  await startByNumber(page, 'capability-demo', idNumber, { next: 'document-capture-step' });
}

/** One page photographed with the document camera (the fake camera's printed page), then confirmed. */
export async function capturePaper(page: Page): Promise<void> {
  const take = page.getByTestId('document-take');
  await expect.poll(() => take.isEnabled(), { timeout: 20_000 }).toBe(true);
  await take.click();
  await expect.poll(() => page.getByTestId('paper-count-proof').textContent(), { timeout: 20_000 }).toMatch(/1/);
  await page.getByTestId('document-confirm').click();
  await page.getByTestId('fingerprints-step').waitFor({ timeout: 20_000 });
}

/** A finger on the simulated scanner (`good` or `bad`), then the step's next state. */
export async function finger(page: Page, quality: 'good' | 'bad'): Promise<void> {
  await expect.poll(() => page.getByTestId('fingerprints-step').getAttribute('data-state'), { timeout: 10_000 }).toBe('capturing');
  await dock(page, `dock-finger-${quality}-fingerprint`);
}

/** Two good prints (right thumb, then left thumb): past the fingerprints step to `next` (default the signature). */
export async function twoPrints(page: Page, next = 'signature-step'): Promise<void> {
  await finger(page, 'good');
  await expect.poll(() => page.getByTestId('fingerprint-finger').getAttribute('data-finger'), { timeout: 15_000 }).toBe('16');
  await finger(page, 'good');
  await page.getByTestId(next).waitFor({ timeout: 15_000 });
}

/** Writes a few strokes on the pad with the mouse and confirms: the step `next` (default the payment). */
export async function sign(page: Page, next = 'payment-step'): Promise<void> {
  const pad = page.getByTestId('signature-pad');
  const box = (await pad.boundingBox())!;
  for (const [y0, y1] of [[0.3, 0.7], [0.7, 0.3], [0.5, 0.5]] as const) {
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * y0);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + box.width * (0.2 + (0.6 * i) / 12), box.y + box.height * (y0 + ((y1 - y0) * i) / 12), { steps: 2 });
    await page.mouse.up();
  }
  await page.getByTestId('signature-confirm').click();
  await page.getByTestId(next).waitFor({ timeout: 15_000 });
}

/** The payment step once it shows its order's QR code. */
export async function orderShown(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('payment-step').getAttribute('data-state'), { timeout: 15_000 }).toBe('waiting');
  await page.getByTestId('payment-qr').waitFor();
}

/** What the 缴费凭证 screen repeated of the slip the receipt printer printed. */
export interface FeeSlipShown {
  title: string;
  total: string;
  orderNo: string;
  /** 财政电子票据: 票据代码 and 号码. */
  bill: string;
}

/**
 * After a paid fee and the submission: the 缴费凭证 printed on the receipt
 * printer, its title and rows read off the screen (amount, order, 票据), then
 * taken (CONFIRM) on to the A4 step.
 */
export async function feeSlipTaken(page: Page): Promise<FeeSlipShown> {
  const step = page.getByTestId('receipt-print-step');
  await expect.poll(() => step.getAttribute('data-state'), { timeout: 30_000 }).toBe('printed');
  const shown: FeeSlipShown = {
    title: ((await step.getByRole('heading').textContent()) ?? '').trim(),
    total: await detailValue(page, 'receipt-details', 'flow.feeSlip.total'),
    orderNo: await detailValue(page, 'receipt-details', 'flow.feeSlip.orderNo'),
    bill: await detailValue(page, 'receipt-details', 'flow.feeSlip.bill'),
  };
  await page.getByTestId('receipt-taken').click();
  await page.getByTestId('a4-print-step').waitFor({ timeout: 15_000 });
  return shown;
}

/** The A4 step printed: its journal number; then the form collected and the run done. */
export async function printedAndDone(page: Page): Promise<string> {
  await expect.poll(() => page.getByTestId('a4-print-step').getAttribute('data-state'), { timeout: 30_000 }).toBe('printed');
  const number = (await page.getByTestId('print-document-number').textContent())!.trim();
  await page.getByTestId('print-collected').click();
  await page.getByTestId('done-step').waitFor({ timeout: 15_000 });
  expect(await page.getByTestId('done-step').getAttribute('data-outcome')).toBe('applicationPrinted');
  return number;
}

/** Every PDF the host kept under `<dataDir>/documents/` whose text holds `marker`, as paths. */
export function keptPdfsWith(dataDir: string, marker: string): string[] {
  const documents = join(dataDir, 'documents');
  return readdirSync(documents, { recursive: true, encoding: 'utf8' })
    .filter((p) => p.endsWith('.pdf'))
    .map((p) => join(documents, p))
    .filter((path) => pdfText(path).includes(marker));
}

/** The path operators of a PDF's first page (m, l, c, re, S…), in order. */
export async function pathOperators(path: string): Promise<string[]> {
  const doc = await PDFDocument.load(readFileSync(path));
  const contents = doc.getPage(0).node.Contents();
  const streams: PDFStream[] = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref) as PDFStream) : contents ? [contents] : [];
  const text = streams.map((stream) => Buffer.from(stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents()).toString('latin1')).join('\n');
  return text
    .replace(/<[0-9A-Fa-f\s]*>|\([^)]*\)/g, ' ')
    .split(/\s+/)
    .filter((token) => ['m', 'l', 'c', 're', 'S', 'Do'].includes(token));
}
