/**
 * Renders documents to PDF: template (validated, cached per object) → fields
 * → coverage check over the font chain → layout → per-face subset with
 * subset-font → embed with `subset: false` (pdf-lib's own subsetting drops
 * CJK glyphs) → the back-end's seal, when the request brings one → PDF bytes.
 */
import { createHash } from 'node:crypto';
import { PDFDocument, PDFName, PDFString, rgb, setCharacterSpacing, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import subsetFont from 'subset-font';
import type { SealImage } from '../document-request';
import { createFontLibrary, type FontChainConfig, type FontLibrary, type LoadedFace } from '../fonts/font-library';
import { fontkit } from '../fonts/fontkit';
import { layoutDocument, type DrawItem, type TextItem } from '../layout/layout';
import { err, ok, type Result } from '../../../../domain/result';
import { parseTemplate } from '../templates/parse-template';
import { resolveTemplate, textByFont } from '../templates/resolve';
import type { DocumentRenderer, RenderedDocument, RenderError, RenderRequest } from './document-renderer';
import { qrSvgPath } from './qr-path';
import { signatureFrameOperators, signatureOperators } from './signature-strokes';
import type { DocumentSignature } from '../document-signature';

export interface PdfRendererOptions {
  /** Font fallback chains (default: Noto Sans SC, then Debian's Noto Sans CJK SC when installed). */
  fonts?: FontChainConfig;
  /** Clock for the PDF's creation date (the bytes depend on it). */
  now?: () => Date;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Creates the PDF renderer. */
export function createPdfRenderer(options: PdfRendererOptions = {}): DocumentRenderer {
  const library = createFontLibrary(options.fonts);
  const now = options.now ?? (() => new Date());

  return {
    async render(request) {
      try {
        return await renderDocument(request);
      } catch (error) {
        // Library messages can embed whole buffers: keep the first line, bounded.
        const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
        return err({ kind: 'internal', message });
      }
    },
  };

  async function renderDocument(request: RenderRequest): Promise<Result<RenderedDocument, RenderError>> {
    const template = parseTemplate(request.template);
    if (!template.ok) return template;
    // The time of signing is the request's, never a field the service fills.
    const vars = request.signature ? { ...request.vars, signatureTime: request.signature.signedAt } : request.vars;
    const resolved = resolveTemplate(template.value, vars);
    if (!resolved.ok) return resolved;
    const texts = textByFont(resolved.value);
    for (const style of ['regular', 'bold'] as const) {
      const covered = await library.cover(style, texts[style]);
      if (!covered.ok) return covered;
    }

    const widths = new Map<string, number>();
    const laidOut = layoutDocument(resolved.value, (style, sizePt, char) => {
      const key = `${style}:${char}`;
      let perEm = widths.get(key);
      if (perEm === undefined) {
        const cp = char.codePointAt(0)!;
        const face = library.faceFor(style, cp);
        perEm = face ? face.font.glyphForCodePoint(cp).advanceWidth / face.font.unitsPerEm : 0;
        widths.set(key, perEm);
      }
      return perEm * sizePt;
    });

    const pdf = await PDFDocument.create({ updateMetadata: false });
    pdf.registerFontkit(fontkit);
    const created = now();
    pdf.setTitle(laidOut.title);
    pdf.setCreator('OneDoor');
    pdf.setProducer('OneDoor (pdf-lib)');
    pdf.setCreationDate(created);
    pdf.setModificationDate(created);
    pdf.catalog.set(PDFName.of('Lang'), PDFString.of('zh-CN'));

    const fonts = await embedFonts(pdf, library, laidOut.pages.flat());
    const wantsSeal = laidOut.pages.some((items) => items.some((item) => item.kind === 'seal'));
    const seal = request.seal && wantsSeal ? await embedSeal(pdf, request.seal) : ok(undefined);
    if (!seal.ok) return seal;

    for (const items of laidOut.pages) {
      const page = pdf.addPage([laidOut.widthPt, laidOut.heightPt]);
      for (const item of items) drawItem(page, item, fonts, seal.value, library, request.signature);
    }
    const bytes = await pdf.save({ useObjectStreams: true });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return ok({ pdf: bytes, sha256, pages: laidOut.pages.length });
  }
}

/** Embeds the back-end's seal PNG; bytes that are not a PNG are an error, never a certificate without its seal. */
async function embedSeal(pdf: PDFDocument, seal: SealImage): Promise<Result<PDFImage, RenderError>> {
  const bytes = seal.imagePng;
  if (bytes.length < PNG_SIGNATURE.length || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return err({ kind: 'seal', message: 'not a PNG image' });
  try {
    return ok(await pdf.embedPng(bytes));
  } catch (error) {
    return err({ kind: 'seal', message: (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200) });
  }
}

/** Subsets every face the text uses to exactly its characters and embeds it whole. */
async function embedFonts(pdf: PDFDocument, library: FontLibrary, items: DrawItem[]): Promise<Map<string, PDFFont>> {
  const charsByFace = new Map<string, { face: LoadedFace; chars: Set<string> }>();
  for (const item of items) {
    if (item.kind !== 'text') continue;
    for (const char of Array.from(item.text)) {
      const face = library.faceFor(item.font, char.codePointAt(0)!);
      if (!face) continue;
      let entry = charsByFace.get(face.id);
      if (!entry) {
        entry = { face, chars: new Set() };
        charsByFace.set(face.id, entry);
      }
      entry.chars.add(char);
    }
  }
  const embedded = new Map<string, PDFFont>();
  for (const [id, { face, chars }] of charsByFace) {
    // subset-font sniffs the format from a Buffer; a bare Uint8Array is misread.
    const source = Buffer.from(face.bytes.buffer, face.bytes.byteOffset, face.bytes.byteLength);
    const subset = await subsetFont(source, [...chars].join(''), { targetFormat: 'sfnt' });
    // `locl` off: under Latin shaping Noto's locl swaps digits for variants
    // that pdf-lib then writes without widths or ToUnicode (an ID number
    // prints spread out and extracts as nothing). The SC forms are the defaults.
    embedded.set(id, await pdf.embedFont(subset, { subset: false, features: { locl: false } }));
  }
  return embedded;
}

function drawItem(page: PDFPage, item: DrawItem, fonts: Map<string, PDFFont>, seal: PDFImage | undefined, library: FontLibrary, signature: DocumentSignature | undefined): void {
  switch (item.kind) {
    case 'text':
      drawText(page, item, fonts, library);
      return;
    case 'seal':
      // No seal from the back-end: the place stays empty. Slightly
      // translucent, like stamp ink: the text under the seal stays legible.
      if (seal) page.drawImage(seal, { x: item.x, y: item.y, width: item.size, height: item.size, opacity: 0.85 });
      return;
    case 'qr':
      page.drawSvgPath(qrSvgPath(item.value, item.size), { x: item.x, y: item.y + item.size, color: rgb(0, 0, 0) });
      return;
    case 'signatureBox':
      page.pushOperators(...signatureFrameOperators(item));
      if (signature) page.pushOperators(...signatureOperators(signature.strokes, item));
      return;
    default:
      assertNever(item);
  }
}

/** Draws a line as runs of characters sharing a face, each placed at its measured x. */
function drawText(page: PDFPage, item: TextItem, fonts: Map<string, PDFFont>, library: FontLibrary): void {
  const runs: Array<{ faceId: string; text: string; x: number }> = [];
  let x = item.x;
  for (const char of Array.from(item.text)) {
    const cp = char.codePointAt(0)!;
    const face = library.faceFor(item.font, cp);
    if (!face) continue;
    const last = runs[runs.length - 1];
    if (last && last.faceId === face.id) last.text += char;
    else runs.push({ faceId: face.id, text: char, x });
    x += (face.font.glyphForCodePoint(cp).advanceWidth / face.font.unitsPerEm) * item.sizePt + item.charSpacing;
  }
  if (item.charSpacing !== 0) page.pushOperators(setCharacterSpacing(item.charSpacing));
  for (const run of runs) {
    page.drawText(run.text, { x: run.x, y: item.y, size: item.sizePt, font: fonts.get(run.faceId)!, color: rgb(0, 0, 0) });
  }
  if (item.charSpacing !== 0) page.pushOperators(setCharacterSpacing(0));
}

function assertNever(value: never): never {
  throw new Error(`unhandled item ${JSON.stringify(value)}`);
}

