/**
 * The one interface documents are rendered through. There is one
 * implementation ({@link createPdfRenderer}): pdf-lib + fontkit + subset-font.
 */
import type { SealImage } from '../document-request';
import type { DocumentSignature } from '../document-signature';
import type { FontError } from '../fonts/font-library';
import type { TemplateVars } from '../templates/fill';
import type { TemplateError } from '../templates/parse-template';
import type { Result } from '../../../../domain/result';

/** A template (as data) and every value it prints, `number` included. */
export interface RenderRequest {
  template: unknown;
  vars: TemplateVars;
  /** Drawn where the template's signature block asks for a seal; absent → no seal. */
  seal?: SealImage;
  /** Drawn into the template's citizenSignature box, its time as `{{signatureTime}}`; absent → the box stays empty. */
  signature?: DocumentSignature;
}

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
  /** The seal's bytes are not a PNG pdf-lib can embed. */
  | { kind: 'seal'; message: string }
  | { kind: 'internal'; message: string };

export interface DocumentRenderer {
  render(request: RenderRequest): Promise<Result<RenderedDocument, RenderError>>;
}
