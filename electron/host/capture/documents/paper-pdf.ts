/**
 * One paper's pages as one PDF: each page the host kept becomes an A4 page
 * (portrait or landscape, as the photo is), the photo fitted inside a small
 * margin. The dates are fixed, so the same pages give the same bytes (and
 * the same hash in the step's fact).
 */
import { PDFDocument } from 'pdf-lib';

/** A4 in PDF points. */
const A4 = { short: 595.28, long: 841.89 };
const MARGIN = 18;
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

/** A kept page: the host's own JPEG and its size in pixels. */
export interface PdfPage {
  jpeg: Uint8Array;
  width: number;
  height: number;
}

/** The PDF of `pages`, in order; at least one page. */
export async function paperPdf(pages: readonly PdfPage[]): Promise<Uint8Array> {
  if (pages.length === 0) throw new RangeError('a paper’s PDF needs at least one page');
  const pdf = await PDFDocument.create();
  pdf.setCreationDate(FIXED_DATE);
  pdf.setModificationDate(FIXED_DATE);
  pdf.setProducer('OneDoor kiosk');
  pdf.setCreator('OneDoor kiosk');
  for (const page of pages) {
    const image = await pdf.embedJpg(page.jpeg);
    const landscape = page.width > page.height;
    const [width, height] = landscape ? [A4.long, A4.short] : [A4.short, A4.long];
    const scale = Math.min((width - 2 * MARGIN) / image.width, (height - 2 * MARGIN) / image.height);
    const drawn = { width: image.width * scale, height: image.height * scale };
    pdf.addPage([width, height]).drawImage(image, { x: (width - drawn.width) / 2, y: (height - drawn.height) / 2, ...drawn });
  }
  return pdf.save({ useObjectStreams: true });
}
