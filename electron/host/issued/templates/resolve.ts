/**
 * Fills a template with a document's fields: placeholders replaced, blocks
 * whose `when` field is empty dropped, list blocks expanded into paragraphs.
 * The result holds every text the page will carry, so fonts can be checked
 * for coverage before anything is laid out.
 */
import { err, ok, type Result } from '../../../../domain/result';
import type { FontStyle } from '../fonts/font-library';
import { fillPlaceholders, isEmptyField, type TemplateVars } from './fill';
import type { DocumentTemplate, TextStyle } from './template-schema';
import type { TemplateError } from './parse-template';

export type Align = 'left' | 'center' | 'right' | 'justify';

export type ResolvedBlock =
  | { kind: 'text'; style: string; text: string; align: Align; indentChars: number; spaceAfterLines: number }
  | { kind: 'fields'; style: string; rows: Array<{ label: string; value: string }>; spaceAfterLines: number }
  | { kind: 'space'; style: string; lines: number }
  | { kind: 'signature'; style: string; lines: string[]; rightIndentChars: number; spaceBeforeLines: number; seal?: { diameterMm: number } }
  /** `time`: null when the request brings no signature (the box stays empty). */
  | { kind: 'citizenSignature'; style: string; label: string; widthMm: number; heightMm: number; time: string | null; spaceBeforeLines: number };

export interface ResolvedFooterQr {
  value: string;
  sizeMm: number;
  style: string;
  caption: string[];
}

export interface ResolvedDocument {
  title: string;
  page: DocumentTemplate['page'];
  styles: Record<string, TextStyle>;
  blocks: ResolvedBlock[];
  footerQr?: ResolvedFooterQr;
}

/** Resolves `template` against `vars`; a missing field names itself in the error. */
export function resolveTemplate(template: DocumentTemplate, vars: TemplateVars): Result<ResolvedDocument, TemplateError> {
  const fail = (message: string): Result<ResolvedDocument, TemplateError> => err({ kind: 'template', templateId: template.id, message });
  const fill = (text: string, extra: TemplateVars = {}): Result<string, string> => fillPlaceholders(text, { ...vars, ...extra });
  const blocks: ResolvedBlock[] = [];

  for (const block of template.blocks) {
    switch (block.kind) {
      case 'text': {
        if (block.when && isEmptyField(vars, block.when)) break;
        const text = fill(block.text);
        if (!text.ok) return fail(`field "${text.error}" is empty`);
        blocks.push({ kind: 'text', style: block.style, text: text.value, align: block.align, indentChars: block.indentChars, spaceAfterLines: block.spaceAfterLines });
        break;
      }
      case 'list': {
        const items = vars[block.field];
        if (items === undefined || typeof items === 'string' || items.length === 0) break;
        if (block.heading) blocks.push({ kind: 'text', style: block.headingStyle ?? block.style, text: block.heading, align: 'left', indentChars: 0, spaceAfterLines: 0 });
        for (const [i, item] of items.entries()) {
          const text = fill(block.text, { item, index: String(i + 1) });
          if (!text.ok) return fail(`field "${text.error}" is empty`);
          blocks.push({ kind: 'text', style: block.style, text: text.value, align: block.align, indentChars: block.indentChars, spaceAfterLines: 0 });
        }
        if (block.spaceAfterLines > 0) blocks.push({ kind: 'space', style: block.style, lines: block.spaceAfterLines });
        break;
      }
      case 'fields': {
        const rows: Array<{ label: string; value: string }> = [];
        for (const row of block.rows) {
          if (row.when && isEmptyField(vars, row.when)) continue;
          const value = fill(row.value);
          if (!value.ok) return fail(`field "${value.error}" is empty`);
          rows.push({ label: row.label, value: value.value });
        }
        blocks.push({ kind: 'fields', style: block.style, rows, spaceAfterLines: block.spaceAfterLines });
        break;
      }
      case 'space':
        blocks.push({ kind: 'space', style: block.style, lines: block.lines });
        break;
      case 'signature': {
        const lines: string[] = [];
        for (const line of block.lines) {
          const text = fill(line);
          if (!text.ok) return fail(`field "${text.error}" is empty`);
          lines.push(text.value);
        }
        blocks.push({ kind: 'signature', style: block.style, lines, rightIndentChars: block.rightIndentChars, spaceBeforeLines: block.spaceBeforeLines, ...(block.seal ? { seal: { diameterMm: block.seal.diameterMm } } : {}) });
        break;
      }
      case 'citizenSignature': {
        const label = fill(block.label);
        if (!label.ok) return fail(`field "${label.error}" is empty`);
        // A time whose field is absent (no signature) is left out, like a caption line.
        const time = fill(block.time);
        blocks.push({ kind: 'citizenSignature', style: block.style, label: label.value, widthMm: block.widthMm, heightMm: block.heightMm, time: time.ok ? time.value : null, spaceBeforeLines: block.spaceBeforeLines });
        break;
      }
      default:
        return assertNever(block);
    }
  }

  let footerQr: ResolvedFooterQr | undefined;
  const qr = template.footerQr;
  if (qr && !(qr.when && isEmptyField(vars, qr.when))) {
    const value = fill(qr.value);
    if (!value.ok) return fail(`field "${value.error}" is empty`);
    const caption: string[] = [];
    for (const line of qr.caption) {
      const text = fill(line);
      // A caption line whose field is absent is left out (e.g. no verify code, only a URL).
      if (text.ok) caption.push(text.value);
    }
    footerQr = { value: value.value, sizeMm: qr.sizeMm, style: qr.style, caption };
  }
  return ok({ title: template.title, page: template.page, styles: template.styles, blocks, ...(footerQr ? { footerQr } : {}) });
}

/** All text per font style, for coverage checks and subsetting. */
export function textByFont(doc: ResolvedDocument): Record<FontStyle, string> {
  const out: Record<FontStyle, string[]> = { regular: [], bold: [] };
  const add = (style: string, ...texts: string[]): void => {
    const font = doc.styles[style]?.font ?? 'regular';
    out[font].push(...texts);
  };
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'text':
        add(block.style, block.text);
        break;
      case 'fields':
        for (const row of block.rows) add(block.style, row.label, row.value);
        break;
      case 'space':
        break;
      case 'signature':
        add(block.style, ...block.lines);
        break;
      case 'citizenSignature':
        add(block.style, block.label, block.time ?? '');
        break;
      default:
        assertNever(block);
    }
  }
  if (doc.footerQr) add(doc.footerQr.style, ...doc.footerQr.caption);
  return { regular: out.regular.join(''), bold: out.bold.join('') };
}

function assertNever(value: never): never {
  throw new Error(`unhandled block ${JSON.stringify(value)}`);
}
