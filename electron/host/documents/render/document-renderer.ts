/**
 * The one interface documents are rendered through. There is one
 * implementation ({@link createPdfRenderer}): pdf-lib + fontkit + subset-font.
 */
import type { DocumentData } from '../document-types';
import type { FontError } from '../fonts/font-library';
import type { InvalidDataError } from '../templates/document-vars';
import type { TemplateError } from '../templates/load-template';
import type { Result } from '../result';

export interface RenderedDocument {
  pdf: Uint8Array;
  /** Lower-case hex SHA-256 of `pdf`, as the journal records it. */
  sha256: string;
  pages: number;
}

/** Why a document could not be rendered. `missingGlyph` names the character. */
export type RenderError =
  | FontError
  | TemplateError
  | InvalidDataError
  | { kind: 'resource'; path: string; message: string }
  | { kind: 'internal'; message: string };

export interface DocumentRenderer {
  render(doc: DocumentData): Promise<Result<RenderedDocument, RenderError>>;
}
