/**
 * What a service asks the documents module to issue. The module knows no
 * document by name: the service brings its template as data, the texts to
 * print, the number to print and the back-end's electronic seal. The
 * journal still numbers every document itself (the sequence the station
 * accounts for), whatever number is printed.
 */
import type { TemplateVars } from './templates/fill';
import type { DocumentSignature } from './document-signature';

/** The back-end's electronic seal: a PNG (transparent background), drawn where the template asks. */
export interface SealImage {
  imagePng: Uint8Array;
}

export interface DocumentRequest {
  /** What the journal calls it, e.g. 'noCriminalRecord' (a short id: [a-zA-Z0-9-]+). */
  kind: string;
  /** The template as data (a service imports its JSON: `import template from './certificate.template.json' with { type: 'json' }`); validated by the documents module (DocumentTemplate schema), cached per object. */
  template: unknown;
  /** Placeholder values (strings or string lists), already in the form to print (the service masks what must be masked). */
  vars: TemplateVars;
  /** The number printed as {{number}}; default: the journal's own number for this document. */
  printedNumber?: string;
  /** The electronic seal from the back-end, drawn where the template's signature block asks for a seal; absent → no seal drawn. */
  seal?: SealImage;
  /** The citizen's signature (a signature step's strokes, `documentSignature`), drawn in the template's citizenSignature box. */
  signature?: DocumentSignature;
}

/** A document kind as the journal stores it. */
export const DOCUMENT_KIND = /^[a-zA-Z0-9-]{1,64}$/;
