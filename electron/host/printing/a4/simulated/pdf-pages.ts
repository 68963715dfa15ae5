/** How many pages a submitted PDF has, as the printer would find out by printing it. */
import { PDFDocument } from 'pdf-lib';

/** The page count, or `undefined` when the bytes are not a PDF pdf-lib can read. */
export async function countPdfPages(pdf: Uint8Array): Promise<number | undefined> {
  try {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
    return doc.getPageCount();
  } catch {
    return undefined;
  }
}
